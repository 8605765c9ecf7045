using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): goto (backward into a loop's head, out of nested loops), switch with goto case and goto
// default, nested try/catch/finally inside loops with break/continue/return leaving finally-protected regions
// across suspensions; every finally runs once, in order.
public static partial class Cases
{
    [Goroutine]
    public static string JmpGotoRetryAndOutOfLoops(Log log, int n)
    {
        var tries = 0;
        var s = "";
    retry:
        tries++;
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                if (i * 3 + j == n + tries) { s += "found" + i + j + ";"; goto found; }
                Tw(0);
            }
        }
        s += "none;";
    found:
        if (tries < 3 && Tw(tries) % 2 == 1) goto retry;
        return s + tries;
    }

    [Goroutine]
    public static string JmpGotoIntoLoopHead(Log log, int n)
    {
        var i = 0;
        var s = "";
        goto check;
    body:
        s += Tw(i) + ",";
        i++;
    check:
        if (i < n + 2) goto body;
        var k = 0;
        while (true)
        {
        again:
            k += Tw(1);
            if (k % 3 != 0) goto again;
            if (k > 6) break;
        }
        return s + "|" + k;
    }

    [Goroutine]
    public static string JmpSwitchGotoCase(Log log, int n)
    {
        var s = "";
        for (var round = 0; round < 2; round++)
        {
            switch (n + round)
            {
                case 0:
                    s += "zero" + Tw(round) + ";";
                    goto case 2;
                case 1:
                    s += "one;";
                    goto default;
                case 2:
                    s += "two;";
                    if (Tw(round) == 0) goto case 4;
                    break;
                case 4:
                    s += "four;";
                    Go.Yield();
                    break;
                default:
                    s += "default" + Tw(n) + ";";
                    if (round == 0 && n == 1) goto case 0;
                    break;
            }
        }
        return s;
    }

    [Goroutine]
    public static string JmpBreakContinueThroughFinallies(Log log, int n)
    {
        var s = "";
        for (var i = 0; i < 4; i++)
        {
            try
            {
                try
                {
                    if (i == 1) continue;
                    if (i == n) break;
                    s += Tw(i) + ";";
                }
                finally
                {
                    log.Add("inner " + i);
                    Sp.Pause();
                }
            }
            finally
            {
                log.Add("outer " + Tw(i));
            }
            s += "after" + i + ";";
        }
        return s;
    }

    [Goroutine]
    public static int JmpReturnFromNestedLoopsThroughFinallies(Log log, int n)
    {
        var total = 0;
        try
        {
            foreach (var a in new[] { 1, 2, 3 })
            {
                using var r = new Res(log, "r" + a);
                try
                {
                    for (var b = 0; b < 3; b++)
                    {
                        total += Tw(a * b);
                        if (total > n + 3) return total;
                    }
                }
                catch (InvalidOperationException)
                {
                    log.Add("never");
                }
                finally
                {
                    log.Add("finally " + a + " total " + total);
                    if (a == 2) Go.Yield();
                }
            }
            return -total;
        }
        finally
        {
            log.Add("outermost " + Tw(total));
        }
    }

    [Goroutine]
    public static string JmpCatchInLoopWithJumps(Log log, int n)
    {
        var s = "";
        var i = 0;
        while (i < 5)
        {
            i++;
            try
            {
                if (Tw(i) % 2 == 0) throw new InvalidOperationException("e" + i);
                s += "ok" + i + ";";
            }
            catch (InvalidOperationException e) when (i != n)
            {
                s += e.Message + ";";
                Go.Yield();
                if (i == 2) continue;
                if (i == 4) break;
            }
            catch (InvalidOperationException)
            {
                s += "filtered" + i + ";";
                goto done;
            }
            finally
            {
                s += "f" + i + ";";
            }
            s += "end" + i + ";";
        }
    done:
        return s;
    }

    [Goroutine]
    public static string JmpGotoOutOfTryFinally(Log log, int n)
    {
        var s = "";
        var attempts = 0;
    again:
        attempts++;
        try
        {
            try
            {
                if (attempts <= n) goto again;
                s += "body" + Tw(attempts) + ";";
                if (attempts == n + 1) goto exit;
            }
            finally
            {
                s += "fin" + attempts + ";";
                Sp.Pause();
            }
        }
        finally
        {
            log.Add("outer fin " + attempts);
        }
        s += "fallthrough;";
    exit:
        return s;
    }

    [Goroutine]
    public static string JmpDoWhileContinueInSwitch(Log log, int n)
    {
        var s = "";
        var k = 0;
        do
        {
            k++;
            switch (Tw(k) % 3)
            {
                case 0:
                    s += "c" + k + ";";
                    continue;
                case 1 when k > n:
                    s += "w" + k + ";";
                    break;
                default:
                    try { if (k == 5) break; s += "d" + k + ";"; }
                    finally { s += Tw("F"); }
                    break;
            }
            s += "|";
        }
        while (k < 6);
        return s;
    }
}
