namespace GoSharp.Generator.Model;

/// <summary>A type that encloses the method: its declaration header, e.g. <c>partial class C&lt;T&gt;</c>.</summary>
/// <summary>A type the frame is nested in; <paramref name="Unsafe"/>: the user's declaration is <c>unsafe</c>, which holds for its own part only, so the generated part repeats it.</summary>
internal sealed record ContainingTypeModel(string Keyword, string NameWithTypeParameters, string Constraints, bool Unsafe = false);

/// <summary>A field of the generated frame.</summary>
internal sealed record FieldModel(string Type, string Name, string Comment);

/// <summary>A suspension state and the source line it came from; <paramref name="File"/>: the file a <c>#line</c> directive
/// of the user's maps that line to, or null for the method's own file.</summary>
internal sealed record StateModel(int State, int Line, string Description, string? File = null);

/// <summary>
/// Everything the emitter needs for one [Goroutine] method, as strings and value records only: no symbols,
/// syntax nodes or compilations, so the incremental pipeline can cache it. <c>ResumeBody</c> is null when the
/// body has compile errors (<see cref="BodyErrors"/>) or a GOSH error in the body (<c>BodyRefused</c>): the emitter
/// then writes a frame that only throws, so that callers (nested calls, launchers) still bind.
/// </summary>
internal sealed record GoroutineMethodModel(
    string HintName,
    string? Namespace,
    EquatableArray<string> FileUsings,
    EquatableArray<string> NamespaceUsings,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string MethodDisplayName,
    string FilePath,
    string FrameName,
    string FrameAccessibility,
    string FrameTypeParameters,
    string FrameConstraints,
    string FrameBaseType,
    string? ThisType,
    EquatableArray<FieldModel> Fields,
    EquatableArray<string> ConstructorParameters,
    EquatableArray<string> ConstructorAssignments,
    EquatableArray<StateModel> States,
    string? ResumeBody,
    // The name of Resume's G parameter, one no identifier of the user's method uses (a local there would clash, CS0136).
    string ResumeParameter,
    string? FirstPassBody,
    bool BodyRefused,
    string LauncherModifiers,
    string? LauncherName,
    string LauncherTypeParameters,
    string LauncherParameters,
    string LauncherConstraints,
    // The header of the generated C# 14 extension block the launcher is declared in (an extension block member's), or null.
    string? LauncherExtensionBlock,
    string LauncherReturnType,
    string LauncherFrameArguments,
    string? FrameFactory,
    bool NeedsPatternHelpers,
    bool NeedsAnonymousHelper,
    EquatableArray<string> ExampleHelpers,
    EquatableArray<string> Environments,
    EquatableArray<string> BaseProxies,
    EquatableArray<string> PrimaryParameterAccessors,
    EquatableArray<string> InitAccessors,
    // Init accessors of a generic type set in a generic user type: file-local classes beside the user's type.
    EquatableArray<string> FileInitAccessors,
    // Accessors declared in a type that contains the user's generic type, as "level:declaration" (1 its container).
    EquatableArray<string> OuterAccessors,
    EquatableArray<string> OperatorAccessors,
    EquatableArray<DiagnosticInfo> Diagnostics,
    // False for an abstract [Goroutine] method (AbstractGoroutines): a factory and a launcher, no frame.
    bool HasFrame = true,
    // A struct's readonly member (or a readonly struct's): its `this` is a readonly reference, so the frame's copy of the
    // instance is a readonly field, on which C# makes the same implicit copies for a mutating member called on it or
    // on one of its fields.
    bool ThisReadOnly = false,
    // The user's declaration is in a `#nullable disable` (or `disable annotations`) context: its parameter and return
    // types are oblivious, so the launcher and factory that repeat them are written in that context too; under the
    // file's `enable annotations` a `string s` would become non-nullable, and GoM(null) would warn (CS8625) where
    // M(null) does not.
    bool ObliviousSignature = false);

/// <summary>The result of the model stage: a method to emit (null when an error prevents it) and its diagnostics.</summary>
internal sealed record GoroutineResult(GoroutineMethodModel? Method, EquatableArray<DiagnosticInfo> Diagnostics);
