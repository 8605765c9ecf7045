using System;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: `&x` of a local or parameter that lives in the frame (used across a suspension point) was refused with
// GOSH0017, where C# 13 accepts it in an async method, warning CS9123, and takes the address of the state machine's
// hoisted field. The generator now takes the frame field's address the same way, warning GOSH0025 (an unsafe block
// holds no suspension point, so the pointer is used before the goroutine can move to another thread).
#pragma warning disable GOSH0025 // the frame field's address is what these cases test
public static partial class Cases
{
    public struct AddressedPair { public int A; public int B; }

    [Goroutine]
    public static string AddressOfFrameLocalsAndParameters(Log log, int n)
    {
        int x = Tw(n);
        unsafe { int* p = &x; *p += 1; }
        log.Add("x" + x);
        unsafe { int* q = &n; *q *= 10; }
        AddressedPair s = default;
        s.A = Tw(n);
        unsafe { int* a = &s.A; *a += 2; AddressedPair* whole = &(s); whole->B = 7; }
        return x + "," + n + "," + s.A + "," + s.B + "," + Tw(0);
    }

    [Goroutine]
    public static string AddressOfFrameLocalsInLoopsAndHandlers(Log log, int n)
    {
        long sum = n;
        for (int i = 0; i < 3; i++)
        {
            sum += Tw(i);
            unsafe { long* p = &sum; *p *= 2; int* ip = &i; log.Add("i" + *ip); }
        }
        try
        {
            sum += Tw(1);
            if (n == 1) throw new InvalidOperationException("one");
        }
        catch (InvalidOperationException)
        {
            unsafe { *&sum = -sum; }
        }
        finally
        {
            unsafe { long* p = &sum; log.Add("f" + *p); }
        }
        switch (Tw(n))
        {
            case 3: unsafe { long* p = &sum; *p += 1000; } break;
            default: unsafe { (*&sum)++; } break;
        }
        return sum + "," + Tw(0);
    }

    [Goroutine]
    public static string AddressOfAGenericFrameLocal(Log log, int n) =>
        AddressedValue(log, n) + "|" + AddressedValue(log, (long)n * 3) + "|" + AddressedValue(log, (n, 'c'));

    [Goroutine]
    private static string AddressedValue<T>(Log log, T value) where T : unmanaged
    {
        T copy = value;
        Go.Yield();
        unsafe { T* p = &copy; log.Add(sizeof(T) + ":" + *p); }
        return copy.ToString() + Tw("");
    }
}
