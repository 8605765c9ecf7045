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
/// not: it stays a variable of the lowered test itself, scoped as C# scopes it there (the <c>if (!(...)) goto</c>,
/// the dispatch's own <c>case</c>), and is neither hoisted nor copied out. In a loop's or an <c>if</c>'s test it is
/// renamed (<c>InPlaceNames</c>): the frame's flattened scope holds every sibling block's test.
/// <code>
/// before: if (s.AsSpan() is var sp &amp;&amp; sp.Length &gt; 3) return "long" + Tw(1);
/// after:  if (!(_l0_s.AsSpan() is var __sp_2 &amp;&amp; __sp_2.Length &gt; 3)) goto __endif1;   ... Tw(1) lowered ...
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
/// <para>
/// A variable the <c>if</c>'s branch reads too, before its own first suspension point and never after (async accepts
/// it: the variable is dead at the <c>await</c>), is a local of <c>Resume</c> when its pattern is the first thing the
/// condition evaluates (<c>x is P v</c>, alone or leftmost in a chain of <c>&amp;&amp;</c>): the tested value is
/// made into it first, by a declaration whose initializer is the user's expression (so the compiler gives it the
/// escape scope the pattern variable has: a <c>stackalloc</c> span stays local), and the pattern tests that local.
/// The branch is scanned as a stack-only local's block is (StackOnlyLocals: reads before the suspension are spilled,
/// none after it). Elsewhere (a loop's condition, a case label, an arm, a variable the <c>else</c> reads) such a
/// variable is still GOSH0008.
/// <code>
/// before: if (s.AsSpan() is var sp &amp;&amp; sp.Length &gt; 1) x += sp[0] + Tw(1);
/// after:  global::System.ReadOnlySpan&lt;char&gt; _l2_sp = _l0_s.AsSpan();
///         if (!(_l2_sp is var __sp_3 &amp;&amp; _l2_sp.Length &gt; 1)) goto __endif1;
///         _t3 = _l2_sp[0];   ... Tw(1) lowered ...   _l1_x += _t3 + ...;
/// </code>
/// </para>
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

    /// <summary>
    /// The <c>if</c>'s leading pattern variable that becomes a local of <c>Resume</c> (see the class comment): its
    /// declaration is written, and the tested expression is replaced by the local in <paramref name="replacements"/>.
    /// Null when the condition has none that qualifies.
    /// </summary>
    private ILocalSymbol? DeclareLeadingStackPatternVariable(IfStatementSyntax i, HashSet<ISymbol> inPlace, Dictionary<SyntaxNode, string> replacements)
    {
        if (Suspends(i.Condition)) return null;
        var lead = Unparenthesized(i.Condition);
        while (lead is BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalAndExpression } and) lead = Unparenthesized(and.Left);
        if (lead is not IsPatternExpressionSyntax ip) return null;
        var designation = ip.Pattern switch
        {
            VarPatternSyntax { Designation: SingleVariableDesignationSyntax d } => d,
            DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax d } => d,
            RecursivePatternSyntax { Designation: SingleVariableDesignationSyntax d } => d,
            ListPatternSyntax { Designation: SingleVariableDesignationSyntax d } => d,
            _ => null,
        };
        if (designation is null || Model.GetDeclaredSymbol(designation, _ct) is not ILocalSymbol local
            || !SymbolFacts.IsRefLike(local.Type) || inPlace.Contains(local) || _hoisted.ContainsKey(local)
            || !SymbolEqualityComparer.Default.Equals(local.Type, Model.GetTypeInfo(ip.Expression, _ct).Type))
            return null;
        var one = new List<ILocalSymbol> { local };
        var name = new HashSet<string> { local.Name };
        if (i.Else is not null && Mentions(i.Else, one, name)) return null;
        var branch = new List<StatementSyntax> { i.Statement };
        if (!DeadAtSuspensionsWithLabels(branch, Enumerable.Empty<SwitchSectionSyntax>(), branch, one, name, alive: true)) return null;
        var text = "_l" + (_nextLocal++) + "_" + local.Name;
        _stackLocals[local] = text;
        _rewriteNames.Add(local.Name);
        _hoisted[local] = text;
        // An out variable or pattern variable of the tested expression is the frame's field before the expression is
        // copied out of the condition (Make(out var k) is var sp: k is read after the if).
        HoistDesignations(ip.Expression, inPlace);
        Src(ip.Expression);
        Stmt($"{local.Type.Fq()} {text} = {RewriteExpr(ip.Expression)};");
        replacements[ip.Expression] = text;
        return local;
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax e)
    {
        while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
        return e;
    }

    private bool MentionsLocal(SyntaxNode node, ISymbol local) =>
        local is ILocalSymbol l && Mentions(node, new List<ILocalSymbol> { l }, new HashSet<string> { l.Name });

    /// <summary>Whether a switch expression is matched on its governing value as made (a ref struct; see the class comment).</summary>
    private bool MatchesStackOnlyValueInPlace(SwitchExpressionSyntax se) =>
        SymbolFacts.IsRefLike(TypeOf(se.GoverningExpression))
        && !se.Arms.Any(a => a.WhenClause is not null && Suspends(a.WhenClause.Condition));
}
