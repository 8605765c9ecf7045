using System;

namespace GoSharp.CompilerServices;

/// <summary>
/// Declares a blocking method as a suspension point. Inside a <c>[Goroutine]</c> method the generator
/// replaces a call to the marked method by a call to the sibling method named here, with the same
/// receiver and arguments, which returns an awaiter (see <c>docs/frame-contract.md</c>). Outside a
/// goroutine the marked method is called as it is and blocks its thread. This is the only way a
/// method becomes a suspension point: the generator special-cases no primitive by name.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SuspensionPointAttribute : Attribute
{
    /// <summary>Names the awaiter factory; use <c>nameof</c>.</summary>
    public SuspensionPointAttribute(string awaiterMethod) => AwaiterMethod = awaiterMethod;

    /// <summary>The name of the sibling method that returns the awaiter.</summary>
    public string AwaiterMethod { get; }
}
