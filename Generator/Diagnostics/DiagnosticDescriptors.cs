using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. docs/diagnostics.md documents each id.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "GoSharp.Generator";
    private const string HelpBase = "https://github.com/GoSharp/GoSharp/blob/main/docs/diagnostics.md#";

    private static DiagnosticDescriptor Make(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    public static readonly DiagnosticDescriptor InternalError = Make("GOSH0001",
        "The goroutine generator failed",
        "The GoSharp generator failed on '{0}': {1}. Please report this; no state machine was generated for the method.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotPartial = Make("GOSH0002",
        "A [Goroutine] method must be in a partial type",
        "'{0}' must be declared partial (and every type that encloses it) so that the generator can add the goroutine frame and launcher",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RefParameter = Make("GOSH0003",
        "A [Goroutine] method cannot take ref, out or in parameters",
        "Parameter '{0}' is passed by reference ('ref', 'out' or 'in'), which a goroutine's frame cannot hold: it outlives its caller's stack (async methods: CS1988); take the value as a parameter and return results (a tuple for several), or pass an object or a channel that the goroutine fills",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AsyncOrIterator = Make("GOSH0004",
        "A [Goroutine] method cannot be async or an iterator",
        "'{0}' is {1}; a goroutine suspends through GoSharp suspension points, not await or yield",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SuspensionInLock = Make("GOSH0005",
        "Suspension point inside lock",
        "'{0}' may suspend the goroutine while it holds a lock (a lock statement, or the scope of a System.Threading.Lock's EnterScope), so it is refused there: the goroutine may resume on another thread, which does not hold the lock (a Monitor or a Lock belongs to the thread that entered it). Use Sync.Mutex, or move the call out of the lock.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SuspensionInUnsafe = Make("GOSH0006",
        "Suspension point inside unsafe or fixed",
        "'{0}' may suspend the goroutine inside an unsafe or fixed block; pointers cannot live across a suspension",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SuspensionInLambda = Make("GOSH0007",
        "Suspension point inside a lambda or local function",
        "'{0}' is inside a lambda or local function, which runs as ordinary code and would block the thread; call it directly in the [Goroutine] method, or move that code into a [Goroutine] method of the type ([Goroutine] on a local function is not supported, GOSH0018)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RefAcrossSuspension = Make("GOSH0008",
        "Ref local or ref struct live across a suspension point",
        "'{0}' is a ref local, a pointer or of a ref struct type and is live across a suspension point (used after it, or its value or location spilled around it); it cannot be stored in the goroutine frame: read what you need into a local before the suspension",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BlockingCall = Make("GOSH0009",
        "Thread-blocking call in a goroutine",
        "'{0}' blocks the thread that runs this goroutine and every goroutine queued behind it; use {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor Unsupported = Make("GOSH0010",
        "Construct not supported around a suspension point",
        "{0}",
        DiagnosticSeverity.Error);

    /// <summary>
    /// GOSH0010's message for a construct named by <paramref name="subject"/> ("This using declaration"). A site
    /// with its own reason and advice passes a whole sentence instead (NotSupported).
    /// </summary>
    public static string NotYet(string subject) =>
        subject + " is not supported by the GoSharp generator yet when it contains a suspension point; rewrite it (for example into separate statements)";

    /// <summary>GOSH0010's message for <paramref name="subject"/>, with why and what to do (<paramref name="because"/>).</summary>
    public static string NotSupported(string subject, string because) =>
        subject + " is not supported by the GoSharp generator: " + because;

    public static readonly DiagnosticDescriptor AwaiterNotFound = Make("GOSH0011",
        "Suspension point awaiter not found",
        "'{0}' is marked [SuspensionPoint(\"{1}\")] but no accessible sibling method '{1}' with the same parameters exists",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BaseAccess = Make("GOSH0012",
        "This base access is not possible in a [Goroutine] method",
        "This use of 'base' cannot be made from the generated frame class (a [Goroutine] method supports base method calls, method groups, properties, indexers, events and fields; not ref-returning properties or indexers, calls with anonymous type arguments or with caller-information parameters); call a helper method of the type that uses base instead",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoBody = Make("GOSH0013",
        "A [Goroutine] method needs a body",
        "'{0}' has no body (extern, or a partial definition without an implementation); put [Goroutine] on a method with a body",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MutableStructInstance = Make("GOSH0014",
        "A [Goroutine] instance method of a struct writes to the instance, but runs on a copy",
        "'{0}' may write to the instance of the struct '{1}' here: its goroutine frame holds a copy of the value (as an async method's does), so the write would be lost; change a local copy and return it, or make the method static and pass the value (a call to a member of the struct counts as a write unless that member is readonly or never writes)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FilterAfterFinally = Make("GOSH0015",
        "Exception filter that calls a local function runs after the finally blocks of a nested goroutine call",
        "This exception filter uses the local function '{0}', which the frame's first pass cannot call ({1}), so {2} may run finally blocks before the filter runs (a plain call runs the filter first, before unwinding); call it with its arguments in order, call a method instead, or decide in the catch block",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LauncherNameTaken = Make("GOSH0016",
        "The launcher of a [Goroutine] method is not generated: its name is taken",
        "'{0}' already has a member '{1}' that the launcher of '{2}' would clash with; the launcher is not generated (nested goroutine calls still work); rename the member or the method to get it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CannotLiveInFrame = Make("GOSH0017",
        "Not possible in a [Goroutine] method",
        "{0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LocalFunctionGoroutine = Make("GOSH0018",
        "[Goroutine] on a local function, accessor, operator or lambda is ignored",
        "{0} is marked [Goroutine], but only methods of a partial type become goroutines: it runs as plain code, and calls to it from a goroutine block the thread at its suspension points; {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GoroutineCallInClosure = Make("GOSH0019",
        "A [Goroutine] method called in a lambda or local function runs as a plain call",
        "'{0}' is called inside a lambda or local function, which runs as ordinary code: it runs as a plain call there, and its suspension points block the thread; call it in the [Goroutine] method itself, or start it with its launcher (GoX(...)) if it should run as a goroutine",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ImportedGoroutineWithoutFactory = Make("GOSH0020",
        "A [Goroutine] method of another assembly runs as a plain call",
        "'{0}' is a [Goroutine] method of the assembly '{1}', which has no goroutine frame factory for it (it was built without the GoSharp generator, or by a version older than this one): the call runs as plain code, each of its suspension points blocks this goroutine's thread (one more thread while it waits), and its loops are not preempted; rebuild '{1}' with this version of the GoSharp generator",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DynamicGoroutineCall = Make("GOSH0021",
        "A call bound at run time (dynamic) runs as a plain call",
        "'{0}' has a dynamic argument or receiver, so C# binds it when it runs, to '{1}' or another overload: the generator cannot make that a goroutine call, so it runs as a plain call, and its suspension points block this goroutine's thread; cast the dynamic values to the parameters' types so that the call binds at compile time",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BaseLauncher = Make("GOSH0022",
        "A launcher called through base starts the override",
        "'base.{0}' starts this object's override of '{1}', not the base's body: a launcher makes the goroutine's frame through the virtual frame factory, as every call of a virtual [Goroutine] method through the object does; to start the base's body, call a method that calls 'base.{1}(...)' and launch that",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PlainThroughAbstraction = Make("GOSH0023",
        "Calls through a method that is not [Goroutine] run this [Goroutine] method as a plain call",
        "'{0}' {1} '{2}', which is not [Goroutine]: a call through '{2}' from a goroutine runs '{0}' as a plain call, whose suspension points block the thread; mark '{2}' [Goroutine] too",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SuspensionInBlockingSection = Make("GOSH0024",
        "Suspension point inside a blocking section",
        "'{0}' may suspend the goroutine inside a blocking section (Go.EnterBlocking()), which has handed the goroutine's P to another thread: only blocking .NET code may run there. End the section before it.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AddressOfFrameVariable = Make("GOSH0025",
        "The address of a variable that lives in the goroutine frame",
        "'{0}' lives in the goroutine frame, a heap object the GC may move, so this pointer may dangle as soon as it is taken (async methods: CS9123, where the state machine's field moves alike); copy the value into a local declared inside the unsafe block and take that one's address, or keep the data in an array and pin it (fixed)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SuspensionHoldingThreadLock = Make("GOSH0026",
        "Suspension point while a lock of the thread is held",
        "'{0}' may suspend the goroutine while '{1}' holds a lock that belongs to the thread that took it: the goroutine may resume on another thread, where releasing the lock throws SynchronizationLockException and the lock stays held by the first thread (an async method fails alike); use Sync.Mutex or RWMutex, which a goroutine may hold across suspension points, or release the lock before '{0}'",
        DiagnosticSeverity.Warning);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [SuspensionHoldingThreadLock.Id] = SuspensionHoldingThreadLock,
        [AddressOfFrameVariable.Id] = AddressOfFrameVariable,
        [BaseLauncher.Id] = BaseLauncher,
        [PlainThroughAbstraction.Id] = PlainThroughAbstraction,
        [InternalError.Id] = InternalError,
        [NotPartial.Id] = NotPartial,
        [RefParameter.Id] = RefParameter,
        [AsyncOrIterator.Id] = AsyncOrIterator,
        [SuspensionInLock.Id] = SuspensionInLock,
        [SuspensionInUnsafe.Id] = SuspensionInUnsafe,
        [SuspensionInLambda.Id] = SuspensionInLambda,
        [RefAcrossSuspension.Id] = RefAcrossSuspension,
        [BlockingCall.Id] = BlockingCall,
        [Unsupported.Id] = Unsupported,
        [AwaiterNotFound.Id] = AwaiterNotFound,
        [BaseAccess.Id] = BaseAccess,
        [NoBody.Id] = NoBody,
        [MutableStructInstance.Id] = MutableStructInstance,
        [FilterAfterFinally.Id] = FilterAfterFinally,
        [LauncherNameTaken.Id] = LauncherNameTaken,
        [CannotLiveInFrame.Id] = CannotLiveInFrame,
        [LocalFunctionGoroutine.Id] = LocalFunctionGoroutine,
        [GoroutineCallInClosure.Id] = GoroutineCallInClosure,
        [ImportedGoroutineWithoutFactory.Id] = ImportedGoroutineWithoutFactory,
        [DynamicGoroutineCall.Id] = DynamicGoroutineCall,
        [SuspensionInBlockingSection.Id] = SuspensionInBlockingSection,
    };

    public static ImmutableArray<DiagnosticDescriptor> All => ById.Values.ToImmutableArray();

    public static DiagnosticDescriptor Get(string id) => ById[id];
}
