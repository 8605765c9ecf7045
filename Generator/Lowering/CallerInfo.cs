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
    /// <param name="valueOf">The value an omitted argument gets, where it is not the operation's constant (a speculated binding's: LauncherTypeInference.DefaultArgumentValue).</param>
    public static List<string>? Named(ImmutableArray<IArgumentOperation> arguments, System.Func<IArgumentOperation, object?>? valueOf = null)
    {
        if (arguments.IsDefaultOrEmpty || HasExpandedParams(arguments)) return null;
        var extra = new List<string>();
        foreach (var a in arguments)
        {
            if (!IsOmittedCallerInfo(a, valueOf, out var value)) continue;
            var p = a.Parameter!;
            var name = ArgumentName(p);
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
        var last = ordered.FindLastIndex(a => IsOmittedCallerInfo(a, null, out _));
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

    /// <summary>
    /// The caller-info arguments of a launcher <c>GoX(...)</c> of this assembly, which the generator's model cannot
    /// bind (it is this generator's output), worked out as the compiler would: the enclosing member's name, the
    /// argument's text. Null when there are none or the call cannot be read (expanded <c>params</c>).
    /// </summary>
    public static List<string>? ForLauncher(SemanticModel model, InvocationExpressionSyntax inv, IMethodSymbol launched)
    {
        var given = new Dictionary<string, ArgumentSyntax>();
        var position = 0;
        foreach (var arg in inv.ArgumentList.Arguments)
        {
            if (arg.NameColon is { } named) { given[named.Name.Identifier.ValueText] = arg; continue; }
            if (position >= launched.Parameters.Length || launched.Parameters[position].IsParams) return null;
            given[launched.Parameters[position++].Name] = arg;
        }
        List<string>? extra = null;
        foreach (var p in launched.Parameters)
        {
            if (given.ContainsKey(p.Name)) continue;
            string? value = null;
            foreach (var a in p.GetAttributes())
            {
                if (a.AttributeClass?.Name == "CallerMemberNameAttribute" && EnclosingMemberName(model, inv) is { } member)
                    value = SymbolFacts.ConstantText(p.Type, member);
                else if (a.AttributeClass?.Name == "CallerArgumentExpressionAttribute" && a.ConstructorArguments.Length == 1
                    && a.ConstructorArguments[0].Value is string target && given.TryGetValue(target, out var argument))
                    value = SymbolFacts.ConstantText(p.Type, argument.Expression.ToString());
            }
            if (value is null) continue;
            var name = ArgumentName(p);
            (extra ??= new List<string>()).Add(name + ": " + value);
        }
        return extra;
    }

    /// <summary>What [CallerMemberName] says at <paramref name="at"/>: the member around lambdas and local functions.</summary>
    private static string? EnclosingMemberName(SemanticModel model, SyntaxNode at)
    {
        var symbol = model.GetEnclosingSymbol(at.SpanStart);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction }) symbol = symbol.ContainingSymbol;
        return symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Ordinary } m => m.Name,
            IMethodSymbol { AssociatedSymbol: { } owner } => owner.Name,
            _ => null,
        };
    }

    /// <summary>A parameter's name as a named argument writes it (<c>@event</c> for a keyword).</summary>
    public static string ArgumentName(IParameterSymbol p) =>
        SyntaxFacts.GetKeywordKind(p.Name) == SyntaxKind.None ? p.Name : "@" + p.Name;

    private static bool HasExpandedParams(ImmutableArray<IArgumentOperation> arguments) =>
        // A call with expanded params elements written positionally is left alone: no named argument may follow them
        // (and a caller-info parameter, before the params one, cannot be omitted there). One element given by name
        // (`M(n, rest: 5)`) is an argument like any other: named ones may follow it.
        arguments.Any(a => a.Value switch
        {
            IArrayCreationOperation { IsImplicit: true, Initializer.ElementValues: { Length: > 0 } elements } => !Named(elements[0]),
            ICollectionExpressionOperation { IsImplicit: true, Elements: { Length: > 0 } items } => !Named(items[0]),
            _ => false,
        });

    private static bool Named(IOperation element) => element.Syntax.Parent is ArgumentSyntax { NameColon: not null };

    private static bool IsOmittedCallerInfo(IArgumentOperation a, System.Func<IArgumentOperation, object?>? valueOf, out string value)
    {
        value = "";
        if (a.ArgumentKind != ArgumentKind.DefaultValue || a.Parameter is not { } p) return false;
        if (!p.GetAttributes().Any(at => at.AttributeClass?.Name is "CallerMemberNameAttribute" or "CallerArgumentExpressionAttribute")) return false;
        if (a.Value.ConstantValue is not { HasValue: true } constant) return false;
        value = SymbolFacts.ConstantText(p.Type, valueOf is null ? constant.Value : valueOf(a));
        return true;
    }
}
