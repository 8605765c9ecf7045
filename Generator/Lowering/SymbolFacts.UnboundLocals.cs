using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

internal static partial class SymbolFacts
{
    /// <summary>
    /// The local (or parameter) a simple name reads where the model binds it to nothing at all: the collection of a
    /// foreach that deconstructs (<c>foreach (var (k, v) in d)</c>) whose type is an error type, a local of a launcher's
    /// result, gets no symbol info, not even a candidate. The variable in scope by that name is the one C# binds
    /// there (a name that is a member's, after a dot, is never a local); null when the model bound something or the
    /// name is no single variable's.
    /// </summary>
    public static ISymbol? UnboundVariable(SemanticModel model, IdentifierNameSyntax id, CancellationToken ct = default)
    {
        var info = model.GetSymbolInfo(id, ct);
        if (info.Symbol is not null || !info.CandidateSymbols.IsEmpty) return null;
        if (id.Parent is MemberAccessExpressionSyntax { Name: var name } && name == id || id.Parent is MemberBindingExpressionSyntax) return null;
        var found = model.LookupSymbols(id.SpanStart, name: id.Identifier.ValueText);
        return found.Length == 1 && found[0] is ILocalSymbol or IParameterSymbol ? found[0] : null;
    }
}
