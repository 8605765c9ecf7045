using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// <c>base</c> in a goroutine body. The body runs in the frame, another class, which cannot make a non-virtual
/// call on the user's object; as Roslyn does for async methods (its base-call proxies), the generated part of the
/// user's type gets a private method that makes the call, and the frame calls that.
/// <code>
/// before:  [Goroutine] public override string Describe() { Go.Yield(); return base.Describe() + "!" + base.Name; }
/// after:   frame:  ... return _this.__GoBase_Describe_Frame_0() + "!" + _this.__GoBase_Describe_Frame_1();
///          type:   private string __GoBase_Describe_Frame_0() => base.Describe();
///                  private string __GoBase_Describe_Frame_1() => base.Name;
/// </code>
/// Method calls go through proxy methods, method groups through a proxy property that makes the delegate in the type
/// (BaseDelegateProxy); properties and events through a proxy property or
/// event with the base member's accessors; fields through a proxy property that returns the field by reference
/// (<c>private ref int __GoBase_M_Frame_2 => ref base.F;</c>), so <c>base.F</c> stays a variable; indexers through a proxy object's indexer (BaseIndexerProxy). A call of a base <c>[Goroutine]</c>
/// method is a nested goroutine call that makes the base method's own frame (no virtual factory: <c>base</c>
/// means that body; one naming the goroutine's own type parameters through a generic proxy, BaseFactoryCall; so a
/// plain generic method called with them, GenericBaseProxy). Still refused (GOSH0012): ref-returning base properties
/// and indexers, calls with anonymous type arguments (the proxy, a member of the type, cannot name them), and
/// methods with caller-information parameters (the proxy would pass its own). A proxy's parameters keep the
/// attributes that change a call (<c>[InterpolatedStringHandlerArgument]</c>), so an interpolated string copied into
/// its call still makes the handler. One call does not go through <c>base</c> at all, as the compiler's own does not:
/// a virtual method given a handler made from the receiver (<c>[InterpolatedStringHandlerArgument("")]</c>) is called
/// on <c>_this</c>, virtually (Roslyn keeps <c>base</c> in a temporary for the handler and calls it there).
/// </summary>
internal sealed partial class MethodLowerer
{
    // Proxies of base members (a method, a property) and of base methods' own frames, one each per method symbol.
    private readonly Dictionary<ISymbol, string> _baseProxyNames = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, string> _baseFrameProxyNames = new(SymbolEqualityComparer.Default);
    // Proxies that make a delegate of a base method group, one per method and delegate type.
    private readonly Dictionary<string, string> _baseDelegateProxyNames = new();

    /// <summary>The proxy members the user's type gets, as declarations.</summary>
    public List<string> BaseProxies { get; } = new();

