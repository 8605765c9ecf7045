using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Nested [Goroutine] calls, instance and generic goroutines, goroutines talking to each other.
public static partial class Cases
{
    [Goroutine]
    public static int Fib(Log log, int n)
    {
        if (n < 2) { Sp.Pause(); return n; }
        return Fib(log, n - 1) + Fib(log, n - 2);
    }

    [Goroutine]
    public static int FibDriver(Log log, int n) => Fib(log, n + 5);

    [Goroutine]
    public static int DeepRecursion(Log log, int n)
    {
        return Depth(200 + n);
    }

    [Goroutine]
    private static int Depth(int d)
    {
        if (d == 0) return 0;
        if (d % 50 == 0) Go.Yield();
        return 1 + Depth(d - 1);
    }

    [Goroutine]
    public static int OptionalArguments(Log log, int n) => WithDefaults(n) + WithDefaults(n, "xy") + WithDefaults(b: "abc", a: n);

    [Goroutine]
    private static int WithDefaults(int a, string b = "q", params int[] rest)
    {
        Sp.Pause();
        return a + b.Length + rest.Length;
    }

    [Goroutine]
    public static int InstanceCalls(Log log, int n)
    {
        var c = new Counter(log, n);
        c.Run(3);
        var total = c.Run(2);
        return total + c.Total;
    }

    [Goroutine]
    public static int GenericCalls(Log log, int n)
    {
        var a = Echo(n);
        var s = Echo("s" + n);
        var list = Echo(new List<int> { n });
        var g = new Holder<string>("h").Get(n);
        log.Add(s + g);
        return a + list.Count + g.Length;
    }

    [Goroutine]
    public static int GenericLaunchers(Log log, int n)
    {
        var h = GoEcho<int>(n + 1);
        var hs = GoEcho<string>("s" + n);
        // A value computed from launcher handles needs an explicit type (the generator cannot see GoX's type).
        int joined = h.Join() + hs.Join().Length;
        log.Add("joined " + joined);
        return joined;
    }

    [Goroutine]
    private static T Echo<T>(T value)
    {
        Sp.Pause();
        return Sp.Val(value);
    }

    [Goroutine]
    public static int SpawnAndJoin(Log log, int n)
    {
        var h1 = GoFib(new Log(), n + 3);
        var h2 = GoFib(new Log(), n + 4);
        var a = h1.Join();
        var b = h2.Join();
        var v = GoVoidMethod(new Log(), n);
        v.Join();
        return a + b;
    }

    [Goroutine]
    public static int JoinFailed(Log log, int n)
    {
        var h = GoUncaught(new Log(), n);
        try
        {
            h.Join();
            return 0;
        }
        catch (ArgumentOutOfRangeException e)
        {
            log.Add("joined exception " + e.ParamName);
            return 1;
        }
    }

    [Goroutine]
    public static int HandOff(Log log, int n)
    {
        var cell = new Cell<int>();
        var back = new Cell<int>();
        var producer = GoProducer(cell, back, n + 3);
        var sum = 0;
        for (var i = 0; i < n + 3; i++)
        {
            var v = cell.Take();
            sum += v;
            back.Put(v * 2);
        }
        producer.Join();
        log.Add("sum " + sum);
        return sum;
    }

    [Goroutine]
    public static void Producer(Cell<int> cell, Cell<int> back, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            cell.Put(i);
            var echoed = back.Take();
            if (echoed != i * 2) throw new InvalidOperationException("bad echo");
        }
    }

    [Goroutine]
    public static int PingPongChain(Log log, int n)
    {
        // A chain of goroutines, each forwarding from its input cell to its output cell.
        var first = new Cell<int>();
        var input = first;
        for (var i = 0; i < 5; i++)
        {
            var output = new Cell<int>();
            GoForward(input, output);
            input = output;
        }
        var total = 0;
        for (var k = 0; k < n + 2; k++)
        {
            first.Put(k);
            total += input.Take();
        }
        first.Put(-1);
        input.Take();
        return total;
    }

    [Goroutine]
    public static void Forward(Cell<int> input, Cell<int> output)
    {
        while (true)
        {
            var v = input.Take();
            output.Put(v < 0 ? v : v + 1);
            if (v < 0) return;
        }
    }
}

public partial class Counter
{
    private readonly Log _log;
    private readonly int _step;

    public Counter(Log log, int step) { _log = log; _step = step; }

    public int Total { get; private set; }

    [Goroutine]
    public int Run(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Sp.Pause();
            Total += _step;
            this.Total++;
            _log.Add("total " + Total);
        }
        return Total;
    }
}

public partial class Holder<T>
{
    private readonly T _value;

    public Holder(T value) => _value = value;

    [Goroutine]
    public string Get(int n)
    {
        Sp.Pause();
        return _value + ":" + n;
    }
}

public static partial class CounterExtensions
{
    [Goroutine]
    public static int Bump(this Box box, int by)
    {
        Sp.Pause();
        box.Value += by;
        return box.Value;
    }
}

public partial struct Accumulator
{
    public int Seed;

    [Goroutine]
    public readonly int Accumulate(int n)
    {
        var s = Seed;
        for (var i = 0; i < n; i++) s += Sp.Val(i);
        return s;
    }
}

public static partial class Cases
{
    [Goroutine]
    public static int ExtensionSuspensionPoint(Log log, int n)
    {
        var box = new Box();
        var a = box.Tag(n + 1);
        var s = box.Tag("t");
        log.Add(s + box.Field);
        return a + box.Field;
    }

    [Goroutine]
    public static int ExtensionAndStructGoroutines(Log log, int n)
    {
        var box = new Box();
        box.Bump(n);
        var v = box.Bump(2);
        var acc = new Accumulator { Seed = 10 };
        var a = acc.Accumulate(n + 2);
        var h = acc.GoAccumulate(3).Join();
        log.Add($"{v},{a},{h}");
        return v + a + h;
    }
}
