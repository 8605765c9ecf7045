using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 4, wrong value): a nested call of a non-virtual instance goroutine method on a null
// receiver ran the body (which never touched `this`) instead of throwing NullReferenceException after the
// arguments, as C#'s callvirt does. Virtual methods threw already (their frame comes from the receiver).
public static partial class Cases
{
    public partial class NullTarget
    {
        [Goroutine]
        public string NoThis(int n)
        {
            Go.Yield();
            return "ran" + n;
        }

        [Goroutine]
        public virtual string Virtual(int n)
        {
            Go.Yield();
            return "v" + n;
        }
    }

    [Goroutine]
    public static string NullReceivers(Log log, int n)
    {
        NullTarget? target = n > 100 ? new NullTarget() : null;
        var r = "";
        try
        {
            r += target!.NoThis(Logged(log, "arg", n));
        }
        catch (NullReferenceException)
        {
            r += "NRE1 ";
        }
        try
        {
            r += target!.Virtual(Logged(log, "arg", Tw(n + 1)));
        }
        catch (NullReferenceException)
        {
            r += "NRE2 ";
        }
        target = new NullTarget();
        return r + target.NoThis(Tw(n));
    }

    private static int Logged(Log log, string what, int v)
    {
        log.Add(what + v);
        return v;
    }
}
