namespace GoSharp.CompilerServices;

/// <summary>Why <see cref="Frame.Resume"/> returned.</summary>
public enum FrameResult : byte
{
    /// <summary>The frame ran to its end; its result (or exception) is in the frame.</summary>
    Completed,

    /// <summary>The goroutine parked (<see cref="G.Park"/>); it waits for a <see cref="G.Ready"/>.</summary>
    Parked,

    /// <summary>The goroutine yielded its time slice (<see cref="G.Yield"/>) and stays runnable.</summary>
    Yielded,

    /// <summary>The frame pushed a callee (<see cref="G.Call"/>) that the scheduler runs next.</summary>
    Called,
}
