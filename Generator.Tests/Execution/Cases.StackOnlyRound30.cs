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
