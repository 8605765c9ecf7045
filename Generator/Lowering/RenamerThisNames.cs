using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// A variable of the user's named <c>_this</c> that stays a variable in the frame (a lambda's or local function's
/// parameter, a query's range variable, a local that lives across no suspension point): the frame reaches the
/// goroutine's instance through its field <c>_this</c>, and the user's variable would hide that field wherever it
/// is in scope, so an instance member named alone there (<c>Get(x)</c>, written <c>_this.Get(x)</c> in the frame)
/// would bind to the variable. NiL.JS names a parameter of each of its native function lambdas so,
/// <c>(_this, args) =&gt; GetConstructor(type)</c>. Such a variable, and each use of it, gets another name.
/// </summary>
internal sealed partial class Renamer
{
    internal const string ThisField = "_this";
    internal const string UserThisName = "__GoUser_this";

    /// <summary>The frame's name for a use of a user's variable named <c>_this</c>; null for anything else.</summary>
    private SyntaxNode? RenameUserThis(SimpleNameSyntax node)
    {
        if (node is not IdentifierNameSyntax || node.Identifier.ValueText != ThisField) return null;
        var symbol = Model.GetSymbolInfo(node).Symbol;
        if (symbol is not (ILocalSymbol or IParameterSymbol or IRangeVariableSymbol)) return null;
        // A hoisted one is a frame field of its own name (`_l0__this`), and the goroutine's parameter is `_p__this`.
        if (_owner.TryGetHoisted(symbol, out _) || _owner.TryGetEnvironment(symbol, out _, out _)) return null;
        return SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(node.GetLeadingTrivia(), UserThisName, node.GetTrailingTrivia()));
    }

    public override SyntaxToken VisitToken(SyntaxToken token)
    {
        // The declarations of such variables; their uses are names, renamed by RenameUserThis.
        if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == ThisField
            && token.Parent is ParameterSyntax or VariableDeclaratorSyntax or SingleVariableDesignationSyntax or ForEachStatementSyntax
                or CatchDeclarationSyntax or FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax or JoinIntoClauseSyntax or QueryContinuationSyntax)
            return SyntaxFactory.Identifier(token.LeadingTrivia, UserThisName, token.TrailingTrivia);
        return base.VisitToken(token);
    }
}
