using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): checked/unchecked blocks and expressions nested in each other, around suspensions; the
// context is lexical: lambdas and local functions written inside a checked block are checked, a called method
// (a nested goroutine call too) keeps its own.
public static partial class Cases
{
    [Goroutine]
    public static string ChkTripleNesting(Log log, int n)
    {
        var s = "";
        int big = int.MaxValue - n;
        checked
        {
            unchecked
            {
                var w = big + Tw(10);
                s += "w=" + w;
                checked
                {
                    try { s += ",c=" + (big + Tw(n)); }
                    catch (OverflowException) { s += ",overflow1"; }
                }
                s += ",u=" + (big * Tw(3));
            }
            try { s += ",x=" + (Tw(big) + 1); }
            catch (OverflowException) { s += ",overflow2"; }
        }
        return s;
    }

    [Goroutine]
    public static string ChkConversions(Log log, int n)
    {
        var s = "";
        long l = 300 + n;
        s += unchecked((byte)Tw(l));
        try { s += "," + checked((byte)Tw(l)); }
        catch (OverflowException) { s += ",overflow byte"; }
        checked
        {
            try { s += "," + (int)Tw(1e10 * (n + 1)); }
            catch (OverflowException) { s += ",overflow double"; }
            s += "," + unchecked((short)Tw(70000));
            try { s += "," + (uint)(Tw(n) - 1); }
            catch (OverflowException) { s += ",overflow uint"; }
        }
        return s;
    }

    [Goroutine]
    public static string ChkLambdaInsideCheckedBlock(Log log, int n)
    {
        var s = "";
        checked
        {
            Func<int, int> f = v => v + int.MaxValue;
            int Local(int v) => v * int.MaxValue;
            void Bump(ref int v) { v += int.MaxValue; }
            void Log2(int v) => log.Add("log2 " + (v + int.MaxValue));
            Go.Yield();
            var cell = Tw(n + 1);
            try { Bump(ref cell); s += "bumped"; }
            catch (OverflowException) { s += "overflow bump,"; }
            try { Log2(Tw(n)); }
            catch (OverflowException) { s += "overflow log2,"; }
            try { s += f(Tw(n)); }
            catch (OverflowException) { s += "overflow f"; }
            try { s += "," + Local(Tw(n + 1)); }
            catch (OverflowException) { s += ",overflow local"; }
        }
        Func<int, int> g = v => v + int.MaxValue;
        s += "," + g(Tw(1));
        return s;
    }

    [Goroutine]
    public static string ChkIncrementsAndUnaryMinus(Log log, int n)
    {
        var s = "";
        checked
        {
            var x = int.MaxValue - 1;
            x += Tw(n > 0 ? 0 : 0);
            try { x++; s += "x=" + x; x++; s += "never"; }
            catch (OverflowException) { s += ",overflow++ x=" + x; }
            var arr = new[] { int.MinValue + 1 };
            try { arr[Tw(0)]--; s += ",a=" + arr[0]; arr[Tw(0)]--; s += "never"; }
            catch (OverflowException) { s += ",overflow-- a=" + arr[0]; }
            try { s += "," + (-Tw(int.MinValue + (n > 1 ? 1 : 0))); }
            catch (OverflowException) { s += ",overflow neg"; }
        }
        return s;
    }

    [Goroutine]
    public static string ChkLoopIncrementOverflow(Log log, int n)
    {
        var count = 0;
        try
        {
            checked
            {
                for (byte b = (byte)(250 + n); ; b += (byte)Tw(1))
                {
                    count++;
                    if (count > 20) break;
                }
            }
        }
        catch (OverflowException)
        {
            log.Add("overflow after " + count);
        }
        return "count " + count;
    }

    [Goroutine]
    public static string ChkNestedCallKeepsOwnContext(Log log, int n)
    {
        var s = "";
        checked
        {
            s += ChkUncheckedCallee(int.MaxValue, Tw(n + 1));
            s += "," + unchecked(ChkCheckedCallee(log, 1, 1) + int.MaxValue + Tw(1));
            try { s += "," + ChkCheckedCallee(log, int.MaxValue, Tw(n)); }
            catch (OverflowException) { s += ",callee overflow"; }
        }
        return s;
    }

    [Goroutine]
    private static int ChkUncheckedCallee(int a, int b)
    {
        Sp.Pause();
        return a + b;
    }

    [Goroutine]
    private static int ChkCheckedCallee(Log log, int a, int b)
    {
        Sp.Pause();
        log.Add("callee " + a);
        return checked(a + b);
    }

