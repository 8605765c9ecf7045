using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): `using` statements and declarations. A multi-resource `using (var a = A(), b = B())` is
// nested usings: if acquiring b throws, a is disposed; resources are disposed in reverse order, also when the
// body suspends, returns, breaks or throws.
public static partial class Cases
{
    [Goroutine]
    public static string UseMultiSecondAcquireThrows(Log log, int n)
    {
        try
        {
            using (Res a = new Res(log, "a"), b = UseOpen(log, "b", n), c = new Res(log, "c" + Tw(n)))
            {
                log.Add("body");
                Go.Yield();
            }
        }
        catch (InvalidOperationException e)
        {
            log.Add("caught " + e.Message);
        }
        return "done";
    }

    [Goroutine]
    public static string UseMultiSuspendingAcquireThrows(Log log, int n)
    {
        try
        {
            using (Res a = new Res(log, "a" + Tw(n)), b = new Res(log, "b" + Sp.Fail("fail b")))
            {
                log.Add("body");
            }
        }
        catch (InvalidOperationException e)
        {
            log.Add("caught " + e.Message);
        }
        try
        {
            using var x = new Res(log, "x");
            using var y = new Res(log, "y" + (n > 0 ? Sp.Fail("fail y") : 0));
            log.Add("after y");
        }
        catch (InvalidOperationException e)
        {
            log.Add("caught2 " + e.Message);
        }
        return "done";
    }

    [Goroutine]
    public static string UseMultiNullAndVar(Log log, int n)
    {
        using (Res? a = n > 0 ? new Res(log, "a") : null, b = new Res(log, "b" + Tw(1)))
        {
            Sp.Pause();
            log.Add("body " + (a is null));
        }
        using (IDisposable c = new Res(log, "c"), d = UseOpen(log, "d", 0))
        {
            log.Add("body2");
        }
        return "ok";
    }

    [Goroutine]
    public static int UseDeclarationsInLoopWithJumps(Log log, int n)
    {
        var r = 0;
        for (var i = 0; i < 4; i++)
        {
            using var a = new Res(log, "a" + i);
            if (i == 1) continue;
            using var b = new Res(log, "b" + Tw(i));
            if (i == n) break;
            if (i == 3) return r + 100;
            r += Tw(i);
        }
        return r;
    }

    [Goroutine]
    public static string UseBodyThrowsAfterSuspension(Log log, int n)
    {
        try
        {
            using (var a = new Res(log, "a"))
            using (var b = new Res(log, "b" + Tw(n)))
            {
                Sp.Pause();
                if (n > 0) throw new InvalidOperationException("body" + n);
                log.Add("no throw");
            }
        }
        catch (InvalidOperationException e) when (log.L("filter", e.Message.Length > 0))
        {
            log.Add("caught " + e.Message);
        }
        return "x";
    }

    [Goroutine]
    public static string UseDisposeThrows(Log log, int n)
    {
        try
        {
            using (var a = new Res(log, "a"))
            using (var b = new BadRes(log, "b", n))
            {
                Go.Yield();
                if (n == 3) throw new ArgumentException("body");
            }
        }
        catch (Exception e)
        {
            log.Add("caught " + e.GetType().Name + " " + e.Message);
        }
        return "y";
    }

    [Goroutine]
    public static string UseExistingVariableAndStruct(Log log, int n)
    {
        var r = new Res(log, "r");
        using (r)
        {
#pragma warning disable CS0728 // the using disposes the value it started with, which is the point
            r = new Res(log, "replaced" + Tw(n));
#pragma warning restore CS0728
            log.Add("body");
        }
        var s = new DispStruct(log, n);
        using (s)
        {
            s.Touch(Tw(5));
        }
        using (var t = new DispStruct(log, 10))
        {
            t.Touch(Tw(7));
        }
        return "done";
    }

    private static Res UseOpen(Log log, string name, int n)
    {
        if (n > 0) throw new InvalidOperationException("cannot open " + name);
        return new Res(log, name);
    }
}

public sealed class BadRes : IDisposable
{
    private readonly Log _log;
    private readonly string _name;
    private readonly int _n;
    public BadRes(Log log, string name, int n) { _log = log; _name = name; _n = n; log.Add("open " + name); }
    public void Dispose()
    {
        _log.Add("dispose " + _name);
        if (_n > 0) throw new InvalidOperationException("dispose failed " + _n);
    }
}

public struct DispStruct : IDisposable
{
    private readonly Log _log;
    private int _touched;
    public DispStruct(Log log, int start) { _log = log; _touched = start; }
    public void Touch(int v) => _touched += v;
    public void Dispose() => _log.Add("dispose struct " + _touched);
}
