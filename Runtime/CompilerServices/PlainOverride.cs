using System;
using System.ComponentModel;

namespace GoSharp.CompilerServices;

/// <summary>
/// A virtual <c>[Goroutine]</c> method makes its frame through a virtual factory that <c>[Goroutine]</c> overrides
/// override (docs/frame-contract.md, Nested goroutine calls). An override that is a plain method has no factory:
/// the generated factory finds out, by resolving the method on the receiver as a delegate (virtual dispatch, as the
/// plain call would), that the body to run is not its own, and then runs that plain body through a
/// <see cref="PlainOverrideFrame{T}"/>, as a plain call would: on the thread, to its end.
/// </summary>
/// <remarks>
/// The generator now asks a <see cref="PlainOverrideCheck"/> instead (cached per receiver type, and able to call a
/// protected override that C# cannot name); <see cref="IsOwn"/> stays for the factories of assemblies built by
/// earlier versions.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PlainOverride
{
    /// <summary>
    /// True when <paramref name="resolved"/>, the method bound to the receiver through virtual dispatch, is
    /// <paramref name="declaringType"/>'s own (then its frame runs it); false when a type below overrides it
    /// without <c>[Goroutine]</c>.
    /// </summary>
    public static bool IsOwn(Delegate resolved, Type declaringType) => resolved.Method.DeclaringType == declaringType;
}

/// <summary>The frame of a call to a plain override of a virtual [Goroutine] method returning a value (see <see cref="PlainOverride"/>).</summary>
/// <typeparam name="T">The method's return type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PlainOverrideFrame<T> : Frame<T>
{
    private readonly Func<T> _call;

    /// <summary>A frame that runs <paramref name="call"/> (the plain override, bound to its arguments) once.</summary>
    public PlainOverrideFrame(Func<T> call) => _call = call;

    /// <inheritdoc/>
    public override FrameResult Resume(G g)
    {
        Result = _call();
        return FrameResult.Completed;
    }

    /// <inheritdoc/>
    public override string MethodName => "plain override of a [Goroutine] method";
}

/// <summary>The frame of a call to a plain override of a virtual [Goroutine] method returning void (see <see cref="PlainOverride"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PlainOverrideFrame : Frame
{
    private readonly Action _call;

    /// <summary>A frame that runs <paramref name="call"/> (the plain override, bound to its arguments) once.</summary>
    public PlainOverrideFrame(Action call) => _call = call;

    /// <inheritdoc/>
    public override FrameResult Resume(G g)
    {
        _call();
        return FrameResult.Completed;
    }

    /// <inheritdoc/>
    public override string MethodName => "plain override of a [Goroutine] method";
}