    [Goroutine]
    public static string ChkSwitchAndInterpolation(Log log, int n)
    {
        int big = int.MaxValue;
        var s = "";
        checked
        {
            try
            {
                s += (n % 2) switch
                {
                    0 => unchecked(big + Tw(1)).ToString(),
                    _ => (big + Tw(n)).ToString(),
                };
            }
            catch (OverflowException) { s += "arm overflow"; }
            try { s += $",{unchecked(big + Tw(2))}:{big - Tw(n)}:{big + Tw(n - 1)}"; }
            catch (OverflowException) { s += ",hole overflow"; }
        }
        return s;
    }

    [Goroutine]
    public static string ChkCompoundInUncheckedInsideCheckedLoop(Log log, int n)
    {
        var hashes = new List<int>();
        checked
        {
            foreach (var w in new[] { "ab", "cd" })
            {
                var h = 17;
                foreach (var ch in w)
                {
                    unchecked { h = h * 31 + Tw((int)ch) * int.MaxValue; }
                    h = unchecked(h * (n + 1000003));
                }
                hashes.Add(h);
                try { h += Tw(int.MaxValue); hashes.Add(h); h += int.MaxValue; hashes.Add(h); }
                catch (OverflowException) { hashes.Add(-1); }
            }
        }
        return string.Join(",", hashes);
    }

    /// <summary>
    /// A for's incrementors and initializers in a checked block around a suspending body (red team round 5: the
    /// residual came back as <c>checked(i += n);</c>, no statement, CS0201 in generated code).
    /// </summary>
    [Goroutine]
    public static string ChkForIncrementors(Log log, int n)
    {
        var r = "";
        int j = 0, k;
        try
        {
            checked
            {
                for (int i = int.MaxValue - 4; i > 0; i += n + 1) { r += Tw(i % 10); }
            }
        }
        catch (OverflowException) { r += "ovf"; }
        try
        {
            checked
            {
                for (k = int.MaxValue - 2, j += n; k > 0; k++, j--, ++j, k = k + n) { r += "," + Tw(k % 10); }
            }
        }
        catch (OverflowException) { r += "ovf2"; }
        unchecked
        {
            for (k = int.MaxValue - 1; k > 0; k++) { r += "," + Tw(k % 10); }
        }
        log.Add("j=" + j + ",k=" + k);
        return r;
    }
    [Goroutine] private static string ChkTake(uint v, int k) { Go.Yield(); return v + ":" + k; }
    [Goroutine] private static string ChkTakeAll(int k, params uint[] vs) { Go.Yield(); return k + ":" + string.Join("/", vs); }

    // An argument written checked(...) or unchecked(...) of a nested goroutine call keeps its context (Roslyn gives
    // the argument's operation the syntax inside it): a constant that only unchecked converts (found in Jint:
    // CS0221 in generated code), and a checked sum that overflows at run time in an unchecked method.
    [Goroutine]
    public static string ChkNestedCallArguments(Log log, int n)
    {
        var s = ChkTake(unchecked((uint)(-(5 + 1 + 5))), n) + "," + ChkTake(unchecked((uint)-1), Tw(n));
        s += "," + ChkTakeAll(n, 1, unchecked((uint)-2), (unchecked((uint)(-n - 1))));
        try { s += "," + ChkTake((uint)checked(int.MaxValue - 1 + n), n); }
        catch (OverflowException) { s += ",overflow"; }
        try { s += "," + ChkTakeAll(Tw(n), 3, checked((uint)(n - 1))); }
        catch (OverflowException) { s += ",overflow2"; }
        return s;
    }
    [Goroutine] private static string ChkPair(int a, int b) { Go.Yield(); return a + "/" + b; }
    private static int ChkF(Log log, int v) { log.Add("F" + v); return v; }

    // Named arguments out of parameter order, one written unchecked(...): evaluated in source order (the check that
    // finds them out of order matched arguments by syntax, which Roslyn gives as the inside of unchecked(...)).
    [Goroutine]
    public static string ChkNamedArgumentsInContext(Log log, int n)
    {
        var s = ChkPair(b: checked(ChkF(log, n)), a: log.L("a", Tw(2)));
        s += ChkPair(b: unchecked(ChkF(log, n + 1) * 2), a: ChkF(log, 3));
        return s + Tw("");
    }

