using System;

namespace GoSharp.Generator.Tests.Execution;

// Stack-only locals (spans, ref locals) where C# 13 async accepts them and the generator refused them (GOSH0008):
// a loop's condition or incrementor reading the local across the back-edge, made anew after the body's suspension
// point or not read after it; an increment's value read before the first suspension point (`r++ + Tw(1)`, `(r = 4) + Tw(1)`); a ref to
// a span read in a suspending try (its try-entry dummy is the declaration's location again); a declaration of several
// whose initializer suspends (each local decided alone). Each was refused; each now runs as async would.
public static partial class Cases
{
    [Goroutine]
    public static string S30WhileConditionMadeAnewAfterTheSuspension(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0, i = 0;
        Span<int> s = a;
        while (i < s.Length) { x += s[0]; x += Tw(1); s = a.AsSpan(++i); }
        return x + "|" + i;
    }

    [Goroutine]
    public static string S30WhileConditionWhoseSuspensionBreaks(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0, i = 0;
        Span<int> s = a;
        while (i < s.Length) { x += s[i++]; if (x > 4) { x += Tw(1); break; } }
        return x + "|" + i;
    }

    [Goroutine]
    public static string S30WhileConditionWhoseSuspensionReturns(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0, i = 0;
        Span<int> s = a;
        while (i < s.Length) { if (x > 3 + n) return Tw(x).ToString(); x += s[i++]; }
        return x + "|" + i;
    }

    [Goroutine]
    public static string S30ForConditionAndIncrementor(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0;
        Span<int> s = a;
        for (int i = 0; i < s.Length; i++) { x += s[i]; x += Tw(1); s = a.AsSpan(i % 2); }
        for (int i = 0; i < 6; i += s.Length > 2 ? 1 : 2) { log.Add("i" + i); x += Tw(i); s = a.AsSpan(i % 4); }
        return x.ToString();
    }

    [Goroutine]
    public static string S30DoConditionAndRefLocalCondition(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0, i = 0;
        Span<int> s = a;
        do { x += Tw(1); s = a.AsSpan(x % 4); } while (s[0] < 3 && x < 20);
        ref int r = ref a[0];
        while (r < 5 && i < 6) { x += Tw(r); r = ref a[++i % 4]; }
        return x + "|" + i;
    }

    [Goroutine]
    public static string S30IncrementsBeforeTheSuspension(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0;
        ref int r = ref a[1];
        if (r++ + Tw(1) > 2) x += 10;
        r = ref a[2];
        if (++r + Tw(1) > 4 + n) x += 100;
        r = ref a[0];
        x += r-- * Tw(2);
        Span<int> s = a;
        if (s[0]++ + Tw(1) > 1) x += 1000;
        s = a.AsSpan(1);
        log.Add("v" + --s[2] + Tw(1));
        return x + "|" + string.Join(",", a);
    }

    [Goroutine]
    public static string S30AssignmentsBeforeTheSuspension(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0;
        ref int r = ref a[1];
        x = (r = 4 + n) + Tw(1);
        r = ref a[2];
        x += (r += 2) * Tw(3);
        Span<int> s = a;
        if ((s[0] += 5) + Tw(1) > 3 + n) x += 100;
        s = a.AsSpan(1);
        log.Add("w" + (s[1] = 7) + Tw(2));
        return x + "|" + string.Join(",", a);
    }

    private struct S30Point
    {
        public int X;
        public int Y { get; set; }
    }

    // Through a ref to a struct, a field's and a property's (its setter runs on the element the ref local names).
    [Goroutine]
    public static string S30AssignmentsThroughARefToAStruct(Log log, int n)
    {
        var a = new S30Point[2];
        int x = 0;
        ref S30Point p = ref a[0];
        x += (p.X = 4 + n) + Tw(1);
        p = ref a[1];
        x += p.X++ + Tw(1);
        p = ref a[0];
        x += (p.Y = 4) * Tw(2);
        p = ref a[1];
        x += (p.Y += 4) + Tw(1);
        Span<S30Point> s = a;
        x += (s[0].X += 4) + Tw(1);
        ref int r = ref a[1].X;
        x += (r ^= 4) + Tw(1);
        return x + "|" + a[0].X + "," + a[0].Y + "," + a[1].X + "," + a[1].Y;
    }

