namespace GoSharp.CompilerServices;

/// <summary>Why a goroutine waits; printed in goroutine dumps as Go prints it (Go: waitReason).</summary>
public enum WaitReason : byte
{
    /// <summary>Not waiting.</summary>
    None,
    /// <summary>Waiting to join another goroutine.</summary>
    Join,
    /// <summary>Blocked sending on a channel.</summary>
    ChanSend,
    /// <summary>Blocked receiving from a channel.</summary>
    ChanReceive,
    /// <summary>Blocked on a nil channel (forever).</summary>
    ChanSendNil,
    /// <summary>Blocked on a nil channel (forever).</summary>
    ChanReceiveNil,
    /// <summary>Blocked in a select.</summary>
    Select,
    /// <summary>Blocked in a select with no cases (forever).</summary>
    SelectNoCases,
    /// <summary>Sleeping.</summary>
    Sleep,
    /// <summary>Waiting for a semaphore: <see cref="GoSharp.Sync.Semaphore"/>, or a user-written primitive built on one (Go: semacquire).</summary>
    SyncWait,
    /// <summary>Waiting for a .NET Task.</summary>
    TaskAwait,
    /// <summary>A user-written primitive.</summary>
    Other,
    /// <summary>Waiting for a socket (GoSharp.Net: Read, Write, Accept, Dial).</summary>
    NetIO,
    /// <summary>Waiting in <see cref="GoSharp.Sync.Mutex"/>'s Lock (also <see cref="GoSharp.Once"/>'s Do while another runs it).</summary>
    SyncMutexLock,
    /// <summary>Waiting in <see cref="GoSharp.RWMutex"/>'s RLock for a writer.</summary>
    SyncRWMutexRLock,
    /// <summary>Waiting in <see cref="GoSharp.RWMutex"/>'s Lock for the readers to leave.</summary>
    SyncRWMutexLock,
    /// <summary>Waiting in <see cref="GoSharp.WaitGroup"/>'s Wait.</summary>
    SyncWaitGroupWait,
    /// <summary>Waiting in <see cref="GoSharp.Cond"/>'s Wait.</summary>
    SyncCondWait,
    /// <summary>
    /// Blocked in a select whose every case is a nil channel (forever). Go prints it as any select ("select"):
    /// only <c>select {}</c> is "select (no cases)".
    /// </summary>
    SelectNilCases,
}

internal static class WaitReasonText
{
    /// <summary>
    /// Go's spelling, for dumps. The sync primitives use the names Go prints since 1.20 (and 1.25 for WaitGroup):
    /// Go 1.19 printed "semacquire" for every one of them but Cond.
    /// </summary>
    public static string Text(WaitReason r) => r switch
    {
        WaitReason.None => "runnable",
        WaitReason.Join => "join",
        WaitReason.ChanSend => "chan send",
        WaitReason.ChanReceive => "chan receive",
        WaitReason.ChanSendNil => "chan send (nil chan)",
        WaitReason.ChanReceiveNil => "chan receive (nil chan)",
        WaitReason.Select or WaitReason.SelectNilCases => "select",
        WaitReason.SelectNoCases => "select (no cases)",
        WaitReason.Sleep => "sleep",
        WaitReason.SyncWait => "semacquire",
        WaitReason.SyncMutexLock => "sync.Mutex.Lock",
        WaitReason.SyncRWMutexRLock => "sync.RWMutex.RLock",
        WaitReason.SyncRWMutexLock => "sync.RWMutex.Lock",
        WaitReason.SyncWaitGroupWait => "sync.WaitGroup.Wait",
        WaitReason.SyncCondWait => "sync.Cond.Wait",
        WaitReason.TaskAwait => "Task await",
        WaitReason.NetIO => "IO wait",
        _ => "waiting",
    };
}
