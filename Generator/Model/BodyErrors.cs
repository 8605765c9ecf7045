using System.Linq;
using System.Threading;
using GoSharp.Generator.Lowering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Model;

/// <summary>
/// Whether a [Goroutine] method's body has compile errors. Such a body gets no lowered copy in a frame: the
/// compiler reports each error in the user's method, at the user's column, and a copy would report it again.
/// </summary>
/// <remarks>
/// Cheap first: parse errors are on the syntax; the bound tree the lowering needs anyway is walked for invalid
/// operations and error types. Only when that finds something does the compiler's own check of the body run
/// (<see cref="SemanticModel.GetMethodBodyDiagnostics"/>, which binds it again), because this generator's
/// compilation cannot see the launchers it generates: <c>GoWorker()</c> is unbound here, and not an error.
/// </remarks>
internal static class BodyErrors
{
    public static bool Has(MethodDeclarationSyntax decl, SemanticModel model, CancellationToken ct)
    {
        var body = (SyntaxNode?)decl.Body ?? decl.ExpressionBody;
        if (body is null) return false;
        if (body.ContainsDiagnostics)
            foreach (var d in body.GetDiagnostics())
                if (d.Severity == DiagnosticSeverity.Error) return true;
        if (!MayHaveErrors(model.GetOperation(decl, ct))) return false;
        LauncherTypeInference? inference = null;
        foreach (var d in model.GetMethodBodyDiagnostics(body.Span, ct))
            if (d.Severity == DiagnosticSeverity.Error && !IsLauncherName(d, body, model, ct) && !IsLauncherDeconstruction(d, body, model, ct)
                && !InLambdaOverUnknownTypes(d, body, model, ct) && !OverLauncherValues(d, body, inference ??= new LauncherTypeInference(model, ct))) return true;
        return ArgumentsNoOverloadTakes(body, model, inference ??= new LauncherTypeInference(model, ct), ct);
    }

