using System.Collections.Generic;
using GoSharp.Generator.Tests.Execution;

namespace GoSharp.Generator.Tests.Execution;

// What the metamorphic oracle over launchers' results (ExpressionPropertyTests.LauncherValues.cs) found: statements
// over locals a launcher's handle gives (`var x = GoLvLaunched(n).Join();`), which the generator's model binds over
// unknown types. Each was GOSH0010, a generator crash, or a wrong order of side effects.
public sealed class LvoCounter
{
    private readonly Log _log;
    public int V;
    public LvoCounter(Log log, int v) { _log = log; V = v; }
    public override string ToString() { _log.Add("ts" + V); return "c" + V; }
}

public sealed class LvoPoint { public int X; }

public readonly struct LvoMoney
{
    private readonly Log _log;
    public readonly int V;
    public LvoMoney(Log log, int v) { _log = log; V = v; }
    public static implicit operator int(LvoMoney m) { m._log.Add("int" + m.V); return m.V; }
}

public static partial class Cases
{
    [Goroutine] static T LvoLaunched<T>(T value) { Tw(0); return value; }
    [Goroutine] static int LvoCallee(Log log, int v) { log.Add("callee" + v); Tw(0); return v; }
    static int LvoRefAdd(ref int v, int a) { v += a; return v; }
    static int LvoBump(LvoCounter c, int a) { c.V += a; return a; }

    /// <summary>An assigned, incremented or by-ref variable of an inferred type is bound over an array element, which stays a variable.</summary>
    [Goroutine]
    public static string LvoWrittenVariables(Log log, int n)
    {
        var s = GoLvoLaunched("s").Join();
        var x = GoLvoLaunched(n).Join();
        int? ni = null;
        var r = (-(ni ??= (s += "ab").Length)) + Tw(1);
        var q = LvoRefAdd(ref x, 3) + Tw(1) + x++;
        x += Tw(2);
        return r + s + "," + q + "," + x;
    }

    /// <summary>`?.` and `?[]` over values of inferred types: `.M(x)` is bound with its whole access (it crashed the generator).</summary>
    [Goroutine]
    public static string LvoConditionalAccess(Log log, int n)
    {
        int? ni = n > 0 ? 1 : null;
        var x = GoLvoLaunched(n).Join();
        var arr = GoLvoLaunched(new[] { 1, 2, 3 }).Join();
        var r = ni?.CompareTo(Tw(0) + x) ?? 5;
        var e = arr?[Tw(1)] ?? 0;
        var list = GoLvoLaunched(new List<int> { n }).Join();
        return r + "," + e + "," + (list?.Count + Tw(1));
    }

    /// <summary>A spread of an array of an inferred type is copied where C# copies an array's (its length known), before a later element changes it.</summary>
    [Goroutine]
    public static string LvoSpreadOfInferredArray(Log log, int n)
    {
        var arr = GoLvoLaunched(new[] { 1, 2, 3 }).Join();
        int[] c = [.. arr, arr[0]++ + Tw(1)];
        List<int> d = [n, .. arr, arr[1]++ + Tw(n)];
        return string.Join(",", c) + ";" + string.Join(",", d) + ";" + arr[0] + arr[1];
    }

    /// <summary>An object's text in a concatenation is made when it is read, before a later suspension, also when the model cannot type the other side.</summary>
    [Goroutine]
    public static string LvoConcatenationOverInferredValues(Log log, int n)
    {
        var ctr = new LvoCounter(log, 1);
        object o2 = ctr;
        var pt = GoLvoLaunched(new LvoPoint { X = 1 }).Join();
        o2 += "" + LvoBump(ctr, pt.X++ << (LvoCallee(log, 1) & 3));
        var r = o2 + ("" + LvoBump(ctr, pt.X++ << (LvoCallee(log, 2) & 3)));
        var t = ctr + ("" + LvoBump(ctr, pt.X++ << (LvoCallee(log, 3) & 3)));
        return r + "|" + t;
    }

