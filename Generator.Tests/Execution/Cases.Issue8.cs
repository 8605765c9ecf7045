using System;
using GoSharp.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8, "silently wrong": constructs whose goroutine run differed from the plain call. This file: compound
// assignment (its right side is one operand); the other classes are in Cases.Issue8.*.cs.
public static partial class Cases
{
    /// <summary>A suspending identity (yields, then returns its argument): short to read in the cases below.</summary>
    [SuspensionPoint(nameof(GetTwAwaiter))]
    private static T Tw<T>(T value) => value;

    private static Sp.ValAwaiter<T> GetTwAwaiter<T>(T value) => new(value, completed: false);

    private static int s_compound;

    private static int StaticProp { get; set; }

    [Goroutine]
    public static int CompoundPrecedenceLocals(Log log, int n)
    {
        int x = n + 10;
        x *= 2 + Tw(1);
        log.Add("x=" + x);
        x -= 1 + Tw(2);
        x /= 1 + Tw(1);
        x %= 3 + Tw(4);
        int y = n + 1;
        y <<= 1 + Tw(1);
        y >>= Tw(1) - 1 + 1;
        y |= Tw(8) & 12;
        y ^= 1 ^ Tw(3);
        long z = n;
        z -= Tw(3) - 5;
        log.Add("y=" + y + ",z=" + z);
        return x * 1000 + y + (int)z;
    }

    [Goroutine]
    public static string CompoundPrecedenceStrings(Log log, int n)
    {
        string s = "a";
        s += 1 + Tw(n);
        s += "b" + Tw("c") + 2 + 3;
        string? t = null;
        t ??= "x" + Tw(n) + 1;
        t ??= "unused" + Tw(0);
        int? u = null;
        u ??= n + Tw(2) * 3;
        var v = (u ??= 100 + Tw(1)) * 2;
        log.Add(s + "|" + t + "|" + u + "|" + v);
        return s + t + u + v;
    }

    [Goroutine]
    public static int CompoundPrecedenceLocations(Log log, int n)
    {
        var box = new Box { Value = n + 2, Field = n + 3 };
        box.Value *= 2 + Tw(1);
        box.Field -= 1 + Tw(2);
        var arr = new[] { 5, 6, 7 };
        arr[Tw(1)] *= 2 + Tw(3);
        arr[n % 3] <<= 1 + Tw(1);
        box.Items.Add(n);
        box.Items[0] -= 10 - Tw(4);
        s_compound = n + 1;
        s_compound *= 3 + Tw(n);
        StaticProp = 4;
        StaticProp %= 2 + Tw(1);
        var boxes = new[] { box };
        boxes[Tw(0)].Value += 1 + Tw(1) * 10;
        box.Name ??= "n" + Tw(n) + 1;
        box.Name += 2 + Tw(3);
        var names = new System.Collections.Generic.Dictionary<string, int> { ["k"] = 1 };
        names[Tw("k")] *= n + Tw(2);
        log.Add($"{box.Value},{box.Field},{arr[0]},{arr[1]},{arr[2]},{box.Items[0]},{s_compound},{StaticProp},{box.Name},{names["k"]}");
        return box.Value + box.Field + arr[1] + box.Items[0] + s_compound + StaticProp + names["k"];
    }

    [Goroutine]
    public static int CompoundPrecedenceNested(Log log, int n)
    {
        int x = 3, y = 4;
        x *= y += 1 + Tw(n);           // y = 4 + (1 + n); x = 3 * y
        x -= n > 1 ? Tw(1) + 1 : 2;
        x -= 10 - Tw(4);
        checked { x *= 2 + Tw(1); x -= 5 - Tw(1); }
        x += Sum3(1, Tw(2), 3) - 100;
        log.Add(x + "," + y);
        return x * 100 + y;
    }
}
