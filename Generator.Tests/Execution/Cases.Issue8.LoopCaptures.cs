using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8, "refused, but C# async accepts it": lambdas capturing per-iteration variables of a loop that
// suspends (closure environments, see Generator/Lowering/ClosureEnvironments.cs). The plain call is the oracle:
// each iteration's lambdas keep that iteration's variables, a for variable is one for the whole loop.
public static partial class Cases
{
    private static string RunAll(List<Func<int>> fs)
    {
        var parts = new List<string>();
        foreach (var f in fs) parts.Add(f().ToString());
        return string.Join(",", parts);
    }

    [Goroutine]
    public static string CapturedForeachVariableOverArray(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var xs = new int[n + 2];
        for (var i = 0; i < xs.Length; i++) xs[i] = i * 10 + 1;
        foreach (var x in xs)
        {
            Go.Yield();
            fs.Add(() => x);
            fs.Add(() => x * 2);
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string CapturedForeachVariableOverList(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var xs = new List<int> { 3, n, 7 };
        foreach (var x in xs)
        {
            fs.Add(() => x + 1);
            Sp.Pause();
        }
        foreach (int x in xs) fs.Add(Register(() => x * 100, Tw(x)));
        return RunAll(fs);
    }

    private static Func<int> Register(Func<int> f, int tag) => () => f() + tag;

    [Goroutine]
    public static string CapturedBodyLocalsMutatedInLambda(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var bumps = new List<Action>();
        for (var i = 0; i < n + 2; i++)
        {
            var count = i;
            Go.Yield();
            Action bump = () => count += 100;
            bumps.Add(bump);
            bump();
            log.Add("after bump " + count);
            fs.Add(() => count);
            count += Tw(1);
        }
        foreach (var b in bumps) b();
        return RunAll(fs);
    }

    [Goroutine]
    public static string CapturedAcrossSuspensionInOneIteration(Log log, int n)
    {
        var fs = new List<Func<string>>();
        foreach (var word in new[] { "a", "b", "c" }.AsSpan(0, 1 + n % 3).ToArray())
        {
            var s = word + n;
            Func<string> early = () => s + "|" + word;
            fs.Add(early);
            Go.Yield();
            s += Tw("!");
            fs.Add(() => s.ToUpperInvariant());
        }
        var r = "";
        foreach (var f in fs) r += f() + ";";
        return r;
    }

    [Goroutine]
    public static string CapturedForLoopVariableIsShared(Log log, int n)
    {
        var fs = new List<Func<int>>();
        for (int i = 0, j = 10; i < n + 2; i++, j--)
        {
            var k = i * j;
            Go.Yield();
            fs.Add(() => i * 1000 + j * 100 + k);
        }
        var outer = 0;
        while (outer < 2)
        {
            for (var i = 0; i < 2; i++)
            {
                Sp.Pause();
                fs.Add(() => outer * 10 + i);
            }
            outer++;
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string CapturedWhileAndDoLocals(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var m = 0;
        while (m < n + 2)
        {
            int w = m * 3;
            Go.Yield();
            fs.Add(() => w + m);
            m++;
        }
        do
        {
            var d = m--;
            var two = Tw(2);
            fs.Add(() => d * two);
        }
        while (m > n);
        return RunAll(fs);
    }

    [Goroutine]
    public static string CapturedInNestedLoops(Log log, int n)
    {
        var fs = new List<Func<int>>();
        foreach (var a in new[] { 1, 2, n + 3 })
        {
            var sa = a * 100;
            for (var b = 0; b < 2; b++)
            {
                var sb = b + sa;
                Go.Yield();
                fs.Add(() => a * 10000 + sa + sb * 10);
            }
            var c = 0;
            while (c < 2)
            {
                var sc = c++;
                fs.Add(() => sa + sc + 5);
            }
            fs.Add(() => sa - a);
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string CapturedByNestedLambdas(Log log, int n)
    {
        var makers = new List<Func<Func<int>>>();
        foreach (var x in new[] { 1, 2, 3 + n })
        {
            var y = x * 10;
            Go.Yield();
            makers.Add(() =>
            {
                var z = y + 1;
                return () => x + y + z;
            });
            Func<int, Func<int>> curry = k => () => k * x + y;
            var three = Tw(3);
            makers.Add(() => curry(three));
        }
        var r = "";
        foreach (var mk in makers) r += mk()() + ",";
        return r;
    }

    [Goroutine]
    public static string CapturedInNestedBlocksWithJumps(Log log, int n)
    {
        var fs = new List<Func<int>>();
        for (var i = 0; i < 6; i++)
        {
            if (i % 2 == 0)
            {
                var even = i * 7;
                Go.Yield();
                fs.Add(() => even);
                if (i == 2 + n % 2) continue;
            }
            else
            {
                var odd = -i;
                fs.Add(() => odd + 1);
                if (i > 3 + n) break;
            }
            var last = i;
            Sp.Pause();
            fs.Add(() => last * 100);
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string CapturedInLoopWithTryCatch(Log log, int n)
    {
        var fs = new List<Func<string>>();
        foreach (var x in new[] { 0, 1, 2, n })
        {
            var tag = "t" + x;
            try
            {
                Go.Yield();
                if (x == 1) throw new InvalidOperationException("boom" + x);
                fs.Add(() => tag + "ok");
            }
            catch (InvalidOperationException e)
            {
                Sp.Pause();
                fs.Add(() => tag + e.Message);
            }
            finally
            {
                fs.Add(() => "f" + x);
            }
        }
        var r = "";
        foreach (var f in fs) r += f() + ";";
        return r;
    }

    [Goroutine]
    public static string CapturedDeconstructedForeachVariables(Log log, int n)
    {
        var fs = new List<Func<string>>();
        foreach (var (name, count) in new[] { ("a", 1), ("b", n), ("c", 3) })
        {
            Go.Yield();
            fs.Add(() => name + count);
        }
        var r = "";
        foreach (var f in fs) r += f();
        return r;
    }
}
