using System;

namespace GoSharp.Generator.Tests.Execution;

// Shapes of ExpressionPropertyTests.Shapes.cs (generic and struct methods, goto, local functions, checked), written out.
public static partial class Cases
{
    public interface IBump27 { int Bump(int by); }

    public struct Mv27 : IBump27
    {
        public int V;
        public int Bump(int by) { V += by; return V; }
        public override string ToString() => "mv" + V;
    }

    public sealed class Mc27 : IBump27
    {
        public int V;
        public int Bump(int by) { V += by; return V; }
        public override string ToString() => "mc" + V;
    }

    [Goroutine]
    private static string Or27Bump<T>(Log log, T a, T b) where T : IBump27
    {
        var x = a.Bump((a = b).Bump(1) + Tw(1));
        log.Add("x" + x + a + b);
        var y = b.Bump(Tw(2)) + b.Bump(3);
        T c = a;
        c.Bump(Tw(4));
        return x + "," + y + "," + a + "," + b + "," + c;
    }

    // A call through the constraint: the receiver is the variable (a struct's method changes it in place, the value an
    // argument assigns to it is the one called), as in a plain call.
    [Goroutine]
    public static string Or27ConstrainedReceiver(Log log, int n)
    {
        var mv = new Mv27 { V = n };
        var other = new Mv27 { V = 7 };
        var z = mv.Bump((mv = other).Bump(1) + Tw(1));
        return z + ";" + mv + ";" + Or27Bump(log, new Mv27 { V = n }, new Mv27 { V = 10 }) + "|" + Or27Bump(log, new Mc27 { V = n }, new Mc27 { V = 10 });
    }

    // A local function and a lambda declared in a checked block are checked; a nested goroutine call's body is not.
    [Goroutine]
    public static string Or27CheckedLocalFunction(Log log, int n)
    {
        var r = "";
        checked
        {
            int Mul(int v) => v * 100000;
            Func<int, int> f = v => v * 65536;
            var t = Tw(n + 30000);
            try { r += Mul(t); } catch (OverflowException) { r += "ov1"; }
            try { r += f(Tw(n + 40000)); } catch (OverflowException) { r += "ov2"; }
            r += "," + Or27Twice(int.MaxValue / 2 + Tw(n));
        }
        return r;
    }

    [Goroutine]
    private static int Or27Twice(int v)
    {
        Sp.Pause();
        return v * 2;
    }

    public struct Pt27
    {
        public int X;
        public int Add(int a) { X += a; return X; }
    }

#pragma warning disable CS8656 // the implicit copies of `this` and of its fields are what the case is about
    public partial struct Rm27
    {
        public Pt27 P;
        public int A;
        private int Bump() => ++A;

        [Goroutine]
        public readonly string Read(Log log, int v)
        {
            var a = P.Add(v);
            Sp.Pause();
            var b = P.Add(Tw(v)) + Bump();
            log.Add("p" + P.X + "/" + A);
            return a + "," + b + "," + P.X + "," + A + "," + Bump();
        }
    }
#pragma warning restore CS8656

    // A readonly member of a struct (found by RandomShapesBehaveTheSame): its `this` is a readonly reference, so a
    // mutating method called on a field of it, or on it, runs on a copy, and the instance stays as it was; the frame's
    // copy of the instance was a writable field, and such a call changed it, so later reads saw the change.
    [Goroutine]
    public static string Or27ReadonlyMemberCopies(Log log, int n)
    {
        var s = new Rm27 { P = new Pt27 { X = n }, A = n };
        var r = s.Read(log, n + 1);
        return r + ";" + s.P.X + "," + s.A;
    }

#pragma warning disable CS8656 // the implicit copies of the primary constructor parameters are what the case is about
    public readonly partial struct Rp27(Pt27 pt)
    {
        [Goroutine]
        public string Read(Log log, int v)
        {
            var a = pt.Add(Tw(v));
            Sp.Pause();
            return a + "," + pt.Add(1) + "," + pt.X;
        }
    }

    public partial struct Rq27(Pt27 pt)
    {
        public int Touch() => pt.X++;

        [Goroutine]
        public readonly string Read(Log log, int v)
        {
            var a = pt.Add(Tw(v));
            Sp.Pause();
            return a + "," + pt.Add(1) + "," + pt.X;
        }
    }
#pragma warning restore CS8656

    // A primary constructor parameter of a readonly struct, or one read in a struct's readonly member, is a readonly
    // variable as `this` is: a mutating method called on it runs on a copy. The frame reached the parameter's field by
    // a writable reference, so such a call changed it and later reads saw the change.
    [Goroutine]
    public static string Or27ReadonlyPrimaryParameterCopies(Log log, int n)
    {
        var p = new Rp27(new Pt27 { X = n });
        var q = new Rq27(new Pt27 { X = n + 1 });
        var r = p.Read(log, 2) + ";" + p.Read(log, 3) + ";" + q.Read(log, 4);
        q.Touch();
        return r + ";" + q.Read(log, 5);
    }

    public struct Ud27 : IDisposable
    {
        public int X;
        public Log? L;
        public int Add(int a) { X += a; return X; }
        public void Dispose() => L?.Add("ud" + X);
    }

    // A foreach iteration variable and a using resource are readonly: a mutating method called on one of a struct type
    // runs on a copy, and the variable stays as it was, across the suspension points of the loop body too.
    [Goroutine]
    public static string Or27ReadonlyLocalCopies(Log log, int n)
    {
        var r = "";
        foreach (var p in new[] { new Pt27 { X = n }, new Pt27 { X = 5 } })
        {
            var a = p.Add(1);
            Sp.Pause();
            var b = p.Add(Tw(2));
            r += a + "," + b + "," + p.X + ";";
        }
        foreach (var p in new System.Collections.Generic.List<Pt27> { new Pt27 { X = n } })
        {
            var a = p.Add(Tw(3)) + p.Add(1);
            r += a + "," + p.X + ";";
        }
        using (var u = new Ud27 { X = n, L = log })
        {
            var a = u.Add(1);
            Sp.Pause();
            r += a + "," + u.Add(Tw(1)) + "," + u.X + ";";
        }
        using var w = new Ud27 { X = n + 10, L = log };
        w.Add(Tw(4));
        return r + w.Add(1) + "," + w.X;
    }
}
