using GoSharp.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

public struct BumpedCounter { public int X; }

public static class BumpedCounterExtensions
{
    /// <summary>A suspension point whose receiver is the caller's struct variable (<c>this ref</c>).</summary>
    [SuspensionPoint(nameof(GetBumpAwaiter))]
    public static int Bump(this ref BumpedCounter c, int d) { c.X += d * 10; return c.X; }
    public static Sp.ValAwaiter<int> GetBumpAwaiter(this ref BumpedCounter c, int d) { c.X += d * 10; return new(c.X, completed: false); }
}

public static class BumpedCounterBlock
{
    extension(ref BumpedCounter c)
    {
        /// <summary>The same through a C# 14 extension block over the variable.</summary>
        [SuspensionPoint(nameof(GetBumpByAwaiter))]
        public int BumpBy(int d) { c.X += d; return c.X; }
        public Sp.ValAwaiter<int> GetBumpByAwaiter(int d) { c.X += d; return new(c.X, completed: false); }
    }
}

public sealed class BumpedHolder { public BumpedCounter[] A = new BumpedCounter[2]; public BumpedCounter F; }

// Issue 8 (red team, stop 25): a suspension point that is an extension method with a `this ref` struct receiver
// gets the variable by reference (CS1620 in generated code before).
public static partial class Cases
{
    [Goroutine]
    public static string RefThisSuspensionPoint(Log log, int n)
    {
        var c = new BumpedCounter();
        var first = c.Bump(n);
        var h = new BumpedHolder();
        var second = h.A[Tw(1)].Bump(2) + h.F.Bump(Tw(3));
        checked { c.Bump(n + 1); }
        var third = c.BumpBy(n + 1) + h.A[0].BumpBy(Tw(4));
        return first + "," + c.X + "," + second + "," + h.A[1].X + "," + h.F.X + "," + third + "," + h.A[0].X;
    }
}
