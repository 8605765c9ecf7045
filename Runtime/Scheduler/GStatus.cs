namespace GoSharp.Scheduler;

/// <summary>A goroutine's scheduling status, numbered as Go numbers them (Go: _Gidle.._Gpreempted).</summary>
internal enum GStatus
{
    /// <summary>Just allocated, not yet initialised. Go: _Gidle.</summary>
    Idle = 0,
    /// <summary>On a run queue, not running. Go: _Grunnable.</summary>
    Runnable = 1,
    /// <summary>Running on an M that holds a P. Go: _Grunning.</summary>
    Running = 2,
    /// <summary>Running plain code that blocks its M; the P was handed off. Go: _Gsyscall.</summary>
    Syscall = 3,
    /// <summary>Parked, waiting for <c>Ready</c>. Go: _Gwaiting.</summary>
    Waiting = 4,
    /// <summary>Exited, on a free list. Go: _Gdead.</summary>
    Dead = 6,
}