    /// <summary>
    /// The frame's text for <paramref name="access"/> (<c>base.Name</c>), or null when it stays refused.
    /// </summary>
    public string? BaseProxy(MemberAccessExpressionSyntax access)
    {
        var info = Model.GetSymbolInfo(access, _ct);
        // A method group with no target type (`Hook != base.Hook`, compared as the natural Action<HookData> of each,
        // NUnit) binds to no symbol, only to its one candidate.
        var symbol = info.Symbol ?? (access.Parent is not InvocationExpressionSyntax && info.CandidateSymbols.Length == 1 && info.CandidateSymbols[0] is IMethodSymbol only ? only : null);
        if (symbol is IMethodSymbol virtualCall && access.Parent is InvocationExpressionSyntax inv && inv.Expression == access
            && (virtualCall.IsVirtual || virtualCall.IsOverride) && !NamesMethodTypeParameters(virtualCall) && HandlerTakesReceiver(inv))
        {
            // What the compiler does (Roslyn 5.9, sync and async alike): it keeps `base` in a temporary for the handler
            // and calls the method on that temporary, virtually, so the receiver's override runs.
            UsesThis = true;
            return "_this." + virtualCall.Name + TypeArguments(virtualCall);
        }
        if (symbol is IMethodSymbol group && access.Parent is not InvocationExpressionSyntax && BaseDelegateProxy(access, group) is { } made)
            return made;
        switch (symbol)
        {
            case IMethodSymbol { MethodKind: MethodKind.Ordinary, ReturnsByRef: false, ReturnsByRefReadonly: false } m
                when !NamesMethodTypeParameters(m) && !NamesAnonymousTypes(m) && m.Parameters.All(p => !HasCallerInfo(p) && (p.HasExplicitDefaultValue || !p.IsOptional)):
                UsesThis = true;
                return "_this." + ProxyFor(_baseProxyNames, m, name => $"private {(m.ReturnsVoid ? "void" : m.ReturnType.Fq())} {name}({Parameters(m)}) => base.@{m.Name}{TypeArguments(m)}({Arguments(m)});");
            case IMethodSymbol { MethodKind: MethodKind.Ordinary, ReturnsByRef: false, ReturnsByRefReadonly: false, IsGenericMethod: true } m
                when !NamesAnonymousTypes(m) && m.Parameters.All(p => !HasCallerInfo(p) && (p.HasExplicitDefaultValue || !p.IsOptional)):
                // base.VisitLambda(node) in `override Expression VisitLambda<T>(Expression<T> node)`: the call names the
                // goroutine's own type parameters, which no member of the type can; the proxy is generic, with the
                // base method's own type parameters and constraints (as Roslyn's async proxies, <>n__0<T>), and the
                // frame passes its type arguments.
                UsesThis = true;
                return "_this." + GenericBaseProxy(m.ConstructedFrom) + TypeArguments(m);
            case IPropertySymbol { IsIndexer: false, ReturnsByRef: false, ReturnsByRefReadonly: false } p
                when !NamesMethodTypeParameters(p.Type):
                // A property of the type, with the base property's accessors: reads, writes, compound assignments,
                // ++ and deconstruction targets all stay C#'s own, on _this.
                UsesThis = true;
                return "_this." + ProxyFor(_baseProxyNames, p, name => $"private {p.Type.Fq()} {name} {{ {Accessors(p, "base.@" + p.Name)} }}");
            case IFieldSymbol { IsStatic: false, IsConst: false } f:
                // A ref-returning property: base.F stays a variable (compound assignments, ref arguments, a struct
                // field's members), and a field the type hides with `new`, or a protected one, is reached as C# does.
                UsesThis = true;
                return "_this." + ProxyFor(_baseProxyNames, f, name => $"private ref {(f.IsReadOnly ? "readonly " : "")}{f.Type.Fq()} {name} => ref base.@{f.Name};");
            case IEventSymbol e when !NamesMethodTypeParameters(e.Type):
                UsesThis = true;
                return "_this." + ProxyFor(_baseProxyNames, e, name => $"private event {e.Type.Fq()} {name} {{ add => base.@{e.Name} += value; remove => base.@{e.Name} -= value; }}");
            default:
                return null;
        }
    }

