using System.Threading;

namespace GoSharp.Scheduler;

/// <summary>
/// A one-shot sleep/wake-up event for one sleeper (Go: note, notesleep, notewakeup, noteclear). An M
/// parks on its note when idle; whoever hands it a P wakes it. Wake-ups are never lost: a wake-up
/// before the sleep makes the sleep return at once.
/// </summary>
internal sealed class Note
{
    private readonly object _lock = new();
    private bool _signaled;

    public void Wakeup()
    {
        lock (_lock)
        {
            _signaled = true;
            Monitor.Pulse(_lock);
        }
    }

    /// <summary>Sleeps until woken, then clears the note. Go: notesleep + noteclear.</summary>
    public void Sleep()
    {
        lock (_lock)
        {
            while (!_signaled) Monitor.Wait(_lock);
            _signaled = false;
        }
    }

    /// <summary>Sleeps until woken or until <paramref name="timeoutMs"/> passes; true if woken. Go: notetsleep.</summary>
    public bool Sleep(int timeoutMs)
    {
        lock (_lock)
        {
            if (!_signaled) Monitor.Wait(_lock, timeoutMs);
            bool woken = _signaled;
            _signaled = false;
            return woken;
        }
    }
}