    /// <summary>A switch over a value of an inferred type whose guards do not suspend: `var w` takes that type.</summary>
    [Goroutine]
    public static string LvoVarPatternsOverInferredValues(Log log, int n)
    {
        var x = GoLvoLaunched(n).Join();
        var y = 0;
        switch (Tw(x) % 3)
        {
            case 0 when x > 2: y = 1; break;
            case var w when w > 0: y += Tw(w); break;
            default: y = 9; break;
        }
        var z = x switch { var v when v > 1 => v + Tw(1), _ => -1 };
        return y + "," + z + (x is var u && u >= 0 ? Tw(u) : 0);
    }

    static T LvoSame<T>(T v) => v;
    static string LvoApply<T>(T v, System.Func<T, T> f) => "" + f(v);

    /// <summary>A lambda the model binds over an unknown T (CS0019 in the generator's view) is copied as written (was GOSH0010 at the method).</summary>
    [Goroutine]
    public static string LvoLambdaOverUnknownType(Log log, int n)
    {
        var r = GoLvoLaunched(n).Join();
        return LvoApply(LvoSame(Tw(r)), x => x - 1) + LvoApply(r, x => x * 2);
    }

    public struct LvoCash
    {
        public static Log? Seen;
        public int V;
        public static implicit operator LvoCash(int v) { Seen?.Add("money" + v); return new LvoCash { V = v }; }
    }

    static int LvoAdd(LvoCash a, LvoCash b) => a.V * 10 + b.V;

    /// <summary>
    /// A call over such values whose arguments declare a pattern variable (`is var v0`): bound again as a statement at
    /// its place, the variable is renamed there (it would be declared twice); each argument's conversion to LvoCash
    /// runs as it is evaluated, before the next argument's suspension point.
    /// </summary>
    [Goroutine]
    public static string LvoPatternVariableInAnInferredCall(Log log, int n)
    {
        LvoCash.Seen = log;
        var ctr = GoLvoLaunched(new LvoCounter(log, 1)).Join();
        var x = GoLvoLaunched(n).Join();
        int? ni = null;
        object o2 = "o";
        var r = "r" + LvoAdd(((ni += (o2 += "" + LvoBump(ctr, 2)).ToString()!.Length) ?? 1), (LvoCallee(log, Tw(8)) - (log.L("l7", 7) is var v0 && v0 > 3 ? v0 : Tw(x))));
        LvoCash.Seen = null;
        return r + "," + o2;
    }

    /// <summary>
    /// An operand's user-defined conversion (Money to int) is made before the other operand runs, also where that
    /// operand is of an inferred type, so the model could not bind the operator (it was made after `arr[...]` was read).
    /// </summary>
    [Goroutine]
    public static string LvoOperandConversionBeforeInferredOperand(Log log, int n)
    {
        var mon = new LvoMoney(log, 3);
        var arr = GoLvoLaunched(new[] { 1, 2, 3 }).Join();
        var x = GoLvoLaunched(n).Join();
        var e = mon + (arr[log.L("b", 1)] + Tw(6));
        x += mon + (arr?[log.L("a", 1)] ?? Tw(6));
        return x + "," + e;
    }

    /// <summary>
    /// An operand's user-defined conversion where both operands have types the model sees but the operator is unbound,
    /// because an inferred value sits deep in the right one (`("" + ctr).Length` in a constructor's argument): the
    /// conversion of `mon` is made before the right operand runs (it ran after: ts1 before int3).
    /// </summary>
    [Goroutine]
    public static string LvoConversionBesideInnerInferredValue(Log log, int n)
    {
        var ctr = GoLvoLaunched(new LvoCounter(log, 1)).Join();
        var mon = new LvoMoney(log, 3);
        int r = mon + Tw(new LvoMoney(log, ("" + ctr).Length + n));
        return "r" + r;
    }

