using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team, round 3): a struct local whose type holds an anonymous type (S<anon>, (anon, int), a tuple with a
// List<T>.Enumerator) lives in an object field. Used as a receiver (a mutating call, a field assigned, incremented or
// passed by ref, a `this ref` extension, an indexer setter) it must be the variable itself, not a copy read back by
// example: it is accessed through its cell (__GoVar), in the frame and in a closure environment alike. Before, the
// mutating calls were lost (wrong values) and the assignments did not compile (CS1612, CS1510).
public static partial class Cases
{
    public struct AsBox<T> : IDisposable
    {
        public T V;
        public int C;
        public (int C, string D) Inner;

        public void Bump() => C++;

        public void Add(int x) => C += x;

        public int this[int i]
        {
            readonly get => C * 10 + i;
            set => C = value + i;
        }

        public void Dispose() => Log?.Add("dispose " + C);

        public Log? Log;
    }

    private static AsBox<T> AsOf<T>(T v, Log? log = null) => new() { V = v, Log = log };

    private static void AsInc(ref int x) => x++;

    private static void AsBump2<T>(ref AsBox<T> s) => s.C += 100;


    [Goroutine]
    public static string AsMutatingCalls(Log log, int n)
    {
        var s = AsOf(new { X = n });
        Tw(0);
        s.Bump();
        s.Bump();
        log.Add("bumped " + s.C);
        s.Add(Tw(n + 3));
        s.IncRef();
        AsBump2(ref s);
        s[2] = n + 5;
        log.Add("indexed " + s[1]);
        return s.C + ":" + s.V.X;
    }

    [Goroutine]
    public static int AsEnumeratorInTuple(Log log, int n)
    {
        var l = new List<object> { 1, 2, 3 + n };
        var pair = (E: l.GetEnumerator(), A: new { X = n });
        Tw(0);
        pair.E.MoveNext();
        pair.E.MoveNext();
        log.Add("current " + pair.E.Current);
        pair.E.MoveNext();
        return (int)pair.E.Current + pair.A.X;
    }

    [Goroutine]
    public static string AsFieldAssignments(Log log, int n)
    {
        var s = AsOf(new { X = n });
        s.C += Tw(10);
        log.Add("c " + s.C);
        var t = (A: new { X = n }, C: 1, B: (C: 1, D: "d"));
        Tw(0);
        AsInc(ref t.C);
        t.C++;
        ++t.C;
        t.C -= 2;
        t.B.C = 7 + n;
        t.B.D += Tw("e");
        (t.C, n) = (Tw(5), n + 3);
        ref var c = ref t.C;
        c *= 3;
        return t.ToString() + "|" + s.C + "|" + n;
    }

    [Goroutine]
    public static string AsInClosureEnvironments(Log log, int n)
    {
        var fs = new List<Func<int>>();
        foreach (var x in new[] { 1, 2 + n })
        {
            var s = AsOf(new { X = x });
            fs.Add(() => s.C + s.V.X * 100);
            Tw(0);
            s.Bump();
            s.Add(Tw(x));
            s.IncRef();
            log.Add("in loop " + fs[^1]());
        }
        return fs[0]() + "," + fs[1]();
    }

    [Goroutine]
    public static string AsReassignedAndDisposed(Log log, int n)
    {
        var s = AsOf(new { X = n }, log);
        s.Bump();
        Func<int> read = () => s.C;
        Tw(0);
        s = AsOf(new { X = n + 1 }, log);
        s.Add(Tw(4));
        log.Add("read " + read());
        using (var u = AsOf(new { Y = "u" }, log))
        {
            u.Dispose();
            Tw(0);
            log.Add("using " + u.C);
        }
        using var w = AsOf(new { W = n }, log);
        Tw(0);
        w.Add(n);
        return s.V.X + "," + s.C;
    }

    [Goroutine]
    public static string AsReadonlyVariables(Log log, int n)
    {
        // A foreach or using variable is readonly, but C# still calls its methods on the variable itself.
        var all = "";
        foreach (var s in new[] { AsOf(new { X = n }), AsOf(new { X = n + 1 }) })
        {
            s.Bump();
            Tw(0);
            s.Add(Tw(s.V.X));
            all += s.C + ";";
        }
        using var w = AsOf(new { W = n }, log);
        w.Add(Tw(n + 2));
        // An expression tree reads the local by value (a ref-returning call is no expression tree node).
        System.Linq.Expressions.Expression<Func<int>> tree = () => w.C + w.V.W;
        return all + w.C + "," + tree.Compile()();
    }
}

public static class AsBoxExtensions
{
    public static void IncRef<T>(this ref Cases.AsBox<T> s) => s.C += 10;
}
