using System;
using System.Runtime.CompilerServices;
namespace GoSharp.Generator.Tests.Execution;

// A params argument given by name (rest: 5, one element in expanded form) beside omitted caller-info arguments: the
// caller info is written out by name after it (CallerInfo.HasExpandedParams), as for any other call; before, the
// frame's Resume and its renamed text were passed.
public static partial class Cases
{
    sealed class NamedParamsR { public int X; public string M = ""; public NamedParamsR(int a, [CallerMemberName] string m = "", params int[] rest) { M = m + a + rest.Length; } }
    static string NamedParamsM(int a, [CallerMemberName] string m = "", [CallerArgumentExpression(nameof(a))] string e = "", params int[] rest) => m + ":" + e + ":" + a + rest.Length;

    [Goroutine]
    public static string CallerInfoNamedParams(Log log, int n)
    {
        var r = new NamedParamsR(1, rest: 2) { X = Tw(1) };
        var s = new NamedParamsR(1, rest: new[] { 2, 3 }) { X = Tw(1) };
        var t = NamedParamsM(n, rest: 5) + Tw("x") + NamedParamsM(Tw(n), rest: 6);
        var u = NamedParamsM(n + 1, "mm", "ee", 1, 2) + Tw("y") + NamedParamsM(Tw(n) + 1, "m2", "e2", 3, Tw(4));
        return r.M + "|" + s.M + "|" + t + "|" + u;
    }

    sealed class NamedParamsRequired
    {
        private int _a;
        public required int A { get => _a; init { Log!.Add("A=" + value); _a = value; } }
        public int B { get; set; }
        public string M = "";
        public static Log? Log;
        public NamedParamsRequired(int k, [CallerMemberName] string m = "", params int[] rest) { M = m + k + rest.Length; }
    }

    // Once refused (the caller info after expanded params was thought unwritable): made through the constructor's
    // accessor with the member name written out by name.
    [Goroutine]
    public static string CallerInfoNamedParamsRequired(Log log, int n)
    {
        NamedParamsRequired.Log = log;
        var r = new NamedParamsRequired(1, rest: 2) { A = n, B = Tw(n) };
        return r.M + "," + r.A + "," + r.B;
    }
}
