namespace GoSharp.Selecting;

/// <summary>What a <see cref="SelectCase{T}"/> does: nothing (an absent case), receive, send, or Go's <c>default:</c>.</summary>
internal enum CaseKind : byte { None, Recv, Send, Default }