    /// <summary>
    /// The frame's text for the receiver of <paramref name="access"/> (<c>base[i]</c>), or null when it stays refused.
    /// C# has no named indexers, so the type gets a private property whose value, a small private nested class, has an
    /// indexer with the base indexer's parameters; its accessors call the type's proxies of base's accessors:
    /// <code>
    /// frame:  _this.__GoBase_Run_Frame_0[i] += v
    /// type:   private __GoBase_Run_Frame_0_Indexer __GoBase_Run_Frame_0 => new(this);
    ///         private int __GoBase_Run_Frame_0_Get(int i) => base[i];
    ///         private void __GoBase_Run_Frame_0_Set(int i, int value) => base[i] = value;
    ///         private sealed class __GoBase_Run_Frame_0_Indexer { ... public int this[int i] { get => _o.…_Get(i); set => _o.…_Set(i, value); } }
    /// </code>
    /// The element access stays C#'s own, so its evaluation order is the language's: the index once, the getter,
    /// the right side, the setter. One small object per access.
    /// </summary>
    public string? BaseIndexerProxy(ElementAccessExpressionSyntax access)
    {
        if (Model.GetSymbolInfo(access, _ct).Symbol is not IPropertySymbol { IsIndexer: true, ReturnsByRef: false, ReturnsByRefReadonly: false } p
            || NamesMethodTypeParameters(p.Type) || p.Parameters.Any(x => NamesMethodTypeParameters(x.Type) || HasCallerInfo(x) || x.Name == "value" || x.IsOptional && !x.HasExplicitDefaultValue))
            return null;
        UsesThis = true;
        return "_this." + ProxyFor(_baseProxyNames, p, name =>
        {
            var type = p.Type.Fq();
            var owner = _method.ContainingType.Fq();
            var parameters = Parameters(p.Parameters);
            var arguments = Arguments(p.Parameters);
            var plain = string.Join(", ", p.Parameters.Select(x => RefKindText(x.RefKind) + x.Type.Fq() + " @" + x.Name));
            var comma = p.Parameters.Length > 0 ? ", " : "";
            var accessors = (p.GetMethod is not null ? $"get => _o.{name}_Get({arguments}); " : "")
                + (p.SetMethod is not null ? $"set => _o.{name}_Set({arguments}{comma}value); " : "");
            return $"private {name}_Indexer {name} => new {name}_Indexer(this);"
                + (p.GetMethod is not null ? $"\nprivate {type} {name}_Get({plain}) => base[{arguments}];" : "")
                + (p.SetMethod is not null ? $"\nprivate void {name}_Set({plain}{comma}{type} value) => base[{arguments}] = value;" : "")
                + $"\nprivate sealed class {name}_Indexer {{ private readonly {owner} _o; public {name}_Indexer({owner} o) => _o = o; public {type} this[{parameters}] {{ {accessors}}} }}";
        });
    }

