using System;

namespace GoSharp.Generator.Tests.Execution;

// Stack-only locals (spans, ref locals) read inside a suspending try, using, foreach or for before its first suspension
// point, or before a using declaration's try: C# 13 async accepts them (the local is dead at the await), and so does
// the generator (StackOnlyCompounds.cs). Each was GOSH0008; the ones whose try is resumed also need the dummy value
// at the try's entry, without which the generated code does not compile (CS0165).
public static partial class Cases
{
    [Goroutine]
    public static string SoReadInTryBeforeItsSuspension(Log log, int n)
    {
        Span<int> s = stackalloc int[4];
        s[0] = n;
        try { log.Add("a" + s[0]); s[1] = s[0] * 2; log.Add("b" + s[1] + Tw(1)); log.Add("c"); }
        finally { log.Add("f"); }
        return "ok";
    }

    [Goroutine]
    public static string SoRefWrittenInTryWithCatch(Log log, int n)
    {
        var a = new int[3];
        ref int r = ref a[1];
        try
        {
            r = n + 1;
            if (Tw(n) > 2) throw new InvalidOperationException("big");
        }
        catch (InvalidOperationException e) { log.Add(e.Message); }
        return "a" + string.Join(",", a);
    }

    [Goroutine]
    public static string SoNestedTries(Log log, int n)
    {
        Span<int> s = stackalloc int[4];
        s[0] = n;
        s[1] = n + 10;
        try
        {
            log.Add("o" + s[0]);
            try { log.Add("i" + s[1]); int v = s[0] + Tw(2); log.Add("v" + v); }
            catch (InvalidOperationException) { log.Add("c"); }
            Tw(3);
            if (n > 1) throw new InvalidOperationException("x");
        }
        catch (InvalidOperationException e) { log.Add(e.Message + Tw(4)); }
        finally { log.Add("f"); }
        return "ok";
    }

    [Goroutine]
    public static string SoAssignedAnewInsideTheTry(Log log, int n)
    {
        int[] a = { 1, 2, 3, 4 };
        Span<int> s = a.AsSpan(1);
        try { log.Add("a" + s[0]); Tw(1); s = a.AsSpan(2); s[0] += n; log.Add("b" + s[0]); }
        finally { log.Add("f"); }
        s = a.AsSpan(n % 4);
        return "ok" + s.Length + string.Join(",", a);
    }

    [Goroutine]
    public static string SoTryInALoopBody(Log log, int n)
    {
        int t = 0;
        var buffer = new int[2];
        for (int k = 0; k < 3; k++)
        {
            Span<int> s = buffer;
            s[0] = k + n;
            try { t += s[0]; t += Tw(1); } finally { t++; }
        }
        return "ok" + t;
    }

    [Goroutine]
    public static string SoForeachCollection(Log log, int n)
    {
        Span<int> s = stackalloc int[4];
        s[0] = n;
        s[1] = n * 3;
        int t = 0;
        foreach (var x in new[] { s[0], s[1], 2 }) t = t * 10 + Tw(x);
        Span<int> u = stackalloc int[1];
        u[0] = n + 1;
        foreach (var x in Seqs.Count(log, u[0])) log.Add("e" + Tw(x));
        return "ok" + t;
    }

    [Goroutine]
    public static string SoForInitializer(Log log, int n)
    {
        ref int start = ref new[] { n, 1 }[0];
        int t = 0;
        for (int i = start; i < 5; i++) t += Tw(i);
        return "ok" + t;
    }

    [Goroutine]
    public static string SoUsingResourceAndBody(Log log, int n)
    {
        Span<int> s = stackalloc int[4];
        s[0] = n;
        using (new Res(log, "r" + s[0])) { log.Add("in" + s[0]); Tw(1); log.Add("after"); }
        s = stackalloc int[2];
        s[1] = n + 2;
        using (var res = new Res(log, "q" + s[1])) log.Add("q" + Tw(2));
        return "ok";
    }

    [Goroutine]
    public static string SoSpanBeforeUsingDeclaration(Log log, int n)
    {
        Span<int> s = stackalloc int[4];
        s[1] = n + 1;
        using var d = new Res(log, "s" + s[1]);
        log.Add("s" + s[1]);
        s[2] = 7;
        log.Add("t" + s[2] + Tw(1));
        return "ok" + n;
    }

    [Goroutine]
    public static string SoRefBeforeUsingDeclaration(Log log, int n)
    {
        var a = new int[3];
        ref int r = ref a[n % 3];
        using var d = new Res(log, "r" + r);
        r += 5;
        { r++; }
        Tw(1);
        return "ok" + string.Join(",", a);
    }

