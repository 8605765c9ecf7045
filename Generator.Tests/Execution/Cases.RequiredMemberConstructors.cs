namespace GoSharp.Generator.Tests.Execution;

// Object initializers that set required members the constructor leaves, made first and then set member by member
// (an accessor with a body before a suspending value, or a constructor that runs code, needs C#'s order), where
// async accepts them and the generator refused them (GOSH0010): a constructor with in, ref readonly, ref or out
// parameters, called with named or params-expanded arguments; a class nested in a generic type; a struct made by
// its implicit parameterless constructor (its zeroed value, then each member in order).

public sealed class RmcByRef
{
    private readonly Log _log = null!;
    private int _a;
    public required int A { get => _a; init { _log.Add("A=" + value); _a = value; } }
    public required string B { get; set; }
    public int K;
    public RmcByRef(Log log, in int k) { _log = log; K = k; log.Add("ctor in " + k); }
    public RmcByRef(Log log, ref readonly int k, int j) { _log = log; K = k + j; log.Add("ctor ref readonly " + K); }
    public RmcByRef(Log log, ref int r, out int o) { _log = log; o = r + 1; r += 10; K = o; log.Add("ctor ref out " + o); }
}

public sealed class RmcNamed
{
    private readonly Log _log = null!;
    private int _a;
    public required int A { get => _a; init { _log.Add("A=" + value); _a = value; } }
    public required string B { get; set; }
    public string P = "";
    public RmcNamed(Log log, int @event, string second = "d", params int[] rest)
    {
        _log = log;
        P = @event + second + string.Join(".", rest);
        log.Add("ctor " + P);
    }
}

public class RmcOuter<T>
{
    public sealed class Inner
    {
        private readonly Log _log = null!;
        private int _x;
        public required int X { get => _x; init { _log.Add("X=" + value); _x = value; } }
        public required T Y { get; init; }
        public Inner(Log log, T seed) { _log = log; log.Add("inner ctor " + seed); }
    }

    public sealed class Pair<U>
    {
        public required T First { get; init; }
        public required U Second { get; init; }
        public Pair(Log log) => log.Add("pair ctor");
    }
}

public struct RmcStruct
{
    public Log? Log;
    private int _b;
    public required int A;
    public int B { readonly get => _b; init { Log?.Add("B=" + value + " A=" + A); _b = value; } }
    public int C { get; set; }
    public System.Collections.Generic.List<int>? Tags;
}

public struct RmcStructWithCtor
{
    private int _x;
    public required int X { readonly get => _x; init => _x = value * 2; }
    public required string Y { get; init; }
    // Not the parameterless one: `new RmcStructWithCtor()` is still the zeroed value.
    public RmcStructWithCtor(int x) { _x = x; Y = "u"; }
}

public record struct RmcRecordStruct(int P)
{
    public required int Q { get; init; }
}

public static partial class Cases
{
    [Goroutine]
    public static string RmcByRefParameters(Log log, int n)
    {
        var k = n + 10;
        var a = new RmcByRef(log, k) { A = log.L("a", n), B = Tw("b") };
        var b = new RmcByRef(log, in k) { A = log.L("a", 2), B = Tw("c") };
        var c = new RmcByRef(log, Tw(n + 5)) { A = log.L("a", 3), B = Tw("d") };
        var d = new RmcByRef(log, in k, log.L("j", 1)) { A = log.L("a", 4), B = Tw("e" + k) };
        var e = new RmcByRef(log, ref k, out var o) { A = log.L("a", o), B = Tw("f" + k) };
        int p;
        var f = new RmcByRef(log, ref k, out p) { B = log.L("b", "g"), A = Tw(p + k) };
        return a.A + a.B + a.K + "|" + b.A + b.B + b.K + "|" + c.A + c.B + c.K + "|" + d.A + d.B + d.K + "|" + e.A + e.B + e.K + o + "|" + f.A + f.B + f.K + p + k;
    }

