using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// The Renamer's half of closure environments (ClosureEnvironments.cs has the invariants): an outermost lambda or
/// query that uses per-iteration variables captures its entry's environment, a local function that uses them takes
/// it as its first parameter, and such a local function converted to a delegate is bound to the environment of
/// the conversion's entry.
/// </summary>
internal sealed partial class Renamer
{
    private (MethodLowerer.ClosureEnvironment Env, string Parameter)? _lambdaEnvironment;
    private SyntaxNode? _lambdaRoot;

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        CapturingEnvironment(node, () => base.VisitParenthesizedLambdaExpression(node));

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        CapturingEnvironment(node, () => base.VisitSimpleLambdaExpression(node));

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) =>
        CapturingEnvironment(node, () => base.VisitAnonymousMethodExpression(node));

    /// <summary>A query's clauses are lambdas: the query captures its entry's environment as one would (its value is the result).</summary>
    public override SyntaxNode? VisitQueryExpression(QueryExpressionSyntax node) =>
        CapturingEnvironment(node, () => base.VisitQueryExpression(node));

    /// <summary>
    /// An outermost lambda that uses variables held in closure environments captures the innermost of those
    /// environments as it is now: <c>((Func&lt;Env, D&gt;)(p =&gt; lambda))(_envK)</c>.
    /// </summary>
    private SyntaxNode? CapturingEnvironment(ExpressionSyntax node, System.Func<SyntaxNode?> visit)
    {
        if (_lambdaEnvironment is not null) return visit();
        var innermost = _owner.InnermostEnvironment(node);
        if (innermost is null) return visit();
        var info = Model.GetTypeInfo(node);
        // An argument of a launcher of this assembly, which the model cannot see: C# converts it to the parameter's type.
        var launcher = LauncherParameter(node);
        var delegateType = launcher is { } l ? l.Type : node is QueryExpressionSyntax ? info.Type : info.ConvertedType;
        if (launcher is { Type: null } unnamed)
        {
            _owner.Report(Diagnostics.DiagnosticDescriptors.Unsupported, node,
                Diagnostics.DiagnosticDescriptors.NotSupported($"A lambda that captures a per-iteration variable of a loop with a suspension point, passed to the launcher '{unnamed.Launcher}' {unnamed.Why},",
                    "the lambda must be made with its delegate type there; assign it to a local of the delegate type first and pass that"));
            // Not copied: its captures, reached without the environment, would each be reported again.
            return node;
        }
        // A type that cannot be written (it holds an anonymous type, or is a compiler-made delegate type, the
        // natural type of `(int a = 4) => a`): bound by example, __GoCapture(_env3, example, __env0 => lambda), which
        // infers it (AnonymousTypes.cs).
        var example = delegateType is not null && delegateType.TypeKind != TypeKind.Error
            && (HasAnonymousType(delegateType) || delegateType is INamedTypeSymbol { IsImplicitlyDeclared: true })
            ? _owner.ExampleOf(delegateType) : null;
        if (example is null && (delegateType is null || delegateType.TypeKind == TypeKind.Error || HasAnonymousType(delegateType)
            || delegateType is INamedTypeSymbol { IsImplicitlyDeclared: true }))
        {
            _owner.Report(Diagnostics.DiagnosticDescriptors.Unsupported, node, delegateType is null || delegateType.TypeKind == TypeKind.Error
                ? Diagnostics.DiagnosticDescriptors.NotSupported("A lambda or query that captures a per-iteration variable of a loop with a suspension point, passed to a call that binds only to another generator's output,",
                    "the generator cannot see its delegate type; assign it to a local of its delegate type first")
                : Diagnostics.DiagnosticDescriptors.NotSupported("A lambda or query without a nameable type (an anonymous delegate or anonymous type) that captures a per-iteration variable of a loop with a suspension point",
                    "its environment is typed by its delegate type; give it a delegate or result type without anonymous types"));
            return visit();
        }
        var parameter = _owner.LambdaEnvironmentParameter();
        _lambdaEnvironment = (innermost, parameter);
        _lambdaRoot = node;
        var visited = visit()!;
        _lambdaEnvironment = null;
        _lambdaRoot = null;
        var text = example is not null
            ? $"{_owner.CaptureHelper()}({innermost.Field}, {example}, ({innermost.TypeName} {parameter}) => {visited})"
            : $"((global::System.Func<{innermost.TypeName}, {delegateType!.Fq()}>)({parameter} => {visited}))({innermost.Field})";
        return SyntaxFactory.ParseExpression(text).WithTriviaFrom(node);
    }

    /// <summary>
    /// A local function that takes an environment (ClosureEnvironments.cs), converted to a delegate: a delegate
    /// bound to the environment of the conversion's entry, made once per entry and kept in that environment, so
    /// that conversions in one entry are equal (<c>ev -= F</c> removes what <c>ev += F</c> added) and those of
    /// other entries are not, as C#'s delegates whose target is the entry's closure:
    /// <c>((Func&lt;Env, D&gt;)(e =&gt; e.__d0 ??= (int a) =&gt; F(e, a)))(_env1)</c>.
    /// </summary>
    private SyntaxNode? LocalFunctionDelegate(SimpleNameSyntax node, IMethodSymbol localFunction, MethodLowerer.ClosureEnvironment env, string name)
    {
        var operation = Model.GetOperation(node);
        while (operation is not null and not Microsoft.CodeAnalysis.Operations.IMethodReferenceOperation) operation = operation.Parent;
        var delegateType = (operation?.Parent as Microsoft.CodeAnalysis.Operations.IDelegateCreationOperation)?.Type as INamedTypeSymbol;
        // An argument of a launcher of this assembly (GoRun(F)), which the model cannot see: the parameter's delegate type.
        if (LauncherParameter(node) is { } launcher)
        {
            if (launcher.Type is null)
            {
                _owner.Report(Diagnostics.DiagnosticDescriptors.Unsupported, node,
                    Diagnostics.DiagnosticDescriptors.NotSupported($"Passing the local function '{localFunction.Name}', which uses per-iteration variables of a loop with a suspension point, to the launcher '{launcher.Launcher}' {launcher.Why},",
                        "the delegate must be made with its type there; assign it to a local of the delegate type first and pass that"));
                return null;
            }
            delegateType = launcher.Type;
        }
        var invoke = delegateType?.DelegateInvokeMethod;
        if (delegateType is null || invoke is null || delegateType.IsImplicitlyDeclared || HasAnonymousType(delegateType)
            || MentionsClosureTypeParameter(delegateType) || localFunction.TypeArguments.Any(t => HasAnonymousType(t) || MentionsClosureTypeParameter(t)))
        {
            _owner.Report(Diagnostics.DiagnosticDescriptors.Unsupported, node,
                Diagnostics.DiagnosticDescriptors.NotSupported($"Converting the local function '{localFunction.Name}', which uses per-iteration variables of a loop with a suspension point, to a delegate type that cannot be named in the frame (an anonymous delegate or anonymous type, or a type parameter of a local function or lambda)",
                    "give the delegate a named type or wrap the call in a lambda"));
            return null;
        }
        var cache = _owner.LocalFunctionDelegateField(env, localFunction, delegateType);
        var e = _owner.LambdaEnvironmentParameter();
        var parameters = new List<string>();
        var arguments = new List<string> { e };
        for (var i = 0; i < invoke.Parameters.Length; i++)
        {
            var p = invoke.Parameters[i];
            var modifier = p.RefKind switch { RefKind.Ref => "ref ", RefKind.Out => "out ", RefKind.In => "in ", RefKind.RefReadOnlyParameter => "ref readonly ", _ => "" };
            if (p.ScopedKind == ScopedKind.ScopedRef || p.ScopedKind == ScopedKind.ScopedValue) modifier = "scoped " + modifier;
            parameters.Add(modifier + p.Type.Fq() + " __a" + i);
            arguments.Add((p.RefKind switch { RefKind.Ref => "ref ", RefKind.Out => "out ", RefKind.In or RefKind.RefReadOnlyParameter => "in ", _ => "" }) + "__a" + i);
        }
        var typeArguments = localFunction.IsGenericMethod ? "<" + string.Join(", ", localFunction.TypeArguments.Select(t => t.Fq())) + ">" : "";
        var call = $"{name}{typeArguments}({string.Join(", ", arguments)})";
        if (invoke.ReturnsByRef || invoke.ReturnsByRefReadonly) call = "ref " + call;
        var text = $"((global::System.Func<{env.TypeName}, {delegateType.Fq()}>)({e} => {e}.{cache} ??= ({string.Join(", ", parameters)}) => {call}))({EnvironmentPath(env, node)})";
        return SyntaxFactory.ParseExpression(text).WithTriviaFrom(node);
    }

    /// <summary>
    /// For a closure passed to a launcher of this assembly (<c>GoRun(F)</c>, <c>GoRun(() =&gt; F())</c>): the launched
    /// method's parameter's delegate type, which the launcher has too, or a null type and why it cannot be used (a
    /// type parameter of a generic launcher, a params parameter, no delegate type). Null when it is no such argument.
    /// </summary>
    private (INamedTypeSymbol? Type, string Launcher, string Why)? LauncherParameter(SyntaxNode node)
    {
        SyntaxNode argument = node;
        while (argument.Parent is ParenthesizedExpressionSyntax p) argument = p;
        if (argument.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax inv } list } arg
            || _owner.LaunchedMethod(inv) is not { } launched) return null;
        var name = inv.Expression switch { MemberAccessExpressionSyntax ma => ma.Name.Identifier.ValueText, SimpleNameSyntax sn => sn.Identifier.ValueText, _ => inv.Expression.ToString() };
        var i = list.Arguments.IndexOf(arg);
        var parameter = arg.NameColon is { } nc
            ? launched.Parameters.FirstOrDefault(q => q.Name == nc.Name.Identifier.ValueText)
            : i < launched.Parameters.Length ? launched.Parameters[i] : null;   // (a reduced extension's parameters start after its receiver, as the call's arguments do)
        if (parameter is null || parameter.IsParams)
            return (null, name, "as a params element or an argument the generator cannot match to a parameter");
        if (MentionsTypeParameterOf(parameter.Type, launched))
            return (null, name, $"for its parameter '{parameter.Name}', whose type names the launcher's type parameters, which the generator does not infer here");
        if (parameter.Type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } type)
            return (null, name, $"for its parameter '{parameter.Name}', which is not of a delegate type");
        return (type, name, "");
    }

    private static bool MentionsTypeParameterOf(ITypeSymbol type, IMethodSymbol method) => type switch
    {
        ITypeParameterSymbol tp => SymbolEqualityComparer.Default.Equals(tp.DeclaringMethod?.OriginalDefinition, method.OriginalDefinition),
        IArrayTypeSymbol a => MentionsTypeParameterOf(a.ElementType, method),
        INamedTypeSymbol n => n.TypeArguments.Any(t => MentionsTypeParameterOf(t, method)) || n.ContainingType is { } c && MentionsTypeParameterOf(c, method),
        _ => false,
    };

    /// <summary>A type parameter of a local function or lambda: the environment class, a member of the frame, cannot name it.</summary>
    internal static bool MentionsClosureTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol tp => tp.DeclaringMethod is { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction },
        IArrayTypeSymbol a => MentionsClosureTypeParameter(a.ElementType),
        IPointerTypeSymbol p => MentionsClosureTypeParameter(p.PointedAtType),
        INamedTypeSymbol n => n.TypeArguments.Any(MentionsClosureTypeParameter) || n.ContainingType is { } c && MentionsClosureTypeParameter(c),
        _ => false,
    };

    private static bool HasAnonymousType(ITypeSymbol type) =>
        type.IsAnonymousType || type is INamedTypeSymbol named && named.TypeArguments.Any(HasAnonymousType)
        || type is IArrayTypeSymbol array && HasAnonymousType(array.ElementType);

    /// <summary>The environment <paramref name="env"/> as reached from the closure being copied (its parameter, then <c>__parent</c>s), or from the frame.</summary>
    private string EnvironmentPath(MethodLowerer.ClosureEnvironment env, SyntaxNode at)
    {
        if (_lambdaEnvironment is not { } captured) return env.Field;
        var path = captured.Parameter;
        var e = captured.Env;
        for (; e is not null && e != env; e = e.Parent) path += ".__parent";
        if (e is null)
        {
            _owner.Report(Diagnostics.DiagnosticDescriptors.Unsupported, at, Diagnostics.DiagnosticDescriptors.NotYet("This use of a per-iteration variable of a loop with a suspension point in a closure"));
            return env.Field;
        }
        return path;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        if (Model.GetDeclaredSymbol(node) is IMethodSymbol declared && _owner.TryGetLocalFunctionName(declared, out var newName))
        {
            var renamed = (LocalFunctionStatementSyntax)VisitLocalFunctionStatementCore(node)!;
            return renamed.WithIdentifier(SyntaxFactory.Identifier(renamed.Identifier.LeadingTrivia, newName, renamed.Identifier.TrailingTrivia));
        }
        return VisitLocalFunctionStatementCore(node);
    }

    private SyntaxNode? VisitLocalFunctionStatementCore(LocalFunctionStatementSyntax node)
    {
        if (_lambdaEnvironment is not null || Model.GetDeclaredSymbol(node) is not IMethodSymbol symbol
            || _owner.LocalFunctionEnvironment(symbol) is not { } env)
            return base.VisitLocalFunctionStatement(node);
        var parameter = _owner.LambdaEnvironmentParameter();
        _lambdaEnvironment = (env, parameter);
        _lambdaRoot = node;
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        _lambdaEnvironment = null;
        _lambdaRoot = null;
        var rest = visited.ParameterList.Parameters.Count == 0 ? "" : ", " + visited.ParameterList.Parameters.ToFullString();
        return visited.WithParameterList(SyntaxFactory.ParseParameterList($"({env.TypeName} {parameter}{rest})").WithTriviaFrom(visited.ParameterList));
    }
}
