using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Caller information in copied code. Code copied into the frame's <c>Resume</c> would get the frame's names from
/// the compiler: <c>[CallerMemberName]</c> "Resume", <c>[CallerArgumentExpression]</c> the renamed text
/// (<c>_l0_x + 1</c>). So every call, constructor, indexer and collection-initializer <c>Add</c> whose caller-info
/// argument is omitted gets it written out, as the value the compiler computed for the user's code (the line and
/// the file come right through the span directives).
/// <code>
/// before:  var a = c[Tw(n)];  var b = new Bag { 7 };
/// after:   _l0_a = _p_c[_r0, m: "Caller"];  _l1_b = new Bag { { 7, "Caller" } };
/// </code>
/// </summary>
internal sealed partial class Renamer
{
    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        RefuseCallerInfoParams(node);
        var visited = VisitInvocationCore(node);
        return visited is InvocationExpressionSyntax call && WithCallerInfo(node, call.ArgumentList) is { } args ? call.WithArgumentList(args) : visited;
    }

    public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        RefuseCallerInfoParams(node);
        var visited = (ObjectCreationExpressionSyntax)base.VisitObjectCreationExpression(node)!;
        return WithCallerInfo(node, visited.ArgumentList) is { } args ? visited.WithArgumentList(args) : visited;
    }

    public override SyntaxNode? VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
    {
        var visited = (ImplicitObjectCreationExpressionSyntax)base.VisitImplicitObjectCreationExpression(node)!;
        return WithCallerInfo(node, visited.ArgumentList) is { } args ? visited.WithArgumentList(args) : visited;
    }

    /// <summary>A C# 13 <c>params</c> collection the call makes of its expanded arguments (<see cref="RefuseCallerInfoAdd"/>).</summary>
    private void RefuseCallerInfoParams(ExpressionSyntax call)
    {
        if (call.SyntaxTree != Model.SyntaxTree) return;
        var arguments = CallerInfo.ArgumentsOf(Model, call);
        if (arguments.IsDefault) return;
        foreach (var a in arguments)
            if (a.ArgumentKind == ArgumentKind.ParamCollection && a.Value is ICollectionExpressionOperation { IsImplicit: true } made)
                RefuseCallerInfoAdd(made, call);
    }

    /// <summary>
    /// The argument list with the caller-info arguments the compiler fills in for this call made explicit, or
    /// null when there are none. In the frame, [CallerMemberName] would get "Resume" and
    /// [CallerArgumentExpression] the renamed text (<c>_l0_x + 1</c>), so they are passed as the values the
    /// compiler computed for the user's call (the line and the file come right through the span directives).
    /// A call with expanded params elements is left alone: no named argument may follow them.
    /// </summary>
    private ArgumentListSyntax? WithCallerInfo(ExpressionSyntax original, ArgumentListSyntax? visited)
    {
        var extra = CallerInfoArguments(original);
        if (extra is null && original is InvocationExpressionSyntax inv && original.SyntaxTree == Model.SyntaxTree && _owner.LaunchedMethod(inv) is { } launched)
            extra = CallerInfo.ForLauncher(Model, inv, launched);
        if (extra is null) return null;
        var given = visited is null || visited.Arguments.Count == 0 ? "" : visited.Arguments.ToFullString() + ", ";
        var list = SyntaxFactory.ParseArgumentList("(" + given + string.Join(", ", extra) + ")");
        return visited is null ? list : list.WithTriviaFrom(visited);
    }

    /// <summary><see cref="WithCallerInfo"/> for an indexer's bracketed argument list (<c>c[i]</c>, read or written).</summary>
    private BracketedArgumentListSyntax? WithCallerInfo(ElementAccessExpressionSyntax original, BracketedArgumentListSyntax visited)
    {
        if (CallerInfoArguments(original) is not { } extra) return null;
        var given = visited.Arguments.Count == 0 ? "" : visited.Arguments.ToFullString() + ", ";
        return SyntaxFactory.ParseBracketedArgumentList("[" + given + string.Join(", ", extra) + "]").WithTriviaFrom(visited);
    }

    /// <summary>The caller-info arguments the compiler fills in for <paramref name="original"/>, as named arguments, or null.</summary>
    private List<string>? CallerInfoArguments(ExpressionSyntax original)
    {
        if (original.SyntaxTree != Model.SyntaxTree) return null;
        var arguments = CallerInfo.ArgumentsOf(Model, original);
        // A call the model cannot bind, an argument's type being a launcher result's (`var y = GoF(n).Join();` then
        // `Log(y)`): the speculated binding's, with the caller information of the call as written.
        if (arguments.IsDefault && original is InvocationExpressionSyntax inv) return _owner.SpeculatedCallerInfo(inv);
        return CallerInfo.Named(arguments);
    }

    public override SyntaxNode? VisitCollectionExpression(CollectionExpressionSyntax node)
    {
        if (node.SyntaxTree == Model.SyntaxTree && Model.GetOperation(node) is ICollectionExpressionOperation made)
            RefuseCallerInfoAdd(made, node);
        return base.VisitCollectionExpression(node);
    }

    /// <summary>
    /// A collection expression (or a <c>params</c> collection a call makes) of a type built by <c>Add</c> calls,
    /// where <c>Add</c> takes a <c>[CallerMemberName]</c> or <c>[CallerArgumentExpression]</c> argument: C# fills it
    /// in at each element (the method's name, the element's text), and a collection expression leaves no place to
    /// write it, so in the frame it would say <c>Resume</c> and the renamed text. Refused (a collection initializer,
    /// <c>new Bag { ... }</c>, gets them written out).
    /// </summary>
    private void RefuseCallerInfoAdd(ICollectionExpressionOperation made, SyntaxNode at)
    {
        if (made.ConstructMethod is not IMethodSymbol { MethodKind: MethodKind.Constructor } || made.Type is not INamedTypeSymbol type
            || CallerInfoAdd(type, ElementTypes(made)) is not { } add)
            return;
        _owner.Report(Diagnostics.DiagnosticDescriptors.Unsupported, at,
            Diagnostics.DiagnosticDescriptors.NotSupported($"A collection expression of '{type.Name}', whose '{add.Name}' takes a caller-info argument ('{add.Parameters.First(IsCallerInfoParameter).Name}') that C# fills in for each element,",
                "in the frame there is no place to write it, and it would name the frame; write a collection initializer instead (new " + type.Name + " { ... }), which gets it right"));
    }

    /// <summary>
    /// An <c>Add</c> of <paramref name="type"/> with a caller-info parameter that an element may bind to: one whose first
    /// parameter an element's type converts to (an overload taking another type is not the one C# calls; where two
    /// could be, the refusal is conservative).
    /// </summary>
    private IMethodSymbol? CallerInfoAdd(INamedTypeSymbol type, List<ITypeSymbol?> elements)
    {
        for (var t = type; t is not null; t = t.BaseType)
            foreach (var m in t.GetMembers("Add"))
                if (m is IMethodSymbol { IsStatic: false, Parameters.Length: > 0 } add && add.Parameters.Any(IsCallerInfoParameter)
                    && elements.Any(e => e is null || Model.Compilation.ClassifyConversion(e, add.Parameters[0].Type).IsImplicit))
                    return add;
        return null;
    }

    /// <summary>The type of each value an <c>Add</c> is called with: an element's, a spread's element's (null: unknown).</summary>
    private static List<ITypeSymbol?> ElementTypes(ICollectionExpressionOperation made) =>
        made.Elements.Select(e => e switch
        {
            ISpreadOperation spread => spread.ElementType,
            IConversionOperation { IsImplicit: true } c => c.Operand.Type,
            _ => e.Type,
        }).ToList();

    private static bool IsCallerInfoParameter(IParameterSymbol p) =>
        p.GetAttributes().Any(a => a.AttributeClass?.Name is "CallerMemberNameAttribute" or "CallerArgumentExpressionAttribute");

    public override SyntaxNode? VisitInitializerExpression(InitializerExpressionSyntax node)
    {
        // A collection initializer's elements are Add calls: an omitted caller-info argument of Add would get the
        // frame's names too. Elements take positional arguments only ({ x, "Caller" }).
        var visited = (InitializerExpressionSyntax)base.VisitInitializerExpression(node)!;
        if (!node.IsKind(SyntaxKind.CollectionInitializerExpression) || node.SyntaxTree != Model.SyntaxTree) return visited;
        var changed = false;
        var elements = new List<ExpressionSyntax>();
        for (var i = 0; i < node.Expressions.Count; i++)
        {
            var element = visited.Expressions[i];
            if (CallerInfo.Positional(CallerInfo.ArgumentsOfElement(Model, node.Expressions[i])) is { } extra)
            {
                var given = element is InitializerExpressionSyntax complex ? complex.Expressions.Select(e => e.ToString()) : new[] { element.ToString() };
                element = SyntaxFactory.ParseExpression("new object { { " + string.Join(", ", given.Concat(extra)) + " } }") is ObjectCreationExpressionSyntax { Initializer: { } wrapper }
                    ? wrapper.Expressions[0].WithTriviaFrom(element) : element;
                changed = true;
            }
            elements.Add(element);
        }
        return changed ? visited.WithExpressions(SyntaxFactory.SeparatedList(elements)) : visited;
    }
}
