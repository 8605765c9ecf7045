using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

// What the draw families (ExpressionPropertyTests.Handlers.cs, .Loops.cs, .Switches.cs, .Places.cs, .Calls.cs,
// .Values.cs) share: the members their statements call beside R's (Header), and their run. Each family draws
// statements of one kind of construct where past bugs clustered, with suspension points (Sp.Val, nested goroutine
// calls) in every operand position, mixed with the plain statements of Statement(); a method holds 2 to 4 of them.
public partial class ExpressionPropertyTests
{
    /// <summary>The families, by the name <c>GOSHARP_FAMILY</c> selects one with.</summary>
    private static readonly (string Name, Func<Gen<string>> Draw)[] Families =
    {
        ("handlers", HandlerStatement), ("loops", LoopStatement), ("switches", SwitchStatement), ("places", PlaceStatement), ("calls", CallStatement), ("values", ValueStatement),
    };

    /// <summary>
    /// Batches of methods whose bodies mix one family's statements (method i draws from family i modulo their number,
    /// so every batch has each) with plain ones. <c>GOSHARP_FAMILY_ITER</c> sets the number of batches (default 1, of
    /// 10 methods: about 5 s; with the variable set, 20 methods a batch), <c>GOSHARP_FAMILY</c> keeps one family. CsCheck
    /// prints the seed of a failing batch (rerun it with <c>CsCheck_Seed</c>). The methods of the families in
    /// AsyncOracleFamilies are also compiled as async twins, C# async the oracle of what is accepted
    /// (ExpressionPropertyTests.AsyncOracle.cs): a method both refuse is left out of the run, and the oracle's figures
    /// are printed.
    /// </summary>
    [Fact]
    public void RandomFamiliesBehaveTheSame()
    {
        var iter = Environment.GetEnvironmentVariable("GOSHARP_FAMILY_ITER");
        var only = Environment.GetEnvironmentVariable("GOSHARP_FAMILY");
        var chosen = Families.Where(f => only is null || f.Name == only).ToArray();
        var families = chosen.Select(f => Gen.Frequency((3, f.Draw()), (1, Statement())).Array[2, 4].Select(a => Unique(string.Join("\n", a)))).ToArray();
        var count = iter is null ? 10 : 20;
        var batches = 0;
        var compiling = TimeSpan.Zero;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tally = new AsyncTally();
        var draw = Gen.Const(Array.Empty<string>());
        for (var i = 0; i < count; i++)
            draw = Gen.Select(draw, families[i % families.Length], (drawn, body) => drawn.Append(body).ToArray());
        Gen.Select(draw, Gen.Int).Sample(drawn =>
        {
            var (bodies, seed) = drawn;
            batches++;
            string Text(int i, int named) => LineBreaks(Method($"public string M{named}(Log log, int n)", FamilyLocals, bodies[i], FamilyTail), seed + i);
            string Source(IEnumerable<string> texts) => "using System.Linq;\n" + Header + string.Concat(texts) + ShapeMembers + FamilyMembers + ValueMembers + "}\n";
            var texts = bodies.Select((_, i) => Text(i, i)).ToArray();
            var source = Source(texts);
            var batchClock = System.Diagnostics.Stopwatch.StartNew();
            var compilation = GeneratorHarness.Compile(new[] { ("RandomExpressions.cs", source) }, new[] { MetadataReference.CreateFromFile(typeof(Execution.Log).Assembly.Location) });
            var result = GeneratorHarness.Run(compilation);
            // The methods of the async oracle's families are compared with their async twins; a refusal of any other
            // method is a failure (CheckBatch's), as before.
            var oracle = Enumerable.Range(0, bodies.Length).Where(i => AsyncOracleFamilies.Contains(chosen[i % chosen.Length].Name)).ToList();
            if (oracle.Count > 0) CompareWithAsync(compilation, result, oracle, i => texts[i], tally);
            var refused = new HashSet<string>(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath == "RandomExpressions.cs")
                .Select(d => MethodAt(d.Location.SourceTree!, d.Location.SourceSpan) ?? ""));
            var kept = Enumerable.Range(0, bodies.Length).Where(i => !(oracle.Contains(i) && refused.Contains("M" + i))).ToArray();
            if (kept.Length == bodies.Length) compiling += CheckBatch(result, source, texts.Length, i => texts[i], batchClock);
            else
            {
                compiling += batchClock.Elapsed;
                compiling += CheckBatch(Source(kept.Select((k, i) => Text(k, i))), kept.Length, i => texts[kept[i]]);
            }
        }, iter: int.Parse(iter ?? "1"), threads: 1);
        output.WriteLine($"{only ?? "all families"}: {batches} batches of {count} random methods, {clock.Elapsed.TotalSeconds:F1} s ({compiling.TotalSeconds:F1} s generating and compiling)");
        if (chosen.Any(f => AsyncOracleFamilies.Contains(f.Name))) output.WriteLine(tally.ToString());
        if (tally.Unexplained.Count > 0) throw new Exception(string.Join("\n\n", tally.Unexplained.Take(3)));
    }

    /// <summary>Locals the families' statements use beside those of <see cref="Method"/>.</summary>
    private const string FamilyLocals =
        """

                    var lg = new Lg(log);
                    var jag = new[] { new[] { 1, 2, 3 }, new[] { 4, 5, 6 } };
                    var pts = new[] { new Pt { X = 1 }, new Pt { X = 2 }, new Pt { X = 3 } };
                    Lg? nl = n == 1 ? null : lg;
                    var fs = new List<Func<int>>();
                    var lq = new Lq(log, Enumerable.Range(n, n + 1).ToArray());
        """;

    /// <summary>The families' state at the method's end: the logging object's, the jagged and struct arrays', the captures'.</summary>
    private const string FamilyTail =
        " + \";\" + lg.Report() + \"/\" + jag[0][0] + jag[0][1] + jag[1][2] + \"/\" + pts[0].X + \",\" + pts[1].X + \",\" + pts[2].X + \"/\" + string.Join(\".\", fs.Select(f => f()))";

    /// <summary>The members the families call: a logging indexer and property, a Deconstruct, throwing disposables.</summary>
    private const string FamilyMembers =
        """

            /// <summary>Logs every read and write of its indexer and properties, so that the log shows their order.</summary>
            public sealed class Lg
            {
                private readonly Log _log;
                private readonly int[] _items = { 10, 20, 30 };
                private int _p = 7;
                public int? Q;
                public int F;
                public int[] Arr = { 1, 2, 3 };
                public Lg? Next;
                public Lg(Log log) => _log = log;
                public int this[int i]
                {
                    get { _log.Add("get" + i + "=" + _items[I3(i)]); return _items[I3(i)]; }
                    set { _log.Add("set" + i + "=" + value); _items[I3(i)] = value; }
                }
                public int P
                {
                    get { _log.Add("getP" + _p); return _p; }
                    set { _log.Add("setP" + value); _p = value; }
                }
                public int M(int a) { _log.Add("m" + a); F += a; return F; }
                public Lg Self(string tag) { _log.Add("self" + tag); return this; }
                public void Deconstruct(out int a, out int b) { _log.Add("dc"); a = _p; b = F; }
                public string Report() => _items[0] + "," + _items[1] + "," + _items[2] + "," + _p + "," + Q + "," + F + "," + Arr[0] + Arr[1] + Arr[2];
            }

            /// <summary>A list whose Count, indexer and Slice log, so that what a list pattern reads shows.</summary>
            public sealed class Lq
            {
                private readonly Log _log;
                private readonly int[] _a;
                public Lq(Log log, int[] a) { _log = log; _a = a; }
                public int Count { get { _log.Add("cnt"); return _a.Length; } }
                public int this[int i] { get { _log.Add("at" + i); return _a[i]; } }
                public int[] Slice(int s, int l) { _log.Add("sl" + s + "/" + l); return _a[s..(s + l)]; }
            }

            /// <summary>An index expression with a side effect: it logs when C# evaluates it.</summary>
            static int Ix(Log log, int i) { log.Add("ix" + i); return I3(i); }

            /// <summary>An array reached through a call that logs.</summary>
            static int[] Get(Log log, int[] a) { log.Add("arr"); return a; }

            [Goroutine]
            public static Lg GetLg(Log log, Lg lg, int v)
            {
                log.Add("glg" + v);
                Sp.Pause();
                return lg;
            }

            /// <summary>A disposable whose disposal logs and, for some values, throws.</summary>
            public sealed class Dt : IDisposable
            {
                private readonly Log _log;
                private readonly int _v;
                public Dt(Log log, int v) { _log = log; _v = v; log.Add("dt" + v); }
                public void Dispose() { _log.Add("undt" + _v); if (_v % 5 == 3) throw new InvalidOperationException("disp" + _v); }
            }

            [Goroutine]
            public static int Guarded(Log log, int v)
            {
                try
                {
                    Sp.Pause();
                    if (v % 3 == 2) throw new InvalidOperationException("gd" + v);
                    return v + 4;
                }
                finally
                {
                    log.Add("gdf" + v);
                }
            }

            [Goroutine]
            public static int Named3(Log log, int a, int b = 2, int c = 3, params int[] rest)
            {
                log.Add($"n3 {a} {b} {c} {rest.Length}");
                Sp.Pause();
                return a * 100 + b * 10 + c + rest.Sum();
            }

            static int Sum(params int[] items) => items.Sum();
            static int Swap(ref int a, ref int b) { (a, b) = (b, a); return a - b; }
            static int In3(in int a, int b, in int c) => a * 100 + b * 10 + c;
            static int Set(out int a, out int b, int v) { a = v; b = v * 2; return v; }
            static int Add(int a, int b) => a * 10 + b;

        """;
}
