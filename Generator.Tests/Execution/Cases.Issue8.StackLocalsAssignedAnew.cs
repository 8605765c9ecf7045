using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team, stop 25): a ref local or span assigned anew by a statement whose right side suspends is dead
// before that statement, so it stays a local of Resume, as C# 13 async accepts it (it was GOSH0008 and GOSH0010).
public static partial class Cases
{
    [Goroutine]
    public static string StackLocalRefAssignedAnew(Log log, int n)
    {
        var a = new int[3];
        Tw(0);
        ref int r = ref a[0];
        r = 4;
        r = ref a[Tw(1)];
        r = 5 + n;
        r += a[0];
        Go.Yield();
        a[2] = 6;
        r = ref a[Tw(2)];
        r *= 2;
        return string.Join(",", a);
    }

    [Goroutine]
    public static string StackLocalSpanAssignedAnew(Log log, int n)
    {
        var a = new int[4];
        Tw(0);
        Span<int> s = a.AsSpan(Tw(1));
        s[0] = n + 1;
        s = a.AsSpan(Tw(2));
        s[0] = 9;
        s[1] += s.Length;
        var c = Tw(s[0]) + a[3];
        s = a;
        s[3] = c;
        Go.Yield();
        s = default;
        if (s.IsEmpty) a[0] += 100;
        return string.Join(",", a);
    }
}