    /// <summary>
    /// <c>base.M(...)</c> of a [Goroutine] method with a frame factory: a proxy calls base's factory
    /// (<c>private Frame&lt;R&gt; __GoBase_F_0(A p0) =&gt; base.__GoFrame_M(p0);</c>), non-virtually, so the frame is the
    /// one of the body base names. When the call names the goroutine's own type parameters (<c>base.Gen(v)</c> in
    /// <c>override T Gen&lt;T&gt;(T v)</c>), the proxy is generic, with the base method's own type parameters and
    /// constraints, as Roslyn's async proxies are (<c>&lt;&gt;n__0&lt;T&gt;</c>), and the frame passes its type arguments:
    /// <c>private Frame&lt;T&gt; __GoBase_F_0&lt;T&gt;(T p0) =&gt; base.__GoFrameOf_Gen&lt;T&gt;(p0);</c>, <c>_this.__GoBase_F_0&lt;T&gt;(v)</c>.
    /// Those named like the type's own type parameters get other names in the proxy (<c>__GoBaseT</c>), which would hide them.
    /// </summary>
    private string BaseFactoryCall(InvocationExpressionSyntax inv, IMethodSymbol target, string factoryName, string frameType, IEnumerable<string> args)
    {
        var arguments = string.Join(", ", args);
        if (NamesMethodTypeParameters(target))
        {
            var generic = target.ConstructedFrom;
            if (!generic.IsGenericMethod || NamesMethodTypeParameters(generic.ContainingType))
            {
                Report(Diagnostics.DiagnosticDescriptors.BaseAccess, ((MemberAccessExpressionSyntax)inv.Expression).Expression);
                return $"default({frameType})";
            }
            UsesThis = true;
            string typeParameters, genericFrame, genericParameters, clauses;
            using (ShadowedTypeParameterNames.Enter(ProxyTypeParameterNames(generic)))
            {
                typeParameters = "<" + string.Join(", ", generic.TypeParameters.Select(tp => ShadowedTypeParameterNames.NewName(tp) ?? tp.Name)) + ">";
                genericFrame = generic.ReturnsVoid ? RuntimeContract.Frame.Type : RuntimeContract.Generic(RuntimeContract.FrameOfT.Type, generic.ReturnType.Fq());
                genericParameters = string.Join(", ", generic.Parameters.Select(p => p.Type.Fq() + " p" + p.Ordinal));
                clauses = SymbolFacts.ConstraintClauses(generic);
            }
            var genericForwarded = string.Join(", ", generic.Parameters.Select(p => "p" + p.Ordinal));
            var proxy = ProxyFor(_baseFrameProxyNames, generic, n =>
                $"private {genericFrame} {n}{typeParameters}({genericParameters}){(clauses.Length > 0 ? " " + clauses : "")} => base.{SymbolFacts.OwnFrameName(generic)}{typeParameters}({genericForwarded});");
            return $"_this.{proxy}{TypeArguments(target)}({arguments})";
        }
        UsesThis = true;
        // Parameters by value: the frame's factory takes every argument by value (a goroutine has no ref parameters).
        var parameters = string.Join(", ", target.Parameters.Select(p => p.Type.Fq() + " p" + p.Ordinal));
        var forwarded = string.Join(", ", target.Parameters.Select(p => "p" + p.Ordinal));
        // Not the virtual factory (it dispatches to the receiver's override): the base's own frame.
        var own = SymbolFacts.OwnFrameName(target);
        var name = ProxyFor(_baseFrameProxyNames, target, n => $"private {frameType} {n}({parameters}) => base.{own}{TypeArguments(target)}({forwarded});");
        return $"_this.{name}({arguments})";
    }

    /// <summary>
    /// <c>base.M</c> converted to a delegate: the delegate is made in the type, by a proxy that returns it
    /// (<c>private Action&lt;int&gt; __GoBase_F_0 => base.M;</c>), so it is C#'s own, bound to base's M without
    /// virtual dispatch, and equal to another made so (NUnit's <c>Hook != base.Hook</c> asks whether Hook is
    /// overridden). A delegate of a proxy method, as Roslyn's async makes it, would never be equal to it. Null when
    /// the delegate type cannot be named in the type (a compiler-made one, or one naming the goroutine's own type
    /// parameters): then the method's proxy, as async does.
    /// </summary>
    private string? BaseDelegateProxy(MemberAccessExpressionSyntax access, IMethodSymbol method)
    {
        // The delegate type it converts to: the target's, or its natural one where nothing gives it (`Hook != base.Hook`).
        var converted = Model.GetTypeInfo(access, _ct).ConvertedType as INamedTypeSymbol;
        if (converted is not { TypeKind: TypeKind.Delegate } && Model.GetOperation(access, _ct)?.Parent is IDelegateCreationOperation { Type: INamedTypeSymbol natural })
            converted = natural;
        if (converted is not { TypeKind: TypeKind.Delegate } delegateType
            || delegateType.IsImplicitlyDeclared || delegateType.DeclaringSyntaxReferences.Length == 0 && delegateType.ContainingType is null && delegateType.Name.StartsWith("<", System.StringComparison.Ordinal)
            || NamesMethodTypeParameters(delegateType) || NamesMethodTypeParameters(method) || ContainsAnonymousType(delegateType))
            return null;
        var type = delegateType.Fq();
        var key = method.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "|" + type;
        if (!_baseDelegateProxyNames.TryGetValue(key, out var name))
        {
            name = $"__GoBase_{SymbolFacts.FrameName(_method)}_{BaseProxies.Count}";
            _baseDelegateProxyNames[key] = name;
            BaseProxies.Add($"private {type} {name} => base.@{method.Name}{TypeArguments(method)};");
        }
        UsesThis = true;
        return "_this." + name;
    }

