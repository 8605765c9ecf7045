using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 6): a user-defined || or && (operator true/false and |, &) with a suspension point was
// refused (GOSH0010) where async accepts it, and a condition of such a type around a suspension point (`if`, `while`,
// `?:`) was written `!(c)`, which needs an operator ! the type may not have (CS0023 in generated code). Lowered now as
// C# means them: `x || y` is `true(x) ? x : x | y`, `x && y` is `false(x) ? x : x & y`, x once; a suspending right
// operand of && stays GOSH0010 (operator false cannot be called alone in C#).
public static partial class Cases
{
    public struct Tri
    {
        public int V; // > 0 true, < 0 false, 0 neither
        public Log? L;
        public static bool operator true(Tri x) { x.L?.Add("T" + x.V); return x.V > 0; }
        public static bool operator false(Tri x) { x.L?.Add("F" + x.V); return x.V < 0; }
        public static Tri operator &(Tri a, Tri b) { a.L?.Add("&"); return new Tri { V = Math.Min(a.V, b.V), L = a.L }; }
        public static Tri operator |(Tri a, Tri b) { a.L?.Add("|"); return new Tri { V = Math.Max(a.V, b.V), L = a.L }; }
        public override string ToString() => "Tri" + V;
    }

    [Goroutine]
    public static Tri TwTri(Tri x)
    {
        Go.Yield();
        return x;
    }

    [Goroutine]
    public static string UserDefinedLogical(Log log, int n)
    {
        var a = new Tri { V = n - 1, L = log };
        var b = new Tri { V = 1 - n, L = log };
        var r = "";
        r += (TwTri(a) || b) + ";";
        r += (TwTri(a) && b) + ";";
        r += (a || TwTri(b)) + ";";
        r += (b || TwTri(a) || TwTri(new Tri { V = 7, L = log })) + ";";
        if (TwTri(a) || TwTri(b)) r += "if;";
        var k = 0;
        while (TwTri(new Tri { V = 2 - k, L = log }))
            k++;
        r += k + ";";
        r += (TwTri(b) ? "t" : "f") + ";";
        for (var i = -1; new Tri { V = 1 - i, L = log } || TwTri(new Tri { V = n - i, L = log }); i++)
            r += i;
        switch (n)
        {
            case int m when TwTri(new Tri { V = m - 1, L = log }):
                r += "w" + m;
                break;
            default:
                r += "d";
                break;
        }
        r += n switch { var q when TwTri(new Tri { V = 2 - q, L = log }) => "x", _ => "y" };
        return r;
    }
}
