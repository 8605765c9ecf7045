using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Locals whose type holds an anonymous type (<c>new { X = 1 }</c>, a <c>List</c> or array or query of them). No
/// field can name such a type, so the local lives in an <c>object</c> field and every read casts it back by
/// example: an expression of exactly that type, from which <c>__GoAs</c> infers it. An anonymous type's example
/// is itself (anonymous types of one assembly with the same members are one type); a type that holds anonymous
/// types another way gets a generic helper of the frame that returns it, so the compiler infers its arguments
/// from their examples.
/// <code>
/// before:  var rows = xs.Select(x => new { x.Id, Tags = new[] { x.Tag } }).ToList(); Go.Yield(); return rows[0].Id;
/// after:   private object _l0_rows;
///          private static global::System.Collections.Generic.List&lt;T0&gt; __GoExample0&lt;T0&gt;(T0 e0) =&gt; default!;
///          ... return __GoAs(_l0_rows, __GoExample0(new { Id = default(int), Tags = default(string[]) }))[0].Id;
/// </code>
/// Temporaries go the same way (<see cref="ValueTemp"/>: the field to write, the read by example): spilled
/// operands, and the values of a suspending <c>?:</c>, <c>??</c>, <c>?.</c> (and its receiver) and switch
/// expression (and its governing value, which each arm's pattern tests through the read):
/// <code>
/// before:  var a = o?.Make(new { X = Tw(1) });
/// after:   _t0 = _l0_o; if (_t0 is null) { _t1 = default; goto __condaccess2; }
///          ...suspend for Tw(1)...; _t1 = _t0.Make(new { X = _r3 }); __condaccess2: _l1_a = __GoAs(_t1, new { X = default(int) });
/// </code>
/// The array of a foreach, the spilled array of an element assignment, a switch statement's governing value and
/// the value of <c>??=</c> go the same way. A local used as a variable, not a value (<c>out var v</c>, a ref, out
/// or in argument, <c>ref</c> local, assignment, deconstruction or increment target; a struct local as the receiver of
/// a member or element access, <c>s.Bump()</c>, <c>t.C = 5</c>, which C# makes on the variable, not a copy) is
/// <c>__GoVar(ref field, example)</c>:
/// the field then holds a <c>StrongBox&lt;T&gt;</c> and the use gets a <c>ref T</c> to its value, so a generic
/// callee infers T (not object) and all refs to the local are refs to one cell. Invariant: every assignment to
/// the local goes through the cell; only its (re)declaration stores a plain value into the field (an initializer,
/// a foreach or pattern variable), which drops the cell, and no ref can outlive that: a ref to the previous
/// variable is out of scope there. <c>__GoAs</c> reads either form.
/// <code>
/// before:  (a, b) = (b, a);                       Wrap(ref a);
/// after:   (__GoVar(ref _l0_a, ex), __GoVar(ref _l1_b, ex)) = (__GoAs(_l1_b, ex), __GoAs(_l0_a, ex));
///          Wrap(ref __GoVar(ref _l0_a, ex));
/// </code>
/// A nested goroutine call with such type arguments gets its frame from a generic helper that infers them from
/// examples (CallLowering's AnonymousFrameFactory), also when the frame comes from a factory (virtual, another
/// assembly, base through a generic proxy). Not possible (refused, GOSH0010): a type that holds an anonymous type
/// inside a pointer or a function pointer, and temporaries still made with <c>Temp</c> (the object of a C# 14
/// instance compound assignment of a class). A suspension point's awaiter of such a type is an object field used
/// through its cell (<c>__GoVar</c>), its result read back by example.
/// </summary>
internal sealed partial class MethodLowerer
{
    private readonly Dictionary<string, string> _exampleHelperNames = new();

    /// <summary>The frame's generic helpers that build examples (declarations).</summary>
    public List<string> ExampleHelpers { get; } = new();

    public bool NeedsAnonymousHelper { get; private set; }

    /// <summary>A foreach over elements of an anonymous type enumerates through <c>__GoEnumerator</c> (LoopLowering).</summary>
    private void UseEnumeratorHelper()
    {
        if (_exampleHelperNames.ContainsKey("enumerator")) return;
        _exampleHelperNames["enumerator"] = "__GoEnumerator";
        ExampleHelpers.Add("private static global::System.Collections.Generic.IEnumerator<T> __GoEnumerator<T>(global::System.Collections.Generic.IEnumerable<T> source) => source.GetEnumerator();");
    }

