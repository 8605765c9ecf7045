using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Local functions of blocks that the lowering flattens. A block with a suspension point loses its braces:
/// its statements join the one scope of <c>Resume</c>, so two sibling blocks that each declare a local
/// function <c>L</c> would declare it twice there. Every local function whose name another local function
/// of the method also has gets a name of its own, at its declaration and at every use.
/// <code>
/// before:  if (k == 0) { Tw(); int L() => 1; s += L(); } else { Tw(); int L() => 2; s += L(); }
/// after:   ... int L() => 1; _l0_s += L(); ... int L__2() => 2; _l0_s += L__2(); ...
/// </code>
/// Functions declared inside a lambda or another local function keep their names: that body is copied
/// whole, braces and all. <c>nameof(L)</c> stays "L" (the Renamer keeps nameof's constant).
/// </summary>
internal sealed partial class MethodLowerer
{
    private readonly Dictionary<IMethodSymbol, string> _localFunctionNames = new(SymbolEqualityComparer.Default);

    private void FindClashingLocalFunctions(SyntaxNode body)
    {
        var declared = body.DescendantNodes(n => n == body || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<LocalFunctionStatementSyntax>()
            .GroupBy(f => f.Identifier.ValueText);
        HashSet<string>? taken = null;
        foreach (var group in declared)
        {
            var n = 1;
            foreach (var f in group.Skip(1))
            {
                if (Model.GetDeclaredSymbol(f, _ct) is not IMethodSymbol symbol) continue;
                // Not a name the method already uses (another local function L__2, a local) or a member's.
                taken ??= new HashSet<string>(body.DescendantTokens().Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
                string name;
                do name = group.Key + "__" + ++n;
                while (_method.ContainingType.MemberNames.Contains(name) || taken.Contains(name));
                taken.Add(name);
                _localFunctionNames[symbol] = name;
                _rewriteNames.Add(group.Key);
            }
        }
    }

    /// <summary>The name a local function is emitted under, when it is not its own (see the type's summary).</summary>
    public bool TryGetLocalFunctionName(IMethodSymbol localFunction, out string name) =>
        _localFunctionNames.TryGetValue(localFunction.OriginalDefinition, out name!);
}
