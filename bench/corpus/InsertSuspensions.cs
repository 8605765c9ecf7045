using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Corpus;

/// <summary>
/// <c>--suspend[=P]</c>: before marking, wraps chosen rvalue subexpressions <c>e</c> of method bodies as
/// <c>global::__Sus.S(e)</c>, a <c>[Goroutine]</c> identity that yields (<see cref="Source"/>). A plain call of S
/// returns its argument, so the plain run's values do not change; as a goroutine every S is a real suspension
/// point, trampolined under <c>--run</c>, so a value the lowering keeps wrongly across a suspension shows.
///
/// The chooser asks the baseline compilation's semantic model and wraps only where the wrap cannot change C#'s
/// meaning or typing: an rvalue whose natural type is its converted type (no implicit conversion, no target
/// typing), of a type a generic argument may be (no ref struct, pointer, anonymous type, dynamic, void), not a
/// constant the language needs as a constant (attributes, case labels and patterns, const and default values,
/// stackalloc sizes), not an assignment target or ref/out/in argument, not a struct receiver (the call would
/// mutate a copy), not inside a lambda, local function, query, nameof, exception filter (CS7094 for await, GOSH0017
/// for a suspension point) or unsafe context (an unsafe block, method or type: CS4004 for await, GOSH0006 for a
/// suspension point), not a name whose text the callee sees
/// (CallerArgumentExpression), not a tuple element or anonymous member whose name is inferred from its text.
/// When in doubt a position is left out; Program checks the rewrite compiles and counts what does not.
/// </summary>
internal sealed class InsertSuspensions : CSharpSyntaxRewriter
{
    public const string Source =
        "public static partial class __Sus\n{\n    public static long Calls;\n"
        + "    [global::GoSharp.Goroutine] public static T S<T>(T v) { global::System.Threading.Interlocked.Increment(ref Calls); global::GoSharp.Go.Yield(); return v; }\n}\n";

    private readonly SemanticModel _model;
    private readonly Random _random;
    private readonly double _probability;

    public InsertSuspensions(SemanticModel model, Random random, double probability)
    {
        _model = model;
        _random = random;
        _probability = probability;
    }

    public int Inserted { get; private set; }

