using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8, "refused, but C# async accepts it": a local function that uses per-iteration variables of a loop that
// suspends, converted to a delegate (ClosureEnvironments.cs, Renamer.LocalFunctionDelegate). The plain call is
// the oracle: each entry's delegate sees that entry's variables, conversions in one entry are equal (an event
// unsubscribes what it subscribed) and those of two entries are not.
public static partial class Cases
{
    private delegate void Bumper(ref int value);

    private delegate bool Parser(string text, out int value);

    private sealed class Ticker
    {
        public event Action<int>? Tick;

        public void Fire(int v) => Tick?.Invoke(v);
    }

    private static int Apply(Func<int, int> f, int v) => f(v);

    private static T Call<T>(Func<T> f) => f();

    [Goroutine]
    public static string LocalFunctionDelegatesOfForeachVariables(Log log, int n)
    {
        var fs = new List<Func<int>>();
        foreach (var x in new List<int> { 1, n, 5 })
        {
            int y = x * 2;
            int F() => y + 1;
            Go.Yield();
            fs.Add(F);
            Func<int> f = F;
            y += Tw(10);
            fs.Add(f);
            fs.Add(new Func<int>(F));
            fs.Add((Func<int>)F);
            int G() { Func<int> h = () => x + y; return h() * 100; }
            fs.Add(G);
            log.Add("now " + f() + "/" + G());
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string LocalFunctionDelegatesInWhileAndFor(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var i = 0;
        while (i < n + 2)
        {
            var k = i * 3;
            int K() => k;
            Sp.Pause();
            fs.Add(K);
            k++;
            i++;
        }
        for (var j = 0; j < 3; j++)
        {
            var m = j + n;
            Sp.Pause();
            int M(int a) => m * a + j;
            fs.Add(() => Apply(M, 10));
            fs.Add(Call<Func<int>>(() => () => Apply(M, 1)));
            m += 100;
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string LocalFunctionDelegateEquality(Log log, int n)
    {
        var ticker = new Ticker();
        var heard = new List<string>();
        Action<int>? previous = null;
        foreach (var name in new[] { "a", "b", "c" })
        {
            var tag = name + n;
            void Hear(int v) => heard.Add(tag + ":" + v);
            ticker.Tick += Hear;
            Action<int> mine = Hear;
            log.Add("same entry equal " + mine.Equals((Action<int>)Hear));
            log.Add("previous entry equal " + (previous is not null && previous.Equals(mine)));
            previous = mine;
            Go.Yield();
            ticker.Fire(Tw(1));
            ticker.Tick -= Hear;
            ticker.Fire(2);
            tag += "!";
            ticker.Tick += mine;
        }
        ticker.Fire(3);
        return string.Join(",", heard);
    }

    [Goroutine]
    public static string LocalFunctionDelegatesWithRefOutAndGenerics(Log log, int n)
    {
        var bumps = new List<Bumper>();
        var parsers = new List<Parser>();
        var ids = new List<Func<string, string>>();
        for (var i = 0; i < 3; i++)
        {
            var step = i + n;
            void Bump(ref int v) => v += step;
            bool Parse(string s, out int v) { v = s.Length * step; return step > 1; }
            T Id<T>(T v) => v;
            string Tag(string s) => s + step;
            Go.Yield();
            bumps.Add(Bump);
            parsers.Add(Parse);
            Func<int, int> id = Id;
            ids.Add(Id<string>);
            ids.Add(Tag);
            log.Add("id " + id(step));
        }
        var total = 0;
        foreach (var b in bumps) b(ref total);
        var parsed = "";
        foreach (var p in parsers) parsed += p("abc", out var v) + ":" + v + ";";
        var tags = "";
        foreach (var f in ids) tags += f("t") + ";";
        return total + "|" + parsed + "|" + tags;
    }

    [Goroutine]
    public static string LocalFunctionDelegatesOfNestedLoops(Log log, int n)
    {
        var fs = new List<Func<int>>();
        foreach (var x in new[] { 1, 2 })
        {
            var outer = x * 100 + n;
            int Outer() => outer;
            foreach (var y in new List<int> { 10, 20 })
            {
                var inner = y;
                int Both() => Outer() + inner;
                Sp.Pause();
                fs.Add(Both);
                fs.Add(Outer);
                inner += 1;
            }
            outer += 1000;
            // A delegate made in an argument before a suspension keeps the entry it was made in.
            fs.Add(Register(Outer, Tw(x)));
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string LocalFunctionDelegatesAfterGoto(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var round = 0;
    again:
        {
            var v = round * 10 + n;
            int V() => v;
            Go.Yield();
            fs.Add(V);
            v += 1;
        }
        if (++round < 3) goto again;
        return RunAll(fs);
    }
}
