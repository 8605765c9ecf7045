using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// A plain call with omitted [CallerArgumentExpression]/[CallerMemberName] arguments whose argument's type is a launcher
// result's (`var y = GoF(n).Join();`): the generator's model cannot bind the call (the launcher is its own output), so
// the caller information comes from the speculated binding, valued for the call as written
// (MethodLowerer.SpeculatedCallerInfo); before, the frame passed its renamed text (`_l1_y`). Found by the random
// launcher-results oracle's line and expression calls.
public static partial class Cases
{
    static string LaunchedInfo(int v, int w, [CallerArgumentExpression(nameof(w))] string e = "", [CallerMemberName] string m = "") =>
        v + ":" + e + ":" + m;

    [Goroutine]
    public static int LaunchedInfoValue(int v) { Go.Yield(); return v; }

    [Goroutine]
    public static string CallerInfoOverLauncherResults(Log log, int n)
    {
        var y = GoLaunchedInfoValue(n).Join();
        var s = LaunchedInfo(7, y + 1) + Tw("|");
        s += Tw(LaunchedInfo(8, y));
        log.Add(s);
        return s + LaunchedInfo(9, y * 2);
    }
}
