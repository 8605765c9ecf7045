namespace GoSharp.Generator;

/// <summary>
/// Every name of the GoSharp runtime that the generator writes into user code or looks up in a compilation,
/// in one place: the generated frames compile against these, so they are the generator's side of
/// docs/frame-contract.md.
/// </summary>
/// <remarks>
/// One nested class per runtime type. Its <c>Type</c> is the name as emitted (<c>global::</c>-qualified C#,
/// without type arguments; <c>Arity</c> says how many the emitter appends), its <c>MetadataName</c> the name
/// the generator looks the type up by, and every other constant the name of a public member of that type
/// which generated code uses. <see cref="SuspensionAwaiter"/> has no type: it is the shape every awaiter
/// named by a <c>[SuspensionPoint]</c> attribute must have.
/// <para>
/// Generator.Tests' <c>RuntimeContractTests</c> enumerates these constants by reflection and resolves each
/// against the runtime assembly, so renaming a runtime member breaks that test instead of users' builds.
/// A new runtime name the generator emits belongs here, in this shape, or the test does not see it.
/// </para>
/// </remarks>
internal static class RuntimeContract
{
    /// <summary>Marks a method to lower; the find stage matches it by metadata name.</summary>
    internal static class GoroutineAttribute
    {
        public const string MetadataName = "GoSharp.GoroutineAttribute";
    }

    /// <summary>Marks a method as a suspension point; its argument names the method that returns the awaiter.</summary>
    internal static class SuspensionPointAttribute
    {
        public const string MetadataName = "GoSharp.CompilerServices.SuspensionPointAttribute";
    }

    /// <summary>
    /// Marks the frame factory <c>__GoFrame_M(...)</c> written beside a [Goroutine] method another assembly may
    /// call; its argument is the method's name. A goroutine of another assembly finds the factory by it and calls
    /// the method as a nested goroutine call (docs/frame-contract.md, Calls across assemblies).
    /// </summary>
    internal static class GoroutineFrameFactoryAttribute
    {
        public const string Type = "global::GoSharp.CompilerServices.GoroutineFrameFactoryAttribute";
        public const string MetadataName = "GoSharp.CompilerServices.GoroutineFrameFactoryAttribute";
    }

    /// <summary>The base class of a frame of a method that returns nothing.</summary>
    internal static class Frame
    {
        public const string Type = "global::GoSharp.CompilerServices.Frame";

        /// <summary>The return type of a frame factory of another assembly is checked against it.</summary>
        public const string MetadataName = "GoSharp.CompilerServices.Frame";

        /// <summary>-1 while running; the resume state while suspended (lowered code reads and writes it).</summary>
        public const string State = "State";

        public const string Resume = "Resume";
        public const string MethodName = "MethodName";
        public const string GetSourceLocation = "GetSourceLocation";

        /// <summary>Read on a nested call's frame after it completed (rethrows its exception).</summary>
        public const string ThrowIfFailed = "ThrowIfFailed";

        /// <summary>Overridden by a frame whose catch clauses take part in the first pass across frames.</summary>
        public const string CatchesInFirstPass = "CatchesInFirstPass";
    }

    /// <summary>The first pass of exception handling across frames (docs/lowering.md, try / catch / finally).</summary>
    internal static class ExceptionFirstPass
    {
        public const string Type = "global::GoSharp.CompilerServices.ExceptionFirstPass";

        /// <summary>Called by the catch-all of a suspending finally when no clause of its frame will catch.</summary>
        public const string AskCallers = "AskCallers";
    }

    /// <summary>
    /// A virtual [Goroutine] method's factory checks whether the receiver's override is its own; a plain override
    /// below it runs through a PlainOverrideFrame (docs/frame-contract.md, Nested goroutine calls).
    /// </summary>
    internal static class PlainOverrideCheck
    {
        public const string Type = "global::GoSharp.CompilerServices.PlainOverrideCheck";
        public const string IsOwn = "IsOwn";
        public const string Invoke = "Invoke";
    }

