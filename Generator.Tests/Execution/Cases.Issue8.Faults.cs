using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): where an assignment faults. C# evaluates the target's receiver and indexes, then (for a
// compound assignment) reads the old value, which may throw before the right side runs; a simple assignment
// runs the right side first and faults at the store.
public static partial class Cases
{
    [Goroutine]
    public static string FltStoreFaultsAfterRightSide(Log log, int n)
    {
        var s = "";
        var a = new int[2];
        try { a[n + 1] = Tw(log.L("rhs1", 1)); s += "stored;"; }
        catch (IndexOutOfRangeException) { s += "index1;"; }
        Box? box = n == 0 ? null : new Box();
        try { box!.Value = Tw(log.L("rhs2", 2)); s += "stored2;"; }
        catch (NullReferenceException) { s += "null2;"; }
        object[] objs = new string[1];
        try { objs[0] = Tw<object>(log.L("rhs3", n)); s += "stored3;"; }
        catch (ArrayTypeMismatchException) { s += "mismatch3;"; }
        return s;
    }

    [Goroutine]
    public static string FltCompoundReadFaultsBeforeRightSide(Log log, int n)
    {
        var s = "";
        var a = new int[2];
        try { a[n + 1] += Tw(log.L("rhs1", 1)); s += "ok1;"; }
        catch (IndexOutOfRangeException) { s += "index1;"; }
        Box? box = n == 0 ? null : new Box();
        try { box!.Value -= Tw(log.L("rhs2", 2)); s += "ok2;"; }
        catch (NullReferenceException) { s += "null2;"; }
        var cell = new CmpCell(log, 3);
        try { cell[n] /= Tw(n) - n; s += "ok3;"; }
        catch (DivideByZeroException) { s += "div3 " + cell[n] + ";"; }
        int x = 7;
        try { x %= Tw(0) * n; s += "ok4;"; }
        catch (DivideByZeroException) { s += "div4 " + x + ";"; }
        try { a[Tw(5)]++; }
        catch (IndexOutOfRangeException) { s += "index5;"; }
        return s + a[0] + a[1];
    }

    [Goroutine]
    public static string FltFaultInArgumentsAfterSpill(Log log, int n)
    {
        // Arguments evaluated before the one that throws have run (and logged); later ones never do.
        var s = "";
        try { s += Sum3(log.L("a", 1), n > 0 ? Sp.Fail("second" + n) : Tw(2), log.L("c", 3)); }
        catch (InvalidOperationException e) { s += e.Message; }
        try
        {
            var arr = new[] { log.L("e0", 0), Tw(1), n == 3 ? throw new ArgumentException("elem") : 2, log.L("e3", 3) };
            s += "|" + arr.Length;
        }
        catch (ArgumentException e) { s += "|" + e.Message; }
        return s;
    }
}
