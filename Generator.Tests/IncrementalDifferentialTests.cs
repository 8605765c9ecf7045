using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// The incremental pipeline's soundness as a property: after every edit of a random sequence (bodies, lines above,
/// methods becoming goroutines, constants, directives in other bodies, methods added and removed) the output of the
/// driver that saw the whole sequence equals a cold run's, byte for byte.
/// </summary>
public class IncrementalDifferentialTests
{
    /// <summary>The sources, as a few numbers that the edits change.</summary>
    private sealed class State
    {
        public readonly List<int> Constants = new() { 1, 2, 3 };
        public readonly List<int> BlankLinesAbove = new() { 0, 1, 0 };
        public int Methods = 3;
        public bool CalleeIsGoroutine;
        public bool CalleeIsIterator;
        public bool NullableDisabledInPlain;
        public int ConstantValue = 3;
        public int LinesAtTop;

        public string Main()
        {
            var sb = new StringBuilder();
            for (var i = 0; i < LinesAtTop; i++) sb.Append("// top\n");
            sb.Append("using System.Collections.Generic;\nusing GoSharp;\nnamespace Demo;\npublic static partial class P\n{\n");
            sb.Append("    static int Plain()\n    {\n");
            if (NullableDisabledInPlain) sb.Append("#nullable disable\n");
            sb.Append("        return 0;\n    }\n");
            for (var m = 0; m < Methods; m++)
            {
                for (var b = 0; b < BlankLinesAbove[m]; b++) sb.Append('\n');
                sb.Append($$"""
                        [Goroutine]
                        public static int M{{m}}(int n, List<int> xs)
                        {
                            string? s = n > {{Constants[m]}} ? "x" : null;
                            var sum = Q.Callee();
                            for (var i = 0; i < n; i++)
                            {
                                Go.Yield();
                                sum += i * {{Constants[m]}};
                            }
                            foreach (var x in xs) sum += x;
                            return sum + (s?.Length ?? 0);
                        }

                    """);
            }
            sb.Append("}\n");
            return sb.ToString();
        }

        public string Callee() =>
            "namespace Demo;\npublic static partial class Q\n{\n    "
            + (CalleeIsGoroutine ? "[GoSharp.Goroutine] " : "")
            + "public static int Callee(int x = K.V) { return x; }\n"
            + "    " + (CalleeIsGoroutine ? "[GoSharp.Goroutine] " : "") + "public static System.Collections.Generic.IEnumerable<int> Items() { "
            + (CalleeIsIterator ? "yield return 1; }" : "return new int[0]; }") + "\n}\n";

        public string Constants_() => $"namespace Demo;\npublic static class K {{ public const int V = {ConstantValue}; }}\n";
    }

    private static readonly Action<State, Random>[] Edits =
    {
        (s, r) => s.Constants[r.Next(s.Methods)] = r.Next(10),                          // a body
        (s, r) => s.BlankLinesAbove[r.Next(s.Methods)] = r.Next(3),                      // lines above a method
        (s, r) => s.LinesAtTop = r.Next(3),                                              // lines above all
        (s, _) => s.CalleeIsGoroutine = !s.CalleeIsGoroutine,                            // a declaration in another file
        (s, _) => s.CalleeIsIterator = !s.CalleeIsIterator,                              // another file's body that matters
        (s, _) => s.NullableDisabledInPlain = !s.NullableDisabledInPlain,                // a directive in another body
        (s, r) => s.ConstantValue = r.Next(10),                                          // a constant in another file
        (s, r) =>                                                                        // a method added or removed
        {
            s.Methods = s.Methods == 3 ? 2 + r.Next(2) * 2 : 3;
            while (s.Constants.Count < s.Methods) { s.Constants.Add(r.Next(10)); s.BlankLinesAbove.Add(r.Next(2)); }
        },
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryRunEqualsAColdRun(int seed)
    {
        var random = new Random(seed);
        var state = new State();
        var compilation = GeneratorHarness.Compile(("P.cs", state.Main()), ("Q.cs", state.Callee()), ("K.cs", state.Constants_()));
        // The driver under test tracks no steps, as in the compiler and the IDE (IncrementalRun.NewDriver says why); a
        // second one, tracking, only counts the lowerings taken from the cache, so that the test is not vacuous.
        var driver = IncrementalRun.NewDriver(trackSteps: false).RunGenerators(compilation);
        var tracking = IncrementalRun.NewDriver().RunGenerators(compilation);
        IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(compilation), IncrementalRun.Outputs(driver), "first run");
        var reused = 0;
        var history = new List<int>();
        for (var step = 0; step < 30; step++)
        {
            var edit = random.Next(Edits.Length);
            history.Add(edit);
            Edits[edit](state, random);
            compilation = IncrementalRun.Replace(compilation, "P.cs", state.Main());
            compilation = IncrementalRun.Replace(compilation, "Q.cs", state.Callee());
            compilation = IncrementalRun.Replace(compilation, "K.cs", state.Constants_());
            driver = driver.RunGenerators(compilation);
            IncrementalRun.AssertSameOutputs(IncrementalRun.Cold(compilation), IncrementalRun.Outputs(driver), $"seed {seed}, edits [{string.Join(", ", history)}]");
            tracking = tracking.RunGenerators(compilation);
            reused += IncrementalRun.Step(tracking, TrackingNames.Model).Count(o => o.Reason == IncrementalStepRunReason.Cached);
        }
        Assert.True(reused > 0);
        foreach (var name in IncrementalTests.Tracked)
            foreach (var (value, _) in IncrementalRun.Step(tracking, name)) IncrementalRun.AssertNoRoslynObjects(value, name);
    }
}
