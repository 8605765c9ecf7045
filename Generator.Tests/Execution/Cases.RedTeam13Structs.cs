using System;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 13: struct variables read through an indexer, and the variables ref-returning calls give.
public static partial class Cases
{
    // Bug 4 (silently wrong): a struct's indexer (or an inline array's element) read on a variable, with an index
    // that suspends and changes the variable (`loc[loc.X = Tw(3)]`), read a copy of the variable spilled before
    // the index: C# reads the element of the variable itself, after the index, and sees the change. The variable's
    // location is spilled now, as for a method called on it.
    [Goroutine]
    public static string Rt13StructIndexerOnTheVariable(Log log, int n)
    {
        var loc = new Indexed13();
        var r = loc[loc.X = Tw(3)] + ",";
        var arr = new Indexed13[2];
        r += arr[1][arr[1].X = Tw(4) + n] + ",";
        var h = new IndexedHolder13();
        r += h.B[h.B.X = Tw(5)] + ",";
        var b = new Cells13();
        r += b[b[1] = Tw(1)] + ",";
        loc[Tw(0)] = Tw(9);
        return r + loc.X;
    }

    public struct Indexed13
    {
        public int X;
        public int this[int i] { readonly get => X * 10 + i; set => X = value + i; }
    }

    public sealed class IndexedHolder13 { public Indexed13 B; }

    [InlineArray(3)]
    public struct Cells13 { private int _element; }
}

public static partial class Cases
{
    // Bug 5: the variable a ref-returning call gives, as an assignment target when the call's own arguments suspend
    // and the right side does not, was refused where async accepts it: a C# 14 instance compound operator on it
    // (`AtCounter13(Tw(0)) += 5`, GOSH0017), a field of the struct it gives (`AtCounter13(Tw(1)).X = 7`, `... += 1`,
    // GOSH0010) and a deconstruction target (`(AtInt13(Tw(0)), AtInt13(1)) = (8, 9)`, GOSH0017). The reference is
    // taken after the last suspension point now, in the residual.
    [Goroutine]
    public static string Rt13RefCallTargets(Log log, int n)
    {
        var counters = new Counter13[2];
        var ints = new int[3];
        AtCounter13(counters, Tw(0)) += 5;
        AtCounter13(counters, Tw(1)).X = 7 + n;
        AtCounter13(counters, Tw(1)).X += 1;
        (AtInt13(ints, Tw(0)), AtInt13(ints, 1)) = (8, n);
        ((AtInt13(ints, Tw(2)), _), var k) = ((3, 0), 4);
        checked { AtCounter13(counters, Tw(0)).X *= 2; }
        AtCounter13(counters, Tw(1))[2] = 3;
        return counters[0].X + "," + counters[1].X + "|" + string.Join(",", ints) + k;
    }

    private static ref Counter13 AtCounter13(Counter13[] a, int i) => ref a[i];

    private static ref int AtInt13(int[] a, int i) => ref a[i];

    public struct Counter13
    {
        public int X;
        public void operator +=(int d) => X += d;
        public int this[int i] { readonly get => X + i; set => X += value * i; }
    }

    // Beside it, accepted as async accepts it: a method of a readonly struct called on what a ref-returning call
    // gives, with a suspending argument (the struct cannot change: a copy is the same; a mutable struct's is GOSH0017).
    [Goroutine]
    public static string Rt13ReadonlyStructThroughARefCall(Log log, int n)
    {
        var a = new[] { new Fixed13(1), new Fixed13(n) };
        return AtFixed13(a, 1).Plus(Tw(5)) + "," + AtFixed13(a, Tw(0)).Plus(2);
    }

    private static ref Fixed13 AtFixed13(Fixed13[] a, int i) => ref a[i];

    public readonly struct Fixed13
    {
        private readonly int _x;
        public Fixed13(int x) => _x = x;
        public int Plus(int d) => _x + d;
    }
}

public static partial class Cases
{
    // Likewise through a ref-returning property or indexer of an object (`Pick13(cells, Tw(0)).First.X = 5`,
    // `cells[Tw(1)].X = 7`): refused with GOSH0010, where async accepts them. A compound assignment there
    // (`cells[Tw(2)].X += 2`) is made in place, so the getter runs once, as in C#.
    [Goroutine]
    public static string Rt13RefPropertyTargets(Log log, int n)
    {
        var cells = new RefCounters13(log);
        Pick13(cells, Tw(0)).First.X = 5;
        cells[Tw(1)].X = 7 + n;
        cells[Tw(2)].X += 2;
        Pick13(cells, Tw(1)).First.X++;
        cells[Tw(0)][1] = 4;
        return cells.ToString();
    }

    private static RefCounters13 Pick13(RefCounters13 c, int k) => c;

    public sealed class RefCounters13
    {
        private Counter13 _first;
        private readonly Counter13[] _all = new Counter13[3];
        private readonly Log _log;
        public RefCounters13(Log log) => _log = log;
        public ref Counter13 First { get { _log.Add("first"); return ref _first; } }
        public ref Counter13 this[int i] { get { _log.Add("at" + i); return ref _all[i]; } }
        public override string ToString() => _first.X + "|" + string.Join(",", System.Linq.Enumerable.Select(_all, c => c.X));
    }
}
