using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Calls and operators over launcher values bound again over examples of the values' inferred types
/// (<see cref="WithExamples"/>), where the model bound them over types it cannot see: their method, their operation
/// (whose syntax is a copy, mapped back to the source by <see cref="SameSlot"/>) and the conversions C# makes.
/// </summary>
internal sealed partial class LauncherTypeInference
{
    private readonly Dictionary<InvocationExpressionSyntax, SpeculatedCall?> _speculatedCalls = new();

    /// <summary>A call bound again over examples: the speculative model, the call's copy in it, and that copy's root.</summary>
    private sealed record SpeculatedCall(SemanticModel Model, InvocationExpressionSyntax Call, SyntaxNode Root, ExpressionSyntax WrittenRoot, IMethodSymbol Method);

    /// <summary>
    /// A call whose overload resolution failed only over arguments the model cannot see (<c>Tw(t)</c> of
    /// <c>var t = GoTwice(n).Join();</c>): bound again at the same position with each such argument replaced by an
    /// example of its inferred type (<see cref="WithExamples"/>), so C#'s own overload resolution and type inference
    /// pick the method (<c>Tw&lt;int&gt;</c>), as the final compilation, which sees the launcher, does.
    /// </summary>
    private IMethodSymbol? ResolveBySpeculation(InvocationExpressionSyntax inv) => Speculate(inv)?.Method;

    /// <summary>
    /// The type C# converts an operand of a binary operator to by a user-defined conversion, where the model could not
    /// bind the operator over the other operand's type (<c>mon + (arr[i] + Tw(6))</c> of a Mon with an implicit
    /// conversion to int and <c>var arr = GoMake().Join();</c> converts mon before <c>arr[i]</c> is read): the
    /// operator bound again over examples, as the initializer of a local at its place. Null for any other conversion.
    /// </summary>
    public ITypeSymbol? UserConvertedOperandType(ExpressionSyntax operand)
    {
        // (Both operands typed, the operator unbound: an error inside one, `mon + Tw(new M(("" + t).Length))`, leaves
        // Roslyn's operator unresolved.)
        if (operand.Parent is not BinaryExpressionSyntax b || !IsUnknown(b.Left) && !IsUnknown(b.Right) && !IsUnknown(b)
            || BindsOutside(b) || WithExamples(b) is not BinaryExpressionSyntax replaced
            || SpeculateAsLocal(replaced, b.SpanStart) is not ({ } speculative, BinaryExpressionSyntax copy, _)) return null;
        var side = b.Left == operand ? copy.Left : copy.Right;
        return speculative.GetConversion(side, _ct).IsUserDefined && speculative.GetTypeInfo(side, _ct).ConvertedType is { } to && !HasErrorType(to) ? to : null;
    }

    /// <summary>
    /// <paramref name="replaced"/> (a copy over examples) bound as the initializer of a local of its own at
    /// <paramref name="position"/>, its own pattern and out variables renamed (<see cref="WithOwnVariables"/>): the
    /// speculative model, the copy as bound in it, and the local (whose type is a lambda's natural delegate type).
    /// </summary>
    private (SemanticModel Model, ExpressionSyntax Copy, VariableDeclaratorSyntax Local)? SpeculateAsLocal(ExpressionSyntax replaced, int position) =>
        SyntaxFactory.ParseStatement("var __goSpeculated = " + WithOwnVariables(replaced).ToFullString() + ";") is LocalDeclarationStatementSyntax declaration
        && declaration.Declaration.Variables.Count == 1 && declaration.Declaration.Variables[0] is { Initializer.Value: { } copy } local
        && _model.TryGetSpeculativeSemanticModel(position, declaration, out var speculative)
            ? (speculative, copy, local) : null;

    /// <summary>
    /// <paramref name="inv"/> bound again as a statement of its own at its place, over examples. A call inside a
    /// conditional access (<c>a?.M(t)</c>: <c>.M(t)</c> has no receiver of its own, and Roslyn cannot bind it alone)
    /// is bound with the whole access around it.
    /// </summary>
    private SpeculatedCall? Speculate(InvocationExpressionSyntax inv)
    {
        if (_speculatedCalls.TryGetValue(inv, out var known)) return known;
        _speculatedCalls[inv] = null; // cycles: an argument's inference may ask for this call's method
        SpeculatedCall? made = null;
        if (inv.ArgumentList.Arguments.Any(a => IsUnknown(a.Expression))
            || inv.Expression is MemberAccessExpressionSyntax ma && _model.GetSymbolInfo(ma.Expression, _ct).Symbol is not ITypeSymbol && IsUnknown(ma.Expression))
        {
            ExpressionSyntax root = inv;
            foreach (var access in inv.Ancestors().TakeWhile(n => n is not StatementSyntax).OfType<ConditionalAccessExpressionSyntax>())
                if (access.WhenNotNull.Span.Contains(inv.Span)) root = access;
            if (WithExamples(root, inv) is { } replaced
                && SyntaxFactory.ExpressionStatement(WithOwnVariables(replaced)) is var statement
                && _model.TryGetSpeculativeSemanticModel(root.SpanStart, statement, out var speculative)
                && SameSlot(root, statement.Expression, inv) is InvocationExpressionSyntax call
                && speculative.GetSymbolInfo(call, _ct).Symbol is IMethodSymbol bound
                && !SeesUnknownTypes(bound, inv))
                made = new SpeculatedCall(speculative, call, statement.Expression, root, bound);
        }
        _speculatedCalls[inv] = made;
        return made;
    }