    /// <summary>
    /// A call or creation over a value only a launcher types whose arguments no overload could take, whatever that
    /// value's type: too many or too few, a name no parameter has (<c>Two(t, 1, 2, 3)</c> of <c>Two(int, int)</c> over
    /// <c>var t = GoX(n).Join();</c>). The model reports nothing there (an argument of an error type silences overload
    /// resolution), but the final compilation, which types <c>t</c>, reports CS1501, CS7036 or CS1739: the user's own
    /// error, which a lowered copy would report again (or meet as a GOSH0010). Only calls whose candidates no argument
    /// decides are checked: a simple name or a known receiver (an unknown one may bring other extension methods).
    /// </summary>
    private static bool ArgumentsNoOverloadTakes(SyntaxNode body, SemanticModel model, LauncherTypeInference inference, CancellationToken ct)
    {
        foreach (var node in body.DescendantNodes())
        {
            ArgumentListSyntax? args;
            System.Collections.Generic.IEnumerable<IMethodSymbol> candidates;
            switch (node)
            {
                case InvocationExpressionSyntax inv when inv.Expression is IdentifierNameSyntax
                    || inv.Expression is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } ma && !inference.IsUnknown(ma.Expression):
                    var name = inv.Expression is MemberAccessExpressionSyntax access ? access.Name : (SimpleNameSyntax)inv.Expression;
                    if (IsLauncherName(name, model, ct)) continue;
                    args = inv.ArgumentList;
                    candidates = model.GetMemberGroup(inv.Expression, ct).OfType<IMethodSymbol>();
                    break;
                case ObjectCreationExpressionSyntax { ArgumentList: { } list } creation when model.GetTypeInfo(creation, ct).Type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type:
                    args = list;
                    candidates = type.InstanceConstructors;
                    break;
                default: continue;
            }
            if (model.GetSymbolInfo(node, ct).Symbol is not null || !args.Arguments.Any(a => inference.IsUnknown(a.Expression))) continue;
            var methods = candidates.ToList();
            if (methods.Count > 0 && !methods.Any(m => MayTake(m, args))) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="m"/> may take arguments shaped as <paramref name="args"/> are (their count and names,
    /// not their types): false only where C# surely reports a count or name error. Anything unusual may.
    /// </summary>
    private static bool MayTake(IMethodSymbol m, ArgumentListSyntax args)
    {
        var ps = m.Parameters;
        if (m.IsVararg || ps.Any(p => p.IsParams)) return true;
        var covered = new bool[ps.Length];
        for (var i = 0; i < args.Arguments.Count; i++)
        {
            var a = args.Arguments[i];
            var at = i;
            if (a.NameColon is { } nc)
            {
                at = -1;
                for (var j = 0; j < ps.Length; j++)
                    if (ps[j].Name == nc.Name.Identifier.ValueText) at = j;
            }
            if (at < 0 || at >= ps.Length || covered[at]) return false;
            covered[at] = true;
        }
        for (var i = 0; i < ps.Length; i++)
            if (!covered[i] && !ps[i].IsOptional) return false;
        return true;
    }

    /// <summary>
    /// An error over a value only launcher inference types: the expression it is at (a call, for an error at the
    /// call's name) holds a part the model cannot type and the inference can, so its type comes from a launcher the
    /// final compilation sees. <c>Sp.Val(t) is var v &amp;&amp; v &gt; 3</c> of <c>var t = GoX(n).Join();</c>: v is
    /// Val's own <c>T</c> here (CS0019); <c>Tag(c ? t : 8)</c> cannot infer its type arguments (CS0411); a
    /// deconstruction of a value built from one, <c>foreach (var (a, b) in new[] { (1, t) })</c>, cannot type its
    /// variables (CS8130, at the variable: the value is what is checked). The lowering
    /// types those parts (and refuses, at the part, what it cannot). A genuine error (an undefined name) has no
    /// inferred type, and stays one.
    /// </summary>
    private static bool OverLauncherValues(Diagnostic d, SyntaxNode body, LauncherTypeInference inference)
    {
        var node = body.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true);
        ExpressionSyntax? at;
        if (ReceiverDecides.Contains(d.Id)) at = ShapeReceiver(node, body);
        else
        {
            at = d.Id == "CS8130" ? DeconstructedValue(d, body) : node.AncestorsAndSelf().TakeWhile(n => n != body).OfType<ExpressionSyntax>().FirstOrDefault();
            if (at is null) return false;
            while (at.Parent is MemberAccessExpressionSyntax or MemberBindingExpressionSyntax && at is SimpleNameSyntax) at = (ExpressionSyntax)at.Parent;
            if (at.Parent is InvocationExpressionSyntax call && call.Expression == at) at = call;
        }
        return at is not null && at.DescendantNodesAndSelf().OfType<ExpressionSyntax>().Any(e => inference.IsUnknown(e) && inference.InferType(e) is { } t
            && !LauncherTypeInference.HasErrorType(t) && !LauncherTypeInference.HasForeignTypeParameter(t, e));
    }

    /// <summary>
    /// Errors no argument's type can cause: a count of arguments no overload takes (CS1501, CS1729), a required
    /// parameter left without one (CS7036), a name no parameter has or named arguments out of place (CS1739, CS1740,
    /// CS1744, CS8323, CS1738), a member the receiver's type lacks (CS1061, CS0117). Which members there are depends
    /// on the receiver alone, so only a receiver only a launcher types (<c>Same(t).CompareTo(n)</c>, Same's own T
    /// here) excuses them; over an argument (<c>Two(t, 1, 2, 3)</c>) they are the user's own.
    /// </summary>
    private static readonly string[] ReceiverDecides = { "CS1501", "CS1729", "CS7036", "CS1739", "CS1740", "CS1744", "CS8323", "CS1738", "CS1061", "CS0117" };

    /// <summary>
    /// The receiver of the member access or call an error of <see cref="ReceiverDecides"/> is in (<c>r</c> of
    /// <c>r.F(...)</c> and <c>r?.F(...)</c>); null for a simple name or an object creation, whose members no
    /// argument decides.
    /// </summary>
    private static ExpressionSyntax? ShapeReceiver(SyntaxNode node, SyntaxNode body)
    {
        for (var n = node; n is not null && n != body; n = n.Parent)
            switch (n)
            {
                case MemberAccessExpressionSyntax ma: return ma.Expression;
                case MemberBindingExpressionSyntax binding:
                    return binding.Ancestors().OfType<ConditionalAccessExpressionSyntax>().FirstOrDefault(c => c.WhenNotNull.Span.Contains(binding.Span))?.Expression;
                case InvocationExpressionSyntax call:
                    return call.Expression switch
                    {
                        MemberAccessExpressionSyntax ma => ma.Expression,
                        MemberBindingExpressionSyntax binding => binding.Ancestors().OfType<ConditionalAccessExpressionSyntax>().FirstOrDefault(c => c.WhenNotNull.Span.Contains(binding.Span))?.Expression,
                        _ => null,
                    };
                case BaseObjectCreationExpressionSyntax or StatementSyntax: return null;
            }
        return null;
    }

    private static bool MayHaveErrors(IOperation? op)
    {
        if (op is null) return true;
        foreach (var o in op.DescendantsAndSelf())
        {
            if (o.Kind == OperationKind.Invalid || o.Type is { TypeKind: TypeKind.Error }) return true;
            if (o is IConversionOperation { Conversion.Exists: false }) return true;
            if (o is IInterpolatedStringHandlerCreationOperation creation && MayBeInvalid(creation)) return true;
        }
        return false;
    }

    /// <summary>
    /// A handler conversion the compiler rejects can look valid in the operation tree: Append methods that do not
    /// all return <c>bool</c> or all <c>void</c> (CS8942) give ordinary invocations, and a lowered copy would
    /// then not compile either (<c>if (!h.AppendFormatted(x))</c> of a void method).
    /// </summary>
    private static bool MayBeInvalid(IInterpolatedStringHandlerCreationOperation creation)
    {
        if (creation.HandlerCreation is not IObjectCreationOperation { Constructor: not null }) return true;
        foreach (var o in creation.Content.DescendantsAndSelf())
        {
            if (o is not IInterpolatedStringAppendOperation append) continue;
            if (append.AppendCall is not IInvocationOperation call) return true;
            var returns = call.TargetMethod.ReturnType.SpecialType;
            if (creation.HandlerAppendCallsReturnBool ? returns != SpecialType.System_Boolean : !call.TargetMethod.ReturnsVoid) return true;
        }
        return false;
    }

    /// <summary>
    /// The error names a launcher <c>GoX</c> (this generator's output, bound in the final compilation): <c>X</c> is a
    /// [Goroutine] method of the receiver's type (an extension method or extension block member of it included), or one
    /// in scope for a simple name.
    /// </summary>
    private static bool IsLauncherName(Diagnostic d, SyntaxNode body, SemanticModel model, CancellationToken ct) =>
        body.FindToken(d.Location.SourceSpan.Start).Parent is SimpleNameSyntax name && IsLauncherName(name, model, ct);

    /// <summary>
    /// <c>Apply(Id(r), x => x - 1)</c> over <c>r = GoX(...).Join()</c>: Id's type inference fails over r, so the lambda's
    /// parameter is Id's own <c>T</c> here and its body does not bind (CS0019); the final compilation, which sees the
    /// launcher, binds it. The lambda is copied into the frame as written (a lambda holds no suspension point).
    /// </summary>
    private static bool InLambdaOverUnknownTypes(Diagnostic d, SyntaxNode body, SemanticModel model, CancellationToken ct) =>
        body.FindToken(d.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<AnonymousFunctionExpressionSyntax>()
            .Any(lambda => model.GetSymbolInfo(lambda, ct).Symbol is IMethodSymbol m
                && m.Parameters.Any(p => LauncherTypeInference.HasErrorType(p.Type) || LauncherTypeInference.HasForeignTypeParameter(p.Type, lambda))) == true;

    /// <summary>
    /// <c>var (a, b) = GoX(...).Join();</c>: the value's type comes from a launcher, so the variables' types cannot be
    /// inferred here (CS8130); the lowering infers them (LauncherTypeInference), and the final compilation binds them.
    /// </summary>
    private static bool IsLauncherDeconstruction(Diagnostic d, SyntaxNode body, SemanticModel model, CancellationToken ct)
    {
        if (d.Id != "CS8130") return false;
        var value = DeconstructedValue(d, body);
        return value is not null && value.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(inv =>
            inv.Expression switch { MemberAccessExpressionSyntax ma => ma.Name, SimpleNameSyntax sn => sn, _ => null } is { } name
            && IsLauncherName(name, model, ct));
    }

    /// <summary>The value a deconstruction (<c>var (a, b) = v</c>, <c>foreach (var (a, b) in v)</c>) whose variable an error is at takes apart.</summary>
    private static ExpressionSyntax? DeconstructedValue(Diagnostic d, SyntaxNode body)
    {
        for (var n = body.FindToken(d.Location.SourceSpan.Start).Parent; n is not null && n != body; n = n.Parent)
        {
            if (n is AssignmentExpressionSyntax a && a.Left.Span.Contains(d.Location.SourceSpan)) return a.Right;
            if (n is ForEachVariableStatementSyntax f && f.Variable.Span.Contains(d.Location.SourceSpan)) return f.Expression;
        }
        return null;
    }

    private static bool IsLauncherName(SimpleNameSyntax name, SemanticModel model, CancellationToken ct)
    {
        var token = name.Identifier;
        ITypeSymbol? receiver = null;
        if (name.Parent is MemberAccessExpressionSyntax ma && ma.Name == name)
        {
            receiver = model.GetTypeInfo(ma.Expression, ct).Type;
            if (receiver is null) return false;
        }
        return SymbolFacts.LaunchedBy(model, name.SpanStart, receiver, token.ValueText).Any();
    }
}
