using System;

namespace GoSharp;

/// <summary>
/// Marks a method of a <c>partial</c> type as a goroutine body. The GoSharp source generator turns it
/// into a resumable state machine and adds a launcher <c>GoX(...)</c> beside <c>X(...)</c>
/// (Go: <c>go x(...)</c>). Called directly from another goroutine it is a nested call on the same
/// goroutine; called from ordinary code it runs as plain code on the calling thread.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class GoroutineAttribute : Attribute
{
}