    /// <summary>
    /// The helper that binds a closure to an environment when the closure's delegate type cannot be written (it
    /// holds an anonymous type, or is compiler-made): <c>__GoCapture(env, example, e =&gt; lambda)</c> infers the
    /// delegate type from the example, and the lambda returned is converted to it (RenamerClosures.cs).
    /// </summary>
    public string CaptureHelper()
    {
        if (_exampleHelperNames.ContainsKey("capture")) return "__GoCapture";
        _exampleHelperNames["capture"] = "__GoCapture";
        ExampleHelpers.Add("private static __D __GoCapture<__E, __D>(__E env, __D example, global::System.Func<__E, __D> make) => make(env);");
        return "__GoCapture";
    }

    /// <summary>
    /// The helper that gives a null reference of a type no code can name (a ref local to an element of an array of
    /// anonymous objects): <c>__GoNullRef(example)</c> infers the type from an example (StackOnlyCompounds'
    /// dummy values at a try's entry label).
    /// </summary>
    public string NullRefHelper()
    {
        if (_exampleHelperNames.ContainsKey("nullref")) return "__GoNullRef";
        _exampleHelperNames["nullref"] = "__GoNullRef";
        ExampleHelpers.Add("private static ref T __GoNullRef<T>(T example) => ref global::System.Runtime.CompilerServices.Unsafe.NullRef<T>();");
        return "__GoNullRef";
    }

    /// <summary>An anonymous type anywhere in the type (an array of them, a generic or tuple of them): no field can name it.</summary>
    public static bool ContainsAnonymousType(ITypeSymbol type) => type switch
    {
        { IsAnonymousType: true } => true,
        IArrayTypeSymbol a => ContainsAnonymousType(a.ElementType),
        IPointerTypeSymbol p => ContainsAnonymousType(p.PointedAtType),
        INamedTypeSymbol n => n.TypeArguments.Any(ContainsAnonymousType) || n.ContainingType is { } c && ContainsAnonymousType(c),
        _ => false,
    };

    /// <summary>
    /// A compiler-made delegate type (the natural type of <c>(int a = 4) =&gt; a</c>, <c>(ref int x) =&gt; ++x</c>,
    /// <c>(params int[] xs) =&gt; ...</c> or of a method group with such a parameter): a lambda of the same signature,
    /// whose natural type is that very type (C# makes one type per signature), e.g.
    /// <c>int (int a = 4) =&gt; { throw null!; }</c>; null where the signature cannot be written (a parameter of a type
    /// no field can name).
    /// </summary>
    private string? DelegateExampleOf(INamedTypeSymbol type)
    {
        if (type.DelegateInvokeMethod is not { } invoke) return null;
        var parameters = new List<string>();
        foreach (var p in invoke.Parameters)
        {
            if (ContainsAnonymousType(p.Type) || LauncherTypeInference.HasErrorType(p.Type)) return null;
            var modifier = p.RefKind switch
            {
                RefKind.Ref => "ref ",
                RefKind.Out => "out ",
                RefKind.In => "in ",
                RefKind.RefReadOnlyParameter => "ref readonly ",
                _ => p.IsParams ? "params " : "",
            };
            var scoped = p.ScopedKind == ScopedKind.ScopedRef && p.RefKind != RefKind.Out ? "scoped " : "";
            // `= default` for null (a struct's default too: CancellationToken ct = default); a nullable value type's
            // constant as its underlying type's (int? x = 5: a cast to int? is no constant).
            var defaultValue = !p.HasExplicitDefaultValue ? ""
                : p.ExplicitDefaultValue is null ? " = default"
                : " = " + SymbolFacts.ConstantText(p.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : p.Type, p.ExplicitDefaultValue);
            parameters.Add($"{scoped}{modifier}{p.Type.Fq()} @{p.Name}{defaultValue}");
        }
        if (!invoke.ReturnsVoid && (ContainsAnonymousType(invoke.ReturnType) || LauncherTypeInference.HasErrorType(invoke.ReturnType))) return null;
        var returnType = invoke.ReturnsVoid ? "void"
            : (invoke.ReturnsByRefReadonly ? "ref readonly " : invoke.ReturnsByRef ? "ref " : "") + invoke.ReturnType.Fq();
        return $"({returnType} ({string.Join(", ", parameters)}) => {{ throw null!; }})";
    }

