using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle on new codebases (YamlDotNet, Markdig, SharpZipLib, CsvHelper,
// MathNet.Numerics, NLog, Rx.NET, NUnit), each reduced to a differential case.
public static partial class Cases
{
    // MathNet.Numerics' Normal.WithMeanVariance(double mean, double var): a parameter and a local named `var`,
    // read as values (they were taken for the type keyword and left unrewritten: CS0103).
    [Goroutine]
    public static string C2VarNamedVariables(Log log, int n)
    {
        double var = n + 0.5;
        var r = Tw(1) + var;
        var v2 = C2VarParameter(n, Tw(n * 2));
        log.Add("var " + var);
        return r + "," + v2;
    }

    [Goroutine]
    private static double C2VarParameter(double mean, double var)
    {
        var s = Math.Sqrt(var + Tw(1));
        return mean + s + var;
    }
    // NLog's AsyncTaskTarget.WriteAsyncTask: `return taskChain ??` then `#if !NET45` / `Task.CompletedTask;` / `#else`
    // / ... / `#endif`, in a method with suspensions elsewhere. The copied return kept the #if, and its #endif (the next
    // token's trivia) stayed behind: CS1027 in generated code.
    [Goroutine]
    public static string C2DirectiveInReturnedExpression(Log log, int n)
    {
        string? chain = n > 1 ? "c" + n : null;
        if (n == 0)
            return Tw("zero");
        for (var i = 0; i < n; i++) chain += Tw(i);
        if (n == 1)
            return chain ??
#if !GOSHARP_NOT_DEFINED
                "none";
#else
                "other";
#endif
        return chain!
#if GOSHARP_NOT_DEFINED
            + "!"
#endif
            ;
    }
    // Rx.NET's AsyncLock.Wait: q.Enqueue((action, @delegate, state)) in a method with a suspension. Inferred tuple
    // element and anonymous member names are written out in the frame; a keyword's needs its @ (was `delegate:`, CS1003).
    [Goroutine]
    public static string C2KeywordInferredNames(Log log, int n)
    {
        var @delegate = "d" + n;
        int @class = n + 1;
        var q = new List<(string @delegate, int @class, int n)>();
        Go.Yield();
        q.Add((@delegate, @class, Tw(n)));
        var t = (@delegate, @class);
        var a = new { @delegate, @class, Tw = Tw(2) };
        var b = Tw(a);
        return q[0].@delegate + q[0].@class + t.@delegate + t.@class + a.@delegate + a.@class + a.Tw + b.@class;
    }
    // Rx.NET's QueryLanguage.CombineLatest of 16 sources and a selector, virtual: 17 parameters. The factory's check
    // that the receiver's override is this type's own took the method as a Func of its parameters, which has no
    // such arity (CS0305); over 16 parameters it finds the method by reflection.
    public partial class C2Many
    {
        [Goroutine]
        public virtual string Seventeen(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9, int a10, int a11, int a12, int a13, int a14, int a15, int a16, Func<int, string> f)
        { Go.Yield(); return f(a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15 + a16); }

        [Goroutine]
        public virtual void SeventeenVoid(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9, int a10, int a11, int a12, int a13, int a14, int a15, int a16, Log log)
        { Go.Yield(); log.Add("v" + (a1 + a16)); }
    }

    public class C2ManyPlain : C2Many
    {
#pragma warning disable GOSH0023 // a plain override: it runs plainly, as tested
        public override string Seventeen(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9, int a10, int a11, int a12, int a13, int a14, int a15, int a16, Func<int, string> f) => "plain" + f(a1);
#pragma warning restore GOSH0023
    }

    public partial class C2ManyGo : C2Many
    {
        [Goroutine]
        public override string Seventeen(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9, int a10, int a11, int a12, int a13, int a14, int a15, int a16, Func<int, string> f)
        { Go.Yield(); return "go" + f(a16); }
    }

    [Goroutine]
    public static string C2SeventeenParameters(Log log, int n)
    {
        var s = "";
        foreach (var m in new C2Many[] { new C2Many(), new C2ManyPlain(), new C2ManyGo() })
        {
            s += m.Seventeen(n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, Tw(16), v => "r" + v) + ",";
            m.SeventeenVoid(n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, log);
        }
        return s;
    }
    // NUnit's `params object?[]? args` called with loose arguments, and a nullable array local with an initializer and
    // a suspension: the array was created as `new object?[]? { ... }` (CS8386).
    [Goroutine]
    public static string C2NullableArrays(Log log, int n)
    {
        string[]? names = { "a", Tw("b" + n) };
        return C2Join(n, "x", Tw("y")) + C2Join(n) + C2Join(n, null) + C2Join(n, (object?)null) + names.Length;
    }

    [Goroutine]
    private static string C2Join(int n, params object?[]? args) { Go.Yield(); return n + ":" + (args is null ? "null" : string.Join("/", args)); }
    // NUnit's ExecutionHookAttribute: `if (BeforeEverySetUpHook != base.BeforeEverySetUpHook)`, method groups compared as
    // their natural delegate types; `base.X` there binds to no symbol, only a candidate (was GOSH0012).
    public partial class C2HookBase
    {
        [Goroutine] public virtual void Hook(Log l) { l.Add("base"); }
        [Goroutine] public virtual void Other(Log l) { l.Add("other"); }
    }

    public partial class C2Hook : C2HookBase
    {
        [Goroutine] public override void Hook(Log l) { Go.Yield(); l.Add("derived"); }

        [Goroutine]
        public string Compare(Log l)
        {
            Go.Yield();
            Action<Log> a = base.Hook;
            a(l);
            return (Hook != base.Hook) + "," + (Other != base.Other) + "," + (base.Other == base.Other);
        }
    }

    [Goroutine]
    public static string C2BaseMethodGroupsCompared(Log log, int n) => new C2Hook().Compare(log) + Tw(n);
    // A virtual [Goroutine] method named by a keyword: the factory's override check names it (was `__r).event`, CS1001).
    public partial class C2Virt { [Goroutine] public virtual string @event(int n) { Go.Yield(); return "e" + n; } }
    public partial class C2VirtGo : C2Virt { [Goroutine] public override string @event(int n) { Go.Yield(); return "d" + n; } }
#pragma warning disable GOSH0023 // a plain override, run plainly as tested
    public class C2VirtPlain : C2Virt { public override string @event(int n) => "p" + n; }
#pragma warning restore GOSH0023

    [Goroutine]
    public static string C2KeywordVirtualMethod(Log log, int n)
    {
        C2Virt[] vs = { new C2Virt(), new C2VirtGo(), new C2VirtPlain() };
        var s = "";
        foreach (var v in vs) s += v.@event(Tw(n)) + v.Goevent(n).Join();
        return s;
    }
}