    public override SyntaxNode? Visit(SyntaxNode? node)
    {
        var visited = base.Visit(node);
        if (node is ExpressionSyntax e && visited is ExpressionSyntax v && Eligible(e) && _random.NextDouble() < _probability)
        {
            Inserted++;
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.ParseExpression("global::__Sus.S"),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(v.WithoutTrivia()))))
                .WithTriviaFrom(v);
        }
        return visited;
    }

    private bool Eligible(ExpressionSyntax e)
    {
        switch (e)
        {
            case LiteralExpressionSyntax l when l.IsKind(SyntaxKind.NullLiteralExpression) || l.IsKind(SyntaxKind.DefaultLiteralExpression):
            case LambdaExpressionSyntax or AnonymousMethodExpressionSyntax:
            case ImplicitObjectCreationExpressionSyntax or CollectionExpressionSyntax or InitializerExpressionSyntax:
            case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
            case MemberBindingExpressionSyntax or ElementBindingExpressionSyntax or ImplicitElementAccessSyntax:
            case BaseExpressionSyntax or ThrowExpressionSyntax or DeclarationExpressionSyntax or RefExpressionSyntax:
            case AssignmentExpressionSyntax or PredefinedTypeSyntax or OmittedArraySizeExpressionSyntax:
            case TypeOfExpressionSyntax or SizeOfExpressionSyntax or DefaultExpressionSyntax or MakeRefExpressionSyntax:
            case RefTypeExpressionSyntax or RefValueExpressionSyntax or AwaitExpressionSyntax or QueryExpressionSyntax:
                return false;
            case TupleExpressionSyntax t when t.Arguments.Any(a => a.NameColon is null):
                return false; // element names inferred from their text
        }
        if (e.FirstToken() is { } first && (first.IsKind(SyntaxKind.DotToken) || first.IsKind(SyntaxKind.OpenBracketToken)))
            return false; // a piece of a ?. chain
        // A pattern or out variable inside e would lose its definite assignment "when true/false" through the call.
        if (e.DescendantNodes().Any(n => n is SingleVariableDesignationSyntax or ParenthesizedVariableDesignationSyntax)) return false;
        if (SyntaxFacts.IsInTypeOnlyContext(e) || !InMethodBody(e) || Excluded(e)) return false;
        // A variable in parentheses is still the variable: `(i)++`, `(x) = 1` (a wrapped one would be CS1059/CS0131).
        var place = (SyntaxNode)e;
        while (place.Parent is ParenthesizedExpressionSyntax around) place = around;
        var parent = e.Parent;
        switch (place.Parent)
        {
            case PrefixUnaryExpressionSyntax pp when place != e && (pp.IsKind(SyntaxKind.PreIncrementExpression) || pp.IsKind(SyntaxKind.PreDecrementExpression) || pp.IsKind(SyntaxKind.AddressOfExpression)):
            case PostfixUnaryExpressionSyntax when place != e:
            case AssignmentExpressionSyntax pa when place != e && pa.Left == place:
            case ArgumentSyntax parg when place != e && !parg.RefKindKeyword.IsKind(SyntaxKind.None):
                return false;
        }
        switch (parent)
        {
            case ExpressionStatementSyntax:
            case AssignmentExpressionSyntax a when a.Left == e:
            case PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression)
                || p.IsKind(SyntaxKind.AddressOfExpression) || p.IsKind(SyntaxKind.PointerIndirectionExpression):
            case PrefixUnaryExpressionSyntax m when m.IsKind(SyntaxKind.UnaryMinusExpression) && e is LiteralExpressionSyntax:
            case PostfixUnaryExpressionSyntax:
            case MemberAccessExpressionSyntax ma when ma.Name == e:
            case QualifiedNameSyntax or AliasQualifiedNameSyntax or NameColonSyntax or NameEqualsSyntax or TypeArgumentListSyntax or MemberBindingExpressionSyntax:
            case TypeSyntax or ExplicitInterfaceSpecifierSyntax or NameMemberCrefSyntax or ExpressionColonSyntax:
            case InvocationExpressionSyntax inv when inv.Expression == e:
            case ForStatementSyntax f when f.Incrementors.Contains(e) || f.Initializers.Contains(e):
            case LockStatementSyntax or FixedStatementSyntax:
            case AnonymousObjectMemberDeclaratorSyntax d when d.NameEquals is null:
            case ArgumentSyntax { Parent: TupleExpressionSyntax, NameColon: null }:
            case ArrowExpressionClauseSyntax { Parent: LocalFunctionStatementSyntax }:
            // An interpolation's alignment ({x,4}) must be a constant (CS0150), as a case label's.
            case ConstantPatternSyntax or CaseSwitchLabelSyntax or GotoStatementSyntax or InterpolationAlignmentClauseSyntax:
            case ReturnStatementSyntax r when IsRefReturn(r):
                return false;
            case ArgumentSyntax arg when !arg.RefKindKeyword.IsKind(SyntaxKind.None) || !PlainParameter(arg):
                return false;
        }
        if (IsTarget(e)) return false;

        var symbol = _model.GetSymbolInfo(e).Symbol;
        // Names stand for values only as identifiers of locals, parameters, fields, properties and events.
        if (e is TypeSyntax && (e is not IdentifierNameSyntax || symbol is not (ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol or IEventSymbol)))
            return false;
        if (symbol is ITypeSymbol or INamespaceSymbol or IMethodSymbol { MethodKind: not MethodKind.Constructor } or IAliasSymbol or ILabelSymbol or IDiscardSymbol)
            if (e is not InvocationExpressionSyntax && e is not ObjectCreationExpressionSyntax) return false;
        var info = _model.GetTypeInfo(e);
        if (info.Type is null || !SymbolEqualityComparer.IncludeNullability.Equals(info.Type, info.ConvertedType)) return false;
        if (!Wrappable(info.Type)) return false;
        if (_model.GetConversion(e) is { IsIdentity: false }) return false;
        var constant = _model.GetConstantValue(e);
        if (constant.HasValue && NeedsConstant(e)) return false;
        // Flow analysis: a bool that assigns (a = b, out x) inside loses its state "when true/false" through the call.
        if (info.Type.SpecialType == SpecialType.System_Boolean
            && e.DescendantNodes().Any(n => n is AssignmentExpressionSyntax || n is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword }))
            return false;

        // Receivers: only of reference types (a struct receiver would be a copy, its mutation lost).
        bool receiver = parent switch
        {
            MemberAccessExpressionSyntax ma => ma.Expression == e,
            ElementAccessExpressionSyntax ea => ea.Expression == e,
            ConditionalAccessExpressionSyntax ca => ca.Expression == e,
            ForEachStatementSyntax fe => fe.Expression == e,
            UsingStatementSyntax u => u.Expression == e,
            _ => false,
        };
        if (receiver && !info.Type.IsReferenceType) return false;
        if (parent is ForEachVariableStatementSyntax fv && fv.Expression == e && !info.Type.IsReferenceType) return false;
        return true;
    }

    private static bool IsRefReturn(ReturnStatementSyntax r) => r.Expression is RefExpressionSyntax;

    private static bool InMethodBody(SyntaxNode e)
    {
        for (var n = e.Parent; n is not null; n = n.Parent)
        {
            switch (n)
            {
                case MethodDeclarationSyntax m:
                    // An unsafe method, or a method of an unsafe type, is an unsafe context throughout: async may
                    // not await there (CS4004) and the generator refuses a suspension point there (GOSH0006), so a
                    // point inserted there would only turn a method the corpus runs into a refused one.
                    return !m.Modifiers.Any(SyntaxKind.AsyncKeyword) && !m.Modifiers.Any(SyntaxKind.UnsafeKeyword)
                        && !m.Ancestors().OfType<TypeDeclarationSyntax>().Any(t => t.Modifiers.Any(SyntaxKind.UnsafeKeyword));
                case LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax:
                case QueryExpressionSyntax or AttributeSyntax or PatternSyntax or SwitchLabelSyntax:
                case RefExpressionSyntax or StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                case FixedStatementSyntax or ParameterSyntax or TypeDeclarationSyntax or ArrayRankSpecifierSyntax:
                case FunctionPointerTypeSyntax or UnsafeStatementSyntax or LockStatementSyntax:
                    return false;
                // An exception filter runs while the exception looks for its handler: async may not await there
                // (CS7094) and the generator refuses a suspension point there (GOSH0017), so a point there would
                // only turn a method the corpus runs into a refused one.
                case CatchFilterClauseSyntax:
                    return false;
                case LocalDeclarationStatementSyntax l when l.IsConst:
                    return false;
                case LocalDeclarationStatementSyntax l when l.Declaration.Type is RefTypeSyntax || l.UsingKeyword != default:
                    return false;
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                    return false;
                case CheckedExpressionSyntax:
                    break; // the wrap stays inside: the operators in e keep their context.
            }
        }
        return false;
    }

    private static bool Excluded(ExpressionSyntax e) => e is IdentifierNameSyntax { Identifier.ValueText: "nameof" or "var" or "_" };

    private bool NeedsConstant(ExpressionSyntax e)
    {
        // Constants in the positions InMethodBody leaves out (case labels, patterns, attributes, const) never get
        // here; a constant elsewhere is an rvalue like any other, except the operand of a shift or a conversion
        // whose meaning the constant decides (a literal in an explicit numeric cast is folded, checked at compile time).
        // A piece of a larger constant (its constant conversion, its overflow check), a constant bool (flow
        // analysis: while (true) ends no path), the right side of a compound assignment (x /= 2 for a ushort x).
        return e.Parent is CastExpressionSyntax or AssignmentExpressionSyntax
            || (e.Parent is ExpressionSyntax p && _model.GetConstantValue(p).HasValue)
            || _model.GetConstantValue(e).Value is bool;
    }

    private bool PlainParameter(ArgumentSyntax arg)
    {
        if (_model.GetOperation(arg) is not IArgumentOperation op) return arg.Parent is TupleExpressionSyntax;
        var p = op.Parameter;
        if (p is null) return false;
        if (p.RefKind != RefKind.None) return false;
        if (op.ArgumentKind != ArgumentKind.Explicit) return false;
        // A callee that sees the argument's text (CallerArgumentExpression) would see the wrap.
        var parameters = p.ContainingSymbol switch { IMethodSymbol m => m.Parameters, IPropertySymbol pr => pr.Parameters, _ => default };
        return parameters.IsDefault || !parameters.Any(q => q.GetAttributes().Any(a =>
            a.AttributeClass?.Name == "CallerArgumentExpressionAttribute"));
    }

    private static bool IsTarget(ExpressionSyntax e)
    {
        SyntaxNode n = e;
        while (true)
        {
            var parent = n.Parent;
            switch (parent)
            {
                case AssignmentExpressionSyntax a when a.Left == n:
                    return true;
                case ArgumentSyntax { Parent: TupleExpressionSyntax t }:
                    n = t;
                    continue;
                case TupleExpressionSyntax:
                    n = parent;
                    continue;
                case ForEachVariableStatementSyntax fv when fv.Variable == n:
                    return true;
                default:
                    return false;
            }
        }
    }

    private static bool Wrappable(ITypeSymbol t)
    {
        switch (t)
        {
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol or IDynamicTypeSymbol or IErrorTypeSymbol:
                return false;
            case ITypeParameterSymbol tp:
                return !tp.AllowsRefLikeType;
            case IArrayTypeSymbol a:
                return Wrappable(a.ElementType);
            case INamedTypeSymbol n:
                if (n.IsRefLikeType || n.IsAnonymousType || n.SpecialType == SpecialType.System_Void || n.IsStatic) return false;
                return n.TypeArguments.All(Wrappable) && (n.ContainingType is null || Wrappable(n.ContainingType));
            default:
                return false;
        }
    }
}

internal static class SyntaxExtensions
{
    public static SyntaxToken FirstToken(this SyntaxNode node) => node.GetFirstToken();
}