    /// <summary>
    /// The invocation's operation as the final compilation binds it: the model's own, or, where the model bound it
    /// over values it cannot see (<see cref="ResolveMethod"/>), the operation of the call with those values replaced
    /// by examples, bound at the same position; <c>Original</c> maps a node of that operation's syntax (an argument,
    /// a params element) to the node written at the same place in <paramref name="inv"/>.
    /// </summary>
    public (IInvocationOperation? Operation, Func<SyntaxNode, SyntaxNode> Original) OperationOf(InvocationExpressionSyntax inv)
    {
        var op = _model.GetOperation(inv, _ct) as IInvocationOperation;
        // (The model's own, also where it found the method, converts an argument it could not see as it cannot know.)
        if (op is not null && !SeesUnknownTypes(op.TargetMethod, inv) && !inv.ArgumentList.Arguments.Any(a => IsUnknown(a.Expression))
            || ResolveMethod(inv) is not { } resolved || SeesUnknownTypes(resolved, inv)
            || Speculate(inv) is not { } speculated
            || speculated.Model.GetOperation(speculated.Call, _ct) is not IInvocationOperation bound)
            return (op, n => n);
        return (bound, n => SameSlot(speculated.Root, speculated.WrittenRoot, n) ?? n);
    }

    /// <summary>
    /// The value the compiler passes for an argument left to its default: its constant, except that in a speculated
    /// operation (<see cref="OperationOf"/>), whose syntax is a copy outside the source, the caller information is
    /// the call's as written: a <c>[CallerArgumentExpression]</c> parameter's names the text written, not the example
    /// (<c>Named(t)</c> passes "t"), and <c>[CallerLineNumber]</c> and <c>[CallerFilePath]</c> give the written call's
    /// line and file, not the copy's (line 1 of no file).
    /// </summary>
    public object? DefaultArgumentValue(IInvocationOperation op, IArgumentOperation arg, Func<SyntaxNode, SyntaxNode> original)
    {
        var constant = arg.Value.ConstantValue.HasValue ? arg.Value.ConstantValue.Value : null;
        if (arg.Parameter is not { } p || original(op.Syntax) is not InvocationExpressionSyntax written || written == op.Syntax) return constant;
        foreach (var a in p.GetAttributes())
        {
            switch (a.AttributeClass?.Name)
            {
                case "CallerArgumentExpressionAttribute" when a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string target
                    && op.Arguments.FirstOrDefault(x => x.Parameter?.Name == target && x.ArgumentKind != ArgumentKind.DefaultValue) is { Syntax: { } given }:
                    return (original(given) is ArgumentSyntax argument ? argument.Expression : original(given)).ToString();
                case "CallerLineNumberAttribute" when constant is not null:
                    // C# gives the line of the argument list's `(` (its #line mapping included), as a constant of the parameter's type.
                    return Convert.ChangeType(written.ArgumentList.OpenParenToken.GetLocation().GetMappedLineSpan().StartLinePosition.Line + 1,
                        constant.GetType(), System.Globalization.CultureInfo.InvariantCulture);
                case "CallerFilePathAttribute" when constant is string:
                    // The mapped path (#line), normalized as the compiler's resolver does (/pathmap).
                    var span = written.SyntaxTree.GetMappedLineSpan(written.Span, _ct);
                    return span.Path.Length == 0 || _model.Compilation.Options.SourceReferenceResolver is not { } resolver ? span.Path
                        : resolver.NormalizePath(span.Path, span.HasMappedPath ? written.SyntaxTree.FilePath : null) ?? span.Path;
            }
        }
        return constant;
    }

    /// <summary>
    /// The type of an <c>out var</c> a call over values only inference types declares (<c>TryGet(t, out var v)</c>):
    /// its variable in the call bound again over examples (<see cref="Speculate"/>).
    /// </summary>
    private ITypeSymbol? OutVariableType(SingleVariableDesignationSyntax designation)
    {
        var call = designation.Ancestors().OfType<InvocationExpressionSyntax>().First();
        return Speculate(call) is { } s && SameSlot(s.WrittenRoot, s.Root, designation) is { } copy
            && s.Model.GetDeclaredSymbol(copy, _ct) is ILocalSymbol { Type: var type } && !HasErrorType(type) ? type : null;
    }

