using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// try/catch/finally and using around suspension points; exceptions before, at and after suspensions.
public static partial class Cases
{
    [Goroutine]
    public static int TryCatchAfterSuspension(Log log, int n)
    {
        try
        {
            Sp.Pause();
            log.Add("in try");
            if (n > 0) throw new InvalidOperationException("boom" + n);
            Sp.Pause();
            return 1;
        }
        catch (InvalidOperationException e)
        {
            log.Add("caught " + e.Message);
            return 2;
        }
    }

    [Goroutine]
    public static int ExceptionAtSuspension(Log log, int n)
    {
        var r = 0;
        try
        {
            r = Sp.Fail("at" + n);
            log.Add("not here");
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("at"))
        {
            log.Add(e.Message);
            r = 5;
        }
        return r;
    }

    [Goroutine]
    public static int ExceptionBeforeSuspension(Log log, int n)
    {
        try
        {
            if (n == 0) throw new ArgumentException("before");
            Sp.Pause();
            log.Add("after pause");
        }
        catch (ArgumentException e)
        {
            log.Add(e.Message);
        }
        return n;
    }

    [Goroutine]
    public static int FilterFalse(Log log, int n)
    {
        try
        {
            try
            {
                Sp.Pause();
                throw new InvalidOperationException("x" + n);
            }
            catch (InvalidOperationException e) when (e.Message == "x1")
            {
                log.Add("inner");
                return 1;
            }
        }
        catch (Exception e)
        {
            log.Add("outer " + e.Message);
            return 2;
        }
    }

    [Goroutine]
    public static int FinallyRunsOnce(Log log, int n)
    {
        var count = 0;
        try
        {
            Sp.Pause();
            log.Add("body");
            if (n == 1) return 10;
            Sp.Pause();
        }
        finally
        {
            count++;
            log.Add("finally " + count);
        }
        return count;
    }

    [Goroutine]
    public static int SuspendInCatch(Log log, int n)
    {
        var r = 0;
        try
        {
            Sp.Pause();
            if (n >= 0) throw new InvalidOperationException("e" + n);
        }
        catch (InvalidOperationException e) when (n != 3)
        {
            log.Add("catch " + e.Message);
            r = Sp.Val(e.Message.Length);
            log.Add("after val");
        }
        catch (Exception e)
        {
            Sp.Pause();
            log.Add("general " + e.Message);
            r = -1;
        }
        return r;
    }

    [Goroutine]
    public static int RethrowFromSuspendingCatch(Log log, int n)
    {
        try
        {
            try
            {
                Sp.Fail("inner" + n);
            }
            catch (InvalidOperationException)
            {
                Sp.Pause();
                log.Add("rethrowing");
                throw;
            }
        }
        catch (InvalidOperationException e)
        {
            log.Add("outer " + e.Message);
            return 3;
        }
        return 0;
    }

    [Goroutine]
    public static int SuspendInFinally(Log log, int n)
    {
        try
        {
            try
            {
                log.Add("body");
                if (n == 1) throw new InvalidOperationException("pending");
                if (n == 3) return 33;
            }
            finally
            {
                Sp.Pause();
                log.Add("finally");
                Sp.Pause();
            }
            log.Add("after");
            return 1;
        }
        catch (InvalidOperationException e)
        {
            log.Add("caught " + e.Message);
            return 2;
        }
    }

    [Goroutine]
    public static int SuspendInFinallyWithLoopJumps(Log log, int n)
    {
        var s = 0;
        for (var i = 0; i < 5; i++)
        {
            try
            {
                if (i == 1) continue;
                if (i == n + 2) break;
                s += i;
            }
            finally
            {
                s += Sp.Val(100);
                log.Add("f" + i);
            }
        }
        return s;
    }

    [Goroutine]
    public static int NestedFinallies(Log log, int n)
    {
        try
        {
            try
            {
                Sp.Pause();
                if (n == 1) throw new InvalidOperationException("deep");
                return 1;
            }
            finally
            {
                log.Add("inner finally");
                Sp.Pause();
            }
        }
        catch (InvalidOperationException e)
        {
            Sp.Pause();
            log.Add("caught " + e.Message);
        }
        finally
        {
            log.Add("outer finally");
        }
        return 2;
    }

    [Goroutine]
    public static int UsingStatement(Log log, int n)
    {
        using (var r = new Res(log, "a"))
        {
            Sp.Pause();
            log.Add("using a");
            if (n == 1) return 1;
        }
        using (new Res(log, "b"))
        using (var c = new Res(log, "c"))
        {
            Sp.Pause();
        }
        return 0;
    }

    [Goroutine]
    public static int UsingDeclaration(Log log, int n)
    {
        using var a = new Res(log, "a");
        Sp.Pause();
        log.Add("after a");
        if (n == 0) return 0;
        using var b = new Res(log, "b");
        Sp.Pause();
        if (n == 1) throw new InvalidOperationException("with b");
        return 2;
    }

    [Goroutine]
    public static int ExceptionFromCallee(Log log, int n)
    {
        try
        {
            return Thrower(log, n);
        }
        catch (InvalidOperationException e)
        {
            log.Add("caller caught " + e.Message);
            return -1;
        }
    }

    [Goroutine]
    public static int Thrower(Log log, int n)
    {
        log.Add("thrower");
        if (n == 0) throw new InvalidOperationException("sync");
        Sp.Pause();
        if (n == 1) throw new InvalidOperationException("after suspension");
        return n;
    }

    [Goroutine]
    public static int Uncaught(Log log, int n)
    {
        Sp.Pause();
        log.Add("about to throw");
        if (n >= 0) throw new ArgumentOutOfRangeException(nameof(n), "uncaught " + n);
        return 0;
    }

    [Goroutine]
    public static int TryInLoopWithSuspendingCatch(Log log, int n)
    {
        var caught = 0;
        for (var i = 0; i < n + 2; i++)
        {
            try
            {
                if (i % 2 == 0) Sp.Fail("f" + i);
                log.Add("ok" + i);
            }
            catch (InvalidOperationException e)
            {
                Sp.Pause();
                caught++;
                log.Add(e.Message);
                if (caught > 1) break;
            }
        }
        return caught;
    }
}
