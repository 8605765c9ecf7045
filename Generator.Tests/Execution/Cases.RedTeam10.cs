namespace GoSharp.Generator.Tests.Execution;

// Red team round 10: operand conversions that C# runs as each operand is evaluated, before a later operand's
// suspension point.
public static partial class Cases
{
    /// <summary>A struct whose ToString logs and changes the value it runs on (C# concatenates a copy's text).</summary>
    public struct Rt10Text
    {
        public int V;
        public Log L;
        public override string ToString() { L.Add("text" + V); V++; return "T" + V; }
    }

    // Bug 1: a string concatenation's operand that is no string (an object, a struct) was spilled as its value and
    // turned into text after the later operand's suspension: its ToString ran late (after log.L("y")) and saw
    // what that operand changed. C# makes the text as the operand is evaluated, on a copy; async keeps that order.
    [Goroutine]
    public static string Rt10ConcatenatedOperandText(Log log, int n)
    {
        var s = new Rt10Text { V = n, L = log };
        object o = s;
        var r = o + Tw(log.L("y", 1)).ToString() + o;
        var t = s + Tw(log.L("z", "!"));
        var b = new System.Text.StringBuilder("b");
        var u = b + Tw(b.Append(n)).ToString();
        return r + t + u + s.V + ((Rt10Text)o).V;
    }
}
