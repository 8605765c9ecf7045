using System;
using System.ComponentModel;

namespace GoSharp.CompilerServices;

/// <summary>
/// Marks the frame factory the generator writes beside a <c>[Goroutine]</c> method that another assembly
/// may call (not private): <c>__GoFrame_M(parameters)</c>, with the method's accessibility, static-ness, type
/// parameters and parameter types, returning the method's frame as <see cref="Frame"/> or
/// <see cref="Frame{T}"/>. A goroutine in another assembly calls <c>M</c> as a nested goroutine call through
/// it (the frame class itself stays internal). Without it (an assembly built without the generator, or by an
/// older one) such a call is a plain call. See <c>docs/frame-contract.md</c>, Calls across assemblies.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GoroutineFrameFactoryAttribute : Attribute
{
    /// <summary>Names the <c>[Goroutine]</c> method whose frame the marked method makes; use <c>nameof</c>.</summary>
    public GoroutineFrameFactoryAttribute(string method) => Method = method;

    /// <summary>The name of the <c>[Goroutine]</c> method (its overload is the one with the factory's parameter types).</summary>
    public string Method { get; }
}
