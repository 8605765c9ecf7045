using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
// Red team 25: unsafe code that async accepts (fixed, pointers, sizeof, function pointers and stackalloc in blocks
// with no suspension point inside, suspension points before and after).
#pragma warning disable GOSH0025 // the address of a frame variable is part of what these cases test (async: CS9123)
#pragma warning disable CA2014 // a stackalloc in a loop is part of what these cases test
namespace GoSharp.Generator.Tests.Execution;
public struct R25Pt { public int X; public int Y; }
public static partial class Cases
{
    static int R25Sq(int x) => x * x;
    static int R25Neg(int x) => -x;
    static unsafe int R25Apply(delegate*<int, int> f, int x) => f(x);
    static int R25SumSpan(ReadOnlySpan<int> s) { var t = 0; foreach (var v in s) t += v; return t; }
    static readonly int[] R25Arr = { 1, 2, 3, 4 };

    [Goroutine]
    public static string R25UnFixedBetween(Log log, int n)
    {
        var arr = new[] { Tw(n), 2, 3 };
        int sum = 0;
        unsafe
        {
            fixed (int* p = arr)
            {
                for (var i = 0; i < arr.Length; i++) { p[i] *= 2; sum += p[i]; }
            }
        }
        sum += Tw(arr[0]);
        var s = sum + ":" + string.Join(",", arr);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnPointerLocalInBlock(Log log, int n)
    {
        var a = Tw(n);
        int r;
        unsafe
        {
            int x = a + 1;
            int* p = &x;
            *p += 10;
            r = *p;
        }
        var s = r + ":" + Tw(r);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnSizeof(Log log, int n)
    {
        var s = sizeof(int) + ":" + Tw(sizeof(long)) + ":" + sizeof(double);
        unsafe { s += ":" + sizeof(R25Pt); }
        s += ":" + Tw(n);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnFunctionPointerInBlock(Log log, int n)
    {
        var x = Tw(n);
        int r;
        unsafe
        {
            delegate*<int, int> f = &R25Sq;
            r = f(x) + R25Apply(&R25Neg, x);
        }
        var s = r + ":" + Tw(r);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnStackallocBefore(Log log, int n)
    {
        Span<int> sp = stackalloc int[4];
        for (var i = 0; i < sp.Length; i++) sp[i] = i * n;
        var t = R25SumSpan(sp);
        var s = t + ":" + Tw(t);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnStackallocAfter(Log log, int n)
    {
        var k = Tw(n) + 2;
        Span<byte> sp = stackalloc byte[k];
        sp.Fill((byte)n);
        var s = sp.Length + ":" + sp[0];
        s += ":" + Tw(s.Length);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnStackallocInitializer(Log log, int n)
    {
        ReadOnlySpan<int> sp = stackalloc[] { n, n + 1, n + 2 };
        var t = R25SumSpan(sp);
        Go.Yield();
        var s = "t" + t + Tw(n);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnStackallocInLoop(Log log, int n)
    {
        var s = "";
        for (var i = 0; i < n + 1; i++)
        {
            var t2 = Tw(i) * 2;
            Span<int> sp = stackalloc int[2];
            sp[0] = i; sp[1] = t2;
            s += R25SumSpan(sp) + ";";
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnFixedString(Log log, int n)
    {
        var str = "ab" + Tw(n);
        int code;
        unsafe
        {
            fixed (char* c = str) { code = c[0] + c[str.Length - 1]; }
        }
        var s = code + ":" + Tw(str);
        log.Add(s); return s;
    }

    public sealed class R25PtBox { public R25Pt P; }

    [Goroutine]
    public static string R25UnPointerArithmetic(Log log, int n)
    {
        var arr = new int[Tw(3) + n];
        unsafe
        {
            fixed (int* p0 = arr)
            {
                int* p = p0;
                for (var i = 0; i < arr.Length; i++) *p++ = i * i;
            }
        }
        var s = string.Join(",", arr) + Tw("!");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnAddressOfStructLocalInBlock(Log log, int n)
    {
        var pt = new R25Pt { X = Tw(n), Y = n + 1 };
        unsafe
        {
            R25Pt* pp = &pt;
            pp->X += pp->Y;
        }
        var s = pt.X + ":" + Tw(pt.Y);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnMemoryMarshal(Log log, int n)
    {
        var arr = new[] { Tw(n), 1 };
        var bytes = MemoryMarshal.AsBytes(arr.AsSpan()).Length;
        var s = bytes + ":" + Tw(MemoryMarshal.GetArrayDataReference(arr));
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnUnsafeAs(Log log, int n)
    {
        var v = Tw((uint)n + 0x80000000u);
        var i = Unsafe.As<uint, int>(ref v);
        var s = i + ":" + Tw(Unsafe.SizeOf<R25Pt>());
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnNestedUnsafeBlocks(Log log, int n)
    {
        var s = "";
        for (var k = 0; k < 2; k++)
        {
            var v = Tw(k + n);
            unsafe
            {
                int* p = &v;
                if (*p > 1) { *p *= 3; }
                else { unsafe { *p = -*p; } }
            }
            s += v + ";";
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnStackallocConditional(Log log, int n)
    {
        Span<int> sp = n > 1 ? stackalloc int[3] : new int[5];
        sp[0] = 7;
        var s = sp.Length + ":" + sp[0];
        s += Tw("|") + n;
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnSpanFromArrayAfterAwait(Log log, int n)
    {
        var arr = new[] { 5, 6, 7, Tw(n) };
        Span<int> sp = arr;
        sp.Reverse();
        var s = string.Join(",", arr);
        s += Tw(sp.Length);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnFixedTwoPointers(Log log, int n)
    {
        var a = new[] { 1, 2 }; var b = new[] { Tw(n), 4 };
        unsafe
        {
            fixed (int* pa = a, pb = b) { pa[0] += pb[0]; pb[1] += pa[1]; }
        }
        var s = a[0] + ":" + b[1] + Tw(";");
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnFunctionPointerTable(Log log, int n)
    {
        var s = "";
        for (var i = 0; i < 2; i++)
        {
            var x = Tw(n + i);
            unsafe
            {
                delegate*<int, int>[] table = { &R25Sq, &R25Neg };
                s += table[i](x) + ";";
            }
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnTryFinallyWithUnsafe(Log log, int n)
    {
        var s = "";
        try
        {
            int v = Tw(n);
            unsafe { int* p = &v; *p += 1; }
            s += v;
        }
        finally
        {
            unsafe { s += sizeof(R25Pt); }
            s += Tw("f");
        }
        log.Add(s); return s;
    }

    [Goroutine]
    public static string R25UnStackallocSpread(Log log, int n)
    {
        Span<int> sp = stackalloc int[] { 1, 2, n };
        int[] arr = [.. sp, 9];
        var s = string.Join(",", arr) + Tw(n);
        log.Add(s); return s;
    }
}
