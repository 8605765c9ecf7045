using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// A review of span constructor arguments beside a suspending initializer (order of arguments, members, collection
// elements), `in this` of struct goroutines, named params arguments beside caller information and fixed statements
// over fields of class locals and struct locals living in the frame. All agreed.
public partial struct RvCounter
{
    public int F;
    static string Show(in RvCounter c, int extra) => c.F + "+" + extra;
    readonly int Peek() => F + 1;
    [Goroutine]
    public string Run(int n) => Show(in this, Peek() + Sp.Val(n)) + "|" + F;
    [Goroutine]
    public string Run2(int n) { var s = Show(in this, Sp.Val(F + n)); return s + "|" + F; }
    [Goroutine]
    public string Run3(int n) { var s = Show(in this, Sp.Val(n)) + Show(this, Peek() + Sp.Val(1)); return s + "|" + F; }
}

public readonly partial struct RvRo
{
    public readonly int V;
    public RvRo(int v) { V = v; }
    static string Show(in RvRo c, int a, in RvRo d) => c.V + ":" + a + ":" + d.V;
    [Goroutine]
    public string Run(int n) => Show(in this, Sp.Val(n), in this);
}

public static partial class Cases
{
    [Goroutine]
    public static string RvInThis(Log log, int n)
    {
        var c = new RvCounter { F = n };
        var a = c.Run(n);
        var b = c.Run2(n);
        var d = c.Run3(n);
        return a + "/" + b + "/" + d + "/" + c.F + "/" + new RvRo(n).Run(2);
    }

    public sealed class RvMade : IEnumerable<int>
    {
        public RvMade(Log log, ReadOnlySpan<char> s, int k) { log.Add("ctor" + s.ToString() + k); L = s.Length; }
        public int L; public int A { get; set; } public int B { get; init; }
        public RvMade? Inner { get; set; }
        public List<int> Items { get; } = new();
        public void Add(int x) => Items.Add(x);
        public IEnumerator<int> GetEnumerator() => Items.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => L + ":" + A + ":" + B + ":" + string.Join("/", Items) + "[" + Inner + "]";
    }

    [Goroutine]
    public static string RvCtorOrder(Log log, int n)
    {
        ReadOnlySpan<char> sp = "abc".AsSpan(n % 3);
        var p = new RvMade(log, sp, log.L("k", 5)) { A = log.L("a", Tw(n)), B = log.L("b", 2) };
        return p.ToString();
    }

    [Goroutine]
    public static string RvCtorCollInit(Log log, int n)
    {
        ReadOnlySpan<char> sp = "abcd".AsSpan(n % 2);
        var p = new RvMade(log, sp, 1) { log.L("i1", 1), Tw(n), log.L("i3", 3) };
        return p.ToString();
    }


    [Goroutine]
    public static string RvCtorSuspArgAfter(Log log, int n)
    {
        ReadOnlySpan<char> sp = "ab".AsSpan();
        var p = new RvMade(log, sp, 7) { A = Tw(n) } .ToString() + log.L("after", Tw(1));
        return p;
    }

    [Goroutine]
    public static string RvCtorInArgOfCall(Log log, int n)
    {
        ReadOnlySpan<char> sp = "xyz".AsSpan();
        var s = string.Concat(log.L("pre", "p"), new RvMade(log, sp, 1) { A = Tw(n) }.ToString(), log.L("post", "q"));
        return s;
    }

    static string RvNP(int a, [CallerMemberName] string m = "", [CallerArgumentExpression(nameof(a))] string e = "", params int[] rest) => a + m + e + rest.Length + (rest.Length > 0 ? rest[0] : -1);

    [Goroutine]
    public static string RvNamedParams(Log log, int n)
    {
        var s1 = RvNP(n, rest: 5);
        var s2 = RvNP(Tw(n) + 1, rest: Tw(6));
        var s3 = RvNP(rest: log.L("r", 7), a: log.L("a", Tw(n)));
        var s4 = RvNP(n + Tw(1), "mm", rest: [1, Tw(2)]);
        var s5 = RvNP(a: Tw(n) * 2);
        return s1 + "|" + s2 + "|" + s3 + "|" + s4 + "|" + s5;
    }

    static string RvNP2(int a, int b = 9, [CallerLineNumber] int l = 0, params string[] xs) => a + "," + b + "," + l + "," + string.Join("", xs);

    [Goroutine]
    public static string RvNamedParams2(Log log, int n)
    {
        var s1 = RvNP2(n, xs: "q");
        var s2 = RvNP2(b: Tw(1), a: log.L("a", n), xs: log.L("x", "w"));
        var s3 = RvNP2(Tw(n), xs:
            Tw("z"));
        return s1 + "|" + s2 + "|" + s3;
    }

    public struct RvPt { public int X; public int Y; }
    public sealed class RvBox { public RvPt P; public int[] Arr = { 1, 2 }; public RvBox? Next; }

    [Goroutine]
    public static string RvFixedBoxField(Log log, int n)
    {
        var box = new RvBox { P = { X = n, Y = 2 }, Next = new RvBox() };
        var x = Tw(1);
        unsafe {
        fixed (int* p = &box.P.X)
        {
            *p += 5;
            x += *p;
        }
        fixed (int* q = &box.Next!.P.Y) { *q = 9; } }
        x += Tw(box.P.X) + box.Next.P.Y;
        return x + "";
    }

    [Goroutine]
    public static string RvFixedStructLocal(Log log, int n)
    {
        var pt = new RvPt { X = n };
        var box = new RvBox();
        var x = Tw(1);
        unsafe { fixed (int* a = &box.Arr[1], b = &box.P.Y)
        {
            *a += n; *b = 4;
        } }
        x += Tw(box.Arr[1] + box.P.Y);
        return x + "," + pt.X;
    }
}

public static partial class Cases
{
    public struct RvHolder { public RvBox B; public RvPt P; public int[] A; }
    [Goroutine]
    public static string RvFixedThroughStruct(Log log, int n)
    {
        var h = new RvHolder { B = new RvBox(), A = new[] { 1, 2, n } };
        var x = Tw(1);
        unsafe
        {
            fixed (int* p = &h.B.P.X, q = &h.A[2])
            {
                *p = 7 + n; *q += 1;
            }
        }
        h.P.Y = 3;
        x += Tw(h.B.P.X) + h.A[2] + h.P.Y;
        return x + "";
    }
    [Goroutine]
    public static string RvFixedLocalClassChain(Log log, int n)
    {
        var box = new RvBox { Next = new RvBox { P = { X = n } } };
        var x = Tw(2);
        unsafe
        {
            fixed (int* p = &box.Next.P.X) { *p *= 3; }
            fixed (RvPt* pp = &box.P) { pp->Y = 11; }
        }
        return (x + box.Next.P.X + box.P.Y + Tw(0)) + "";
    }
}
