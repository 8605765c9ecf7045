using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// [CallerLineNumber] in statements spread over several lines whose operands are spilled or whose arguments the
// lowering writes itself (an awaiter factory's, a nested goroutine's frame): the temporary keeps the line breaks of
// the text it replaces, and written argument lists keep each argument's line (Lowering/ArgumentLines.cs), so the
// frame's span directive maps every call to its own line.

public static partial class Cases
{
    static string CLF(int v, [CallerLineNumber] int line = 0) => v + "@" + line;
    static string CLF2(int v, int w, [CallerLineNumber] int line = 0, [CallerArgumentExpression(nameof(w))] string e = "") => v + "," + w + "@" + line + ":" + e;

    [Goroutine]
    public static string CallerLine1(Log log, int n)
    {
        var s = CLF(n,
            Tw(n)) + CLF(
            Tw(2));
        return s;
    }

    [Goroutine]
    public static string CallerLine2(Log log, int n)
    {
        var s = CLF(Tw(n)) + "|" +
            CLF(
              n) + "|" + CLF2(1,
                Tw(3)
                 + 1);
        return s;
    }

    [Goroutine]
    public static string CallerLine3(Log log, int n)
    {
        var a = new[] { CLF(n), CLF(
            Tw(n)), CLF(Tw(4)
            ), CLF(5) };
        return string.Join(";", a);
    }

    [Goroutine]
    public static string CallerLine4(Log log, int n)
    {
        string r = "";
        r += CLF(Tw(n)) +
             CLF(n
             );
        r += Tw(n) > 0 ? CLF(
            1) : CLF(2
            );
        return r;
    }
}

public static partial class Cases
{
    static int CLI(int v, [CallerLineNumber] int line = 0) => v * 1000 + line;
    sealed class CLPt { public int A; public int B; public int C; public CLPt(int x, [CallerLineNumber] int line = 0) { A = x * 1000 + line; } public int this[int i, [CallerLineNumber] int line = 0] { get => i * 1000 + line; set => C = value * 1000 + line; } }

    [Goroutine]
    public static string CallerLine5(Log log, int n)
    {
        var x = Tw(CLI(n,
            1) + CLI(
              2));
        var y = Tw(
            CLI(3));
        return x + "|" + y;
    }

    [Goroutine]
    public static string CallerLine6(Log log, int n)
    {
        var p = new CLPt(
            n) { B = Tw(
               CLI(1)), C = CLI(
               2) };
        var q = new CLPt(Tw(n)
            ) { B =
            CLI(4) };
        return p.A + "," + p.B + "," + p.C + "|" + q.A + "," + q.B;
    }

    [Goroutine]
    public static string CallerLine7(Log log, int n)
    {
        var p = new CLPt(1);
        var v = p[Tw(n)
            ] + p[
              CLI(Tw(2))] + CLI(
            3);
        return v + "";
    }

    [Goroutine]
    public static string CallerLine8(Log log, int n)
    {
        var s = $"{CLI(Tw(n))}-{CLI(
            n)}" + CLI(Tw(1)
        ) + $@"{Tw(2)}
{CLI(3)}";
        return s;
    }

    [Goroutine]
    public static string CallerLine9(Log log, int n)
    {
        var r = (CLI(n), Tw(
            CLI(1)), CLI(
            2));
        int a = 0, b = 0;
        (a, b) = (CLI(Tw(
            3)), CLI(
            4));
        return r + "|" + a + "," + b;
    }

    [Goroutine]
    public static string CallerLine10(Log log, int n)
    {
        int t = n > 0
            ? CLI(Tw(n)) +
              CLI(1)
            : CLI(
              2) + Tw(3);
        t += CLI(Tw(
            4)) * CLI(
            5);
        return t + "";
    }

    [Goroutine]
    public static string CallerLine11(Log log, int n)
    {
        var acc = "";
        foreach (var i in new[] { CLI(
            n), Tw(CLI(1)) })
            acc += i + ",";
        for (var j = CLI(Tw(0)); j < CLI(
            1000000) && j < 2; j++)
            acc += CLI(
                Tw(j)) + ";";
        return acc;
    }
}
public static partial class Cases
{
    [Goroutine]
    static int CGLine(int a, int b, [System.Runtime.CompilerServices.CallerLineNumber] int line = 0) { Go.Yield(); return a * 100000 + b * 100 + line; }

    [Goroutine]
    public static string CallerLine12(Log log, int n)
    {
        var x = CGLine(CLI(n),
            CLI(
              1)) + CGLine(
            2, CLI(3)
            );
        var y = CGLine(b: CLI(
            4), a: CLI(5));
        return x + "|" + y;
    }
}
