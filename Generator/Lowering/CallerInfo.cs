using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// The caller-information arguments (<c>[CallerMemberName]</c>, <c>[CallerArgumentExpression]</c>) the compiler
/// fills in at a call the generator moves into the frame, as text to pass explicitly (RenamerCallerInfo.cs).
/// </summary>
internal static class CallerInfo
{
    /// <summary>The arguments of the call, constructor or indexer that <paramref name="original"/> is.</summary>
    public static ImmutableArray<IArgumentOperation> ArgumentsOf(SemanticModel model, SyntaxNode original) => model.GetOperation(original) switch
    {
        IInvocationOperation i => i.Arguments,
        IObjectCreationOperation o => o.Arguments,
        IPropertyReferenceOperation { Property.IsIndexer: true } p => p.Arguments,
        _ => default,
    };

    /// <summary>The arguments of the <c>Add</c> call that an element of a collection initializer is.</summary>
    public static ImmutableArray<IArgumentOperation> ArgumentsOfElement(SemanticModel model, ExpressionSyntax element) =>
        element.Parent is InitializerExpressionSyntax list && model.GetOperation(list) is IObjectOrCollectionInitializerOperation init
            && init.Initializers.FirstOrDefault(i => i.Syntax == element) is IInvocationOperation add
            ? add.Arguments : default;

    /// <summary>The omitted caller-info arguments as named arguments (<c>m: "Caller"</c>), or null.</summary>
    public static List<string>? Named(ImmutableArray<IArgumentOperation> arguments)
    {
        if (arguments.IsDefaultOrEmpty || HasExpandedParams(arguments)) return null;
        var extra = new List<string>();
        foreach (var a in arguments)
        {
            if (!IsOmittedCallerInfo(a, out var value)) continue;
            var p = a.Parameter!;
            var name = SyntaxFacts.GetKeywordKind(p.Name) == SyntaxKind.None ? p.Name : "@" + p.Name;
            extra.Add(name + ": " + value);
        }
        return extra.Count == 0 ? null : extra;
    }

    /// <summary>
    /// The omitted arguments up to the last caller-info one, in parameter order, for a collection initializer's
    /// element, which takes no named arguments: the defaults as the compiler passes them, or null.
    /// </summary>
    public static List<string>? Positional(ImmutableArray<IArgumentOperation> arguments)
    {
        if (arguments.IsDefaultOrEmpty || HasExpandedParams(arguments)) return null;
        var ordered = arguments.Where(a => a.Parameter is not null).OrderBy(a => a.Parameter!.Ordinal).ToList();
        var last = ordered.FindLastIndex(a => IsOmittedCallerInfo(a, out _));
        if (last < 0) return null;
        var extra = new List<string>();
        for (var i = 0; i <= last; i++)
        {
            var a = ordered[i];
            if (a.ArgumentKind != ArgumentKind.DefaultValue) continue;
            if (a.Value.ConstantValue is not { HasValue: true } value) return null;
            extra.Add(SymbolFacts.ConstantText(a.Parameter!.Type, value.Value));
        }
        return extra;
    }

    private static bool HasExpandedParams(ImmutableArray<IArgumentOperation> arguments) =>
        // A call with expanded params elements is left alone: no argument may follow them.
        arguments.Any(a => a.Value is IArrayCreationOperation { IsImplicit: true, Initializer.ElementValues.Length: > 0 }
            or ICollectionExpressionOperation { IsImplicit: true, Elements.Length: > 0 });

    private static bool IsOmittedCallerInfo(IArgumentOperation a, out string value)
    {
        value = "";
        if (a.ArgumentKind != ArgumentKind.DefaultValue || a.Parameter is not { } p) return false;
        if (!p.GetAttributes().Any(at => at.AttributeClass?.Name is "CallerMemberNameAttribute" or "CallerArgumentExpressionAttribute")) return false;
        if (a.Value.ConstantValue is not { HasValue: true } constant) return false;
        value = SymbolFacts.ConstantText(p.Type, constant.Value);
        return true;
    }
}
