using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8, "output that does not compile": constructs whose generated code did not compile. Each case here
// compiles (this project builds with the generator) and runs like the plain call; the constructs that get a
// GOSH diagnostic instead are in OutputCompilesTests.
public static partial class Cases
{
    [Goroutine]
    public static int AwaitValueTask(Log log, int n)
    {
        var a = Go.Await(new ValueTask<int>(n + 1));
        var b = Go.Await(new ValueTask<int>(Task.Run(() => n * 2)));
        Go.Await(new ValueTask(Task.Run(() => log.Add("ran" + n))));
        Go.Await(default(ValueTask));
        var c = Go.Await(Task.FromResult(3)) + Go.Await(new ValueTask<int>(Tw(4)));
        return a * 1000 + b * 10 + c;
    }

    private static string Describe(int n) => "d" + n;

    private static readonly int s_width = 7;

    private const string Separator = "/";

    [Goroutine]
    public static string StaticMembersInInterpolation(Log log, int n)
    {
        var a = $"{Describe(n)}:{s_width,4}:{n:X2}";
        Go.Yield();
        var b = $"{Describe(Tw(n))}{Separator}{s_width:D3}{Describe(n + 1),-5}|{Separator,2}";
        log.Add($"{Describe(n)}{Separator}{Tw(s_width)}");
        return a + b;
    }

    [Goroutine]
    public static int ConditionalWithThrow(Log log, int n)
    {
        var r = 0;
        try { r += n > 0 ? Tw(n) : throw new InvalidOperationException("zero" + n); }
        catch (InvalidOperationException e) { log.Add(e.Message); }
        string? s = n > 1 ? "s" + n : null;
        try { r += (s ?? throw new ArgumentException(Tw("none"))).Length * 10; }
        catch (ArgumentException e) { log.Add(e.Message); }
        try { r += n < 3 ? throw new FormatException("f" + Tw(n)) : Tw(100); }
        catch (FormatException e) { log.Add(e.Message); }
        return r;
    }

    public sealed class InitBox
    {
        public int X { get; init; }
        public required string Name { get; set; }
        public int Y;
        public List<int> Items { get; } = new();
    }

    public sealed record InitPoint(int X, int Y)
    {
        public int Z { get; init; }
    }

    [Goroutine]
    public static string InitOnlyAndRequiredMembers(Log log, int n)
    {
        var a = new InitBox { X = log.L("x", n), Name = "b" + Tw(n), Y = log.L("y", 2) };
        var p = new InitPoint(log.L("px", 1), n) { Z = Tw(n + 3) };
        var b = new InitBox { Name = log.L("name", "c"), X = Tw(5) + n };
        return $"{a.X},{a.Name},{a.Y},{p},{b.Name}{b.X}";
    }

    [Goroutine]
    private static int CountParams(params List<int> xs)
    {
        Go.Yield();
        var sum = 0;
        foreach (var x in xs) sum += x;
        return xs.Count * 100 + sum;
    }

    [Goroutine]
    private static int SumEnumerableParams(params IEnumerable<int> xs)
    {
        var sum = 0;
        foreach (var x in xs) { Sp.Pause(); sum += x; }
        return sum;
    }

    private static int SumSpanParams(params ReadOnlySpan<int> xs)
    {
        var sum = 0;
        foreach (var x in xs) sum += x;
        return sum;
    }

    [Goroutine]
    public static int ParamsCollections(Log log, int n) =>
        CountParams(n, log.L("a", 2)) + CountParams() * 1000 + SumEnumerableParams(Tw(n), 4, log.L("b", 5))
        + SumSpanParams(n, Tw(2)) * 10 + SumEnumerableParams();

    [Goroutine]
    public static string FilterPatternVariables(Log log, int n)
    {
        try
        {
            if (n > 0) throw new ArgumentException("bad" + n, "p" + n);
            throw new InvalidOperationException("io");
        }
        catch (Exception e) when (e is ArgumentException { ParamName: { } pn } ae && pn.Length > 1)
        {
            Go.Yield();
            log.Add(pn);
            return pn + ae.Message.Length + Tw(1);
        }
        catch (Exception e) when (e.Message is { Length: var len } && len > 1)
        {
            Sp.Pause();
            return "len" + len;
        }
    }

    [Goroutine]
    public static int DirectivesInsideExpression(Log log, int n)
    {
        int x = n +
#if GOSHARP_NEVER_DEFINED
            Tw(100)
#else
            Tw(1)
#endif
            ;
        var y = Sum3(x,
#if DEBUG
            Tw(2),
#else
            Tw(2) + 0,
#endif
            log.L("third", 3));
        return x * 10 + y;
    }

    // Nested types named like members of the frame class (Frame.State, Frame<T>.Result, Frame.MethodName).
    public sealed class State
    {
        public static readonly State Initial = new() { V = 7 };
        public int V;
    }

    public enum Result { None, Some }

    public static class MethodName
    {
        public static string Of(int n) => "m" + n;
    }

    [Goroutine]
    public static string NestedTypesNamedLikeFrameMembers(Log log, int n)
    {
        var s = new State { V = n };
        Go.Yield();
        var r = n > 1 ? Result.Some : Result.None;
        var t = State.Initial.V + Tw(1);
        return $"{MethodName.Of(Tw(n))}{r}{s.V}{Result.Some}{t}{(int)Result.Some}";
    }

    private sealed class Hidden
    {
        public int V;
    }

    [Goroutine]
    private static int ReadHidden(Hidden h)
    {
        Go.Yield();
        return h.V;
    }

    [Goroutine]
    private static Hidden MakeHidden(int v)
    {
        Sp.Pause();
        return new Hidden { V = v };
    }

    [Goroutine]
    public static int LessAccessibleParameterTypes(Log log, int n) =>
        ReadHidden(new Hidden { V = n }) + ReadHidden(MakeHidden(Tw(2))) * 10;

    [Goroutine]
    public static int RefStructStaticGoroutine(Log log, int n) => RefHolder.Twice(n) + RefHolder.Twice(Tw(3));

    [Goroutine]
    public static int ExplicitInterfaceGoroutine(Log log, int n)
    {
        IMeasure m = new Measurer();
        Go.Yield();
        return m.Measure(n) + m.Measure(Tw(2));
    }
}

public ref partial struct RefHolder
{
    [Goroutine]
    public static int Twice(int n)
    {
        Go.Yield();
        return 2 * n;
    }
}

public interface IMeasure
{
    int Measure(int n);
}

public sealed partial class Measurer : IMeasure
{
#pragma warning disable GOSH0023 // the interface method is plain: calls through it run this plainly, as tested
    [Goroutine]
    int IMeasure.Measure(int n)
    {
        Sp.Pause();
        return n * 3 + Offset();
    }
#pragma warning restore GOSH0023

    private int Offset() => 1;
}
