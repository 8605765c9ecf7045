using System;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 12: statements, generics and structs.
public static partial class Cases
{
    // Bug 1: a ref local (or a span) declared in a switch section is in scope in the later sections too (the switch
    // block is its scope), where async lets another section assign it anew and use it. With no suspension point
    // after it in its section, the rest of that section was copied in braces of its own, hiding the local from the
    // later section: the generated code did not compile (CS0103). With one after it, a declaration in a section was
    // refused with GOSH0008 where async accepts it (the local dead at the suspension point).
    [Goroutine]
    public static string Rt12RefLocalsInSwitchSections(Log log, int n)
    {
        var a = new int[3];
        for (int k = 0; k < 2; k++)
        {
            switch (n + k)
            {
                case 1:
                    ref int r = ref a[0];
                    r++;
                    log.Add("one");
                    break;
                case 2:
                    ref int q = ref a[1];
                    if (n > 5) { Tw(1); break; }
                    q += 2;
                    Tw(2);
                    goto case 3;
                case 3:
                    log.Add("three" + Tw(k));
                    r = ref a[2];
                    r += 3;
                    break;
            }
            switch (k)
            {
                case 0:
                    Span<int> s = a;
                    s[0] += 10;
                    break;
                default:
                    a[1] += Tw(20);
                    s = a.AsSpan(1);
                    s[1] += 30;
                    break;
            }
        }
        return string.Join(",", a);
    }
}

public static partial class Cases
{
    // Bug 2: a block's local functions may be called anywhere in it (a switch section's, anywhere in the switch). With
    // a span or ref local declared after a suspension point and none after it, the rest of the block was copied in
    // braces of its own, hiding a local function declared there from a call before the declaration: the generated
    // code did not compile (CS0103).
    [Goroutine]
    public static string Rt12LocalFunctionAfterSpan(Log log, int n)
    {
        var x = Helper(n);
        x += Tw(1);
        switch (n)
        {
            case 0:
                x += Twice(Tw(n));
                break;
            default:
                Span<int> t = stackalloc int[2];
                t[1] = Twice(n);
                x += t[1];
                break;
                int Twice(int k) => k * 2 + x;
        }
        Span<int> s = stackalloc int[2];
        s[0] = Helper(x);
        return s[0] + "," + x;
        int Helper(int k) => k * 3 + n;
    }
}

public static partial class Cases
{
    public static int Rt12Big = int.MaxValue;

    // Bug 3: in a checked block, a span or ref local declared after the last suspension point had each statement of
    // the rest of the block copied into a checked block of its own, so the declaration's was the only one that saw
    // the local: the generated code did not compile (CS0103).
    [Goroutine]
    public static string Rt12CheckedSpanAfterSuspension(Log log, int n)
    {
        int[] a = { 1, 2, 3 };
        string r = "";
        try
        {
            checked
            {
                r += Tw(n);
                ReadOnlySpan<int> t = a.AsSpan(0, Rt12Big - 1 + n > 0 ? 1 : 2);
                r += t.Length;
            }
        }
        catch (OverflowException) { r += "ovf"; }
        return r;
    }

    // Bug 4: a ref local dead at the suspension point after it, declared in a checked block, was declared without the
    // checked context: its location's index overflowed silently (`ref a[Big + n + 1 > 0 ? 0 : 1]` took a[1]) where C#
    // throws OverflowException. Now the values inside the location are checked (`ref a[checked(...)]`).
    [Goroutine]
    public static string Rt12CheckedRefLocalIndex(Log log, int n)
    {
        int[] a = { 1, 2, 3 };
        string r = "";
        try
        {
            checked
            {
                ref int q = ref a[Rt12Big - 1 + n > 0 ? 0 : Rt12Big - n - 2];
                q += 10;
                r += Tw(q);
            }
        }
        catch (OverflowException) { r += "ovf"; }
        catch (IndexOutOfRangeException) { r += "ior"; }
        return r + string.Join(",", a);
    }
}

public static partial class Cases
{
    // Bug 5: a using declaration makes the rest of its block the body of a try; a local function declared there and
    // called before the using declaration (or in its initializer) was hidden from that call: the generated code did
    // not compile (CS0103). Such a function is now declared before the try.
    [Goroutine]
    public static string Rt12LocalFunctionAfterUsing(Log log, int n)
    {
        var x = Helper(n);
        using var res = new Res(log, "r" + Helper(1));
        x += Tw(1);
        using var res2 = new Res(log, "q" + Other(x));
        log.Add("body" + Tw(x));
        return x + "," + Other(x);
        int Helper(int k) => k + 1 + n;
        int Other(int k) => k * 2;
    }
}

public static partial class Cases
{
    // Bug 6 (the accepted shapes; the refused ones are in StackOnlyLocalDiagnosticTests): a ref or span local declared
    // before a using declaration may be read in its initializer, before the try, and assigned anew inside it.
    [Goroutine]
    public static string Rt12StackLocalAcrossUsingDeclaration(Log log, int n)
    {
        var a = new int[] { 1, 2, 3 };
        ref int r = ref a[0];
        r++;
        using var res = new Res(log, "x" + r);
        r = ref a[1];
        r += n;
        Tw(1);
        Span<int> s = a;
        s[2]++;
        {
            using var res2 = new Res(log, "y" + s[2]);
            log.Add("in" + Tw(2));
        }
        return string.Join(",", a);
    }
}

public static partial class Cases
{
    // Bug 5, continued: nameof(F) before the using declaration is written as a string, so F stays in the try, where it
    // sees the locals declared after the last suspension point (declared there, not frame fields).
    [Goroutine]
    public static string Rt12NameofLocalFunctionAfterUsing(Log log, int n)
    {
        var name = nameof(Helper);
        using var res = new Res(log, "r");
        log.Add("x" + Tw(n));
        int y = 5 + n;
        int Helper() => y;
        return name + Helper();
    }
}