    /// <summary>
    /// The generic proxy of a plain base method (<c>private Expression __GoBase_F_0&lt;T&gt;(Expression&lt;T&gt; node) =&gt;
    /// base.VisitLambda&lt;T&gt;(node);</c>): the base method's type parameters, those named like the type's own under
    /// other names (<c>__GoBaseT</c>, CS0693), and its constraints restated.
    /// </summary>
    private string GenericBaseProxy(IMethodSymbol generic) =>
        ProxyFor(_baseProxyNames, generic, name =>
        {
            using (ShadowedTypeParameterNames.Enter(ProxyTypeParameterNames(generic)))
            {
                var typeParameters = "<" + string.Join(", ", generic.TypeParameters.Select(tp => ShadowedTypeParameterNames.NewName(tp) ?? tp.Name)) + ">";
                var clauses = SymbolFacts.ConstraintClauses(generic);
                return $"private {(generic.ReturnsVoid ? "void" : generic.ReturnType.Fq())} {name}{typeParameters}({Parameters(generic)})"
                    + $"{(clauses.Length > 0 ? " " + clauses : "")} => base.@{generic.Name}{typeParameters}({Arguments(generic)});";
            }
        });

    /// <summary>
    /// A generic proxy is a method of the type: its type parameters named like the type's own would hide them
    /// (CS0693), so those get other names there (<c>__GoBaseT</c>), as a frame's do (ShadowedTypeParameterNames).
    /// </summary>
    private Dictionary<ITypeParameterSymbol, string> ProxyTypeParameterNames(IMethodSymbol generic)
    {
        var typeNames = new HashSet<string>();
        for (var t = _method.ContainingType; t is not null; t = t.ContainingType) typeNames.UnionWith(t.TypeParameters.Select(tp => tp.Name));
        var names = new Dictionary<ITypeParameterSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var tp in generic.TypeParameters)
            if (typeNames.Contains(tp.Name)) names[tp] = "__GoBase" + tp.Name;
        return names;
    }

    /// <summary>
    /// An argument of <paramref name="inv"/> is an interpolated string handler made from the call's receiver
    /// (<c>[InterpolatedStringHandlerArgument("")]</c>). Of <c>base.W($"...")</c>, C# then calls W virtually.
    /// </summary>
    private bool HandlerTakesReceiver(InvocationExpressionSyntax inv) =>
        Model.GetOperation(inv, _ct) is IInvocationOperation call
        && call.Arguments.Any(a => a.Value is IInterpolatedStringHandlerCreationOperation { HandlerCreation: IObjectCreationOperation creation }
            && creation.Arguments.Any(x => x.Value is IInterpolatedStringHandlerArgumentPlaceholderOperation { PlaceholderKind: InterpolatedStringArgumentPlaceholderKind.CallsiteReceiver }));

    private string ProxyFor(Dictionary<ISymbol, string> table, ISymbol target, System.Func<string, string> declaration)
    {
        if (table.TryGetValue(target, out var name)) return name;
        name = $"__GoBase_{SymbolFacts.FrameName(_method)}_{BaseProxies.Count}";
        table[target] = name;
        BaseProxies.Add(declaration(name));
        return name;
    }

    private static bool IsRead(ExpressionSyntax e)
    {
        // A deconstruction target ((base.P, x) = ...; foreach ((base.P, var y) in ...)) is written, not read.
        SyntaxNode n = e;
        while (n.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax tuple }) n = tuple;
        if (n != e && (n.Parent is AssignmentExpressionSyntax a && a.Left == n || n.Parent is ForEachVariableStatementSyntax f && f.Variable == n))
            return false;
        return IsReadHere(e);
    }

    private static bool IsReadHere(ExpressionSyntax e) => e.Parent switch
    {
        AssignmentExpressionSyntax a when a.Left == e => false,
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } => false,
        PostfixUnaryExpressionSyntax => false,
        ArgumentSyntax arg when arg.RefKindKeyword.RawKind != 0 => false,
        RefExpressionSyntax => false,
        _ => true,
    };

    // The proxy is a member of the type: it cannot name an anonymous type (base.G(new { A = 1 })).
    private static bool NamesAnonymousTypes(IMethodSymbol m) =>
        ContainsAnonymousType(m.ReturnType) || m.Parameters.Any(p => ContainsAnonymousType(p.Type)) || m.TypeArguments.Any(ContainsAnonymousType);

    private static bool HasCallerInfo(IParameterSymbol p) => p.GetAttributes().Any(a => a.AttributeClass is
    {
        Name: "CallerMemberNameAttribute" or "CallerLineNumberAttribute" or "CallerFilePathAttribute" or "CallerArgumentExpressionAttribute",
        ContainingNamespace: { Name: "CompilerServices", ContainingNamespace: { Name: "Runtime", ContainingNamespace.Name: "System" } },
    });

    private static bool NamesMethodTypeParameters(IMethodSymbol m) =>
        NamesMethodTypeParameters(m.ReturnType) || m.Parameters.Any(p => NamesMethodTypeParameters(p.Type)) || m.TypeArguments.Any(NamesMethodTypeParameters);

    private static bool NamesMethodTypeParameters(ITypeSymbol t) => t switch
    {
        ITypeParameterSymbol tp => tp.TypeParameterKind == TypeParameterKind.Method,
        IArrayTypeSymbol a => NamesMethodTypeParameters(a.ElementType),
        IPointerTypeSymbol ptr => NamesMethodTypeParameters(ptr.PointedAtType),
        INamedTypeSymbol n => n.TypeArguments.Any(NamesMethodTypeParameters) || n.ContainingType is { } c && NamesMethodTypeParameters(c),
        _ => false,
    };

    private static string TypeArguments(IMethodSymbol m) =>
        m.IsGenericMethod ? "<" + string.Join(", ", m.TypeArguments.Select(t => t.Fq())) + ">" : "";

    private static string Accessors(IPropertySymbol p, string target) =>
        (p.GetMethod is not null ? $"get => {target}; " : "") + (p.SetMethod is { IsInitOnly: false } ? $"set => {target} = value; " : "");

    // The proxy's parameters have the base method's names: a call site's named arguments bind to them.
    private static string Parameters(IMethodSymbol m) => Parameters(m.Parameters);

    private static string Parameters(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters) => string.Join(", ", parameters.Select(p =>
        GoSharp.Generator.Model.DeclarationText.CallAttributes(p) + RefKindText(p.RefKind) + (p.IsParams ? "params " : "") + p.Type.Fq() + " @" + p.Name
        + (p.HasExplicitDefaultValue ? " = " + DefaultValueText(p) : "")));

    private static string Arguments(IMethodSymbol m) => Arguments(m.Parameters);

    private static string Arguments(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters) => string.Join(", ", parameters.Select(p =>
        (p.RefKind switch { RefKind.Ref => "ref ", RefKind.Out => "out ", RefKind.In => "in ", _ => "" }) + "@" + p.Name));

    /// <summary>
    /// A default parameter value as a constant expression: <c>default</c> for a struct's (<c>CancellationToken ct =
    /// default</c>), the underlying value for a nullable value type's (<c>int? n = 5</c>: a cast to int? is no constant).
    /// </summary>
    private static string DefaultValueText(IParameterSymbol p)
    {
        var value = p.ExplicitDefaultValue;
        if (value is null) return "default";
        var type = p.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : p.Type;
        return SymbolFacts.ConstantText(type, value);
    }

    private static string RefKindText(RefKind k) => k switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        RefKind.RefReadOnlyParameter => "ref readonly ",
        _ => "",
    };
}
