using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: closure environments combined with the rest of the lowering: generic instance goroutines, lambdas as
// operands of suspending expressions and of nested goroutine calls, using and checked blocks in the loop.
public static partial class Cases
{
    public sealed partial class Collector<T>
    {
        private readonly string _prefix;

        public Collector(string prefix) => _prefix = prefix;

        [Goroutine]
        public List<Func<string>> Collect<TExtra>(IEnumerable<T> items, TExtra extra)
        {
            var fs = new List<Func<string>>();
            var index = 0;
            foreach (var item in items)
            {
                var at = index++;
                Go.Yield();
                fs.Add(() => _prefix + at + ":" + item + "/" + extra);
            }
            return fs;
        }
    }

    [Goroutine]
    public static string CapturesInAGenericInstanceGoroutine(Log log, int n)
    {
        var c = new Collector<string>("p");
        var fs = c.Collect(new[] { "a", "b" + n, "c" }, n * 2);
        var r = "";
        foreach (var f in fs) r += f() + ";";
        return r;
    }

    [Goroutine]
    private static int ApplyTwice(Func<int> f, int add)
    {
        Sp.Pause();
        return f() + f() + add;
    }

    [Goroutine]
    public static string CapturingLambdasAsOperandsOfSuspendingCalls(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var results = new List<int>();
        foreach (var x in new[] { 1, 2, n + 3 })
        {
            var y = x * 10;
            results.Add(ApplyTwice(() => x + y, Tw(x)));
            fs.Add(log.L("sign", Tw(x) % 2) == 0 ? () => x : () => -y);
            fs.Add(Register(() => y, Tw(100)));
        }
        return string.Join(",", results) + "|" + RunAll(fs);
    }

    private sealed class Counted : IDisposable
    {
        private readonly Log _log;
        public Counted(Log log, int id) { _log = log; Id = id; }
        public int Id { get; }
        public void Dispose() => _log.Add("dispose" + Id);
    }

    [Goroutine]
    public static string CapturesInUsingAndCheckedBlocksOfALoop(Log log, int n)
    {
        var fs = new List<Func<int>>();
        for (var i = 0; i < n + 2; i++)
        {
            using (var c = new Counted(log, i))
            {
                var id = c.Id;
                Go.Yield();
                fs.Add(() => id * 3 + c.Id);
            }
            checked
            {
                var big = i * 1000;
                Sp.Pause();
                fs.Add(() => big + 1);
            }
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string CapturedOutAndPatternVariables(Log log, int n)
    {
        var fs = new List<Func<string>>();
        var table = new Dictionary<string, int> { ["a"] = 1, ["c"] = 3 + n };
        object[] things = { "s" + n, 42, 1.5, "t" };
        foreach (var key in new[] { "a", "b", "c" })
        {
            var found = table.TryGetValue(key, out var value);
            Go.Yield();
            fs.Add(() => key + found + value);
            if (things[Tw(value % 4)] is string text && text.Length > 0)
                fs.Add(() => text + value);
            if (things[value % 4] is int number) fs.Add(() => "n" + number + key);
        }
        var r = "";
        foreach (var f in fs) r += f() + ";";
        return r;
    }

    [Goroutine]
    public static string CapturedSwitchSectionLocals(Log log, int n)
    {
        var fs = new List<Func<string>>();
        for (var i = 0; i < 4 + n; i++)
        {
            switch (i % 3)
            {
                case 0:
                    var zero = "z" + i;
                    Go.Yield();
                    fs.Add(() => zero);
                    break;
                case 1:
                    zero = "reused" + i;
                    var one = Tw(i * 10);
                    fs.Add(() => zero + one);
                    break;
                default:
                    Sp.Pause();
                    fs.Add(() => "d" + i);
                    break;
            }
        }
        var r = "";
        foreach (var f in fs) r += f() + ";";
        return r;
    }

    [Goroutine]
    public static string LocalFunctionsUsingPerIterationVariables(Log log, int n)
    {
        var fs = new List<Func<int>>();
        var direct = new List<int>();
        foreach (var x in new[] { 1, 2, n + 3 })
        {
            var y = x * 10;
            Go.Yield();
            int Sum(int a) => x + y + a;
            int Twice() => Sum(0) * 2;
            fs.Add(() => Sum(100) + Twice());
            y += Sum(Tw(1));
            direct.Add(Twice());
            for (var i = 0; i < 2; i++)
            {
                var z = i + y;
                Sp.Pause();
                int Inner() => z + Sum(0);
                fs.Add(() => Inner());
            }
        }
        return string.Join(",", direct) + "|" + RunAll(fs);
    }
}
