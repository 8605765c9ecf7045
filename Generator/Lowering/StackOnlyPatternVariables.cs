using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Pattern variables of a ref struct type (<c>s.AsSpan() is var sp</c>) that only the test declaring them reads: an
/// <c>if</c> condition, a loop's condition (evaluated afresh each time), a <c>case</c> label with its guard, a switch
/// expression arm's pattern and guard. C# 13 refuses
/// such a variable in an async method only when it is live across an <c>await</c>; one the statement's suspending
/// branch or section never mentions is dead before any, and async accepts it. The frame cannot hold it, but it need
/// not: it stays a variable of the lowered test itself, under the user's name, scoped as C# scopes it there (the
/// <c>if (!(...)) goto</c>, the dispatch's own <c>case</c>), and is neither hoisted nor copied out.
/// <code>
/// before: if (s.AsSpan() is var sp &amp;&amp; sp.Length &gt; 3) return "long" + Tw(1);
/// after:  if (!(_l0_s.AsSpan() is var sp &amp;&amp; sp.Length &gt; 3)) goto __endif1;   ... Tw(1) lowered ...
///
/// before: switch (s.AsSpan()) { case var sp when sp.Length &gt; 3: log.Add("l"); break; default: log.Add(Tw("d")); break; }
/// after:  switch (_l0_s.AsSpan()) { case var sp when (sp.Length &gt; 3): goto __case2_0; default: goto __case2_1; }
/// </code>
/// A section with one label and no suspension point that reads such a variable runs in the dispatch's case, where the
/// variable is in scope, its jumps lowered as in any section (a <c>break</c> to the switch's end label):
/// <code>
/// before: case [_, .. var rest] when rest.Length &gt; 2: log.Add(rest.ToString()); break;
/// after:  case [_, .. var rest] when (rest.Length &gt; 2): { _p_log.Add(rest.ToString()); goto __switchend2; } goto __switchend2;
/// </code>
/// A switch expression whose governing value is a ref struct (<c>s.AsSpan() switch { "one" =&gt; Tw("1"), _ =&gt; "d" }</c>)
/// is matched on the value as it is made (after its own suspension points, <c>Tw(s).AsSpan()</c>), not on a frame temporary: its arms run after the match, none reads the
/// value again (an arm's own pattern variables follow the rule above), so nothing of it crosses their suspension
/// points. When no arm matches it throws <c>SwitchExpressionException</c> without the value, as C# does for a ref
/// struct. A variable mentioned anywhere else (the branch, a section that suspends, the arm's value), a test that
/// itself suspends, or a guard that does keeps the usual path: a frame field, refused with GOSH0008 as a ref struct.
/// (Conservative where the branch reads it before its own first suspension point, which async accepts: the variable
/// would have to be a local of <c>Resume</c> outside the lowered condition.)
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// The stack-only variables that <paramref name="test"/> declares and nothing else in <paramref name="scope"/>
    /// mentions (see the class comment); empty when the test suspends.
    /// </summary>
    private HashSet<ISymbol> StackOnlyTestVariables(SyntaxNode test, SyntaxNode? guard, SyntaxNode scope)
    {
        var kept = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (Suspends(test) || guard is not null && Suspends(guard)) return kept;
        var declared = Designations(test).Concat(guard is null ? Enumerable.Empty<SingleVariableDesignationSyntax>() : Designations(guard))
            .Select(d => Model.GetDeclaredSymbol(d, _ct)).OfType<ILocalSymbol>()
            .Where(SymbolFacts.IsStackOnlyLocal).ToList();
        foreach (var local in declared)
        {
            var one = new List<ILocalSymbol> { local };
            var name = new HashSet<string> { local.Name };
            if (!scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id =>
                    !test.Span.Contains(id.Span) && (guard is null || !guard.Span.Contains(id.Span)) && IsMentionOf(id, one, name)))
                kept.Add(local);
        }
        return kept;
    }

    private bool MentionsLocal(SyntaxNode node, ISymbol local) =>
        local is ILocalSymbol l && Mentions(node, new List<ILocalSymbol> { l }, new HashSet<string> { l.Name });

    /// <summary>Whether a switch expression is matched on its governing value as made (a ref struct; see the class comment).</summary>
    private bool MatchesStackOnlyValueInPlace(SwitchExpressionSyntax se) =>
        SymbolFacts.IsRefLike(TypeOf(se.GoverningExpression))
        && !se.Arms.Any(a => a.WhenClause is not null && Suspends(a.WhenClause.Condition));
}