    /// <summary>An expression whose type is exactly <paramref name="type"/>, or null when none can be written.</summary>
    public string? ExampleOf(ITypeSymbol type)
    {
        if (LauncherTypeInference.HasErrorType(type)) return null;
        if (!ContainsAnonymousType(type)) return $"default({type.Fq()})";
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, IsAnonymousType: true } anonymousDelegate)
            return DelegateExampleOf(anonymousDelegate);
        if (type.IsAnonymousType)
        {
            var parts = new List<string>();
            foreach (var p in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (ExampleOf(p.Type) is not { } value) return null;
                parts.Add("@" + p.Name + " = " + value);
            }
            return "new { " + string.Join(", ", parts) + " }";
        }
        var anonymous = new List<ITypeSymbol>();
        if (Substituted(type, anonymous) is not { } shape) return null;
        var examples = new List<string>();
        foreach (var a in anonymous)
        {
            if (ExampleOf(a) is not { } e) return null;
            examples.Add(e);
        }
        var key = shape + "/" + anonymous.Count;
        if (!_exampleHelperNames.TryGetValue(key, out var name))
        {
            name = "__GoExample" + ExampleHelpers.Count;
            _exampleHelperNames[key] = name;
            var typeParameters = string.Join(", ", anonymous.Select((_, i) => "T" + i));
            var parameters = string.Join(", ", anonymous.Select((_, i) => $"T{i} e{i}"));
            ExampleHelpers.Add($"private static {shape} {name}<{typeParameters}>({parameters}) => default!;");
        }
        return $"{name}({string.Join(", ", examples)})";
    }

    /// <summary>The type's text with each distinct anonymous type replaced by T0, T1, ... (collected in order).</summary>
    private static string? Substituted(ITypeSymbol type, List<ITypeSymbol> anonymous)
    {
        switch (type)
        {
            case { IsAnonymousType: true }:
                var i = anonymous.FindIndex(a => SymbolEqualityComparer.Default.Equals(a, type));
                if (i < 0)
                {
                    i = anonymous.Count;
                    anonymous.Add(type);
                }
                return "T" + i;
            case IArrayTypeSymbol array:
                return Substituted(array.ElementType, anonymous) is { } element ? element + "[" + new string(',', array.Rank - 1) + "]" : null;
            case INamedTypeSymbol { IsTupleType: true } tuple when ContainsAnonymousType(tuple):
                // Tuple syntax, so that element names the code reads (pair.Row) stay.
                var elements = new List<string>();
                foreach (var f in tuple.TupleElements)
                {
                    if (Substituted(f.Type, anonymous) is not { } elementType) return null;
                    elements.Add(f.IsExplicitlyNamedTupleElement ? elementType + " " + f.Name : elementType);
                }
                return "(" + string.Join(", ", elements) + ")";
            case INamedTypeSymbol named when ContainsAnonymousType(named):
                var outer = named.ContainingType is { } c ? Substituted(c, anonymous) : null;
                if (named.ContainingType is not null && outer is null) return null;
                var prefix = outer is not null
                    ? outer + "."
                    : named.ContainingNamespace is { IsGlobalNamespace: false } ns ? "global::" + ns.ToDisplayString() + "." : "global::";
                var args = new List<string>();
                foreach (var t in named.TypeArguments)
                {
                    if (Substituted(t, anonymous) is not { } arg) return null;
                    args.Add(arg);
                }
                return prefix + named.Name + (args.Count > 0 ? "<" + string.Join(", ", args) + ">" : "");
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return null;
            default:
                return type.Fq();
        }
    }

    /// <summary>
    /// A temporary for a value of <paramref name="type"/>: its field (to write) and how to read it. A type that holds
    /// an anonymous type gets an object field read back by example; any other, <c>Temp</c>'s field, read as it is.
    /// </summary>
    private (string Write, string Read) ValueTemp(ITypeSymbol? type, SyntaxNode at, string what)
    {
        if (type is not null && ContainsAnonymousType(type) && ExampleOf(type) is { } example)
        {
            var field = AddField("object", "_t" + (_nextTemp++), what + " for line " + Line(at));
            return (field, AnonymousRead(field, example));
        }
        var t = Temp(type, at, what);
        return (t, t);
    }

    /// <summary>
    /// The variable held as object, as a variable of its own type: <c>__GoVar(ref field, example)</c>, a ref to the
    /// value of a <c>StrongBox</c> that the field then holds (made on first use, from the value the field held),
    /// for an out, ref or in argument, a ref local, a deconstruction or assignment target. Every ref to the
    /// variable is a ref to that one cell, so refs alias as they do in the plain call; <c>__GoAs</c> reads through it.
    /// </summary>
    public string AnonymousVariable(string field, string example)
    {
        NeedsAnonymousHelper = true;
        return $"__GoVar(ref {field}, {example})";
    }

    /// <summary>Reading a value held as object: <c>__GoAs(field, example)</c>.</summary>
    public string AnonymousRead(string field, string example)
    {
        NeedsAnonymousHelper = true;
        return $"__GoAs({field}, {example})";
    }
}
