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
    [Goroutine] static string LvoG(Log log, object o) { Tw(0); return "o" + o; }
    [Goroutine] static string LvoG(Log log, string o) { Tw(0); return "s" + o; }
    static object LvoK(object o) => "o" + o;
    static int LvoK(int i) => i * 10;
    static string LvoShow(object o) => "obj" + o;
    static string LvoShow(int i) => "int" + i;

    /// <summary>An instance [Goroutine] method of a receiver of an inferred type: C#'s overload, not the first `Run` of two parameters (the frame of Run(string) was made with an int, which did not compile).</summary>
    [Goroutine]
    public static string LvoInstanceOverloadsOnInferredReceiver(Log log, int n)
    {
        var w = GoLvoId(new LvoOverloaded { B = n }).Join();
        return w.Run(log, "a") + w.Run(log, 1) + w.Run(log, 2L) + w.Run(log, Tw(3)) + Tw(w).Run(log, "z");
    }

    /// <summary>`LvoG(log, Tw(s))` of a string `s` is LvoG(Log, string) (it ran the object overload, which the model binds over an unknown type).</summary>
    [Goroutine]
    public static string LvoObjectOverloadOverInferredArgument(Log log, int n)
    {
        var s = GoLvoId("v" + n).Join();
        return LvoG(log, Tw(s)) + LvoG(log, s) + LvoG(log, (object)Tw(s));
    }

    /// <summary>`var r = LvoK(Tw(u))` of an int `u` is an int, as C#'s LvoK(int) returns (it was an object, so LvoShow(r) took the object overload).</summary>
    [Goroutine]
    public static string LvoLocalOfOverloadOverInferredArgument(Log log, int n)
    {
        var u = GoLvoId(n).Join();
        var r = LvoK(Tw(u));
        Tw(0);
        var q = LvoK(u);
        Tw(0);
        return LvoShow(r) + LvoShow(q) + LvoShow(Tw(r)) + LvoShow(Tw(q));
    }
}