    [Goroutine]
    public static string S30IncrementInAWhileCondition(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0;
        ref int r = ref a[1];
        while (r++ + Tw(1) < 9) { x++; r = ref a[x % 4]; }
        return x + "|" + string.Join(",", a);
    }

    private ref struct SpanHolder
    {
        public Span<int> S;
    }

    [Goroutine]
    public static string S30RefToASpanInASuspendingTry(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0;
        Span<int> s = a;
        ref Span<int> rs = ref s;
        try { rs[0]++; x += Tw(1); } finally { log.Add("f"); }
        Span<int> st = stackalloc int[4];
        ref Span<int> rt = ref st;
        try { rt[0] = n; x += rt[0]; x += Tw(1); } finally { log.Add("g"); }
        var h = new SpanHolder { S = a.AsSpan(2) };
        ref Span<int> rh = ref h.S;
        try { rh[0] += 10; x += Tw(rh[1]); } finally { log.Add("h"); }
        Span<int> su = stackalloc int[2];
        var hs = new SpanHolder { S = su };
        ref Span<int> rhs = ref hs.S;
        try { rhs[1] = n + 5; log.Add("i" + rhs[1]); x += Tw(rhs[1]); } finally { log.Add("j"); }
        return x + "|" + string.Join(",", a);
    }

    [Goroutine]
    public static string S30RefToASpanBoundAnewAfterTheLastSuspension(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0;
        Span<int> s = a;
        ref Span<int> rs = ref s;
        try { x += Tw(1); } finally { log.Add("f"); }
        Span<int> u = a.AsSpan(1);
        rs = ref u;
        rs[0]++;
        return x + "|" + string.Join(",", a);
    }

    // The rest of the block after `Span<int> u` holds no suspension point; copied in braces of its own, it scoped `u`
    // narrower than `rs` (CS8374 in the generated code, the whole project failing to compile).
    [Goroutine]
    public static string S30RefToASpanBoundAnewToALaterSpan(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0;
        Span<int> s = a;
        ref Span<int> rs = ref s;
        x += Tw(1);
        Span<int> u = a.AsSpan(1);
        rs = ref u;
        rs[0]++;
        return x + "|" + string.Join(",", a);
    }

    // A section a goto case reaches was taken as entered with the value dead, whatever the goto's (found by the
    // stack-only oracle's random batches): case 1 is entered alive from the dispatch and from case 0's goto case,
    // whose suspension point returns.
    [Goroutine]
    public static string S30GotoCaseWithTheValueAlive(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        int x = 0;
        ref int r = ref a[2];
        switch (n % 3)
        {
            case 0:
                if (n > 2) return "e" + Tw(3);
                goto case 1;
            case 1:
                x += r;
                goto default;
            default:
                r = ref a[1];
                break;
        }
        r++;
        return x + "|" + string.Join(",", a);
    }

    // A suspending switch that does not mention the span ended its value, though each section's suspension point
    // returns (found by the stack-only oracle's random batches): the loop's condition reads it after the switch.
    [Goroutine]
    public static string S30SwitchWhoseSuspensionsReturnInALoop(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        int x = n;
        Span<int> t = a;
        while (x < 6 && t[2] > -9)
        {
            x++;
            switch ((2 + n) % 2)
            {
                case 0:
                    if (n > 2) return "e" + Tw(x);
                    a[0] += x;
                    break;
                default:
                    a[1] += x;
                    break;
            }
        }
        return x + "|" + string.Join(",", a);
    }

    [Goroutine]
    public static string S30SeveralLocalsWithASuspendingInitializer(Log log, int n)
    {
        var a = new[] { 1, 2, 3, n };
        var b = new[] { 5, 6, 7, 8 };
        int x = 0;
        Span<int> s = a.AsSpan(Tw(1)), t = b;
        x += s[0] + t[1];
        Span<int> p = a, q = b.AsSpan(Tw(1));
        x += q[0];
        Span<int> v = a.AsSpan(1), w = b.AsSpan(v[0] + Tw(1));
        x += w[0];
        return x + "|" + string.Join(",", a);
    }
}
