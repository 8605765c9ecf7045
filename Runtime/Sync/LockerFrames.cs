using GoSharp.CompilerServices;

namespace GoSharp;

public static partial class Sync
{
    /// <summary>A runtime locker that can lock inside a goroutine without blocking the thread (used by <see cref="Cond"/>).</summary>
    internal interface ISuspendingLocker
    {
        /// <summary>Locks at once if that needs no wait.</summary>
        bool TryLockFast();
        /// <summary>A helper frame that locks, parking as needed; pushed with <see cref="G.Call"/>.</summary>
        Frame CreateLockFrame();
    }
}
