using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
/// A variable the <c>if</c>'s branches read too, before their own first suspension points and never after (async
/// accepts it: the variable is dead at the <c>await</c>), is a local of <c>Resume</c> when its pattern is the first
/// thing the condition evaluates (<c>x is P v</c>, alone, leftmost in a chain of <c>&amp;&amp;</c> or <c>||</c>, under
/// <c>!</c> or <c>not</c>): the tested value is made into it first, by a declaration whose initializer is the user's
/// expression (so the compiler gives it the escape scope the pattern variable has: a <c>stackalloc</c> span stays
/// local), and the pattern tests that local. The <c>if</c> and the rest of its block (the variable's scope: a guard
/// clause, <c>if (x is not P v) return; Use(v);</c>) are scanned as a stack-only local's block is (StackOnlyLocals:
/// reads before the suspension are spilled, none after it); so is a <c>while</c> or <c>for</c> body, the value made
/// anew before each iteration (a <c>for</c>'s incrementors may not read it). A pattern behind other tests of the
/// condition's chain of <c>&amp;&amp;</c> or <c>||</c> (also under <c>!</c>) is made after them, tested first on their
/// own (jumping where they decide the condition: to the end for <c>&amp;&amp;</c>, to the branch for <c>||</c>, the
/// other way round under <c>!</c>) and replaced by <c>true</c> or <c>false</c> in the condition. A <c>case</c>
/// label's variable for the whole value of a switch over a ref struct, read by its section likewise, is that value
/// made into a local of <c>Resume</c> before the dispatch (SectionsReadingTheValue). Elsewhere (a variable for part
/// of the value, a guard's, an arm's, a pattern nested deeper in the condition) such a variable is still GOSH0008.
/// <code>
/// before: switch (s.AsSpan()) { case var sp when sp.Length &gt; 5: x += sp[0] + Tw(1); break; ... }
/// after:  global::System.ReadOnlySpan&lt;char&gt; _l2_switch = _l0_s.AsSpan();
///         switch (_l2_switch) { case var sp when (sp.Length &gt; 5): goto __case0_0; ... }
///         __case0_0: ; _t1 = _l2_switch[0];   ... Tw(1) lowered ...
/// </code>
/// <code>
/// before: while (i &lt; 4 &amp;&amp; s.AsSpan(i) is var sp &amp;&amp; sp.Length &gt; 2) { x += sp[0] + Tw(1); i++; }
/// after:  __while0: ; if (!(_l1_i &lt; 4)) goto __break2;
///         global::System.ReadOnlySpan&lt;char&gt; _l3_sp = _l0_s.AsSpan(_l1_i);
///         if (!(true &amp;&amp; _l3_sp is var __sp_4 &amp;&amp; _l3_sp.Length &gt; 2)) goto __break2;   ... body ...
/// </code>
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
    /// The leading pattern variable of the condition of an <c>if</c>, <c>while</c> or <c>for</c> that becomes a local
    /// of <c>Resume</c> (see the class comment): its declaration is written, and the tested expression is replaced by
    /// the local in <paramref name="replacements"/>. Null when the condition has none that qualifies.
    /// </summary>
    private ILocalSymbol? DeclareLeadingStackPatternVariable(StatementSyntax statement, ExpressionSyntax condition, string whenFalse, System.Func<string> whenTrue, HashSet<ISymbol> inPlace, Dictionary<SyntaxNode, string> replacements)
    {
        if (Suspends(condition) || LeadingPattern(condition, out var before, out var or, out var negated) is not { } ip) return null;
        // The tests before it in a chain of && or || (`n > 0 && s.AsSpan() is var sp`, `s == null || s.AsSpan() is not
        // { Length: > 0 } sp`) are tested first, on their own, jumping where they decide the condition; one that
        // declares a variable keeps the usual path (it would be scoped to that test).
        if (before is not null && Designations(before).Any()) return null;
        var designation = LeadingDesignation(ip.Pattern);
        if (designation is null || Model.GetDeclaredSymbol(designation, _ct) is not ILocalSymbol local
            || !SymbolFacts.IsRefLike(local.Type) || inPlace.Contains(local) || _hoisted.ContainsKey(local)
            || !SymbolEqualityComparer.Default.Equals(local.Type, Model.GetTypeInfo(ip.Expression, _ct).Type))
            return null;
        var one = new List<ILocalSymbol> { local };
        var name = new HashSet<string> { local.Name };
        // What runs with the value made: an if's branches and, its variable being in scope in the rest of its block
        // (`if (!(s.AsSpan() is var sp && ...)) return; x += sp[0] + Tw(1);`), the statements after it; a loop's body,
        // the value made anew by the condition before each iteration (its incrementors, after the body, may not read it).
        List<StatementSyntax> runs;
        var laterSections = Enumerable.Empty<SwitchSectionSyntax>();
        if (statement is IfStatementSyntax)
        {
            var siblings = statement.Parent switch { BlockSyntax b => b.Statements, SwitchSectionSyntax section => section.Statements, _ => default };
            runs = siblings.Count > 0 ? siblings.Skip(siblings.IndexOf(statement)).ToList() : new List<StatementSyntax> { statement };
            if (siblings.Count > 0) laterSections = LaterSections(statement);
        }
        else if (statement is WhileStatementSyntax w) runs = new List<StatementSyntax> { w.Statement };
        else if (statement is ForStatementSyntax f && !f.Incrementors.Any(inc => Mentions(inc, one, name))) runs = new List<StatementSyntax> { f.Statement };
        else return null;
        var region = runs.Concat(laterSections.SelectMany(x => x.Statements)).ToList();
        // A mention anywhere else (a labelled if's later statements) keeps the usual path.
        var member = statement.Ancestors().LastOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) ?? statement;
        if (member.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => IsMentionOf(id, one, name)
                && !condition.Span.Contains(id.Span) && !region.Any(r => r.Span.Contains(id.Span))))
            return null;
        if (!DeadAtSuspensionsWithLabels(runs, laterSections, region, one, name, alive: true)) return null;
        var text = "_l" + (_nextLocal++) + "_" + local.Name;
        _stackLocals[local] = text;
        _rewriteNames.Add(local.Name);
        _hoisted[local] = text;
        // An out variable or pattern variable of the tested expression is the frame's field before the expression is
        // copied out of the condition (Make(out var k) is var sp: k is read after the if).
        if (before is not null)
        {
            Src(before);
            // `a && p` is false where a is, `a || p` true where a is; under `!` the other way round.
            Stmt(or ? $"if ({Condition(before)}) goto {(negated ? whenFalse : whenTrue())};" : $"if (!({Condition(before)})) goto {(negated ? whenTrue() : whenFalse)};");
            replacements[before] = or ? "false" : "true";
        }
        HoistDesignations(ip.Expression, inPlace);
        Src(ip.Expression);
        Stmt($"{local.Type.Fq()} {text} = {RewriteExpr(ip.Expression)};");
        replacements[ip.Expression] = text;
        return local;
    }

    /// <summary>Whether the leading pattern variable of an <c>if</c>'s condition is a ref struct read after the <c>if</c>.</summary>
    private bool LeaksStackPatternVariable(IfStatementSyntax i) =>
        LeadingPattern(i.Condition, out _, out _, out _) is { } ip && LeadingDesignation(ip.Pattern) is { } d
        && Model.GetDeclaredSymbol(d, _ct) is ILocalSymbol local && SymbolFacts.IsRefLike(local.Type) && !_hoisted.ContainsKey(local)
        && ReferencedOutside(local, i);

    /// <summary>
    /// The pattern test a condition evaluates first: alone, leftmost in a chain of <c>&amp;&amp;</c> or <c>||</c>, or
    /// under <c>!</c> (<c>!(s.AsSpan() is var sp &amp;&amp; ...)</c>); else the first one in the condition's own chain of
    /// <c>&amp;&amp;</c> or of <c>||</c> (<paramref name="or"/>), also under one <c>!</c> (<paramref name="negated"/>),
    /// that declares a variable for its whole value, with the tests before it in <paramref name="before"/> (<c>n &gt;
    /// 0</c> in <c>n &gt; 0 &amp;&amp; s.AsSpan() is var sp &amp;&amp; ...</c>); null when none.
    /// </summary>
    private static IsPatternExpressionSyntax? LeadingPattern(ExpressionSyntax condition, out ExpressionSyntax? before, out bool or, out bool negated)
    {
        before = null;
        or = negated = false;
        var lead = Unparenthesized(condition);
        while (true)
        {
            if (lead is BinaryExpressionSyntax b && (b.IsKind(SyntaxKind.LogicalAndExpression) || b.IsKind(SyntaxKind.LogicalOrExpression))) lead = Unparenthesized(b.Left);
            else if (lead is PrefixUnaryExpressionSyntax u && u.IsKind(SyntaxKind.LogicalNotExpression)) lead = Unparenthesized(u.Operand);
            else break;
        }
        if (lead is IsPatternExpressionSyntax first) return first;
        var top = Unparenthesized(condition);
        if (top is PrefixUnaryExpressionSyntax not && not.IsKind(SyntaxKind.LogicalNotExpression))
        {
            negated = true;
            top = Unparenthesized(not.Operand);
        }
        if (top is not BinaryExpressionSyntax head || !head.IsKind(SyntaxKind.LogicalAndExpression) && !head.IsKind(SyntaxKind.LogicalOrExpression)) return null;
        var kind = head.Kind();
        or = kind == SyntaxKind.LogicalOrExpression;
        var spine = new List<BinaryExpressionSyntax>();
        for (var c = top; c is BinaryExpressionSyntax link && link.IsKind(kind); c = Unparenthesized(link.Left))
            spine.Add(link);
        for (var k = spine.Count - 1; k >= 0; k--)
            if (Unparenthesized(spine[k].Right) is IsPatternExpressionSyntax ip && LeadingDesignation(ip.Pattern) is not null)
            {
                before = spine[k].Left;
                return ip;
            }
        return null;
    }

    /// <summary>The variable a pattern declares for the whole tested value (<c>var sp</c>, <c>{ Length: &gt; 1 } sp</c>, also under <c>not</c>).</summary>
    private static SingleVariableDesignationSyntax? LeadingDesignation(PatternSyntax pattern) => pattern switch
    {
        ParenthesizedPatternSyntax p => LeadingDesignation(p.Pattern),
        UnaryPatternSyntax { Pattern: var inner } u when u.IsKind(SyntaxKind.NotPattern) && inner is not UnaryPatternSyntax => LeadingDesignation(inner),
        VarPatternSyntax { Designation: SingleVariableDesignationSyntax d } => d,
        DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax d } => d,
        RecursivePatternSyntax { Designation: SingleVariableDesignationSyntax d } => d,
        ListPatternSyntax { Designation: SingleVariableDesignationSyntax d } => d,
        _ => null,
    };

    /// <summary>
    /// The variables of a switch over a ref struct that stand for the whole value (<c>case var sp</c>, <c>case {
    /// Length: &gt; 3 } sp</c>, of the governing value's type) and that their section, its one label's, reads before
    /// its suspension points and never after: the value is made into a local of <c>Resume</c> before the dispatch,
    /// which each such variable then is (async accepts them: dead at the <c>await</c>).
    /// </summary>
    private List<ILocalSymbol> SectionsReadingTheValue(SwitchStatementSyntax sw)
    {
        var found = new List<ILocalSymbol>();
        var governing = TypeOf(sw.Expression);
        foreach (var section in sw.Sections)
        {
            if (section.Labels.Count != 1 || section.Labels[0] is not CasePatternSwitchLabelSyntax cpl
                || cpl.WhenClause is not null && Suspends(cpl.WhenClause.Condition) || !section.Statements.Any(Suspends)
                || LeadingDesignation(cpl.Pattern) is not { } d || Model.GetDeclaredSymbol(d, _ct) is not ILocalSymbol local
                || !SymbolFacts.IsRefLike(local.Type) || !SymbolEqualityComparer.Default.Equals(local.Type, governing) || _hoisted.ContainsKey(local))
                continue;
            var one = new List<ILocalSymbol> { local };
            var name = new HashSet<string> { local.Name };
            if (!section.Statements.Any(st => Mentions(st, one, name))) continue;
            var statements = section.Statements.ToList();
            if (DeadAtSuspensionsWithLabels(statements, Enumerable.Empty<SwitchSectionSyntax>(), statements, one, name, alive: true)) found.Add(local);
        }
        return found;
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
