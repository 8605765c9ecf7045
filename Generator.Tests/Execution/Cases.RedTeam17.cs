using System;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 17: the C# 7-11 classics (dynamic, ref conditionals, handlers, operators, tuples, control flow)
// around suspension points.
public static partial class Cases
{
    // Bug 1: a dynamically bound || whose right operand suspends combined its operands with `|`, which the runtime
    // binder binds as a bitwise operation; C# binds it as a logical one, which tests the left operand with its
    // operator true again before calling `|` (so a type with a logging operator true logged once where C# logs
    // twice), and as an if's condition C# takes a true left operand as the result without testing it a second
    // time, where the frame tested its value again. A dynamically bound && with a suspending right operand was
    // refused (GOSH0010, saying its operator false was not found) where async accepts it. Both now go through the
    // runtime binder's IsFalse and logical And/Or call sites, as C# makes them.
    [Goroutine]
    public static string Rt17DynamicLogical(Log log, int n)
    {
        dynamic t = new Tri { V = n - 1, L = log };
        var r = "";
        dynamic or = t || Tw(new Tri { V = 5, L = log });
        dynamic and = t && Tw(new Tri { V = 4, L = log });
        r += or + "," + and;
        if (t || Tw(new Tri { V = 3, L = log })) r += "|then";
        if (t && Tw(new Tri { V = 2, L = log })) r += "|then2";
        r += (t || Tw(new Tri { V = -6, L = log })) ? "|yes" : "|no";
        dynamic d = n;
        dynamic both = d > 0 && Tw((bool)(d < 3));
        dynamic right = Tw(n > 1) && d == Tw(3);
        bool converted = d == Tw(n) && Tw(true);
        return r + "|" + both + right + converted + ((t && Tw(new Tri { V = 1, L = log })) && Tw(new Tri { V = 7, L = log }));
    }
}

public static partial class Cases
{
    // Bug 2: a ref conditional whose condition or branches suspend, with nothing after it in its expression
    // suspending (`(Tw(c) ? ref a : ref b) += 5`, `Inc(ref Tw(c) ? ref a : ref b, 2)`, read as a value, a ref
    // local's initializer or a deconstruction's target) was refused (GOSH0017 or GOSH0010) where async accepts it: the reference is chosen
    // after the last suspension point. The condition now goes into a temporary, each branch's location is lowered
    // on its own path, and the residual chooses the reference once (a compound assignment or ??= in place, as the
    // location, with an index that has a side effect, must not be named twice).
    [Goroutine]
    public static string Rt17RefConditionalConditions(Log log, int n)
    {
        int a = 1, b = 2, c = 3;
        var arr = new[] { 10, 20, 30 };
        int i = 0;
        (Tw(n > 0) ? ref a : ref b) = 5;
        (log.L("c", n == 0) ? ref arr[log.L("i", i++)] : ref arr[Tw(i++)]) += log.L("v", 100);
        (Tw(n) > 0 ? ref (Tw(n) > 1 ? ref a : ref b) : ref c) *= 3;
        (Tw(n == 1) ? ref a : ref c)++;
        var x = (Tw(n == 1) ? ref arr[0] : ref arr[1]) + Tw(1);
        Inc17(ref n > 0 ? ref arr[Tw(0)] : ref arr[Tw(1)], log.L("by", 5));
        ref int r = ref (Tw(i) > 1 ? ref arr[Tw(i) - 1] : ref c);
        r += 1000;
        int? p = n > 0 ? null : 4, q = null;
        (Tw(n > 1) ? ref p : ref q) ??= log.L("x", 6);
        int y = 0;
        ((Tw(n > 0) ? ref a : ref b), y) = (log.L("five", 5), 6);
        (y, (n > 1 ? ref c : ref arr[Tw(2)])) = (log.L("nine", 9), 10);
        var z = In17(in (Tw(n > 0) ? ref a : ref b), log.L("one", 1));
        return string.Join(",", arr) + "|" + a + "," + b + "," + c + "," + x + "," + i + "," + p + "," + q + "," + y + "," + z;
    }

    private static void Inc17(ref int x, int by) => x += by;

    private static int In17(in int x, int y) => x * 10 + y;
}

public static partial class Cases
{
    public struct Cell17
    {
        public int T;
        public Pair17 In;
    }

    public struct Pair17
    {
        public int A;
        public int B;
    }

    // Bug 4: a member of the struct a ref conditional chooses, assigned where the conditional's condition or branches
    // suspend and the right side does not (`(Tw(c) ? ref s1 : ref s2).T += 5`, `(...).In.A = 1`), was refused
    // (GOSH0010) where async accepts it. It is assigned in place through the reference chosen once (a branch's index
    // with a side effect runs once). Bug 3's receiver: `(c ? ref s1 : ref s2).Add(Tw(1))` called Add on a copy; it is
    // refused now (Issue8RefusalTests.RefConditionalStructReceiverIsNotPossible).
    [Goroutine]
    public static string Rt17RefConditionalMembers(Log log, int n)
    {
        var s1 = new Cell17();
        var s2 = new Cell17();
        var arr = new Cell17[3];
        int i = 0;
        (Tw(n > 0) ? ref s1 : ref s2).T += 5;
        (Tw(n > 1) ? ref s1 : ref s2).T = 7 + s1.T;
        (log.L("c", n == 0) ? ref arr[log.L("i", i++)] : ref arr[Tw(i++)]).T += log.L("v", 100);
        (n > 0 ? ref arr[Tw(2)] : ref s1).T -= 1;
        (Tw(n > 0) ? ref s1 : ref s2).In.A += 3;
        (Tw(n > 1) ? ref s1 : ref s2).In.B = log.L("b", 4);
        (Tw(n > 0) ? ref s1 : ref s2).T++;
        return s1.T + "," + s2.T + "," + arr[0].T + "," + arr[1].T + "," + arr[2].T + "," + i
            + "," + s1.In.A + s1.In.B + "," + s2.In.A + s2.In.B;
    }
}

public static partial class Cases
{
    // Review of red team 17: a `when` clause is a condition to C# as an `if`'s is: a dynamically bound || there whose
    // left operand is true is taken as true after one test of operator true. The frame took the || as a value and
    // tested that value again (the left operand's operator true logged twice).
    [Goroutine]
    public static string Rt17DynamicLogicalInWhenClauses(Log log, int n)
    {
        dynamic t = new Tri { V = n - 1, L = log };
        var r = "";
        switch (n)
        {
            case var k when t || Tw(new Tri { V = k - 2, L = log }): r += "case"; break;
            default: r += "default"; break;
        }
        r += n switch
        {
            var k when (t || Tw(new Tri { V = 2 - k, L = log })) => "|arm",
            _ => "|none",
        };
        return r;
    }
}
