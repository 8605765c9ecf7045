using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): nested calls dispatch as C# does: virtual and override [Goroutine] methods on the
// receiver's runtime type (also through a generic type parameter constrained to the base), interface and
// abstract members (plain calls to whatever implements them), new-slot hiding on the static type.
public static partial class Cases
{
    [Goroutine]
    public static string DspVirtualChainAndHiding(Log log, int n)
    {
        var shapes = new List<DspShape> { new DspShape(), new DspSquare(), new DspCube(), new DspHidden(), new DspDecorated() };
        var s = "";
        foreach (var sh in shapes)
            s += sh.Area(Tw(n + 1)) + ",";
        var hidden = new DspHidden();
        s += "|" + hidden.Area(n) + "," + ((DspShape)hidden).Area(n);
        DspSquare sq = new DspCube();
        s += "|" + sq.Area(Tw(2)) + "|" + sq.Describe(log);
        return s;
    }

    [Goroutine]
    public static string DspGenericConstraints(Log log, int n)
    {
        var s = DspRunShape(new DspCube(), n) + "|" + DspRunShape<DspShape>(new DspSquare(), Tw(n));
        s += "|" + DspRunNamed(new DspNamedA(), n) + "|" + DspRunNamed<IDspNamed>(new DspNamedB(), Tw(n));
        var counter = new DspCounter();
        s += "|" + DspBumpTwice(counter, n) + "," + counter.Count;
        return s;
    }

    [Goroutine]
    private static string DspRunShape<T>(T shape, int n) where T : DspShape
    {
        Sp.Pause();
        return shape.Area(n + 1) + ":" + shape.GetType().Name;
    }

    [Goroutine]
    private static string DspRunNamed<T>(T named, int n) where T : IDspNamed
    {
        Go.Yield();
        return named.Name(Tw(n)) + named.Kind;
    }

    [Goroutine]
    private static int DspBumpTwice<T>(T counter, int n) where T : IDspBump
    {
        // A constrained call on a struct type parameter mutates the frame's copy in place (both bumps count).
        counter.Bump(Tw(n + 1));
        counter.Bump(Tw(10));
        var arr = new T[] { counter };
        arr[0].Bump(Tw(100));
        counter.Total = Tw(counter.Count) + 1000;
        return counter.Count + arr[0].Count * 10000 + counter.Total * 100000;
    }

    [Goroutine]
    public static string DspTypeParameterReceiverReassigned(Log log, int n)
    {
        // For a reference type, the receiver is the reference as it was before later arguments ran.
        var s = DspReassign(new DspBox(log, "first"), new DspBox(log, "second"), n);
        s += "|" + DspReassign(new DspCounter(), new DspCounter(), n);
        return s;
    }

    [Goroutine]
    private static string DspReassign<T>(T a, T b, int n) where T : IDspBump
    {
        var x = a;
        x.Bump(Tw((x = b).Count + n + 1));
        x.Total = (x = a).Count + Tw(5);
        return a.Count + "," + b.Count + "," + x.Count + "," + a.Total + "," + b.Total;
    }

    [Goroutine]
    public static string DspInterfaceAndAbstract(Log log, int n)
    {
        IDspNamed a = n % 2 == 0 ? new DspNamedA() : new DspNamedB();
        var s = a.Name(Tw(n)) + "," + a.Kind;
        DspAbstract abs = new DspConcrete();
        s += "|" + abs.Compute(Tw(n)) + "," + ((DspConcrete)abs).Compute(n + 1);
        var concrete = new DspConcrete();
        s += "|" + concrete.Compute(Tw(5)) + "|" + concrete.GoCompute(n).Join();
        IDspNamed viaDefault = new DspNamedB();
        s += "|" + viaDefault.Shout(n);
        return s;
    }

    [Goroutine]
    public static string DspOverrideCallsOtherVirtuals(Log log, int n)
    {
        DspShape sh = n > 1 ? new DspCube() : new DspSquare();
        var s = sh.Describe(log);
        s += "|" + sh.Twice(Tw(n));
        DspShape deco = new DspDecorated();
        s += "|" + deco.Describe(log) + "|" + deco.GoArea(n).Join();
        return s;
    }
}

public partial class DspShape
{
    [Goroutine]
    public virtual string Area(int side)
    {
        Sp.Pause();
        return "shape" + side;
    }

    [Goroutine]
    public virtual string Describe(Log log)
    {
        Go.Yield();
        // A virtual call on this from inside: the override of the runtime type runs.
        var a = Area(3);
        log.Add("describe " + a);
        return "described " + a;
    }

    [Goroutine]
    public string Twice(int v) => Area(v) + "+" + Area(Sp.Val(v + 1));
}

public partial class DspSquare : DspShape
{
    [Goroutine]
    public override string Area(int side)
    {
        Go.Yield();
        return "square" + side * side;
    }
}

public partial class DspCube : DspSquare
{
    [Goroutine]
    public override string Area(int side)
    {
        Sp.Pause();
        return "cube" + side * side * side;
    }

    [Goroutine]
    public override string Describe(Log log)
    {
        Sp.Pause();
        log.Add("cube describe");
        return "cube described " + Area(2);
    }
}

public partial class DspDecorated : DspCube
{
    [Goroutine]
    public override string Area(int side)
    {
        // base.Area is DspCube's, called non-virtually (not this override again).
        var inner = base.Area(Sp.Val(side));
        Go.Yield();
        return "decorated(" + inner + ")";
    }

    [Goroutine]
    public override string Describe(Log log)
    {
        log.Add("decorated describe");
        return "<" + base.Describe(log) + ">";
    }
}

public partial class DspHidden : DspShape
{
    [Goroutine]
    public new string Area(int side)
    {
        Sp.Pause();
        return "hidden" + side;
    }
}

public interface IDspNamed
{
    string Name(int n);
    string Kind { get; }
    string Shout(int n) => Name(n).ToUpperInvariant() + "!";
}

public sealed partial class DspNamedA : IDspNamed
{
#pragma warning disable GOSH0023 // calls through the plain abstraction run it plainly: what this case checks
    [Goroutine]
    public string Name(int n)
    {
        Sp.Pause();
        return "a" + n;
    }

    public string Kind => "A";
}

public sealed partial class DspNamedB : IDspNamed
{
    [Goroutine]
    string IDspNamed.Name(int n)
    {
        Go.Yield();
        return "b" + n;
    }

    public string Kind => "B";
}

public interface IDspBump
{
    void Bump(int by);
    int Count { get; }
    int Total { get; set; }
}

public struct DspCounter : IDspBump
{
    public int Count { get; private set; }
    public int Total { get; set; }
    public void Bump(int by) => Count += by;
}

public sealed class DspBox(Log log, string name) : IDspBump
{
    public int Count { get; private set; }
    public int Total { get; set; }
    public void Bump(int by) { log.Add(name + " bump " + by); Count += by; }
}

public abstract partial class DspAbstract
{
    public abstract string Compute(int n);
}

public partial class DspConcrete : DspAbstract
{
#pragma warning disable GOSH0023 // calls through the plain abstraction run it plainly: what this case checks
    [Goroutine]
    public override string Compute(int n)
    {
        Sp.Pause();
        return "concrete" + n;
    }
}
