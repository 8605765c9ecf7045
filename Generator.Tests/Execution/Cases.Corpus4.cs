using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Ulid's GetHashCode: a readonly struct reads its own bytes through `ref int r = ref Unsafe.As<Ulid, int>(ref
// Unsafe.AsRef(in this))` and `Unsafe.Add(ref r, k)`. Nothing is written, so the frame's copy hashes as the caller's
// variable would, and async accepts it; the generator refused it (GOSH0014 at `in this`), taking every `this` passed
// to a method returning a writable ref for a write (ThisReferenceReads).
public readonly partial struct C4Id
{
    public readonly long A, B;

    public C4Id(long a, long b)
    {
        A = a;
        B = b;
    }

    [Goroutine]
    public int Hash(Log log)
    {
        ref int r = ref Unsafe.As<C4Id, int>(ref Unsafe.AsRef(in this));
        var h = r ^ Unsafe.Add(ref r, 1);
        log.Add("low " + h);
        Go.Yield();
        ref readonly int q = ref Unsafe.Add(ref Unsafe.As<C4Id, int>(ref Unsafe.AsRef(in this)), 2);
        return h ^ q ^ Unsafe.Add(ref Unsafe.AsRef(in q), 1);
    }
}

public static partial class Cases
{
    [Goroutine]
    public static string C4ReadThroughUnsafeAs(Log log, int n)
    {
        var id = new C4Id(Tw(n) * 0x1_0000_0003L, n - 7);
        var h = id.Hash(log);
        return h + " " + Tw(id.A) + " " + id.B;
    }
}
