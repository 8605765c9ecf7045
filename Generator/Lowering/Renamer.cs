using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Rewrites user code that is emitted as it is (no suspension inside) so that it works inside the frame
/// class: hoisted locals and parameters become frame fields, <c>this</c> and implicit instance members go
/// through <c>_this</c>, static members are qualified (the frame's own members must not capture them),
/// jumps that leave the statement are routed through the state machine, and chosen sub-expressions are
/// replaced by spilled temporaries.
/// </summary>
internal sealed partial class Renamer : CSharpSyntaxRewriter
{
    private readonly MethodLowerer _owner;
    private readonly SyntaxNode _root;
    private readonly IReadOnlyDictionary<SyntaxNode, string>? _replacements;
    private readonly ISet<ISymbol>? _excluded;

    public Renamer(MethodLowerer owner, SyntaxNode root, IReadOnlyDictionary<SyntaxNode, string>? replacements, ISet<ISymbol>? excluded)
        : base(visitIntoStructuredTrivia: false)
    {
        _owner = owner;
        _root = root;
        _replacements = replacements;
        _excluded = excluded;
    }

    private SemanticModel Model => _owner.Model;

    public override SyntaxNode? Visit(SyntaxNode? node)
    {
        if (node is SingleVariableDesignationSyntax designation && _replacements is not null && _replacements.TryGetValue(node, out var name))
            return designation.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(designation.Identifier));
        if (node is not null && _replacements is not null && _replacements.TryGetValue(node, out var text))
        {
            var replaced = SyntaxFactory.ParseExpression(text);
            // (a ?? Tw(b))! or (a ?? Tw(b))(1) with the ?? replaced by its temporary: `(_t1)!` and `(_t1)(1)` would read
            // as casts to a type named _t1; `((_t1))` cannot.
            if (node.Parent is ParenthesizedExpressionSyntax && replaced is IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax)
                replaced = SyntaxFactory.ParenthesizedExpression(replaced);
            // Not a directive of the replaced text's (an operand on its own line after #pragma or #line): out of its
            // line's start it is an error (CS1040); it leaves its line ends, and a user's #line is written again, on a
            // line of its own (VisitTrivia).
            // The text after it stays on its lines: a replaced operand written over several lines (a call chain)
            // leaves as many line ends as its text lacks, or a [CallerLineNumber] below it, and its sequence point,
            // would move up.
            return replaced.WithLeadingTrivia(node.GetLeadingTrivia().Select(VisitTrivia).Select(t => IsWrittenAgain(t) || !t.IsDirective && !t.IsKind(SyntaxKind.DisabledTextTrivia) ? t : LineEndsOf(t)))
                .WithTrailingTrivia(LineEndsIn(node, text).AddRange(node.GetTrailingTrivia()));
        }
        if (node is ExpressionSyntax constant && LeftUncheckedContext(constant))
            return UncheckedConstant((ExpressionSyntax)base.Visit(node)!);
        return base.Visit(node);
    }

    public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node)
    {
        var replaced = RenameSimpleName(node, node.Identifier.ValueText, null);
        return replaced ?? base.VisitIdentifierName(node);
    }

    public override SyntaxNode? VisitGenericName(GenericNameSyntax node)
    {
        var visited = (GenericNameSyntax)base.VisitGenericName(node)!;
        var replaced = RenameSimpleName(node, node.Identifier.ValueText, visited.TypeArgumentList.ToString());
        return replaced ?? visited;
    }

    private SyntaxNode? RenameSimpleName(SimpleNameSyntax node, string name, string? typeArgs)
    {
        var parent = node.Parent;
        // What a member access writes: the identifier as the user wrote it (`@this`, `@class`: a keyword as a name).
        var written = node.Identifier.Text;
        switch (parent)
        {
            case MemberAccessExpressionSyntax ma when ma.Name == node:
            case QualifiedNameSyntax q when q.Right == node:
            case MemberBindingExpressionSyntax:
            case NameColonSyntax:
            case NameEqualsSyntax:
            case AliasQualifiedNameSyntax:
                return null;
            case AssignmentExpressionSyntax asg when asg.Left == node && asg.Parent is InitializerExpressionSyntax:
                return null;
        }
        if (IsOwnInstanceLauncher(node, name))
        {
            // GoX(...) without `this.` in an instance method: the launcher is this generator's own output, so the
            // model binds nothing, and inside the frame class the call needs the receiver, as this.GoX(...) gets.
            _owner.UsesThis = true;
            return SyntaxFactory.ParseExpression("_this." + written + typeArgs).WithTriviaFrom(node);
        }
        if (name == ThisField && RenameUserThis(node) is { } userThis) return userThis;
        if (!_owner.MayNeedRewrite(name)) return null;
        // The method's type parameter that a containing type's hides: the frame's name for it (ShadowedTypeParameterNames).
        if (ShadowedTypeParameterNames.Current is not null && node is IdentifierNameSyntax
            && ShadowedTypeParameterNames.NewName(Model.GetSymbolInfo(node).Symbol) is { } frameName)
            return SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(node.GetLeadingTrivia(), frameName, node.GetTrailingTrivia()));
        // `var` the type keyword (it binds to the inferred type); a parameter or local named `var` is rewritten.
        if (node is IdentifierNameSyntax id && id.IsVar && Model.GetSymbolInfo(node).Symbol is null or ITypeSymbol) return null;
        // `n is K` with a local constant K: the parser puts K where a type goes, the binder finds the constant, which
        // the frame does not declare (constants become their values).
        if (SyntaxFacts.IsInTypeOnlyContext(node) && Model.GetSymbolInfo(node).Symbol is not ILocalSymbol) return null;
        if (InsideExpressionColon(node)) return null;

        var info = Model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null)
            ?? (node is IdentifierNameSyntax unbound ? SymbolFacts.UnboundVariable(Model, unbound) : null);
        switch (symbol)
        {
            case INamedTypeSymbol type when MethodLowerer.FrameMemberNames.Contains(name) && type.TypeKind != TypeKind.TypeParameter:
                // A type named like a member of the frame (State, Result, ...) would bind to that member inside
                // the frame class: qualify it.
                return SyntaxFactory.ParseExpression(type.Fq()).WithTriviaFrom(node);
            case IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } ctor } primary
                when !_owner.TryGetHoisted(primary, out _) && ctor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax):
                // Not in scope in the frame: reached through its field (PrimaryConstructorParameters.cs).
                var access = _owner.PrimaryParameterAccess(primary, node);
                return access is null ? null : SyntaxFactory.ParseExpression(access).WithTriviaFrom(node);
            case ILocalSymbol or IParameterSymbol:
                if (_excluded is not null && _excluded.Contains(symbol)) return null;
                if (_lambdaEnvironment is not null && _owner.TryGetEnvironment(symbol, out var env, out var envField))
                {
                    // Inside a closure that captured its entry's environment: reach the variable from there.
                    return SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(node.GetLeadingTrivia(), ReadBack(symbol, node, EnvironmentPath(env, node) + "." + envField), node.GetTrailingTrivia()));
                }
                if (_owner.TryGetHoisted(symbol, out var field))
                {
                    if (symbol is ILocalSymbol local && node.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                        && _owner.IsPerIterationLocal(local))
                        _owner.Report(Diagnostics.DiagnosticDescriptors.Unsupported, node,
                            Diagnostics.DiagnosticDescriptors.NotSupported($"Capturing '{local.Name}', a pattern or out variable that a for's incrementor or a statement directly in a switch section declares, in a lambda or local function inside a loop with a suspension point,",
                                "each evaluation needs its own copy; copy it into a local declared in the loop body, or pass it as an argument"));
                    return field.StartsWith("(", System.StringComparison.Ordinal)
                        ? SyntaxFactory.ParseExpression(field).WithTriviaFrom(node)
                        : SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(node.GetLeadingTrivia(), ReadBack(symbol, node, field), node.GetTrailingTrivia()));
                }
                return null;
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction } renamed when _owner.TryGetLocalFunctionName(renamed, out var newName)
                && (_owner.LocalFunctionEnvironment(renamed) is null || parent is InvocationExpressionSyntax c2 && c2.Expression == node):
                return SyntaxFactory.ParseExpression(newName + typeArgs).WithTriviaFrom(node);
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction } lf when !(parent is InvocationExpressionSyntax call && call.Expression == node)
                && _owner.LocalFunctionEnvironment(lf) is { } lfEnv:
                return LocalFunctionDelegate(node, lf, lfEnv, _owner.TryGetLocalFunctionName(lf, out var lfName) ? lfName : name);
            case IFieldSymbol or IPropertySymbol or IEventSymbol:
            case IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ReducedExtension }:
                if (symbol.ContainingType is null) return null;
                if (symbol is IMethodSymbol { MethodKind: MethodKind.ReducedExtension }) return null;
                // A static member of a C# 14 extension block named alone inside its block: through the receiver's
                // type, as from anywhere else (the block itself cannot be named). An instance one has no implicit receiver.
                if (ExtensionBlocks.IsBlock(symbol.ContainingType))
                    return symbol.IsStatic && ExtensionBlocks.Receiver(symbol.ContainingType) is { } receiver
                        ? SyntaxFactory.ParseExpression(receiver.Type.Fq() + "." + written + typeArgs).WithTriviaFrom(node)
                        : null;
                var text = symbol.IsStatic
                    ? symbol.ContainingType.Fq() + "." + written + typeArgs
                    : "_this." + written + typeArgs;
                if (!symbol.IsStatic) _owner.UsesThis = true;
                return SyntaxFactory.ParseExpression(text).WithTriviaFrom(node);
        }
        return null;
    }

    /// <summary>
    /// In an interpolation hole the ':' of a qualified <c>global::</c> name would start the format string:
    /// parenthesize the hole, and its alignment (<c>{x,W}</c> with a named constant W).
    /// </summary>
    public override SyntaxNode? VisitInterpolation(InterpolationSyntax node)
    {
        var visited = (InterpolationSyntax)base.VisitInterpolation(node)!;
        if (NeedsParentheses(visited.Expression))
            visited = visited.WithExpression(Parenthesized(visited.Expression));
        if (visited.AlignmentClause is { } alignment && NeedsParentheses(alignment.Value))
            visited = visited.WithAlignmentClause(alignment.WithValue(Parenthesized(alignment.Value)));
        return visited;
    }

    private static bool NeedsParentheses(ExpressionSyntax e) => e is not ParenthesizedExpressionSyntax && e.ToString().Contains("::");

    private static ExpressionSyntax Parenthesized(ExpressionSyntax e) => SyntaxFactory.ParseExpression("(" + e + ")").WithTriviaFrom(e);

    /// <summary>
    /// <c>&amp;x</c> of a local or parameter that lives in a frame field. C# refuses the address of a field of a heap
    /// object outside <c>fixed</c> (CS0212), but an async method takes the address of its hoisted field all the same,
    /// warning CS9123 that the state machine may move: the same is done here, through <c>Unsafe.AsPointer</c>, with
    /// the same warning (GOSH0025). A type holding an anonymous type has no name to cast the pointer to: refused.
    /// </summary>
    public override SyntaxNode? VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.AddressOfExpression) && FrameVariableAddressed(node) is { } id)
        {
            var name = id.Identifier.ValueText;
            if (Model.GetTypeInfo(node).Type is not IPointerTypeSymbol pointer || MethodLowerer.ContainsAnonymousType(pointer.PointedAtType))
            {
                _owner.Report(Diagnostics.DiagnosticDescriptors.CannotLiveInFrame, node,
                    $"'{name}' lives in the goroutine frame and its type holds an anonymous type, which the generated code cannot name to take its address; take the address of a local of a named type declared inside the unsafe block");
                return base.VisitPrefixUnaryExpression(node);
            }
            _owner.Report(Diagnostics.DiagnosticDescriptors.AddressOfFrameVariable, node, name);
            var operand = (ExpressionSyntax)Visit(node.Operand)!;
            return SyntaxFactory.ParseExpression(
                    $"(({pointer.Fq()})global::System.Runtime.CompilerServices.Unsafe.AsPointer(ref {operand.WithoutTrivia()}))")
                .WithTriviaFrom(node);
        }
        return base.VisitPrefixUnaryExpression(node);
    }

    /// <summary>The local or parameter whose frame field (or a field of it) <c>&amp;x</c> addresses; null for any other operand.</summary>
    private IdentifierNameSyntax? FrameVariableAddressed(PrefixUnaryExpressionSyntax node) => FrameVariableOf(node.Operand);

    /// <summary>The local or parameter living in the frame whose field (or a field of it) <paramref name="operand"/> names.</summary>
    private IdentifierNameSyntax? FrameVariableOf(ExpressionSyntax operand)
    {
        while (operand is ParenthesizedExpressionSyntax p) operand = p.Expression;
        // Only through fields of a struct: a field of a class (box.P.X of a class local) is another object's, a
        // movable variable C# takes the address of in a fixed statement only, which the frame's field does not change.
        while (operand is MemberAccessExpressionSyntax ma && Model.GetTypeInfo(ma.Expression).Type is { IsValueType: true }) operand = ma.Expression;
        return operand is IdentifierNameSyntax id && Model.GetSymbolInfo(id).Symbol is (ILocalSymbol or IParameterSymbol) and var symbol
            && _owner.TryGetHoisted(symbol, out _) ? id : null;
    }

    private static bool InsideExpressionColon(SyntaxNode node)
    {
        // Nothing above the member declaration can be an ExpressionColonSyntax.
        for (var a = node.Parent; a is not null && a is not MemberDeclarationSyntax; a = a.Parent)
            if (a is ExpressionColonSyntax) return true;
        return false;
    }

    /// <summary>A local of an anonymous type is an object field: where it is read (not assigned), it is cast back by example.</summary>
    private string ReadBack(ISymbol symbol, SyntaxNode node, string field)
    {
        // (A local whose type the semantic model cannot see, a launcher's handle or its Join's value, by its inferred type.)
        // (A stack-only local, a span of anonymous objects, is a local of Resume of its own type: read as it is.)
        if (symbol is not ILocalSymbol local || _owner.IsStackLocal(local) || _owner.LocalType(local) is not { } type
            || !MethodLowerer.ContainsAnonymousType(type) || _owner.ExampleOf(type) is not { } example) return field;
        return IsVariableUse(node) || type.IsValueType && IsStructReceiver(node) && !InExpressionTree(node)
            ? _owner.AnonymousVariable(field, example)
            : _owner.AnonymousRead(field, example);
    }

    /// <summary>
    /// A struct local is the receiver of a member or element access (<c>s.Bump()</c>, <c>t.C = 5</c>, <c>ref t.B.C</c>,
    /// <c>s.IncRef()</c> of a <c>this ref</c> extension): C# works on the variable itself, so the access must too. Read
    /// back by example it would work on a copy (a mutating call lost, CS1612 for an assignment); through the cell
    /// (<c>__GoVar</c>) it works in place. A read through the cell reads the same value.
    /// </summary>
    /// <summary>In a lambda converted to an expression tree, which can hold no ref-returning call (CS8153): there it is read.</summary>
    private bool InExpressionTree(SyntaxNode node)
    {
        for (var a = node.Parent; a is not null && a is not MemberDeclarationSyntax; a = a.Parent)
            if (a is AnonymousFunctionExpressionSyntax f
                && Model.GetTypeInfo(f).ConvertedType is INamedTypeSymbol { Name: "Expression", ContainingNamespace: { Name: "Expressions", ContainingNamespace.Name: "Linq" } })
                return true;
        return false;
    }

    private static bool IsStructReceiver(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax p) node = p;
        return node.Parent switch
        {
            MemberAccessExpressionSyntax ma => ma.Expression == node,
            ElementAccessExpressionSyntax ea => ea.Expression == node,
            _ => false,
        };
    }

    /// <summary>
    /// The local is used as a variable (written, or referred to), not read: an assignment's or a deconstruction's
    /// target, an out, ref or in argument, <c>ref local</c>.
    /// </summary>
    private static bool IsVariableUse(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax p) node = p;
        switch (node.Parent)
        {
            case AssignmentExpressionSyntax a:
                return a.Left == node;
            case RefExpressionSyntax:
                return true;
            case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.PreIncrementExpression) || u.IsKind(SyntaxKind.PreDecrementExpression):
                return true;
            case PostfixUnaryExpressionSyntax:
                // x++ and x-- (x! is no postfix here: its operand is a value).
                return node.Parent.IsKind(SyntaxKind.PostIncrementExpression) || node.Parent.IsKind(SyntaxKind.PostDecrementExpression);
            case ArgumentSyntax arg when arg.RefKindKeyword.RawKind != 0:
                return true;
            case ArgumentSyntax { Parent: TupleExpressionSyntax tuple }:
                // (a, (b, c)) = ...: an element of a tuple that is (inside) a deconstruction's target.
                SyntaxNode t = tuple;
                while (t.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax outer }) t = outer;
                return t.Parent is AssignmentExpressionSyntax d && d.Left == t;
            default:
                return false;
        }
    }

    private SyntaxNode? VisitInvocationCore(InvocationExpressionSyntax node)
    {
        // A call of a local function that takes an environment passes the caller's.
        // (Not when the name is replaced: a filter's first pass calls the delegate that stands for it, which passes it.)
        if (node.Expression is SimpleNameSyntax callee && _owner.MayNeedRewrite(callee.Identifier.ValueText)
            && !(_replacements is not null && _replacements.ContainsKey(callee))
            && Model.GetSymbolInfo(node.Expression).Symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction } lf
            && _owner.LocalFunctionEnvironment(lf) is { } env)
        {
            var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
            var rest = visited.ArgumentList.Arguments.Count == 0 ? "" : ", " + visited.ArgumentList.Arguments.ToFullString();
            return visited.WithArgumentList(SyntaxFactory.ParseArgumentList($"({EnvironmentPath(env, node)}{rest})").WithTriviaFrom(visited.ArgumentList));
        }
        // nameof(local) must keep the user's name, not the frame field's.
        if (node.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" }
            && Model.GetConstantValue(node).Value is string name)
            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(node);
        return base.VisitInvocationExpression(node);
    }

    public override SyntaxNode? VisitMemberBindingExpression(MemberBindingExpressionSyntax node)
    {
        var receiver = _owner.BindingReceiver(node);
        if (receiver is null) return base.VisitMemberBindingExpression(node);
        var visited = (MemberBindingExpressionSyntax)base.VisitMemberBindingExpression(node)!;
        return SyntaxFactory.ParseExpression(receiver + visited.ToString()).WithTriviaFrom(node);
    }

    public override SyntaxNode? VisitElementBindingExpression(ElementBindingExpressionSyntax node)
    {
        var receiver = _owner.BindingReceiver(node);
        if (receiver is null) return base.VisitElementBindingExpression(node);
        var visited = (ElementBindingExpressionSyntax)base.VisitElementBindingExpression(node)!;
        return SyntaxFactory.ParseExpression(receiver + visited.ToString()).WithTriviaFrom(node);
    }

    /// <summary>An unqualified, unbound <c>GoX</c> naming the launcher of an instance goroutine method of this type.</summary>
    private bool IsOwnInstanceLauncher(SimpleNameSyntax node, string name)
    {
        if (_owner.IsStaticMethod || node.Parent is not InvocationExpressionSyntax call || call.Expression != node) return false;
        var info = Model.GetSymbolInfo(node);
        if (info.Symbol is not null || info.CandidateSymbols.Length > 0) return false;
        return SymbolFacts.LaunchedBy(Model, node.SpanStart, null, name).Any(m => !m.IsStatic);
    }

    public override SyntaxNode? VisitThisExpression(ThisExpressionSyntax node)
    {
        _owner.UsesThis = true;
        return SyntaxFactory.IdentifierName("_this").WithTriviaFrom(node);
    }

    public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
    {
        // base.M(...), base.M as a method group, a read of base.P: through a proxy of the user's type (BaseAccess.cs).
        if (node.Expression is BaseExpressionSyntax && _owner.BaseProxy(node) is { } proxy)
            return SyntaxFactory.ParseExpression(proxy).WithTriviaFrom(node);
        if (FixedBufferOfFrameVariable(node) is { } pointer)
            return FixedBufferPointer(node, pointer);
        return base.VisitMemberAccessExpression(node);
    }

    public override SyntaxNode? VisitElementAccessExpression(ElementAccessExpressionSyntax node)
    {
        // base[i], read or written: through an indexer proxy of the user's type (BaseAccess.cs).
        if (node.Expression is BaseExpressionSyntax && _owner.BaseIndexerProxy(node) is { } proxy)
        {
            var args = (BracketedArgumentListSyntax)Visit(node.ArgumentList)!;
            return SyntaxFactory.ElementAccessExpression(SyntaxFactory.ParseExpression(proxy), WithCallerInfo(node, args) ?? args).WithTriviaFrom(node);
        }
        var visited = base.VisitElementAccessExpression(node);
        return visited is ElementAccessExpressionSyntax access && WithCallerInfo(node, access.ArgumentList) is { } withInfo
            ? access.WithArgumentList(withInfo) : visited;
    }

    public override SyntaxNode? VisitBaseExpression(BaseExpressionSyntax node)
    {
        _owner.Report(Diagnostics.DiagnosticDescriptors.BaseAccess, node);
        return base.VisitBaseExpression(node);
    }

    public override SyntaxNode? VisitDeclarationExpression(DeclarationExpressionSyntax node)
    {
        var text = DesignationText(node.Designation);
        return text is null ? base.VisitDeclarationExpression(node) : SyntaxFactory.ParseExpression(text).WithTriviaFrom(node);
    }

    private string? DesignationText(VariableDesignationSyntax designation)
    {
        switch (designation)
        {
            case SingleVariableDesignationSyntax single:
                var symbol = Model.GetDeclaredSymbol(single);
                if (symbol is null || !_owner.TryGetHoisted(symbol, out var f)) return null;
                // out var v of an anonymous type: the variable itself, not its object field.
                return symbol is ILocalSymbol { Type: { } type } && MethodLowerer.ContainsAnonymousType(type) && _owner.ExampleOf(type) is { } example
                    ? _owner.AnonymousVariable(f, example)
                    : f;
            case ParenthesizedVariableDesignationSyntax paren:
                // var (x, y) = ... with only x in the frame: (_l1_x, var y) = ...; y stays a local of Resume. With
                // none in the frame, the declaration is left as it is.
                var parts = paren.Variables.Select(v => DesignationText(v)).ToList();
                if (parts.All(p => p is null)) return null;
                return "(" + string.Join(", ", paren.Variables.Select((v, i) => parts[i] ?? (v is DiscardDesignationSyntax ? "_" : "var " + v.ToString()))) + ")";
            default:
                return null;
        }
    }

    private Dictionary<SyntaxNode, string>? _designationRenames;

    public override SyntaxNode? VisitSingleVariableDesignation(SingleVariableDesignationSyntax node)
    {
        if (_designationRenames is not null && _designationRenames.TryGetValue(node, out var name))
            return node.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(node.Identifier));
        return base.VisitSingleVariableDesignation(node);
    }

    /// <summary>
    /// <c>e is P</c> whose pattern declares variables that live in frame fields becomes
    /// <c>(e is P' &amp;&amp; __GoSet(out field, v) ...)</c>: the pattern's variables get fresh names (flattening puts
    /// many scopes into one block) and are copied into their fields when the pattern matched.
    /// </summary>
    public override SyntaxNode? VisitIsPatternExpression(IsPatternExpressionSyntax node)
    {
        var hoisted = node.Pattern.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>()
            .Where(d => Model.GetDeclaredSymbol(d) is { } s && _owner.TryGetHoisted(s, out _) && (_excluded is null || !_excluded.Contains(s)))
            .ToList();
        if (hoisted.Count == 0) return base.VisitIsPatternExpression(node);
        var left = ((ExpressionSyntax)Visit(node.Expression)!).ToString();
        var saved = _designationRenames;
        _designationRenames = new Dictionary<SyntaxNode, string>(saved ?? new Dictionary<SyntaxNode, string>());
        foreach (var d in hoisted) _designationRenames[d] = _owner.UniqueName(d.Identifier.ValueText);
        // e is not P declares P's variables for the false branch (they are assigned when P matched), so it
        // becomes !(e is P && __GoSet(...)): the copies run exactly when the variables got their values.
        var positive = node.Pattern;
        var negated = false;
        while (true)
        {
            if (positive is ParenthesizedPatternSyntax par) positive = par.Pattern;
            else if (positive is UnaryPatternSyntax { OperatorToken.RawKind: (int)SyntaxKind.NotKeyword } not) { positive = not.Pattern; negated = !negated; }
            else break;
        }
        var pattern = ((PatternSyntax)Visit(positive)!).ToString();
        var sets = string.Concat(hoisted.Select(d =>
        {
            _owner.TryGetHoisted(Model.GetDeclaredSymbol(d)!, out var field);
            return $" && __GoSet(out {field}, {_designationRenames[d]})";
        }));
        _designationRenames = saved;
        _owner.NeedsPatternHelpers = true;
        return SyntaxFactory.ParseExpression($"{(negated ? "!" : "")}({left} is {pattern}{sets})").WithTriviaFrom(node);
    }

    // ---- jumps that leave the statement being copied ----

    private bool InsideRootBody(SyntaxNode node)
    {
        // A jump inside a lambda or local function belongs to it.
        for (var a = node.Parent; a is not null && a != _root.Parent; a = a.Parent)
        {
            if (a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) return false;
            if (a == _root) break;
        }
        return true;
    }

    public override SyntaxNode? VisitBreakStatement(BreakStatementSyntax node)
    {
        if (!InsideRootBody(node)) return base.VisitBreakStatement(node);
        var target = MethodLowerer.BreakTarget(node);
        if (target is null || IsWithinRoot(target)) return base.VisitBreakStatement(node);
        return Parse(_owner.JumpForBreak(target), node);
    }

    public override SyntaxNode? VisitContinueStatement(ContinueStatementSyntax node)
    {
        if (!InsideRootBody(node)) return base.VisitContinueStatement(node);
        var target = MethodLowerer.ContinueTarget(node);
        if (target is null || IsWithinRoot(target)) return base.VisitContinueStatement(node);
        return Parse(_owner.JumpForContinue(target), node);
    }

    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        if (!InsideRootBody(node)) return base.VisitGotoStatement(node);
        var text = _owner.JumpForGoto(node, IsWithinRoot);
        return text is null ? base.VisitGotoStatement(node) : Parse(text, node);
    }

    public override SyntaxNode? VisitReturnStatement(ReturnStatementSyntax node)
    {
        if (!InsideRootBody(node)) return base.VisitReturnStatement(node);
        // Its text goes into one token (Parse), where WithoutDirectives cannot find a directive any more: an #if inside
        // the expression (`return chain ??` / `#if X` / `a;` / `#else` ..., whose #endif is the next token's trivia) goes first.
        var value = node.Expression is null ? null : WithoutDirectives(node.Expression, Visit(node.Expression)!).ToString();
        return Parse(_owner.ReturnText(value), node);
    }

    public override SyntaxNode? VisitThrowStatement(ThrowStatementSyntax node)
    {
        if (node.Expression is null && InsideRootBody(node))
        {
            var rethrow = _owner.RethrowText(node);
            if (rethrow is not null) return Parse(rethrow, node);
        }
        return base.VisitThrowStatement(node);
    }

    // ---- loops that stay plain code (they hold a lambda) still honour preemption ----
    // Such a loop cannot suspend (its per-iteration variables keep their own closures only as plain code),
    // so instead of yielding the goroutine its thread hands the P to another thread when asked
    // (G.PreemptPlainCode): other goroutines run on, as Go's asynchronous preemption lets them. Not inside
    // a lock statement: a thread waiting for a P while it holds a Monitor could block the thread that has one.

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        Preempting(node, (WhileStatementSyntax)base.VisitWhileStatement(node)!, static l => l.Statement, static (l, b) => l.WithStatement(b));

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        Preempting(node, (DoStatementSyntax)base.VisitDoStatement(node)!, static l => l.Statement, static (l, b) => l.WithStatement(b));

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        Preempting(node, (ForStatementSyntax)base.VisitForStatement(node)!, static l => l.Statement, static (l, b) => l.WithStatement(b));

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        Preempting(node, (ForEachStatementSyntax)base.VisitForEachStatement(node)!, static l => l.Statement, static (l, b) => l.WithStatement(b));

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        Preempting(node, (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!, static l => l.Statement, static (l, b) => l.WithStatement(b));

    /// <summary>The visited loop, with the preemption check first in its body when it runs on the goroutine.</summary>
    private SyntaxNode Preempting<T>(T original, T visited, System.Func<T, StatementSyntax> body, System.Func<T, StatementSyntax, T> withBody)
        where T : StatementSyntax =>
        PreemptsInPlainCode(original) ? withBody(visited, WithPreemptCheck(body(visited))) : visited;

    private bool PreemptsInPlainCode(StatementSyntax loop)
    {
        if (loop is CommonForEachStatementSyntax fe && fe.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)) return false;
        if (!InsideRootBody(loop)) return false;
        for (var a = loop.Parent; a is not null && a != _root.Parent; a = a.Parent)
            if (a is LockStatementSyntax) return false;
        return true;
    }

    /// <summary>The loop body with the check first (so <c>continue</c> cannot skip it). Only ever turned into text.</summary>
    private StatementSyntax WithPreemptCheck(StatementSyntax body)
    {
        var g = _owner.GoroutineParameter;
        var check = $"if ({g}.{RuntimeContract.G.Preempt}) {g}.{RuntimeContract.G.PreemptPlainCode}();";
        if (body is BlockSyntax b)
        {
            var open = b.OpenBraceToken;
            return b.WithOpenBraceToken(SyntaxFactory.Token(open.LeadingTrivia, SyntaxKind.OpenBraceToken, "{ " + check, "{", open.TrailingTrivia));
        }
        return Parse("{ " + check + " " + body.ToString() + " }", body);
    }

    private bool IsWithinRoot(SyntaxNode target) => target == _root || _root.Span.Contains(target.Span) && target.Ancestors().Contains(_root);

    /// <summary>
    /// A statement whose text is <paramref name="text"/>, with the trivia of <paramref name="original"/>. The
    /// result is only ever turned back into text, so it is one token holding the text rather than a parse of it
    /// (same text as parsing it and copying the trivia, for text without leading or trailing whitespace).
    /// </summary>
    private static StatementSyntax Parse(string text, SyntaxNode original)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1]))
            return SyntaxFactory.ParseStatement(text).WithTriviaFrom(original);
        return SyntaxFactory.EmptyStatement(SyntaxFactory.Token(original.GetLeadingTrivia(), SyntaxKind.SemicolonToken, text, text, original.GetTrailingTrivia()));
    }
}
