using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Review of red team round 12.
public static partial class Cases
{
    private static ref int Rt12rPick(int[] a, object? o) => ref a[o is null ? 2 : 0];
    private static ref int Rt12rPickF(int[] a, Func<int> f) => ref a[f() > 0 ? 0 : 1];
    private static ref int Rt12rPickS(int[] a, string s) => ref a[s.StartsWith("-", StringComparison.Ordinal) ? 1 : 0];
    private static ref int Rt12rPickL(int[] a, List<int> l) => ref a[l[0] > 0 ? 0 : 1];

    // A ref local dead at the suspension point after it, declared in a checked block, whose location's values have no
    // type of their own (a lambda, a target-typed conditional or switch, an interpolated string, a collection
    // expression): the checked context reached only the arguments with a type, so these overflowed silently (took
    // another element) where C# throws OverflowException. Their values are now written in the context too.
    [Goroutine]
    public static string Rt12rCheckedUntypedLocationParts(Log log, int n)
    {
        int[] a = { 1, 2, 3 };
        string r = "";
        try { checked { ref int q = ref Rt12rPickF(a, () => Rt12Big - 1 + n); q += 10; r += Tw(q) + ";"; } }
        catch (OverflowException) { r += "ovf;"; }
        try { checked { ref int q = ref Rt12rPick(a, n > 5 ? null : Rt12Big - 1 + n); q += 10; r += Tw(q) + ";"; } }
        catch (OverflowException) { r += "ovf;"; }
        try { checked { ref int q = ref Rt12rPick(a, n switch { 7 => null, _ => Rt12Big - 1 + n }); q += 10; r += Tw(q) + ";"; } }
        catch (OverflowException) { r += "ovf;"; }
        try { checked { ref int q = ref Rt12rPickS(a, $"{Rt12Big - 1 + n}"); q += 10; r += Tw(q) + ";"; } }
        catch (OverflowException) { r += "ovf;"; }
        try { checked { ref int q = ref Rt12rPickL(a, [Rt12Big - 1 + n]); q += 10; r += Tw(q) + ";"; } }
        catch (OverflowException) { r += "ovf;"; }
        return r + string.Join(",", a);
    }

    // The same with a lambda or an anonymous method whose body is a block: C#'s context reaches into its statements.
    [Goroutine]
    public static string Rt12rCheckedBlockLambdaInLocation(Log log, int n)
    {
        int[] a = { 1, 2, 3 };
        string r = "";
        try { checked { ref int q = ref Rt12rPickF(a, () => { int v = Rt12Big - 2; return v + n; }); q += 10; r += Tw(q) + ";"; } }
        catch (OverflowException) { r += "ovf;"; }
        try { checked { ref int q = ref Rt12rPickF(a, delegate { int v = Rt12Big - 2; return v + n; }); q += 10; r += Tw(q) + ";"; } }
        catch (OverflowException) { r += "ovf;"; }
        try { unchecked { ref int q = ref Rt12rPickF(a, () => { int v = Rt12Big - 2; return v + n; }); q += 10; r += Tw(q) + ";"; } }
        catch (OverflowException) { r += "ovf;"; }
        return r + string.Join(",", a);
    }
}
