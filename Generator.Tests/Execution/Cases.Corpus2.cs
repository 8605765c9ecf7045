using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle on new codebases (YamlDotNet, Markdig, SharpZipLib, CsvHelper,
// MathNet.Numerics, NLog, Rx.NET), each reduced to a differential case.
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
}
