using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// The launchers <c>GoX(...)</c> are this generator's own output, so the semantic model it works with
/// cannot see them: <c>var h = GoWorker(); h.Join();</c> binds to error types. This infers the
/// launcher's type (<c>Goroutine</c> / <c>Goroutine&lt;T&gt;</c>) from the [Goroutine] method it starts,
/// and resolves members called on such handles, so that <c>h.Join()</c> is still a suspension point.
/// </summary>
internal sealed partial class LauncherTypeInference
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
        if (!IsUnknown(e)) return t;
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
            case IdentifierNameSyntax id when LocalOf(id) is { } local:
                return InferLocalType(local);
            case InvocationExpressionSyntax inv:
                if (_model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol)
                    return ResolveMethod(inv) is { } resolved && !SeesUnknownTypes(resolved, inv) ? resolved.ReturnType : null;
                var name = MethodName(inv);
                if (name is not null && name.Length > 2 && name.StartsWith("Go", System.StringComparison.Ordinal))
                {
                    var target = FindGoroutineMethod(inv, name.Substring(2));
                    if (target is not null && target.IsGenericMethod)
                    {
                        var typeArgs = ExplicitTypeArguments(inv) ?? InferTypeArguments(target, inv);
                        if (typeArgs is not null && typeArgs.Length == target.Arity) target = target.Construct(typeArgs);
                        else if (SpeculateLaunchedCall(inv, target) is { } constructed) target = constructed;
                    }
                    if (target is not null) return LauncherType(target);
                }
                // (A plain call over such values, M(h.Join()): bound as the other expressions are, below.)
                return ResolveMethod(inv)?.ReturnType ?? InferBySpeculation(inv);
            case ConditionalAccessExpressionSyntax inner when BindsOutside(inner):
                // `.Next?.M(t)` of `a?.Next?.M(t)` binds only with the access around it: its type is its access's,
                // lifted as C# lifts it.
                return LiftedByConditionalAccess(InferType(inner.WhenNotNull));
        }
        return InferBySpeculation(e) ?? LaunchedParameterType(e);
    }

    /// <summary>
    /// An expression built from launcher values (<c>h.Join() + 1</c>, <c>c ? h.Join() : 0</c>, <c>(r, 1)</c>,
    /// <c>new { B = r.A + 1 }</c>, <c>() =&gt; r + 1</c>): each largest part whose type only inference knows is replaced
    /// by a value of that type (<see cref="SpeculativeExample"/>), and the result is
    /// bound speculatively at the same position (C#'s own rules for the operators, tuples and lambdas).
    /// </summary>
    private ITypeSymbol? InferBySpeculation(ExpressionSyntax e)
    {
        if (BindsOutside(e) || WithExamples(e) is not { } examples) return null;
        var replaced = WithOwnVariables(examples);
        var type = _model.GetSpeculativeTypeInfo(e.SpanStart, replaced, SpeculativeBindingOption.BindAsExpression).Type;
        // A lambda has no type of its own as an expression; `var x = lambda;` gives it its natural delegate type.
        if (type is null && replaced is AnonymousFunctionExpressionSyntax
            && SpeculateAsLocal(examples, e.SpanStart) is ({ } speculative, _, var local)
            && speculative.GetDeclaredSymbol(local, _ct) is ILocalSymbol speculated)
            type = speculated.Type;
        return type is not null && !HasErrorType(type) && !HasForeignTypeParameter(type, e) ? type : null;
    }

    /// <summary>
    /// A <c>.M</c> or <c>[i]</c> of a conditional access outside <paramref name="e"/> (<c>.M(t)</c> of <c>a?.M(t)</c>):
    /// such an expression cannot be bound alone (Roslyn's speculative binder throws on it).
    /// </summary>
    private static bool BindsOutside(ExpressionSyntax e) =>
        e.DescendantNodesAndSelf().Any(n => n is MemberBindingExpressionSyntax or ElementBindingExpressionSyntax
            && !n.Ancestors().TakeWhile(a => a != e.Parent).OfType<ConditionalAccessExpressionSyntax>().Any(ca => ca.WhenNotNull.Span.Contains(n.Span)));

    /// <summary>
    /// <paramref name="e"/> with each largest part whose type only inference knows replaced by an example of it (a
    /// variable by an array element), or null if none is. <paramref name="keep"/> and the parts around it are not
    /// replaced, only what they hold: the call a speculation binds must stay in the copy (<c>Count(log, x)</c> in
    /// <c>arr?[I3(Count(log, x))]</c>, where <c>I3(...)</c> is itself a part only inference types).
    /// </summary>
    private ExpressionSyntax? WithExamples(ExpressionSyntax e, SyntaxNode? keep = null)
    {
        var parts = new Dictionary<SyntaxNode, ITypeSymbol>();
        var kept = keep is null ? new HashSet<SyntaxNode>() : new HashSet<SyntaxNode>(keep.AncestorsAndSelf());
        foreach (var n in e.DescendantNodes(n => !parts.ContainsKey(n)))
        {
            if (n is not (InvocationExpressionSyntax or IdentifierNameSyntax) || kept.Contains(n) || parts.Keys.Any(p => p.Span.Contains(n.Span))) continue;
            // `.M(t)` of `a?.M(t)` is bound from its access's receiver: it cannot be replaced, only what it holds.
            if (BindsOutside((ExpressionSyntax)n)) continue;
            // A call that declares a variable (`Two(t, out var v) + v`, `M(t is var w) + w`) keeps it declared for the
            // rest of the expression: only what it holds is replaced.
            if (n is InvocationExpressionSyntax && DeclaresVariable(n)) continue;
            if (!IsUnknown((ExpressionSyntax)n)) continue;
            if (InferType((ExpressionSyntax)n) is { } t && !HasErrorType(t) && !HasForeignTypeParameter(t, n) && SpeculativeExample(t) is { } example) parts[n] = t;
        }
        if (parts.Count == 0) return null;
        // A name that names a tuple element or an anonymous type's member (`(r, 1)`, `new { r }`) keeps naming it.
        var targets = parts.Keys.Select(n => n is IdentifierNameSyntax && n.Parent is ArgumentSyntax { NameColon: null, Parent: TupleExpressionSyntax }
            or AnonymousObjectMemberDeclaratorSyntax { NameEquals: null } ? n.Parent! : n).ToList();
        return e.ReplaceNodes(targets, (original, _) => original switch
        {
            ArgumentSyntax a => SyntaxFactory.ParseExpression("(" + a.Expression + ": " + SpeculativeExample(parts[a.Expression])! + ", 0)")
                is TupleExpressionSyntax tuple ? tuple.Arguments[0].WithTriviaFrom(a) : a,
            AnonymousObjectMemberDeclaratorSyntax d => SyntaxFactory.AnonymousObjectMemberDeclarator(
                SyntaxFactory.NameEquals(d.Expression.ToString()), SyntaxFactory.ParseExpression(SpeculativeExample(parts[d.Expression])!)).WithTriviaFrom(d),
            // A variable stays a variable (an array's element), so that it can still be assigned, incremented or
            // passed by ref (`s += "a"`, `RefAdd(ref x, 3)`): a call's value cannot.
            IdentifierNameSyntax when !SymbolFacts.IsRefLike(parts[original]) =>
                SyntaxFactory.ParseExpression("new[] { " + SpeculativeExample(parts[original])! + " }[0]").WithTriviaFrom(original),
            _ => SyntaxFactory.ParseExpression(SpeculativeExample(parts[original])!).WithTriviaFrom(original),
        });
    }

    /// <summary>A variable declared in <paramref name="n"/> outside any lambda in it: one the code after it may read.</summary>
    private static bool DeclaresVariable(SyntaxNode n) =>
        n.DescendantNodes(d => d is not AnonymousFunctionExpressionSyntax).OfType<SingleVariableDesignationSyntax>().Any();

    /// <summary>
    /// A type parameter of a method whose body <paramref name="at"/> is not in: what the model gives a call whose
    /// type inference failed over an argument it cannot see (<c>Id(r)</c> of <c>r = GoId(n).Join()</c> is <c>T</c>).
    /// </summary>
    public static bool HasForeignTypeParameter(ITypeSymbol type, SyntaxNode at) => type switch
    {
        ITypeParameterSymbol { DeclaringMethod: { } m } => !m.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == at.SyntaxTree && r.Span.Contains(at.Span)),
        IArrayTypeSymbol a => HasForeignTypeParameter(a.ElementType, at),
        INamedTypeSymbol n => n.TypeArguments.Any(t => HasForeignTypeParameter(t, at)),
        _ => false,
    };

    /// <summary>
    /// An expression of exactly <paramref name="type"/> that binds anywhere and is no constant: <c>((Func&lt;T&gt;)null)()</c>, or for an anonymous
    /// type <c>new { A = ((Func&lt;int&gt;)null)() }</c>, an array or a tuple of them <c>new[] { new { A = default(int) } }</c>,
    /// <c>(K: new { ... }, default(int))</c>; null for a type
    /// that holds an anonymous type another way (<c>List&lt;anon&gt;</c> needs a helper of the frame to write).
    /// </summary>
    private static string? SpeculativeExample(ITypeSymbol type)
    {
        // Not default(T) for a type a delegate can return: a constant (default(int) is 0) converts where a variable
        // does not (to byte, in overload resolution), and the speculation must bind as the real operand does.
        if (!MethodLowerer.ContainsAnonymousType(type))
            return type.IsRefLikeType || type is IPointerTypeSymbol or IFunctionPointerTypeSymbol || type.SpecialType == SpecialType.System_Void
                ? "default(" + type.Fq() + ")"
                : "((global::System.Func<" + type.Fq() + ">)null)()";
        if (type is IArrayTypeSymbol { Rank: 1 } array) return SpeculativeExample(array.ElementType) is { } element ? "new[] { " + element + " }" : null;
        if (type is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            var elements = new List<string>();
            for (var i = 0; i < tuple.TupleElements.Length; i++)
            {
                var field = tuple.TupleElements[i];
                if (SpeculativeExample(field.Type) is not { } value) return null;
                elements.Add(field.Name == "Item" + (i + 1) ? value : field.Name + ": " + value);
            }
            return "(" + string.Join(", ", elements) + ")";
        }
        if (!type.IsAnonymousType) return null;
        var members = new List<string>();
        foreach (var p in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (SpeculativeExample(p.Type) is not { } value) return null;
            members.Add(p.Name + " = " + value);
        }
        return "new { " + string.Join(", ", members) + " }";
    }

    /// <summary>
    /// An error type anywhere in the type (<c>(r, int)</c>, <c>Func&lt;?&gt;</c>, an anonymous type's member): a part
    /// the semantic model could not see, a launcher's result. Such a type cannot be written in the frame.
    /// </summary>
    public static bool HasErrorType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol a => HasErrorType(a.ElementType),
        IPointerTypeSymbol p => HasErrorType(p.PointedAtType),
        INamedTypeSymbol { IsAnonymousType: true } anonymous => anonymous.GetMembers().OfType<IPropertySymbol>().Any(m => HasErrorType(m.Type)),
        INamedTypeSymbol n => n.TypeArguments.Any(HasErrorType) || n.ContainingType is { } c && HasErrorType(c),
        _ => false,
    };

    /// <summary>
    /// Type arguments of a generic [Goroutine] method from its launcher call's arguments (<c>GoEcho("s")</c>):
    /// a parameter of type <c>T</c>, <c>T[]</c> or a generic type of <c>T</c> matched against its argument's type.
    /// </summary>
    private ITypeSymbol[]? InferTypeArguments(IMethodSymbol target, InvocationExpressionSyntax inv)
    {
        var found = new ITypeSymbol?[target.Arity];
        var args = inv.ArgumentList.Arguments;
        var ps = target.Parameters;
        for (var i = 0; i < args.Count; i++)
        {
            // A named argument goes to its parameter (`GoNamed(log, rest: r, first: n)`), a positional one to its
            // position, and those past the last parameter to an expanded params array.
            var p = args[i].NameColon is { } named ? ps.FirstOrDefault(q => q.Name == named.Name.Identifier.ValueText)
                : i < ps.Length ? ps[i] : ps.LastOrDefault(q => q.IsParams);
            if (p is null) return null;
            var argType = InferType(args[i].Expression);
            if (argType is null || argType.TypeKind == TypeKind.Error) continue;
            var expanded = p.IsParams && p.Type is IArrayTypeSymbol && argType is not IArrayTypeSymbol;
            Unify(expanded ? ((IArrayTypeSymbol)p.Type).ElementType : p.Type, argType, target, found);
        }
        return found.All(t => t is not null) ? found.Select(t => t!).ToArray() : null;
    }

    /// <summary>
    /// The launched method as C# would construct it for the same arguments: <c>GoApply(x =&gt; x * 2, n)</c> is bound
    /// speculatively as <c>Apply(x =&gt; x * 2, n)</c> at the same position, so a type argument that only a lambda's
    /// return type gives (which <see cref="InferTypeArguments"/> does not read) comes from C#'s own inference;
    /// arguments whose types only this inference knows are replaced by examples first. Null when that binds to
    /// another method or leaves a type argument unknown.
    /// </summary>
    private IMethodSymbol? SpeculateLaunchedCall(InvocationExpressionSyntax inv, IMethodSymbol target)
    {
        if (BindsOutside(inv)) return null;
        var call = WithExamples(inv) as InvocationExpressionSyntax ?? inv;
        SimpleNameSyntax? launcher = call.Expression switch
        {
            IdentifierNameSyntax id => id,
            MemberAccessExpressionSyntax ma => ma.Name,
            _ => null,
        };
        if (launcher is null) return null;
        var direct = call.ReplaceNode(launcher, SyntaxFactory.IdentifierName(target.Name).WithTriviaFrom(launcher));
        var info = _model.GetSpeculativeSymbolInfo(inv.SpanStart, direct, SpeculativeBindingOption.BindAsExpression);
        var bound = info.Symbol as IMethodSymbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] as IMethodSymbol : null);
        return bound is not null && SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, target.OriginalDefinition)
            && !bound.TypeArguments.Any(t => HasErrorType(t) || t is ITypeParameterSymbol p && SymbolEqualityComparer.Default.Equals(p.DeclaringMethod, target.OriginalDefinition))
            ? bound : null;
    }

    private static void Unify(ITypeSymbol parameter, ITypeSymbol argument, IMethodSymbol target, ITypeSymbol?[] found)
    {
        switch (parameter)
        {
            case ITypeParameterSymbol tp when SymbolEqualityComparer.Default.Equals(tp.DeclaringMethod, target.OriginalDefinition) || SymbolEqualityComparer.Default.Equals(tp.DeclaringMethod, target):
                found[tp.Ordinal] ??= argument;
                break;
            case IArrayTypeSymbol pa when argument is IArrayTypeSymbol aa && pa.Rank == aa.Rank:
                Unify(pa.ElementType, aa.ElementType, target, found);
                break;
            case INamedTypeSymbol pn when pn.IsGenericType && argument is INamedTypeSymbol an
                && SymbolEqualityComparer.Default.Equals(pn.OriginalDefinition, an.OriginalDefinition):
                for (var i = 0; i < pn.TypeArguments.Length; i++) Unify(pn.TypeArguments[i], an.TypeArguments[i], target, found);
                break;
        }
    }

    public ITypeSymbol? InferLocalType(ILocalSymbol local)
    {
        var decl = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct);
        if (!HasErrorType(local.Type) && (decl is null || !HasForeignTypeParameter(local.Type, decl))
            && !IsVarOverUnknownCall(decl)) return local.Type;
        if (decl is VariableDeclaratorSyntax { Initializer: { } init }) return InferType(init.Value);
        if (decl is ForEachStatementSyntax fe) return InferForEach(fe)?.ElementType is { } element && !HasErrorType(element) ? element : null;
        if (decl is SingleVariableDesignationSyntax { Parent: VarPatternSyntax pattern } && PatternInput(pattern) is { } input) return InferType(input);
        if (decl is SingleVariableDesignationSyntax inPattern && InPattern(inPattern) && PatternVariableType(inPattern) is { } typed) return typed;
        if (decl is SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax } } } outVariable
            && OutVariableType(outVariable) is { } outType) return outType;
        return decl is SingleVariableDesignationSyntax designation ? InferDeconstructedType(designation) : null;
    }

    /// <summary>
    /// A variable a pattern declares: not one of a deconstruction (<c>var (x, y) = ...</c>, <c>out var x</c>), but one
    /// of a <c>var (a, b)</c> pattern's parenthesized designation too.
    /// </summary>
    private static bool InPattern(SingleVariableDesignationSyntax designation)
    {
        SyntaxNode node = designation;
        while (node.Parent is ParenthesizedVariableDesignationSyntax) node = node.Parent;
        return node.Parent is not DeclarationExpressionSyntax && (node == designation || node.Parent is VarPatternSyntax);
    }

    /// <summary>
    /// The value a top-level pattern tests (<c>case var w</c>, <c>x switch { var w when ... }</c>, <c>e is var v</c>,
    /// also under <c>and</c> and parentheses), whose type is its <c>var</c> variable's; null for a nested pattern.
    /// </summary>
    private static ExpressionSyntax? PatternInput(PatternSyntax pattern)
    {
        SyntaxNode node = pattern;
        while (node.Parent is ParenthesizedPatternSyntax or BinaryPatternSyntax { OperatorToken.RawKind: (int)SyntaxKind.AndKeyword }) node = node.Parent;
        return node.Parent switch
        {
            CasePatternSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax sw } => sw.Expression,
            SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax se } => se.GoverningExpression,
            IsPatternExpressionSyntax ip => ip.Expression,
            _ => null,
        };
    }

    private readonly Dictionary<SyntaxNode, ForEachStatementInfo?> _forEach = new();

    /// <summary>
    /// A foreach over a value whose type only inference knows (<c>foreach (var x in GoX(...).Join())</c>): the
    /// statement bound speculatively over an example of that type, for its GetEnumerator, MoveNext, Current and
    /// element type. Null when the type is not inferred or no example can stand for it.
    /// </summary>
    public ForEachStatementInfo? InferForEach(CommonForEachStatementSyntax fe)
    {
        if (_forEach.TryGetValue(fe, out var cached)) return cached;
        ForEachStatementInfo? info = null;
        if (InferType(fe.Expression) is { } type && !HasErrorType(type) && SpeculativeExample(type) is { } example
            && SyntaxFactory.ParseStatement("foreach (var __goElement in " + example + ") { }") is ForEachStatementSyntax statement
            && _model.TryGetSpeculativeSemanticModel(fe.SpanStart, statement, out var speculative))
        {
            var found = speculative.GetForEachStatementInfo(statement);
            if (found.GetEnumeratorMethod is not null && found.ElementType is { } element && !HasErrorType(element)) info = found;
        }
        _forEach[fe] = info;
        return info;
    }

    /// <summary>
    /// A variable of a deconstruction (<c>var (a, (b, c)) = GoX(...).Join();</c>, <c>(var a, var b) = ...</c>, a
    /// <c>foreach (var (a, b) in ...)</c>): the element of the inferred value's tuple type at the variable's position,
    /// or, for a value that is no tuple (a record, a KeyValuePair), the out parameter of its Deconstruct there.
    /// </summary>
    private ITypeSymbol? InferDeconstructedType(SingleVariableDesignationSyntax designation)
    {
        var path = new List<(int Index, int Count)>();
        SyntaxNode node = designation;
        while (true)
        {
            if (node.Parent is ParenthesizedVariableDesignationSyntax pd) { path.Add((pd.Variables.IndexOf((VariableDesignationSyntax)node), pd.Variables.Count)); node = pd; }
            else if (node.Parent is DeclarationExpressionSyntax de) node = de;
            else if (node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax te } arg) { path.Add((te.Arguments.IndexOf(arg), te.Arguments.Count)); node = te; }
            else break;
        }
        ITypeSymbol? type = node.Parent switch
        {
            AssignmentExpressionSyntax a when a.Left == node => InferType(a.Right),
            ForEachVariableStatementSyntax f when f.Variable == node => InferForEach(f)?.ElementType,
            _ => null,
        };
        for (var i = path.Count - 1; i >= 0 && type is not null; i--)
            type = type is INamedTypeSymbol { IsTupleType: true } tuple
                ? path[i].Index < tuple.TupleElements.Length ? tuple.TupleElements[path[i].Index].Type : null
                : DeconstructedPart(type, path[i].Index, path[i].Count, designation.Ancestors().OfType<StatementSyntax>().FirstOrDefault()?.SpanStart ?? designation.SpanStart);
        return type is not null && !HasErrorType(type) ? type : null;
    }

    /// <summary>
    /// The type of out parameter <paramref name="index"/> of the <c>Deconstruct</c> of <paramref name="type"/> with
    /// <paramref name="count"/> of them (a record's, a KeyValuePair's), as C# picks it for <c>var (a, b) = v</c>: an
    /// instance method (the most derived type's that has one hides a base's), else the one C# binds for a
    /// deconstruction of an example of the type at <paramref name="position"/> (a statement's start): among several
    /// instance methods of that count (overloads, a generic one, one not accessible here) or an extension method;
    /// null when there is none, or C# finds the call ambiguous.
    /// </summary>
    private ITypeSymbol? DeconstructedPart(ITypeSymbol type, int index, int count, int position)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            var candidates = t.GetMembers("Deconstruct").OfType<IMethodSymbol>()
                .Where(m => !m.IsStatic && m.Parameters.Length == count)
                .ToList();
            if (candidates.Count == 0) continue;
            if (candidates.Count == 1 && candidates[0] is { IsGenericMethod: false, ReturnsVoid: true } only && only.Parameters.All(p => p.RefKind == RefKind.Out))
                return only.Parameters[index].Type;
            break;
        }
        // C#'s own lookup, overload resolution and inference, by a deconstruction of an example bound at the place.
        if (SpeculativeExample(type) is not { } example) return null;
        var names = Enumerable.Range(0, count).Select(i => "__goPart" + i).ToList();
        if (SyntaxFactory.ParseStatement("var (" + string.Join(", ", names) + ") = " + example + ";") is not ExpressionStatementSyntax statement
            || !_model.TryGetSpeculativeSemanticModel(position, statement, out var speculative))
            return null;
        var part = statement.DescendantNodes().OfType<SingleVariableDesignationSyntax>().ElementAt(index);
        return speculative.GetDeclaredSymbol(part, _ct) is ILocalSymbol { Type: var partType } && !HasErrorType(partType) ? partType : null;
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
            // And extension methods and C# 14 extension block members of the receiver's type (`n.GoTwice()`).
            candidates = AllMembers(type, name).Concat(_model.LookupSymbols(inv.SpanStart, type, name, includeReducedExtensionMethods: true)
                .Where(s => s is IMethodSymbol m && (m.ReducedFrom is not null || ExtensionBlocks.IsBlock(m.ContainingType))));
        }
        else
        {
            candidates = _model.LookupSymbols(inv.SpanStart, name: name);
        }
        var argc = inv.ArgumentList.Arguments.Count;
        var methods = candidates.OfType<IMethodSymbol>().Where(SymbolFacts.HasGoroutineAttribute).ToList();
        // A method of this compilation that the generator refuses has no launcher (a covariant-return override, GOSH0017):
        // the call binds to the launcher of the method it overrides, so type it by that one.
        var launched = methods.Where(m => m.Definition().DeclaringSyntaxReferences.Length == 0 || SymbolFacts.IsGeneratedGoroutine(m)).ToList();
        if (launched.Count > 0) methods = launched;
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

    /// <summary>
    /// The [Goroutine] method an unbound <c>GoX(...)</c> starts (a launcher this generator writes, which its own
    /// semantic model cannot see), or null.
    /// </summary>
    public IMethodSymbol? LaunchedMethod(InvocationExpressionSyntax inv)
    {
        if (_model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol) return null;
        var name = MethodName(inv);
        return name is not null && name.Length > 2 && name.StartsWith("Go", System.StringComparison.Ordinal)
            ? FindGoroutineMethod(inv, name.Substring(2))
            : null;
    }

    /// <summary>The method an invocation calls, also when its receiver's type is only known by inference.</summary>
    public IMethodSymbol? ResolveMethod(InvocationExpressionSyntax inv)
    {
        var symbol = _model.GetSymbolInfo(inv, _ct).Symbol as IMethodSymbol;
        // A method the model found over an argument it cannot see may not be C#'s (IsCallOverUnknownArguments).
        if (symbol is not null) return SeesUnknownTypes(symbol, inv) || IsCallOverUnknownArguments(inv) ? ResolveBySpeculation(inv) ?? symbol : symbol;
        // A receiver only inference can type (h.Join() of a launcher's handle h, w.Run(log, 1) of w = GoMake().Join()):
        // the call bound again over an example of it, so that C#'s overload resolution picks among same-named
        // members; failing that (an example cannot stand for the receiver), its member by name and arity. A
        // receiver the model types (log.L("a", t)) failed over its arguments: bound again below.
        if (inv.Expression is MemberAccessExpressionSyntax ma && _model.GetSymbolInfo(ma.Expression, _ct).Symbol is not ITypeSymbol
            && IsUnknown(ma.Expression))
        {
            if (ResolveBySpeculation(inv) is { } speculated) return speculated;
            var t = InferType(ma.Expression);
            if (t is null || t.TypeKind == TypeKind.Error) return null;
            var argc = inv.ArgumentList.Arguments.Count;
            return AllMembers(t, ma.Name.Identifier.ValueText).OfType<IMethodSymbol>().FirstOrDefault(x => x.Parameters.Length == argc && !x.IsStatic);
        }
        return ResolveBySpeculation(inv);
    }

    /// <summary>
    /// The expression with the variables it declares (<c>is var v0</c>, <c>out var x</c>) renamed, with their uses in it:
    /// bound as a statement of its own at its place, it would declare them again beside the originals (CS0128), and
    /// its call would not bind. The shape, which <see cref="SameSlot"/> maps by, stays.
    /// </summary>
    private static ExpressionSyntax WithOwnVariables(ExpressionSyntax e)
    {
        var declared = new HashSet<string>(e.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(d => d.Identifier.ValueText));
        if (declared.Count == 0) return e;
        return e.ReplaceTokens(e.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && declared.Contains(t.ValueText)
                && t.Parent is SingleVariableDesignationSyntax or IdentifierNameSyntax),
            (t, _) => SyntaxFactory.Identifier(t.LeadingTrivia, "__go_" + t.ValueText, t.TrailingTrivia));
    }

    /// <summary>
    /// A call with an argument the model cannot see, whose method (and so type) the model's binding may have chosen
    /// otherwise than C#: <c>K(Tw(u))</c> of an int <c>u</c> binds <c>object K(object)</c>, the one overload an error
    /// type converts to, where C# takes <c>int K(int)</c>.
    /// </summary>
    public bool IsCallOverUnknownArguments(ExpressionSyntax e) =>
        e is InvocationExpressionSyntax inv && inv.ArgumentList.Arguments.Any(a => !HasNoTypeOfItsOwn(a.Expression) && IsUnknown(a.Expression));

    /// <summary>A lambda, <c>null</c> or <c>default</c>: typed by its target, never by a launcher; not worth binding a call again for.</summary>
    private static bool HasNoTypeOfItsOwn(ExpressionSyntax e) =>
        e is AnonymousFunctionExpressionSyntax || e.IsKind(SyntaxKind.NullLiteralExpression) || e.IsKind(SyntaxKind.DefaultLiteralExpression);

    /// <summary>
    /// An expression the model gives no type it could see: none, an error type, a type parameter of a call whose
    /// inference failed, or the type of another overload (<see cref="IsCallOverUnknownArguments"/>), also through a
    /// local initialized so (<c>r</c> of <c>var r = K(Tw(u));</c> is an object in the model, an int in C#).
    /// </summary>
    public bool IsUnknown(ExpressionSyntax e) =>
        _model.GetTypeInfo(e, _ct).Type is not { } t || HasErrorType(t) || HasForeignTypeParameter(t, e) || IsCallOverUnknownArguments(e)
        || e is IdentifierNameSyntax id && LocalOf(id) is { } local
            && IsVarOverUnknownCall(local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct));

    /// <summary>The local <paramref name="id"/> names, also where the model binds it to nothing (SymbolFacts.UnboundVariable).</summary>
    private ILocalSymbol? LocalOf(IdentifierNameSyntax id) =>
        (_model.GetSymbolInfo(id, _ct).Symbol ?? SymbolFacts.UnboundVariable(_model, id, _ct)) as ILocalSymbol;

    /// <summary>
    /// A <c>var</c> local initialized by a call over values the model cannot see (<c>var r = K(Tw(u));</c>): the model
    /// typed it by the overload it found, which may not be C#'s. A written type (<c>Mon m = K(Tw(u));</c>) is the local's.
    /// </summary>
    private bool IsVarOverUnknownCall(SyntaxNode? declarator) =>
        declarator is VariableDeclaratorSyntax { Initializer.Value: var value, Parent: VariableDeclarationSyntax { Type.IsVar: true } }
        && IsCallOverUnknownArguments(value);

    /// <summary>
    /// A method bound over values the model cannot see: <c>Tw(p)</c> of a tuple <c>p = (h.Join(), "s")</c> binds
    /// <c>Tw&lt;(?, string)&gt;</c>; <c>log.L("a", t)</c> of <c>t = GoTwice(n).Join()</c>, whose type inference failed,
    /// names the definition <c>L&lt;T&gt;</c>.
    /// </summary>
    public static bool SeesUnknownTypes(IMethodSymbol m, SyntaxNode at) =>
        HasErrorType(m.ReturnType) || m.TypeArguments.Any(t => HasErrorType(t) || HasForeignTypeParameter(t, at))
        || m.Parameters.Any(p => HasErrorType(p.Type));

    /// <summary>
    /// A call the model cannot resolve whose candidates include a [Goroutine] method or a suspension point
    /// (<c>Id(r)</c> of <c>r = GoId(n).Join()</c>: type inference fails over the argument the model cannot see), or
    /// null. Copied as written it would run as a plain call; MethodLowerer refuses it (GOSH0010).
    /// </summary>
    public IMethodSymbol? UnresolvedGoroutineCall(InvocationExpressionSyntax inv, IAssemblySymbol assembly)
    {
        var info = _model.GetSymbolInfo(inv, _ct);
        if (info.Symbol is not null || info.CandidateSymbols.IsEmpty || LaunchedMethod(inv) is not null || ResolveMethod(inv) is not null) return null;
        // Only over an argument whose type inference knows (a lambda's body is left to the final compilation).
        if (!inv.ArgumentList.Arguments.Any(a => a.Expression is not AnonymousFunctionExpressionSyntax
                && _model.GetTypeInfo(a.Expression, _ct).Type is { } t && HasErrorType(t)
                && InferType(a.Expression) is { } inferred && !HasErrorType(inferred))) return null;
        return info.CandidateSymbols.OfType<IMethodSymbol>().FirstOrDefault(m => SymbolFacts.Classify(m, assembly) != CallKind.Plain);
    }

    /// <summary>
    /// For a call C# binds at run time (an argument or the receiver is <c>dynamic</c>), the [Goroutine] method or
    /// suspension point among its compile-time candidates, or null. <c>Ti(d)</c> with one candidate still binds
    /// at run time: the model names <c>Ti</c> as its symbol, but the operation is a dynamic invocation.
    /// </summary>
    public IMethodSymbol? DynamicallyBoundGoroutineCall(InvocationExpressionSyntax inv, IAssemblySymbol assembly)
    {
        // The symbol first: most calls reach a plain method, and building the operation of every call is the
        // expensive part (the generator asks this of each invocation in every goroutine body).
        var info = _model.GetSymbolInfo(inv, _ct);
        if (info.Symbol is null && info.CandidateReason != CandidateReason.LateBound) return null;
        var candidates = info.Symbol is IMethodSymbol m ? new[] { m } : info.CandidateSymbols.OfType<IMethodSymbol>();
        var target = candidates.FirstOrDefault(c => SymbolFacts.Classify(c, assembly) != CallKind.Plain);
        if (target is null) return null;
        return _model.GetOperation(inv, _ct) is IDynamicInvocationOperation ? target : null;
    }
}
