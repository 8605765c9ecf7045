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
