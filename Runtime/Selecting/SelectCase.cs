using System.ComponentModel;
using GoSharp.Channels;
using GoSharp.Selecting;

namespace GoSharp;

/// <summary>
/// One case of <see cref="Go.Select{T1, T2}"/>: <see cref="Chan{T}.RecvCase"/>, <see cref="Chan{T}.SendCase"/>
/// or <see cref="Go.Default"/>. A case on a nil channel is never ready. A small struct: building cases allocates nothing.
/// </summary>
/// <typeparam name="T">The channel's element type.</typeparam>
public readonly struct SelectCase<T>
{
    internal readonly HChan<T>? H;
    internal readonly T Value;
    internal readonly CaseKind Kind;

    internal SelectCase(HChan<T>? h, CaseKind kind, T value)
    {
        H = h;
        Kind = kind;
        Value = value;
    }

    /// <summary>True if the case can ever fire (not a nil channel, not an absent case).</summary>
    internal bool IsChannelCase => H is not null && (Kind == CaseKind.Recv || Kind == CaseKind.Send);
}

