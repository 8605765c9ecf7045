using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Stack-only locals (StackOnlyLocals.cs) mentioned inside a suspending <c>if</c>, <c>switch</c>, <c>try</c>,
/// <c>using</c>, <c>foreach</c> or <c>for</c> before its first suspension point. C# 13 async decides by liveness, so
/// it accepts a span read in a try block before the try's <c>await</c>, or one read by a condition, a foreach's
/// collection or a using's resource, which run once before the body:
/// <code>
/// Span&lt;int&gt; s = stackalloc int[4]; s[0] = n;
/// try { log.Add(s[0]); Tw(1); } finally { ... }          // s dead at Tw(1): accepted
/// foreach (var x in new[] { s[0], 2 }) t += Tw(x);       // the collection runs once, first: accepted
/// using (new D(s[0])) { Tw(1); }                         // so does the resource
/// if (s[0] + Tw(1) &gt; 2) { ... }                          // s[0] read, then spilled, before Tw(1): accepted
/// while (i &lt; s[0]) Tw(1);                               // the condition runs again after Tw(1): GOSH0008
/// </code>
/// The body of a try (and of a using, which becomes one) is scanned as a block, an if's branches and a switch's
/// sections as after any condition (AliveAfterBranch, AliveAfterSwitch); a part that runs first and suspends may
/// read the local before its own suspension point (AfterPart); a catch, a finally and a loop's body may use it after an
/// assignment anew (or read it when entered with it alive); a mention in a filter, in a loop's condition or
/// incrementors, or after a part's suspension point stays GOSH0008.
/// <para>The lowered try keeps one problem for C#'s definite assignment: a state resumed inside the try is reached
/// from a label just before it, then through the try's own dispatch, whose fall-through C# follows to the start of
/// the body and on past the try, where the local may be read. So the entry label gives every stack-only local in
/// scope there a dummy value, on that path only (EmitRealTry):</para>
/// <code>
/// goto __tryin3;
/// __try2: ;
/// _l1_s = default;              // a ref local: _l1_r = ref Unsafe.NullRef&lt;T&gt;();
/// __tryin3: ;
/// try { switch (State) { ... } ... }
/// </code>
/// Nothing reads the dummy: on a resumed path the local is dead, which is what the scan proved.
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// Scans an <c>if</c>, <c>switch</c>, <c>try</c>, <c>using</c> or loop (see the class comment): false when
    /// <paramref name="statement"/> is none of them, or one the caller's plain rule covers (no suspension point in it
    /// and the value alive; a switch that never mentions the locals); else <paramref name="after"/> is null where a
    /// mention needs the value across a suspension point (GOSH0008), or whether the value is alive after the statement.
    /// </summary>
    private bool ScansCompound(StatementSyntax statement, bool alive, List<ILocalSymbol> locals, HashSet<string> names, out bool? after)
    {
        after = null;
        bool MentionsAny(SyntaxNode? node) => node is not null && Mentions(node, locals, names);
        // A suspending switch that never mentions the locals may still leave their value alive, where each section's
        // suspension points end the method (`case 0: if (n > 2) return Tw(1); break;`, the value then read by a loop's
        // condition): scanned as any switch; where that scan gives up (a guard that suspends), it only ends the value
        // (DeadAtSuspensions). The other statements are scanned all the same: a branch may end the method, a loop's
        // back-edge may have to keep the thread.
        if (statement is SwitchStatementSyntax quiet && !MentionsAny(statement))
        {
            if (!alive || !Suspends(statement) || AfterPart(quiet.Expression, alive, locals, names) is not { } governing
                || AliveAfterSwitch(quiet, governing, locals, names) is not { } quietAfter) return false;
            after = quietAfter;
            return true;
        }
        // With nothing suspending in it, a statement entered with the value alive may mention it anywhere.
        if (alive && !Suspends(statement)) return false;
        switch (statement)
        {
            case IfStatementSyntax ifs:
                if (AfterPart(ifs.Condition, alive, locals, names) is not { } afterCondition) return true;
                var whenTrue = AliveAfterBranch(ifs.Statement, afterCondition, locals, names);
                var whenFalse = ifs.Else is null ? afterCondition : AliveAfterBranch(ifs.Else.Statement, afterCondition, locals, names);
                if (whenTrue is null || whenFalse is null) return true;
                after = whenTrue.Value && whenFalse.Value;
                return true;
            case SwitchStatementSyntax sw:
                if (AfterPart(sw.Expression, alive, locals, names) is not { } afterGoverning) return true;
                after = AliveAfterSwitch(sw, afterGoverning, locals, names);
                return true;
            case TryStatementSyntax t:
                // A catch or a finally may be entered from anywhere in the block: after its suspension point, if it has
                // one, where it starts with the value dead and may use the local after an assignment anew. A filter
                // may also run in another method (the frame's CatchesInFirstPass), where no local of Resume is.
                if (t.Catches.Any(c => MentionsAny(c.Filter) || MentionsAny(c.Declaration))) return true;
                if (DeadAtSuspensions(t.Block.Statements, alive, locals, names) is not { } end) return true;
                var handlerEntry = alive && !Suspends(t.Block);
                var joined = end;
                foreach (var c in t.Catches)
                    if (DeadAtSuspensions(c.Block.Statements, handlerEntry, locals, names) is { } caught) joined &= caught;
                    else return true;
                if (t.Finally is null)
                {
                    after = joined;
                    return true;
                }
                var finallyEntry = handlerEntry && !t.Catches.Any(c => Suspends(c.Block));
                if (DeadAtSuspensions(t.Finally.Block.Statements, finallyEntry, locals, names) is not { } finallyEnd) return true;
                // A finally with no suspension point runs under `if (State < 0)`, whenever the try completes (it
                // is false only while suspending, when nothing after the try runs): the value after the try is the
                // finally's, or the try's when the finally leaves the local alone. The try's entry label gives the
                // local its dummy value for C#'s definite assignment (EmitRealTry). One that suspends is lowered
                // after the try, in line.
                after = Suspends(t.Finally.Block) ? finallyEnd : finallyEnd || joined && !MentionsAny(t.Finally);
                return true;
            case UsingStatementSyntax u:
                var resource = (SyntaxNode?)u.Declaration ?? u.Expression;
                var afterResource = resource is null ? alive : AfterPart(resource, alive, locals, names);
                if (afterResource is null) return true;
                after = DeadAtSuspensions(Statements(u.Statement), afterResource.Value, locals, names);
                return true;
            // A loop ends at its condition (a foreach at its MoveNext), with the value it had before the loop (no
            // iteration) or at the end of an iteration: alive after the loop when it is at both and at each break (LoopStatement).
            case CommonForEachStatementSyntax fe:
                if (fe is ForEachVariableStatementSyntax v && MentionsAny(v.Variable)) return true;
                // A MoveNext that is a suspension point (a channel's range) runs before each iteration and at the end:
                // the body starts with the value dead, and the loop ends with it dead (async's await foreach).
                var moveNextSuspends = MoveNextSuspends(fe);
                if (AfterPart(fe.Expression, alive, locals, names) is not { } afterCollection) return true;
                after = LoopStatement(fe, null, Enumerable.Empty<SyntaxNode>(), fe.Statement, conditionFirst: true, afterCollection && !moveNextSuspends, locals, names);
                return true;
            case ForStatementSyntax f:
                var afterInit = (bool?)alive;
                foreach (var part in f.Declaration is { } d ? new SyntaxNode[] { d } : f.Initializers.ToArray())
                    afterInit = afterInit is { } before ? AfterPart(part, before, locals, names) : null;
                if (afterInit is not { } init) return true;
                after = LoopStatement(f, f.Condition, f.Incrementors, f.Statement, conditionFirst: true, init, locals, names);
                return true;
            case WhileStatementSyntax w:
                after = LoopStatement(w, w.Condition, Enumerable.Empty<SyntaxNode>(), w.Statement, conditionFirst: true, alive, locals, names);
                return true;
            case DoStatementSyntax d:
                after = LoopStatement(d, d.Condition, Enumerable.Empty<SyntaxNode>(), d.Statement, conditionFirst: false, alive, locals, names);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Scans a <c>while</c>, <c>for</c> (after its initializers) or <c>do</c> loop entered with the value
    /// <paramref name="entry"/>: null where a mention needs the value across a suspension point, else whether the
    /// value is alive after the loop. An iteration runs the condition (first, or last for a <c>do</c>), the body, the
    /// incrementors; the condition and the incrementors are parts that may read the local before their own
    /// suspension point (AfterPart), the body is a block. The value at the loop's head is the one at entry and at
    /// the back-edge: the scan first takes it as alive at the back-edge (when it is at entry), which holds when the
    /// iteration then ends with it alive (assigned anew after the body's last suspension point, and alive at each
    /// <c>continue</c>), and the back-edge keeps the thread; else the head starts dead, the back-edge's preemption
    /// check is a state, and neither the condition nor the incrementors may mention the local (as async's liveness:
    /// <c>while (i &lt; s.Length) { x += Tw(1); s = a.AsSpan(++i); }</c> is accepted, <c>while (i &lt; s.Length)
    /// x += Tw(1);</c> is not). The value after the loop is the condition's (none: a <c>for (;;)</c> ends at a
    /// <c>break</c>), and at each <c>break</c>.
    /// </summary>
    private bool? LoopStatement(StatementSyntax loop, ExpressionSyntax? condition, IEnumerable<SyntaxNode> incrementors, StatementSyntax body, bool conditionFirst,
        bool entry, List<ILocalSymbol> locals, HashSet<string> names)
    {
        // (A first condition that suspends and does not read the local ends the value at once: nothing could use it
        // alive at the head, so the back-edge stays a state.)
        var headUsed = !(conditionFirst && condition is not null && Suspends(condition) && !Mentions(condition, locals, names));
        if (entry && headUsed && LoopIteration(loop, condition, incrementors, body, conditionFirst, true, locals, names) is { } onThread)
        {
            // The value crosses the back-edge, whose preemption check must not suspend then.
            _backEdgesOnThread.Add(loop);
            return onThread;
        }
        return LoopIteration(loop, condition, incrementors, body, conditionFirst, false, locals, names);
    }

    /// <summary>
    /// One iteration of a loop (LoopStatement) from a head where the value is <paramref name="head"/>: null where a
    /// mention needs the value across a suspension point or, for a live head, where the iteration ends with the value
    /// dead (so the back-edge cannot bring it to the head alive), else whether the value is alive after the loop.
    /// </summary>
    private bool? LoopIteration(StatementSyntax loop, ExpressionSyntax? condition, IEnumerable<SyntaxNode> incrementors, StatementSyntax body, bool conditionFirst,
        bool head, List<ILocalSymbol> locals, HashSet<string> names)
    {
        var atBody = head;
        bool? afterCondition = null;
        if (conditionFirst && condition is not null)
        {
            if (AfterPart(condition, head, locals, names) is not { } c) return null;
            afterCondition = atBody = c;
        }
        var outer = _jumps;
        _jumps = new List<(StatementSyntax, bool)>();
        var end = DeadAtSuspensions(Statements(body), atBody, locals, names);
        var jumps = _jumps.Where(j => Leaves(j.Jump, loop)).ToList();
        _jumps = outer;
        if (end is not { } value) return null;
        // The incrementors (and a do's condition) run after the body's end and each continue.
        value = value && jumps.Where(j => j.Jump is ContinueStatementSyntax).All(j => j.Alive);
        foreach (var part in incrementors)
            if (AfterPart(part, value, locals, names) is { } afterPart) value = afterPart;
            else return null;
        if (!conditionFirst && condition is not null)
        {
            if (AfterPart(condition, value, locals, names) is not { } c) return null;
            afterCondition = value = c;
        }
        if (head && !value) return null;
        var breaks = jumps.Where(j => j.Jump is BreakStatementSyntax).All(j => j.Alive);
        return (afterCondition ?? head) && breaks;
    }

    /// <summary>The <c>break</c> and <c>continue</c> statements a scan meets, with the value's liveness there (LoopStatement).</summary>
    private List<(StatementSyntax Jump, bool Alive)>? _jumps;

    /// <summary>Whether the <c>break</c> or <c>continue</c> <paramref name="jump"/> is <paramref name="loop"/>'s own.</summary>
    private static bool Leaves(StatementSyntax jump, StatementSyntax loop) =>
        jump is BreakStatementSyntax b ? BreakTarget(b) == loop
            : jump.Ancestors().FirstOrDefault(a => a is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax) == loop;

    /// <summary>
    /// Lowered loops across whose back-edge a stack-only local stays alive (LoopStatement): their preemption check hands
    /// the thread's P off (<c>if (__g.Preempt) __g.PreemptPlainCode();</c>, as a plain loop's) instead of being a
    /// state, which would lose the local (LoopLowering.BackEdge).
    /// </summary>
    private readonly HashSet<SyntaxNode> _backEdgesOnThread = new();

    /// <summary>Whether the back-edge of <paramref name="loop"/> keeps the thread (see <see cref="_backEdgesOnThread"/>).</summary>
    private bool BackEdgeStaysOnThread(SyntaxNode loop) => _backEdgesOnThread.Contains(loop);

    /// <summary>Whether the MoveNext of <paramref name="fe"/>'s enumerator is a suspension point (a channel's range).</summary>
    private bool MoveNextSuspends(CommonForEachStatementSyntax fe)
    {
        var moveNext = Model.GetForEachStatementInfo(fe).MoveNextMethod ?? _launchers.InferForEach(fe)?.MoveNextMethod;
        return moveNext is not null && SymbolFacts.SuspensionAwaiterName(moveNext) is not null;
    }

    private static IEnumerable<StatementSyntax> Statements(StatementSyntax statement) =>
        statement is BlockSyntax b ? b.Statements : new[] { statement };

    /// <summary>
    /// A part of a compound statement that runs once, first (a condition, a governing value, a resource, a collection,
    /// an initializer), entered with the locals' value <paramref name="alive"/>: null when it mentions them where the
    /// value would cross a suspension point, else whether the value is alive after it. A part that suspends may read the
    /// local before its first suspension point (<c>if (s[0] + Tw(1) &gt; 2)</c>): the value read is spilled like any
    /// operand, as in an expression statement (ReadBeforeTheSuspension).
    /// </summary>
    private bool? AfterPart(SyntaxNode part, bool alive, List<ILocalSymbol> locals, HashSet<string> names)
    {
        var mentions = part.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(id => IsMentionOf(id, locals, names)).ToList();
        if (!Suspends(part)) return mentions.Count == 0 || alive ? alive : null;
        if (mentions.Count == 0) return false;
        return alive && mentions.All(id => ReadBeforeSuspensionsOf(part, id)) ? false : null;
    }

    /// <summary>
    /// The dummy values a try's entry label gives the stack-only locals in scope there (see the class comment): on the
    /// resumed path C# follows the try's dispatch to the start of its block, and from there to its end and on, where
    /// any of them may be read (<c>using (...) { if (n &gt; 2) return Tw(1); } r++;</c>).
    /// </summary>
    private List<string> StackLocalsAtTryEntry(IEnumerable<KeyValuePair<ILocalSymbol, string>> inScope)
    {
        var lines = new List<string>();
        var given = new List<ILocalSymbol>();
        foreach (var pair in inScope.OrderBy(p => p.Key.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
        {
            given.Add(pair.Key);
            if (!pair.Key.IsRef) lines.Add($"{pair.Value} = default;");
            // A ref to a ref struct (ref Span<int> rs = ref s) may only be ref-assigned a reference whose value has the
            // same escape scope as its own (CS9096), which a null reference has only when that is the caller's: the
            // dummy is the declaration's own location again where that is a local given its dummy just before (or a
            // field of one), which reads nothing and runs nothing; any other stays refused, where async accepts it.
            else if (SymbolFacts.IsRefLike(pair.Key.Type))
            {
                var declaration = pair.Key.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct);
                if (declaration is VariableDeclaratorSyntax { Initializer.Value: RefExpressionSyntax { Expression: var location } } && AgainFromLocals(location, given))
                    lines.Add($"{pair.Value} = ref {RewriteExpr(location)};");
                else if (declaration is VariableDeclaratorSyntax { Initializer.Value: RefExpressionSyntax { Expression: InvocationExpressionSyntax call } }
                    && EscapeTwinCall(call, given) is { } twin)
                    lines.Add($"{pair.Value} = ref {twin};");
                else if (declaration is not null)
                    Report(DiagnosticDescriptors.RefAcrossSuspension, declaration, pair.Key.Name);
            }
            // A type no code can name (a ref to an anonymous object) is inferred from an example.
            else if (ContainsAnonymousType(pair.Key.Type) && ExampleOf(pair.Key.Type) is { } example)
                lines.Add($"{pair.Value} = ref {NullRefHelper()}({example});");
            else lines.Add($"{pair.Value} = ref global::System.Runtime.CompilerServices.Unsafe.NullRef<{pair.Key.Type.Fq()}>();");
        }
        return lines;
    }

    /// <summary>
    /// Whether <paramref name="location"/> is a local of <paramref name="given"/> (declared before, so given its
    /// try-entry dummy already) or a field of one, through fields only: naming it again reads no value and runs no code.
    /// </summary>
    private bool AgainFromLocals(ExpressionSyntax location, List<ILocalSymbol> given)
    {
        while (location is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } ma
               && Model.GetSymbolInfo(ma, _ct).Symbol is IFieldSymbol { IsStatic: false })
            location = ma.Expression;
        while (location is ParenthesizedExpressionSyntax pe) location = pe.Expression;
        return location is IdentifierNameSyntax id && Model.GetSymbolInfo(id, _ct).Symbol is ILocalSymbol l
            && given.Take(given.Count - 1).Contains(l, SymbolEqualityComparer.Default);
    }

    /// <summary>Stack-only locals declared inside a real try's block, out of scope after its closing brace.</summary>
    private readonly HashSet<ILocalSymbol> _stackLocalsOutOfScope = new(SymbolEqualityComparer.Default);
}