    static int LvoTake<T>(this LvoPoint p, T v) => p.X + v!.GetHashCode();

    /// <summary>
    /// Errors the model reports only over values launcher inference types (the method's body counted as broken, so
    /// the whole method was GOSH0010): a `var` pattern over a generic call's result compared with an int (CS0019, the
    /// variable is the call's own T there), a lambda returning such a variable (CS0029), an extension call whose type
    /// argument comes from a switch over such a value (CS0411).
    /// </summary>
    [Goroutine]
    public static string LvoErrorsOnlyOverInferredValues(Log log, int n)
    {
        var x = GoLvoLaunched(n + 2).Join();
        var r = 0;
        if (LvoSame(x) is var v0 && v0 > 3) r += Tw(v0);
        var ta = LvoSame(x);
        System.Func<int> f = () => ta;
        var p = new LvoPoint { X = 10 };
        r += p.LvoTake((x % 3) switch { 0 => x, 1 => 8, _ => Tw(5) });
        Tw(0);
        return "r" + r + "," + f();
    }

    static ref int LvoRefAt(Log log, int[] a, int i) { log.Add("at" + i); return ref a[i % a.Length]; }

    /// <summary>A ref-returning call over an inferred array as an assignment's or increment's target, its index suspending (GOSH0010: the model had no method for it).</summary>
    [Goroutine]
    public static string LvoRefCallTargets(Log log, int n)
    {
        var arr = GoLvoLaunched(new[] { 1, 2, 3 }).Join();
        LvoRefAt(log, arr, Tw(n)) += 10;
        LvoRefAt(log, arr, Tw(2))++;
        LvoRefAt(log, arr, Tw(n + 1)) = LvoRefAt(log, arr, 0) * 7;
        return string.Join(",", arr);
    }

    static int LvoI3(int v) => ((v % 3) + 3) % 3;

    /// <summary>
    /// A [Goroutine] call over an inferred value inside another call in a conditional element access
    /// (`arr?[I3(Count(log, x))]`): bound again over examples with its whole access, the call around it is no longer
    /// replaced by an example itself (which took the call away from the copy: GOSH0010, 'cannot tell which method').
    /// </summary>
    [Goroutine]
    public static string LvoCallInsideCallInConditionalIndex(Log log, int n)
    {
        var x = GoLvoLaunched(n).Join();
        var arr = GoLvoLaunched(new[] { 1, 2, 3 }).Join();
        var r = arr?[LvoI3(LvoCallee(log, x))] ?? 0;
        r += arr?[LvoI3(System.Math.Max(LvoCallee(log, --x), 1))] ?? 0;
        var list = new List<int> { 5 };
        var c = list?[0].CompareTo(x + Tw(0));
        return "r" + r + "," + c;
    }

    static bool LvoTry<T>(T key, out T value) { value = key; return true; }

    /// <summary>An out variable a call over an inferred value declares, used after a suspension point: typed from the call bound over examples (was GOSH0010).</summary>
    [Goroutine]
    public static string LvoOutVariableAfterSuspension(Log log, int n)
    {
        var t = GoLvoLaunched(n).Join();
        if (LvoTry(t, out var v)) { Tw(0); return "v" + (v + 1); }
        return "none";
    }

    /// <summary>A foreach deconstructing tuples built from an inferred value (CS8130 in the model, at the variables: the whole method was GOSH0010).</summary>
    [Goroutine]
    public static string LvoForEachDeconstructionOverInferredTuples(Log log, int n)
    {
        var x = GoLvoLaunched(n).Join();
        var fs = new List<System.Func<int>>();
        foreach (var (k, v) in new[] { (1, 2), (Tw(3), LvoSame(x)) })
        {
            fs.Add(() => k * 100 + v);
            x += Tw(v) % 10;
        }
        return x + ":" + string.Join(",", fs.ConvertAll(f => f()));
    }
}
