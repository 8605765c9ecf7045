using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// The launchers <c>GoX(...)</c> are this generator's own output, so the semantic model it works with
/// cannot see them: <c>var h = GoWorker(); h.Join();</c> binds to error types. This infers the
/// launcher's type (<c>Goroutine</c> / <c>Goroutine&lt;T&gt;</c>) from the [Goroutine] method it starts,
/// and resolves members called on such handles, so that <c>h.Join()</c> is still a suspension point.
/// </summary>
internal sealed class LauncherTypeInference
{
    private readonly SemanticModel _model;
    private readonly CancellationToken _ct;

    public LauncherTypeInference(SemanticModel model, CancellationToken ct)
    {
        _model = model;
        _ct = ct;
    }

    private readonly Dictionary<SyntaxNode, ITypeSymbol?> _inferred = new();

    /// <summary>The type of an expression, seeing through calls to generated launchers.</summary>
    public ITypeSymbol? InferType(ExpressionSyntax e)
    {
        var t = _model.GetTypeInfo(e, _ct).Type;
        if (t is not null && t.TypeKind != TypeKind.Error) return t;
        if (_inferred.TryGetValue(e, out var cached)) return cached;
        _inferred[e] = null; // cycles
        var r = InferLauncherType(e);
        _inferred[e] = r;
        return r ?? t;
    }

    private ITypeSymbol? InferLauncherType(ExpressionSyntax e)
    {
        switch (e)
        {
            case ParenthesizedExpressionSyntax p:
                return InferType(p.Expression);
            case IdentifierNameSyntax id when _model.GetSymbolInfo(id, _ct).Symbol is ILocalSymbol local:
                return InferLocalType(local);
            case InvocationExpressionSyntax inv:
                if (_model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol) return null;
                var name = MethodName(inv);
                if (name is not null && name.Length > 2 && name.StartsWith("Go", System.StringComparison.Ordinal))
                {
                    var target = FindGoroutineMethod(inv, name.Substring(2));
                    if (target is not null && target.IsGenericMethod && ExplicitTypeArguments(inv) is { } typeArgs && typeArgs.Length == target.Arity)
                        target = target.Construct(typeArgs);
                    if (target is not null) return LauncherType(target);
                }
                return ResolveMethod(inv)?.ReturnType;
        }
        return null;
    }

    public ITypeSymbol? InferLocalType(ILocalSymbol local)
    {
        if (local.Type.TypeKind != TypeKind.Error) return local.Type;
        var decl = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct);
        return decl is VariableDeclaratorSyntax { Initializer: { } init } ? InferType(init.Value) : null;
    }

    private static string? MethodName(InvocationExpressionSyntax inv) => inv.Expression switch
    {
        SimpleNameSyntax n => n.Identifier.ValueText,
        MemberAccessExpressionSyntax ma => ma.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Type arguments written at a call (<c>GoEcho&lt;int&gt;(...)</c>), or null.</summary>
    private ITypeSymbol[]? ExplicitTypeArguments(InvocationExpressionSyntax inv)
    {
        var generic = inv.Expression switch
        {
            GenericNameSyntax g => g,
            MemberAccessExpressionSyntax { Name: GenericNameSyntax g } => g,
            _ => null,
        };
        if (generic is null) return null;
        var types = new ITypeSymbol[generic.TypeArgumentList.Arguments.Count];
        for (var i = 0; i < types.Length; i++)
        {
            var t = _model.GetTypeInfo(generic.TypeArgumentList.Arguments[i], _ct).Type;
            if (t is null || t.TypeKind == TypeKind.Error) return null;
            types[i] = t;
        }
        return types;
    }

    private IMethodSymbol? FindGoroutineMethod(InvocationExpressionSyntax inv, string name)
    {
        IEnumerable<ISymbol> candidates;
        if (inv.Expression is MemberAccessExpressionSyntax ma)
        {
            var recv = _model.GetSymbolInfo(ma.Expression, _ct).Symbol;
            var type = recv as ITypeSymbol ?? InferType(ma.Expression);
            if (type is null) return null;
            candidates = AllMembers(type, name);
        }
        else
        {
            candidates = _model.LookupSymbols(inv.SpanStart, name: name);
        }
        var argc = inv.ArgumentList.Arguments.Count;
        var methods = candidates.OfType<IMethodSymbol>().Where(SymbolFacts.HasGoroutineAttribute).ToList();
        return methods.FirstOrDefault(m => m.Parameters.Length == argc)
            ?? methods.FirstOrDefault(m => m.Parameters.Count(p => !p.IsOptional && !p.IsParams) <= argc);
    }

    private static IEnumerable<ISymbol> AllMembers(ITypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
            foreach (var m in t.GetMembers(name)) yield return m;
    }

    private ITypeSymbol? LauncherType(IMethodSymbol m)
    {
        if (m.ReturnsVoid) return _model.Compilation.GetTypeByMetadataName(RuntimeContract.Goroutine.MetadataName);
        if (m.IsGenericMethod && m.TypeArguments.Any(t => t.TypeKind == TypeKind.TypeParameter && SymbolEqualityComparer.Default.Equals(((ITypeParameterSymbol)t).DeclaringMethod, m.OriginalDefinition)))
            return null;
        return _model.Compilation.GetTypeByMetadataName(RuntimeContract.GoroutineOfT.MetadataName)?.Construct(m.ReturnType);
    }

    /// <summary>The method an invocation calls, also when its receiver's type is only known by inference.</summary>
    public IMethodSymbol? ResolveMethod(InvocationExpressionSyntax inv)
    {
        if (_model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol m) return m;
        if (inv.Expression is MemberAccessExpressionSyntax ma && _model.GetSymbolInfo(ma.Expression, _ct).Symbol is not ITypeSymbol)
        {
            var t = InferType(ma.Expression);
            if (t is null || t.TypeKind == TypeKind.Error) return null;
            var argc = inv.ArgumentList.Arguments.Count;
            return AllMembers(t, ma.Name.Identifier.ValueText).OfType<IMethodSymbol>().FirstOrDefault(x => x.Parameters.Length == argc && !x.IsStatic);
        }
        return null;
    }
}
