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
    /// <summary>Waiting for a sync primitive (Mutex, RWMutex, WaitGroup, Cond, Once, Semaphore).</summary>
    SyncWait,
    /// <summary>Waiting for a .NET Task.</summary>
    TaskAwait,
    /// <summary>A user-written primitive.</summary>
    Other,
    /// <summary>Waiting for a socket (GoSharp.Net: Read, Write, Accept, Dial).</summary>
    NetIO,
}

internal static class WaitReasonText
{
    /// <summary>Go's spelling, for dumps.</summary>
    public static string Text(WaitReason r) => r switch
    {
        WaitReason.None => "runnable",
        WaitReason.Join => "join",
        WaitReason.ChanSend => "chan send",
        WaitReason.ChanReceive => "chan receive",
        WaitReason.ChanSendNil => "chan send (nil chan)",
        WaitReason.ChanReceiveNil => "chan receive (nil chan)",
        WaitReason.Select => "select",
        WaitReason.SelectNoCases => "select (no cases)",
        WaitReason.Sleep => "sleep",
        WaitReason.SyncWait => "sync.Wait",
        WaitReason.TaskAwait => "Task await",
        WaitReason.NetIO => "IO wait",
        _ => "waiting",
    };
}
