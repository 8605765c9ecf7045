using System.Threading;

namespace GoSharp.Channels;

/// <summary>
/// A channel's lock (Go: hchan.lock, runtime.lock2): a test-and-test-and-set spin lock. Critical sections
/// are a few dozen instructions and never block, so a waiter spins instead of sleeping, and releasing
/// is one store. <see cref="Lock"/> was measured here: under two Ms contending for one channel, its
/// wake-up path on Exit took a fifth of the time of a buffered worker pool. Spinning backs off with
/// <see cref="SpinWait"/> (which yields the thread after a few rounds) in case the holder was preempted.
/// Not reentrant. The base class of <see cref="HChan{T}"/> rather than an object of its own, as Go's lock
/// is a field of hchan: the lock word then sits in the channel's object beside the count and the queues
/// that every operation reads next (one object, one fewer cache line to fetch from the other core).
/// </summary>
internal abstract class ChanLock
{
    private int _held;

    public void Enter()
    {
        if (Interlocked.CompareExchange(ref _held, 1, 0) != 0) EnterSlow();
    }

    private void EnterSlow()
    {
        var spin = new SpinWait();
        while (true)
        {
            spin.SpinOnce(sleep1Threshold: -1);
            if (Volatile.Read(ref _held) == 0 && Interlocked.CompareExchange(ref _held, 1, 0) == 0) return;
        }
    }

    public void Exit() => Volatile.Write(ref _held, 0);
}