    // The arguments of a suspension point's awaiter factory, of an object creation and of an indexer in an
    // initializer are written by the lowering, apart from their statement: they keep the context they were
    // written in (red team, stop 25: an overflow in `checked { ch.Send(a + b); }` wrapped silently).
    [Goroutine]
    public static string ChkSuspensionPointArguments(Log log, int n)
    {
        var s = "";
        try { s += "a" + checked(Tw(int.MaxValue - 1 + n)); }
        catch (OverflowException) { s += "a-overflow"; }
        var ch = new Chan<int>(1);
        checked
        {
            try { ch.Send(int.MaxValue - 2 + n); s += ",sent" + ch.Recv(); }
            catch (OverflowException) { s += ",send-overflow"; }
            try { s += ",u" + Tw(unchecked(int.MaxValue + n)); }
            catch (OverflowException) { s += ",u-overflow"; }
            int[] arr = { 1, 2 };
            try { s += ",r" + Tw(arr[n % 2] * (int.MaxValue / 2 + n)); }
            catch (OverflowException) { s += ",r-overflow"; }
        }
        unchecked { s += ",w" + checked(Tw(unchecked(int.MinValue - n))); }
        return s;
    }

    [Goroutine]
    public static string ChkInitializerArguments(Log log, int n)
    {
        var s = "";
        int big = int.MaxValue - 2;
        checked
        {
            try { var d = new Dictionary<int, int> { [big + n] = Tw(1) }; s += "d" + d.Count; }
            catch (OverflowException) { s += "d-overflow"; }
            try { var l = new List<int>(big + n - int.MaxValue + 10) { Tw(2) }; s += ",l" + l.Count; }
            catch (OverflowException) { s += ",l-overflow"; }
            try { var p = new KeyValuePair<int, int>(big + n, Tw(3)); s += ",p" + p.Value; }
            catch (OverflowException) { s += ",p-overflow"; }
        }
        return s;
    }

    [Goroutine]
    public static string ChkLocationParts(Log log, int n)
    {
        var s = "";
        var arr = new long[4];
        int big = int.MaxValue - 1;
        checked
        {
            try { arr[big + n - int.MaxValue + 1] += Tw(5); s += "a" + arr[0] + arr[1]; }
            catch (OverflowException) { s += "a-overflow"; }
            try { arr[(big + n) % 4] = Tw(7); s += ",b" + arr[2]; }
            catch (OverflowException) { s += ",b-overflow"; }
            try { arr[Tw(1)] = big + n + 0L; s += ",c" + arr[1]; }
            catch (OverflowException) { s += ",c-overflow"; }
            try { (arr[big + n - int.MaxValue + 1], arr[3]) = (Tw(9), 1); s += ",d" + arr[0]; }
            catch (OverflowException) { s += ",d-overflow"; }
            try { arr[big + n - int.MaxValue + 1]++; Go.Yield(); s += ",e" + arr[0]; }
            catch (OverflowException) { s += ",e-overflow"; }
        }
        return s;
    }

    // A foreach's explicit conversion of its elements is made in the foreach's context (red team, stop 25).
    [Goroutine]
    public static string ChkForeachConversion(Log log, int n)
    {
        var r = "";
        try { checked { foreach (short s in new long[] { 30000L + n * 1000 }) r += s + Tw("!"); } }
        catch (OverflowException) { r += "array-overflow"; }
        try { checked { foreach (short s in new List<long> { 32766L + n }) r += "," + s + Tw("!"); } }
        catch (OverflowException) { r += ",list-overflow"; }
        try { checked { foreach (var (a, b) in new (long, int)[] { (1, 2) }) r += "," + (a + b) + Tw("?"); } }
        catch (OverflowException) { r += ",deconstruct-overflow"; }
        checked { unchecked { foreach (byte b in new[] { 255 + n }) r += "," + b + Tw("."); } }
        return r;
    }

    // Constants that overflow are legal in an unchecked context only: a case label, a pattern or a switch arm the
    // lowering writes apart from its statement keeps that context.
    [Goroutine]
    public static string ChkUncheckedConstantLabels(Log log, int n)
    {
        var s = "";
        unchecked
        {
            switch (Tw(int.MinValue + n))
            {
                case int.MaxValue + 1: s += "min" + Tw(1); break;
                case int.MaxValue + 2: s += "min+1" + Tw(2); break;
                default: s += "other" + Tw(3); break;
            }
            s += (int.MinValue + n) switch { int.MaxValue + 1 => "a", _ => "b" } + Tw(4);
            s += Tw(int.MinValue + n) switch { int.MaxValue + 2 when Tw(n) > 0 => "e", < int.MaxValue + 3 => "f", _ => "g" };
            s += Tw(int.MinValue + n) is int.MaxValue + 2 or (int)(uint.MaxValue + 1u) ? "c" : "d";
        }
        return s;
    }
}