    /// <summary>The frame of a call that runs a plain override (void).</summary>
    internal static class PlainOverrideFrame
    {
        public const string Type = "global::GoSharp.CompilerServices.PlainOverrideFrame";
    }

    /// <summary>The frame of a call that runs a plain override (with a value).</summary>
    internal static class PlainOverrideFrameOfT
    {
        public const string Type = "global::GoSharp.CompilerServices.PlainOverrideFrame";
        public const int Arity = 1;
    }

    /// <summary>The base class of a frame of a method that returns a value.</summary>
    internal static class FrameOfT
    {
        public const string Type = "global::GoSharp.CompilerServices.Frame";
        public const int Arity = 1;
        public const string MetadataName = "GoSharp.CompilerServices.Frame`1";

        /// <summary>Where lowered code stores the return value.</summary>
        public const string Result = "Result";

        /// <summary>Read on a nested call's frame after it completed.</summary>
        public const string GetResult = "GetResult";
    }

    /// <summary>What <c>Resume</c> returns.</summary>
    internal static class FrameResult
    {
        public const string Type = "global::GoSharp.CompilerServices.FrameResult";
        public const string Completed = "Completed";
    }

    /// <summary>The goroutine running a frame: <c>Resume</c>'s parameter.</summary>
    internal static class G
    {
        public const string Type = "global::GoSharp.CompilerServices.G";

        /// <summary>Read at every loop back-edge.</summary>
        public const string Preempt = "Preempt";

        /// <summary>Called when <see cref="Preempt"/> is set.</summary>
        public const string Yield = "Yield";

        /// <summary>Runs a nested [Goroutine] call's frame on the same goroutine.</summary>
        public const string Invoke = "Invoke";

        /// <summary>Called when <see cref="Preempt"/> is set at the back-edge of a loop that stays plain code.</summary>
        public const string PreemptPlainCode = "PreemptPlainCode";
    }

    /// <summary>
    /// The user's announcements of a blocking section: a thread-blocking call inside <c>Go.Blocking(() => ...)</c>
    /// or after <c>Go.EnterBlocking()</c> gets no GOSH0009 (looked up, not emitted).
    /// </summary>
    internal static class Go
    {
        public const string MetadataName = "GoSharp.Go";
        public const string Blocking = "Blocking";
        public const string EnterBlocking = "EnterBlocking";
    }

    /// <summary>What <c>GetSourceLocation</c> returns: the source line of a suspension state.</summary>
    internal static class SourceLocation
    {
        public const string Type = "global::GoSharp.CompilerServices.SourceLocation";
    }

    /// <summary>Starts a goroutine; the launcher <c>GoX(...)</c> calls <c>GoRuntime.Current.Spawn(frame)</c>.</summary>
    internal static class GoRuntime
    {
        public const string Type = "global::GoSharp.GoRuntime";
        public const string Current = "Current";
        public const string Spawn = "Spawn";
    }

    /// <summary>The handle a launcher of a method that returns nothing returns.</summary>
    internal static class Goroutine
    {
        public const string Type = "global::GoSharp.Goroutine";
        public const string MetadataName = "GoSharp.Goroutine";
    }

    /// <summary>The handle a launcher of a method that returns a value returns.</summary>
    internal static class GoroutineOfT
    {
        public const string Type = "global::GoSharp.Goroutine";
        public const int Arity = 1;
        public const string MetadataName = "GoSharp.Goroutine`1";
    }

    /// <summary>
    /// The members lowered code calls on the awaiter of a suspension point (any type: the runtime's awaiters are
    /// found through their <c>[SuspensionPoint]</c> methods): <c>if (!aw.IsCompleted) { ... return aw.Suspend(g, frame); }</c>,
    /// then <c>aw.GetResult()</c> after resuming.
    /// </summary>
    internal static class SuspensionAwaiter
    {
        public const string IsCompleted = "IsCompleted";
        public const string Suspend = "Suspend";
        public const string GetResult = "GetResult";
    }

    /// <summary><c>global::T&lt;arg&gt;</c>, for a generic runtime type.</summary>
    public static string Generic(string type, string typeArgument) => type + "<" + typeArgument + ">";
}