    [Goroutine]
    public static string RmcNamedAndParamsArguments(Log log, int n)
    {
        var a = new RmcNamed(second: log.L("s", "x"), @event: log.L("e", n), log: log) { A = log.L("a", 1), B = Tw("b") };
        var b = new RmcNamed(log, log.L("e", 2), "y", log.L("r", 1), Tw(2), 3) { A = log.L("a", 2), B = Tw("c") };
        var c = new RmcNamed(log, 5) { A = log.L("a", 3), B = Tw("d") };
        var d = new RmcNamed(log, Tw(6), rest: new[] { 7 }) { A = log.L("a", 4), B = Tw("e") };
        return a.A + a.B + a.P + "|" + b.A + b.B + b.P + "|" + c.P + "|" + d.P;
    }

    [Goroutine]
    public static string RmcNestedInAGenericType(Log log, int n)
    {
        var a = new RmcOuter<string>.Inner(log, "s") { X = log.L("x", n), Y = Tw("y") };
        var b = new RmcOuter<int>.Inner(log, Tw(n)) { Y = log.L("y", n + 1), X = Tw(n + 2) };
        var c = new RmcOuter<string>.Pair<int>(log) { First = log.L("f", "p"), Second = Tw(n) };
        return a.X + a.Y + "|" + b.X + b.Y + "|" + c.First + c.Second;
    }

    [Goroutine]
    public static string RmcStructsImplicitConstructor(Log log, int n)
    {
        var a = new RmcStruct { Log = log, B = log.L("b", n), A = Tw(log.L("a", 2)), C = log.L("c", 3) };
        var b = new RmcStruct { Log = log, Tags = new() { 1 }, B = log.L("b", 4), A = Tw(n) };
        var c = new RmcStructWithCtor { X = log.L("x", n), Y = Tw("y") };
        var d = new RmcStructWithCtor() { Y = log.L("y", "z"), X = Tw(n) };
        var e = new RmcRecordStruct { Q = Tw(n) };
        var f = new RmcStruct { Tags = { }, A = Tw(n), Log = log, B = 7 };
        return a.A + "," + a.B + "," + a.C + "|" + b.A + "," + b.B + "," + b.Tags!.Count + "|" + c.X + c.Y + "|" + d.X + d.Y + "|" + e.P + e.Q + "|" + f.A + f.B;
    }
}

public sealed class RmcCallerInfo
{
    public int X { get; set; }
    public string W;
    public RmcCallerInfo(int v, [System.Runtime.CompilerServices.CallerMemberName] string m = "", [System.Runtime.CompilerServices.CallerLineNumber] int line = 0,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(v))] string e = "") => W = m + ":" + line + ":" + e;
}

public sealed class RmcRequiredCallerInfo
{
    private readonly Log _log = null!;
    private int _a;
    public required int A { get => _a; init { _log.Add("A=" + value); _a = value; } }
    public int B { get; set; }
    public string W;
    public RmcRequiredCallerInfo(Log log, int v, [System.Runtime.CompilerServices.CallerMemberName] string m = "",
        [System.Runtime.CompilerServices.CallerLineNumber] int line = 0, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(v))] string e = "",
        [System.Runtime.CompilerServices.CallerFilePath] string f = "")
    {
        _log = log;
        W = m + ":" + line + ":" + e + ":" + System.IO.Path.GetFileName(f);
    }
}

public static partial class Cases
{
    // Omitted caller-info arguments of a constructor, in an initializer with a suspension point: the member name and
    // argument expression were the frame's (`Resume`, `_p_n + 1`) for a plain `new T(args)` too; they are now the
    // user's, passed by name, and the accessor's [CallerLineNumber] and [CallerFilePath] parameters take the
    // user's line and file from the generated call's #line.
    [Goroutine]
    public static string RmcCallerInfoArguments(Log log, int n)
    {
        var a = new RmcCallerInfo(n + 1) { X = Tw(n) };
        var b = new RmcRequiredCallerInfo(log, n + 1) { A = log.L("a", 1), B = Tw(n) };
        var c = new RmcRequiredCallerInfo(log,
            n * 2, "mm") { A = log.L("a", 2), B = Tw(n) };
        return a.W + "|" + b.W + "|" + c.W;
    }
}
