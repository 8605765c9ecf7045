using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Loops among stack-only locals. Every loop back-edge is a preemption check, and a lowered loop's check is a
/// state (<c>if (__g.Preempt) { State = n; return __g.Yield(this); }</c>), so a loop counts as a suspension point:
/// a <c>Span&lt;T&gt;</c>, a <c>ref</c> local or another ref struct whose scope held one would have to live in the
/// frame, which it cannot (GOSH0008). But C# (13, for async) only refuses such a local live across a real
/// suspension (an <c>await</c>), and <c>Span&lt;int&gt; s = stackalloc int[4]; for (...) s[i] = ...;</c> is common.
/// So a loop with no real suspension point in it (no suspending or nested goroutine call, no label a later
/// <c>goto</c> jumps back to) stays plain code, copied as written, when it is in the scope of such a local (or of
/// a <c>for</c>/<c>foreach</c>/<c>using</c> header declaring one), when it declares one itself, or when it is a
/// <c>foreach</c> over a span, an inline array or any collection with a ref struct enumerator; so do the loops in
/// it. It is still preempted: as a loop that holds a lambda, its body starts with
/// <c>if (__g.Preempt) __g.PreemptPlainCode();</c> (Renamer.cs), and the thread hands its P to another thread
/// instead of the goroutine yielding (the span stays on the thread's stack meanwhile).
/// <code>
/// before: Tw(1); Span&lt;int&gt; s = stackalloc int[4]; for (int i = 0; i &lt; 4; i++) s[i] = i;
/// after:  ... Tw(1) lowered ...; { Span&lt;int&gt; s = stackalloc int[4];
///         for (int i = 0; i &lt; 4; i++) { if (__g.Preempt) __g.PreemptPlainCode(); s[i] = i; } }
/// </code>
/// A loop with a real suspension point in it is lowered as always, so a stack-only local whose scope holds it is
/// still GOSH0008, as in async. A <c>foreach</c> whose only suspension points are in its collection expression is
/// one of these plain loops: the collection is lowered first (its suspensions spilled), then the loop is copied
/// over the lowered collection (MethodLowerer.LowerForEach):
/// <code>
/// before: foreach (ref var x in Tw(arr).AsSpan()) x++;
/// after:  ... Tw(arr) lowered into _r0 ...; foreach (ref var x in _r0.AsSpan()) { if (__g.Preempt) __g.PreemptPlainCode(); x++; }
/// </code>
/// </summary>
internal sealed partial class SuspensionIndex
{
    private readonly HashSet<SyntaxNode> _plainAmongStackOnly = new();

    /// <summary>A loop copied as plain code among stack-only locals (a foreach's suspending collection lowered before it).</summary>
    public bool IsPlainAmongStackOnly(SyntaxNode loop) => _plainAmongStackOnly.Contains(loop);

    private readonly HashSet<LabeledStatementSyntax> _plainGotoLoops = new();

    /// <summary>
    /// A label heading a loop made of gotos (IsBackwardGotoTarget) among stack-only locals, whose check is a hand-off
    /// of the P instead of a state (FindPlainGotoLoops).
    /// </summary>
    public bool IsPlainGotoLoop(LabeledStatementSyntax label) => _plainGotoLoops.Contains(label);

    /// <summary>
    /// Loops made of gotos (a label a later goto jumps back to) among stack-only locals (in the scope of one, or
    /// declaring one between the label and the last goto back to it): the label is no suspension point, and its
    /// preemption check hands the P off (<c>if (__g.Preempt) __g.PreemptPlainCode();</c>) instead of being a state,
    /// so a span or a ref local stays alive across the label, as async keeps it (<c>L: s[0]++; if (++i &lt; 3) goto
    /// L;</c>, or <c>L: s[0]++; Tw(1); s = a; if (++i &lt; 3) goto L;</c>, where a state at the label would resume
    /// with <c>s</c> lost). Unlike a loop statement (FindPlainLoopsAmongStackOnly), nothing is copied: the code
    /// between is lowered as always, its own suspension points states, and the label stays the gotos' target.
    /// </summary>
    private void FindPlainGotoLoops(SyntaxNode body, SemanticModel model, List<SyntaxNode> points)
    {
        var labels = points.OfType<LabeledStatementSyntax>().ToList();
        if (labels.Count == 0) return;
        var scopes = StackOnlyScopes(body, model);
        foreach (var label in labels)
        {
            var name = label.Identifier.ValueText;
            var end = body.DescendantNodes(d => d is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<GotoStatementSyntax>()
                .Where(g => g.IsKind(SyntaxKind.GotoStatement) && g.SpanStart > label.SpanStart && g.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == name)
                .Select(g => g.Span.End).DefaultIfEmpty(label.Span.End).Max();
            var region = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(label.SpanStart, end);
            if (scopes.Any(s => s.Scope.Span.Contains(region) && s.Start <= label.SpanStart) || scopes.Any(s => region.Contains(s.Start)))
            {
                _plainGotoLoops.Add(label);
                points.Remove(label);
            }
        }
    }

    private void FindPlainLoopsAmongStackOnly(SyntaxNode body, SemanticModel model, List<SyntaxNode> loops, List<SyntaxNode> points)
    {
        if (loops.Count == 0) return;
        var scopes = StackOnlyScopes(body, model);
        var realPoints = points.Select(p => p.Span).ToList();
        foreach (var loop in loops)   // in document order: an outer loop before the loops in it
        {
            // A foreach's collection is evaluated once, before the loop: a suspension there is lowered before the
            // loop, which then runs as plain code (async accepts `foreach (var x in (await t).AsSpan())`).
            var region = loop is CommonForEachStatementSyntax each ? each.Statement.Span : loop.Span;
            if (realPoints.Any(p => region.Contains(p))) continue;
            var plain = loop.Ancestors().TakeWhile(a => a != body).Any(_plainAmongStackOnly.Contains)
                || scopes.Any(s => s.Scope.Span.Contains(loop.Span) && s.Start <= loop.SpanStart)
                || scopes.Any(s => loop.Span.Contains(s.Start))
                || loop is CommonForEachStatementSyntax fe && model.GetForEachStatementInfo(fe).GetEnumeratorMethod?.ReturnType is { } e && SymbolFacts.IsRefLike(e);
            if (plain) _plainAmongStackOnly.Add(loop);
        }
    }

    /// <summary>The scopes of the stack-only locals: where each declaration starts, and the node it is visible in.</summary>
    private static List<(int Start, SyntaxNode Scope)> StackOnlyScopes(SyntaxNode body, SemanticModel model)
    {
        var scopes = new List<(int Start, SyntaxNode Scope)>();
        foreach (var n in body.DescendantNodes(d => d is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            var declared = n switch
            {
                VariableDeclaratorSyntax or SingleVariableDesignationSyntax => model.GetDeclaredSymbol(n) as ILocalSymbol,
                ForEachStatementSyntax fe => model.GetDeclaredSymbol(fe) as ILocalSymbol,
                _ => null,
            };
            if (declared is null || !SymbolFacts.IsStackOnlyLocal(declared)) continue;
            var scope = n is ForEachStatementSyntax ? n : n.Ancestors().FirstOrDefault(a => a is BlockSyntax or SwitchSectionSyntax
                or ForStatementSyntax or CommonForEachStatementSyntax or UsingStatementSyntax or FixedStatementSyntax || a == body);
            if (scope is not null) scopes.Add((n.SpanStart, scope));
        }
        return scopes;
    }
}