    // A switch section in braces ends with its block's last statement: its final `break` was taken for one before the
    // section's end, and the switch refused (GOSH0008) where async accepts it (the local alive after every section).
    [Goroutine]
    public static string SoBracedSwitchSections(Log log, int n)
    {
        var a = new int[] { 1, 2, 3 };
        ref int r = ref a[0];
        switch (n)
        {
            case 0: { r += 10; log.Add("z" + Tw(1)); r = ref a[1]; break; }
            case 1: { r += 20; break; }
            default: { if (n > 2) { r = ref a[2]; } break; }
        }
        r++;
        Tw(2);
        return string.Join(",", a);
    }

    // A part that runs once, first, and suspends (an if's condition, a switch's governing value, a foreach's collection,
    // a using's resource) may read the local before its suspension point, as an expression statement may: the value
    // read is spilled like any operand. Each was GOSH0008.
    [Goroutine]
    public static string SoConditionReadsFirst(Log log, int n)
    {
        Span<int> s = stackalloc int[4];
        s[0] = n;
        s[1] = n * 3;
        if (Tw(s[1]) > 2) log.Add("x");
        s = stackalloc int[2];
        s[0] = n;
        if (log.L("s0", s[0]) + Tw(1) > 2) log.Add("big"); else log.Add("small");
        return "ok";
    }

    [Goroutine]
    public static string SoGoverningValueReadsFirst(Log log, int n)
    {
        var a = new[] { n, 2 };
        ref int r = ref a[0];
        switch (r + Tw(0))
        {
            case 0: log.Add("zero"); break;
            case 1: { log.Add("one" + Tw(1)); r = ref a[1]; r++; break; }
            default: log.Add("d"); break;
        }
        return "ok" + string.Join(",", a);
    }

    [Goroutine]
    public static string SoSuspendingCollectionAndResourceReadFirst(Log log, int n)
    {
        Span<int> s = stackalloc int[3];
        s[0] = n;
        s[1] = 5;
        int t = 0;
        foreach (var x in Tw(s.ToArray())) t = t * 10 + Tw(x);
        Span<int> u = stackalloc int[1];
        u[0] = n + 1;
        using (Tw(new Res(log, "r" + u[0]))) log.Add("in" + Tw(2));
        return "ok" + t;
    }

    // A switch with a goto that never mentions the local only ends its value (it was GOSH0008: AliveAfterSwitch gave
    // up on the goto).
    [Goroutine]
    public static string SoGotoSwitchWithoutTheLocal(Log log, int n)
    {
        Span<int> s = stackalloc int[3];
        s[0] = n;
        log.Add("s" + s[0]);
        switch (n)
        {
            case 1: log.Add("a" + Tw(1)); goto case 2;
            case 2: log.Add("b"); break;
            default: break;
        }
        return "ok";
    }

    [Goroutine]
    public static string SoSuspendingConditionThenAssignedAnew(Log log, int n)
    {
        var a = new[] { n, 7 };
        ref int r = ref a[0];
        if (Tw(n) > 1) { r = ref a[1]; }
        else { log.Add("e"); return "early" + string.Join(",", a); }
        r += 100;
        return "ok" + string.Join(",", a);
    }

    // Loops (found by StackOnlyLocalsAreRefusedExactlyWhereAsyncRefusesThem): a local alive across a loop whose only
    // suspension point ends the method, or assigned anew after the body's last one, crosses the back-edge, whose
    // preemption check then hands the P off instead of suspending; a catch, a finally or a loop body may use the local
    // after an assignment anew. Each was GOSH0008.
    [Goroutine]
    public static string SoAcrossALoopThatSuspendsOnlyToReturn(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        Span<int> s = a;
        int x = 0;
        for (int i = 0; i < 3; i++)
        {
            if (n > 2) return "e" + Tw(i);
            x += s[i];
        }
        s[3] += x;
        return "ok" + string.Join(",", a);
    }

    [Goroutine]
    public static string SoAssignedAnewAtTheEndOfEachIteration(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        Span<int> s = a;
        int x = n;
        while (x < 6)
        {
            x += s[0];
            s[1]++;
            s = a.AsSpan(Tw(x % 2));
        }
        s[0] += 10;
        return "ok" + x + ":" + string.Join(",", a);
    }

    [Goroutine]
    public static string SoAssignedAnewInHandlersAndBodies(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        ref int r = ref a[0];
        log.Add("r" + Tw(r));
        try
        {
            if (n > 1) throw new InvalidOperationException();
            log.Add("t" + Tw(1));
        }
        catch (InvalidOperationException)
        {
            r = ref a[n % 4];
            r += 100;
        }
        finally
        {
            log.Add("f" + Tw(2));
            r = ref a[1];
            r += 10;
        }
        foreach (var q in new[] { 1, 2 })
        {
            var v = Tw(q);
            r = ref a[q];
            r += v;
        }
        return "ok" + string.Join(",", a);
    }
}
