using GoSharp.Generator.Tests.Execution;

namespace GoSharp.Generator.Tests.Execution;

// A variable an out argument declares inside a switch expression's arm, in a call over a launcher's result, read in
// the same arm while another arm suspends: the switch's type is bound again over examples of the launched values,
// and the call that declares the variable must stay in that copy (replaced by an example, it left `v` undeclared, the
// switch untyped, and the method was refused with GOSH0010). Found by the oracle over launchers' results.
public static partial class Cases
{
    [Goroutine] static T LvaLaunched<T>(T value) { Tw(0); return value; }
    static int LvaTwo(int a, out int b) { b = a * 2; return a; }

    [Goroutine]
    public static string LvaOutVariableInSwitchArm(Log log, int n)
    {
        var arr = GoLvaLaunched(new[] { 1, 2, 3 }).Join();
        var a = GoLvaLaunched(n + 4).Join();
        var x = n;
        x += (n % 3) switch { 0 => LvaTwo(arr[1], out var v0) + v0, 1 => Tw(10), _ => --x };
        x += (n % 2) switch { 1 => LvaTwo(a, out var v1) + v1 + Tw(v1), _ => log.L("d", a) };
        return x + "," + arr[1];
    }
}
