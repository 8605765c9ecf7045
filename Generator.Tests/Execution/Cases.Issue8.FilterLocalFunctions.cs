using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (GOSH0015 gone for these): an exception filter around a nested goroutine call that calls a local function
// of the method. The first pass across frames runs the filter in the frame's CatchesInFirstPass, which calls the
// local function through a delegate the try stored (FirstPassLowering.CheckFilterOrder). The callees suspend, then
// throw through a finally that logs: the plain call runs the filters (and so the local functions) first.
public static partial class Cases
{
    [Goroutine]
    private static int FlfThrowAfterPause(Log log, string message, int[] box)
    {
        try
        {
            Sp.Pause();
            log.Add("callee throws " + message);
            throw new InvalidOperationException(message);
        }
        finally
        {
            box[0]++;
            log.Add("callee finally");
        }
    }

    [Goroutine]
    public static string FilterCallsLocalFunctionAcrossFrames(Log log, int n)
    {
        var box = new int[] { 0 };
        var seen = 0;
        bool Check(Exception e, int expect) => log.L("check " + e.Message + " box " + box[0] + " seen " + seen, box[0] == expect && e.Message.Length > n);
        void Note(string what) => log.Add("note " + what + " " + box[0]);
        string result = "";
        for (var i = 0; i < 3; i++)
        {
            seen = i;
            try
            {
                result += FlfThrowAfterPause(log, "m" + i, box);
            }
            catch (InvalidOperationException e) when (Check(e, i))
            {
                Note("caught");
                result += "caught" + i + ";";
            }
            catch (InvalidOperationException) when (log.L("second", true))
            {
                result += "second" + i + ";";
            }
        }
        return result;
    }

    [Goroutine]
    public static string FilterCallsGenericAndRenamedLocalFunctions(Log log, int n)
    {
        var box = new int[] { 0 };
        var r = "";
        {
            bool Is<T>(Exception e) where T : Exception => log.L("is " + typeof(T).Name + " " + box[0], e is T && box[0] == 0);
            try
            {
                r += FlfThrowAfterPause(log, "a", box);
            }
            catch (Exception e) when (Is<ArgumentException>(e) || Is<InvalidOperationException>(e))
            {
                r += "generic " + e.Message;
            }
        }
        {
            // Same name in a sibling block: the lowering renames one of them.
            bool Is<T>(Exception e) => log.L("second is " + box[0], n > 0 && box[0] == 1);
            try
            {
                r += FlfThrowAfterPause(log, "b", box);
            }
            catch (Exception e) when (Is<int>(e))
            {
                r += " second " + e.Message;
            }
            catch (Exception e)
            {
                r += " fallback " + e.Message;
            }
        }
        return r;
    }

    [Goroutine]
    public static string FilterCallsLocalFunctionOfLoopEntry(Log log, int n)
    {
        var box = new int[] { 0 };
        var r = new List<string>();
        foreach (var limit in new[] { 0, 1, n })
        {
            var seenBox = box[0];
            Go.Yield();
            // Uses a per-iteration variable: it takes the closure environment of this entry.
            bool Within(Exception e) => log.L("within " + limit + " " + seenBox + " " + box[0], box[0] - seenBox == 0 && limit < 2);
            Func<bool> later = () => Within(new Exception());
            try
            {
                FlfThrowAfterPause(log, "l" + limit, box);
            }
            catch (InvalidOperationException e) when (Within(e))
            {
                r.Add("within " + limit);
            }
            catch (InvalidOperationException)
            {
                r.Add("outside " + limit);
            }
            r.Add("later " + later());
        }
        return string.Join(",", r);
    }

    [Goroutine]
    private static string FlfMiddle(Log log, int n, int[] box)
    {
        bool Deep(Exception e) => log.L("deep filter box " + box[0], n == 1 && box[0] == 0);
        try
        {
            return "middle " + FlfThrowAfterPause(log, "deep", box);
        }
        catch (Exception e) when (Deep(e))
        {
            return "middle caught " + e.Message;
        }
        finally
        {
            log.Add("middle finally " + box[0]);
        }
    }

    [Goroutine]
    public static string FilterCallsLocalFunctionTwoFramesUp(Log log, int n)
    {
        var box = new int[] { 0 };
        bool Top(Exception e) => log.L("top filter box " + box[0], box[0] == 0);
        try
        {
            return FlfMiddle(log, n, box);
        }
        catch (Exception e) when (Top(e))
        {
            return "top caught " + e.Message + " " + box[0];
        }
    }
}
