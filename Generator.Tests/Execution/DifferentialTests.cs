using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace GoSharp.Generator.Tests.Execution;

/// <summary>
/// Differential tests: every [Goroutine] case of <see cref="Cases"/> runs as a plain call and as a goroutine
/// on 1, 2 and 4 Ps; results (or exceptions) and side-effect logs must be identical.
/// </summary>
public class DifferentialTests
{
    private static readonly int[] Inputs = { 0, 1, 3 };
    private static readonly int[] Procs = { 1, 2, 4 };

    public static IEnumerable<MethodInfo> CaseMethods() =>
        typeof(Cases).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<GoroutineAttribute>() is not null)
            .Where(m => m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(Log), typeof(int) }))
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    public static IEnumerable<object[]> Data() =>
        from m in CaseMethods() from n in Inputs from p in Procs select new object[] { m.Name, n, p };

    /// <summary>
    /// The same cases with every nested goroutine call trampolined through the scheduler, as if it had
    /// suspended (GOSHARP_DEBUG=trampolinecalls=1): every caller then takes its resume path, so a value the
    /// lowering kept in a local of Resume instead of a frame field is lost there and the case fails.
    /// </summary>
    public static IEnumerable<object[]> TrampolineData() =>
        from m in CaseMethods() from n in Inputs select new object[] { m.Name, n };

    [Theory]
    [MemberData(nameof(TrampolineData))]
    public void GoroutineMatchesPlainCall_every_call_trampolined(string name, int n) => Run(name, n, 2, trampoline: true);

    [Fact]
    public void ThereAreManyCases() => Assert.True(CaseMethods().Count() >= 60, "cases: " + CaseMethods().Count());

    [Theory]
    [MemberData(nameof(Data))]
    public void GoroutineMatchesPlainCall(string name, int n, int procs) => Run(name, n, procs, trampoline: false);

    private static void Run(string name, int n, int procs, bool trampoline)
    {
        var plainMethod = typeof(Cases).GetMethod(name)!;
        var launcher = typeof(Cases).GetMethod("Go" + name)!;

        var plainLog = new Log();
        var plain = Outcome(() => plainMethod.Invoke(null, new object[] { plainLog, n }));

        var goLog = new Log();
        string go;
        var options = new GoRuntimeOptions { MaxProcs = procs };
        // An internal testing option (the generated code of this project must bind only to public API, so no
        // InternalsVisibleTo): set through reflection.
        typeof(GoRuntimeOptions).GetProperty("TrampolineEveryCall", BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(options, trampoline);
        using (var rt = new GoRuntime(options))
        using (rt.Enter())
        {
            go = Outcome(() =>
            {
                var handle = launcher.Invoke(null, new object[] { goLog, n })!;
                var join = handle.GetType().GetMethod("Join", Type.EmptyTypes)!;
                return join.Invoke(handle, null);
            });
        }
        Assert.Equal(plain, go);
        Assert.Equal(plainLog.ToString(), goLog.ToString());
    }

    private static string Outcome(Func<object?> run)
    {
        try
        {
            return "value " + (run() ?? "void");
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return "throws " + e.InnerException.GetType().Name + ": " + e.InnerException.Message;
        }
    }
}
