using System;
using System.Collections.Generic;
using System.IO;

namespace GoSharp.Generator.Tests.Execution;

// A nested scope entered again by a backward goto, outside any loop, makes its variables afresh in C#, as a loop
// body does (red team): closure environments cover these too. The plain call is the oracle.
public static partial class Cases
{
    [Goroutine]
    public static string GotoReentersABlock(Log log, int n)
    {
        var fs = new List<Func<int>>();
        int k = 0;
    top:
        {
            var w = k * 10 + n;
            Go.Yield();
            fs.Add(() => w);
        }
        k++;
        if (k < 3) goto top;
        return RunAll(fs);
    }

    [Goroutine]
    public static string GotoRetriesACatch(Log log, int n)
    {
        var fs = new List<Func<int>>();
        int tries = 0;
    retry:
        try
        {
            var a = tries + n;
            fs.Add(() => a);
            Go.Yield();
            if (++tries < 3) throw new InvalidOperationException("again");
        }
        catch (InvalidOperationException)
        {
            goto retry;
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string GotoCaseReentersASectionBlock(Log log, int n)
    {
        var fs = new List<Func<int>>();
        int k = 0;
        switch (k)
        {
            case 0:
                {
                    var s = k + n;
                    Go.Yield();
                    fs.Add(() => s);
                    k++;
                    if (k < 3) goto case 0;
                    break;
                }
        }
        return RunAll(fs);
    }

    [Goroutine]
    public static string GotoReentersUsingCatchAndFor(Log log, int n)
    {
        var fs = new List<Func<string>>();
        int k = 0;
    top:
        using (var sw = new StringWriter())
        {
            sw.Write(k + n);
            Go.Yield();
            fs.Add(() => sw.ToString());
        }
        try
        {
            Go.Yield();
            throw new InvalidOperationException("e" + k);
        }
        catch (InvalidOperationException e)
        {
            Go.Yield();
            fs.Add(() => e.Message);
        }
        for (int i = k; i < k + 1; i++)
        {
            Go.Yield();
            fs.Add(() => "i" + i);
        }
        k++;
        if (k < 3) goto top;
        var parts = new List<string>();
        foreach (var f in fs) parts.Add(f());
        return string.Join(",", parts);
    }

    [Goroutine]
    public static string GotoInTheTopBlockSharesItsVariables(Log log, int n)
    {
        // No nested scope: the top block is entered once, so w is one variable for every lambda (C#).
        var fs = new List<Func<int>>();
        int k = 0;
    top:
        var w = k + n;
        Go.Yield();
        fs.Add(() => w);
        k++;
        if (k < 3) goto top;
        return RunAll(fs);
    }
}
