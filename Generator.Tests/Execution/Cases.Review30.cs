using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Review 30: [OverloadResolutionPriority] among the overloads of a virtual [Goroutine] method. C# picks the overload
// of highest priority that takes the arguments, for a call (`Pick(n)` of an int runs Pick(object)) and for a delegate
// made of the method group alike.
public partial class Rv30Picker
{
    [OverloadResolutionPriority(1)]
    [Goroutine]
    public virtual string Pick(object o)
    {
        Go.Yield();
        return "obj" + o;
    }

    [Goroutine]
    public virtual string Pick(int o)
    {
        Go.Yield();
        return "int" + o;
    }

    [Goroutine]
    public string Nested(int n) => Pick(n) + "," + Pick((object)(n + 1)) + "," + Pick(Sp.Val(n + 2));
}

public sealed class Rv30PlainPicker : Rv30Picker
{
    public override string Pick(object o) => "plainobj" + o;

    public override string Pick(int o) => "plainint" + o;
}

public abstract partial class Rv30AbstractPicker
{
    [OverloadResolutionPriority(1)]
    [Goroutine]
    public abstract string Pick(object o);

    [Goroutine]
    public abstract string Pick(int x);
}

public sealed class Rv30PlainAbstractPicker : Rv30AbstractPicker
{
    public override string Pick(object o) => "obj" + o;

    public override string Pick(int x) => "int" + x;
}

public static partial class Cases
{
    // Bug 1 (generated code that did not compile): the factory of Pick(int) asks whether the receiver's override is
    // its type's own through `new Func<int, string>(r.Pick)`, which C# binds to the preferred Pick(object) and then
    // refuses (CS0123); and it ran a plain override as `this.Pick(o)`, Pick(object) again. Both find the method by
    // its signature now (the reflection form of the check). Bug 2 (silently wrong): a nested call `Pick(n)` that C#
    // binds to Pick(object) made its frame with `__GoFrame_Pick(n)`, and the factories carry no priority, so it ran
    // Pick(int); the arguments are converted to the parameters' types now, which only the user's overload takes by
    // identity. The plain subclass checks the plain-override path of the same factories.
    [Goroutine]
    public static string Rv30PriorityAmongVirtualOverloads(Log log, int n)
    {
        var own = new Rv30Picker();
        var plain = new Rv30PlainPicker();
        return own.Pick(n) + "|" + own.Nested(n) + "|" + plain.Pick(n) + "|" + plain.Nested(n) + "|" + Rv30ThroughBase(plain, n);
    }

    [Goroutine]
    private static string Rv30ThroughBase(Rv30Picker p, int n) => p.Pick(Tw(n)) + p.Pick(n * 10);

    // Bug 3 (silently wrong): an abstract [Goroutine] method's factory runs the receiver's implementation plainly as
    // `this.Pick(x)`, which C# sends to the preferred Pick(object): a call `p.Pick(x: n)` that C# binds to Pick(int x)
    // ran Pick(object). The factory passes the arguments by name now where an overload has a priority.
    [Goroutine]
    public static string Rv30PriorityAmongAbstractOverloads(Log log, int n)
    {
        Rv30AbstractPicker p = new Rv30PlainAbstractPicker();
        return p.Pick(n) + "," + p.Pick(x: n) + "," + p.Pick(o: Tw(n)) + "," + p.Pick(x: Tw(n + 1));
    }

    [Goroutine]
    private static T Rv30Launched<T>(T value)
    {
        Tw(0);
        return value;
    }

    // Bug 4 (refused where async accepts it): a `var (a, b)` pattern over a value a launcher's handle gives, in a switch
    // with a suspending guard or in an `is` whose variables outlive a suspension point, was GOSH0010: C# binds that
    // pattern at its designation, so the pattern bound over an example had no operation of its own syntax (its arm's
    // has), its variables' were not mapped back to the written ones, and their types were not inferred (taken for a
    // deconstruction's). Its tests and variables are C#'s now.
    [Goroutine]
    public static string Rv30VarDeconstructionPatterns(Log log, int n)
    {
        var t = GoRv30Launched((n, log.L("second", n + 1))).Join();
        var r = "";
        for (var i = 0; i < 3; i++, t.Item1--)
        {
            switch (t)
            {
                case var (a, b) when Tw(a) > i:
                    Tw(0);
                    r += "a" + a + b;
                    break;
                case (var c, _) d when Tw(c) >= 0:
                    r += "c" + c + d.Item2;
                    break;
                default:
                    r += "none";
                    break;
            }
            r += t switch { var (p, q) when Tw(p + q) > 2 => "pq" + p + q, _ => "-" } + ";";
        }
        if (t is var (x, y) && y > 0 && Tw(x) < 5)
        {
            Go.Yield();
            r += "is" + x + y;
        }
        return r;
    }
}
