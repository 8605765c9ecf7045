using System;
using System.Runtime.CompilerServices;
namespace GoSharp.Generator.Tests.Execution;

// [CallerLineNumber] in catch blocks and filters the lowering copies (a try whose body suspends): each copied block
// and filter is under its own span directive (ExceptionHandlerLowering.MappedBlock, MethodLowerer.MappedExpression); before, they followed
// the try's hidden tail and counted on from the last directive above them.
public static partial class Cases
{
    static int HLI(Log log, int v, [CallerLineNumber] int line = 0) { log.Add(v + "@" + line); return v; }

    [Goroutine]
    static int HLThrow(int n) { Go.Yield(); if (n >= 0) throw new InvalidOperationException("h" + n); return n; }

    [Goroutine]
    public static string CallerLineInHandler1(Log log, int n)
    {
        try
        {
            var x = Tw(n);
            if (x >= 0) throw new ArgumentException("a");
            return "none";
        }
        catch (ArgumentException e) when (HLI(log, 1) > 0 &&
            HLI(log, 2) > 0)
        {
            HLI(log, 3);
            return e.Message +
                HLI(log, 4);
        }
        catch (Exception)
        {
            return "other" + HLI(log, 5);
        }
    }

    [Goroutine]
    public static string CallerLineInHandler2(Log log, int n)
    {
        try
        {
            return "v" + HLThrow(Tw(n));
        }
        catch (InvalidOperationException e) when (e.Message.Length > HLI(log,
            0))
        {
            HLI(log, 6);
            return e.Message;
        }
        finally
        {
            HLI(log, 7);
        }
    }

    [Goroutine]
    public static string CallerLineInHandler3(Log log, int n)
    {
        checked
        {
            int big = int.MaxValue - n;
            try
            {
                big += Tw(n) + 1;
                return "no";
            }
            catch (OverflowException) when (HLI(log, 8) == 8)
            {
                HLI(log,
                    9);
                return "of";
            }
        }
    }

    [Goroutine]
    public static string CallerLineInHandler4(Log log, int n)
    {
        var s = "";
        for (var i = 0; i < 2; i++)
        {
            try
            {
                s += Tw(i);
                if (i == n % 2) throw new Exception("x" + i);
            }
            catch
            {
                s += HLI(log, 10 + i);
            }
        }
        return s;
    }
}
