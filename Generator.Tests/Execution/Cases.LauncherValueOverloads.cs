using GoSharp.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Overload resolution over values a launcher's handle gives (`var u = GoLvoId(n).Join();`): the generator's model
// cannot see the launcher, so it binds such calls over an unknown type, and where it still finds a method (the one
// overload an error type converts to, object; or the first member of the name) that need not be C#'s. These calls are
// bound again over examples of the inferred types (LauncherTypeInference), as for calls the model could not bind.
public sealed partial class LvoOverloaded
{
    public int B;
    [Goroutine] public string Run(Log log, string k) { Sp.Val(0); return "s" + B + k; }
    [Goroutine] public string Run(Log log, int k) { Sp.Val(0); return "i" + B + k; }
    [Goroutine] public string Run(Log log, long k) { Sp.Val(0); return "l" + B + k; }
}

public static partial class Cases
{
    [Goroutine] static T LvoId<T>(T v) { Tw(0); return v; }

    /// <summary>An instance [Goroutine] method of a receiver of an inferred type: C#'s overload, not the first `Run` of two parameters (the frame of Run(string) was made with an int, which did not compile).</summary>
    [Goroutine]
    public static string LvoInstanceOverloadsOnInferredReceiver(Log log, int n)
    {
        var w = GoLvoId(new LvoOverloaded { B = n }).Join();
        return w.Run(log, "a") + w.Run(log, 1) + w.Run(log, 2L) + w.Run(log, Tw(3)) + Tw(w).Run(log, "z");
    }
}