    private readonly Dictionary<PatternSyntax, (PatternSyntax Copy, IPatternOperation Operation, SemanticModel Model)?> _speculatedPatterns = new();

    /// <summary>
    /// A pattern over a value whose type only inference knows (<c>arr switch { [1, var l, ..] when Tw(l) &gt; 0 =&gt; ... }</c>
    /// of <c>var arr = GoMake().Join();</c>), as C# binds it over that type: <c>example switch { pattern =&gt; 0 }</c> bound as a local's
    /// initializer at the value's place, its own variables renamed. Its input types, members, lengths and indexers, and
    /// its variables' types, are those the final compilation binds; <c>Original</c> maps a node of the operation's syntax
    /// (a copy) to the node written at its place. Null when <paramref name="top"/> is not a switch arm's or an
    /// <c>is</c>'s whole pattern, its value's type is known to the model, or no example can stand for it.
    /// </summary>
    public (IPatternOperation Operation, Func<SyntaxNode, SyntaxNode> Original)? PatternOverExample(PatternSyntax top) =>
        SpeculatePattern(top) is { } s ? (s.Operation, n => SameSlot(s.Copy, top, n) ?? n) : null;

    /// <summary>The type C# gives a variable a pattern declares over a value only inference types (<see cref="PatternOverExample"/>).</summary>
    private ITypeSymbol? PatternVariableType(SingleVariableDesignationSyntax designation)
    {
        SyntaxNode top = designation;
        while (top.Parent is PatternSyntax or SubpatternSyntax or PositionalPatternClauseSyntax or PropertyPatternClauseSyntax
            or VariableDesignationSyntax) top = top.Parent;
        return top is PatternSyntax pattern && SpeculatePattern(pattern) is { } s && SameSlot(pattern, s.Copy, designation) is { } copy
            && s.Model.GetDeclaredSymbol(copy, _ct) is ILocalSymbol { Type: var type } && !HasErrorType(type) ? type : null;
    }

    private (PatternSyntax Copy, IPatternOperation Operation, SemanticModel Model)? SpeculatePattern(PatternSyntax top)
    {
        if (_speculatedPatterns.TryGetValue(top, out var known)) return known;
        _speculatedPatterns[top] = null;
        var input = top.Parent switch
        {
            CasePatternSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax sw } => sw.Expression,
            SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax se } => se.GoverningExpression,
            IsPatternExpressionSyntax ip => ip.Expression,
            _ => null,
        };
        (PatternSyntax, IPatternOperation, SemanticModel)? made = null;
        if (input is not null && IsUnknown(input) && InferType(input) is { } type && !HasErrorType(type) && SpeculativeExample(type) is { } example
            // (An arm, not `is`: `e is _` would be a type test.)
            && SyntaxFactory.ParseExpression("(" + example + ") switch { " + top.ToFullString() + " => 0 }") is SwitchExpressionSyntax { Arms.Count: 1 } written
            && SpeculateAsLocal(written, input.SpanStart) is ({ } speculative, SwitchExpressionSyntax { Arms.Count: 1 } copy, _)
            // (Through the arm: `var (a, b)` has no operation of its own pattern's syntax, C# binds it at the designation.)
            && speculative.GetOperation(copy.Arms[0], _ct) is ISwitchExpressionArmOperation { Pattern: var op }
            // (A pattern C# cannot bind over the type either, CS8121, is the final compilation's error to report.)
            && !op.DescendantsAndSelf().OfType<IPatternOperation>().Any(p => HasErrorType(p.InputType) || p.NarrowedType is { } n && HasErrorType(n)))
            made = (copy.Arms[0].Pattern, op, speculative);
        _speculatedPatterns[top] = made;
        return made;
    }

    /// <summary>The node of <paramref name="written"/> at the place <paramref name="node"/> has under <paramref name="root"/>, a copy of it with parts replaced.</summary>
    private static SyntaxNode? SameSlot(SyntaxNode root, SyntaxNode written, SyntaxNode node)
    {
        var path = new Stack<int>();
        for (var n = node; n != root; n = n.Parent)
        {
            if (n.Parent is null) return null;
            path.Push(n.Parent.ChildNodes().TakeWhile(c => c != n).Count());
        }
        var at = written;
        while (path.Count > 0)
        {
            var i = path.Pop();
            if (at.ChildNodes().ElementAtOrDefault(i) is not { } child) return null;
            at = child;
        }
        return at;
    }
}
