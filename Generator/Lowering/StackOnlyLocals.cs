using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// <c>ref</c> locals and locals of ref struct types (<c>Span&lt;T&gt;</c>, a type parameter that <c>allows ref
/// struct</c>) declared before a suspension point of their block but dead at it. C# 13 refuses such a local in an
/// async method only when it is live across an <c>await</c> (CS4007 for a ref struct, CS9217 for a ref local): by
/// liveness, not by scope. The frame cannot hold one, but it need not: a local that no statement from the block's
/// next suspension point on mentions is a local of <c>Resume</c>, declared where the user declared it, under a name
/// of its own (<c>_l3_sp</c>: flattening puts sibling scopes into one block). Resuming jumps past its declaration to
/// a label after it, from which nothing reads it, so the compiler's definite assignment accepts it.
/// <code>
/// before: Span&lt;int&gt; sp = arr; for (...) s += sp[i]; s += Tw(1); return s;
/// after:  global::System.Span&lt;int&gt; _l3_sp = _l0_arr; for (...) _l2_s += _l3_sp[i]; ... Tw(1) lowered ...
/// </code>
/// A declaration whose own initializer suspends qualifies too (<c>Span&lt;int&gt; s = stackalloc int[Tw(3)];</c>,
/// <c>a.AsSpan(Tw(1))</c>, <c>ref int r = ref a[Tw(1)];</c>): the initializer is lowered as any expression used at
/// once (its operands spilled in C#'s order, the span or the reference made last, after them), so the local exists
/// only after that suspension, as C# 13 async sees it; a ref struct operand that would be spilled is GOSH0008.
/// Out and pattern variables the declaration makes are locals of <c>Resume</c> with it: allowed when its initializer
/// does not suspend and no later statement mentions them (<c>ref a[int.TryParse(s, out var i) ? i : 0]</c>).
/// The statement that suspends may read the local before its first suspension point, as async allows
/// (<c>s += Tw(sp[0]);</c>, <c>Use(sp.Length, Tw(1));</c>): the value read (the smallest expression around the
/// mention that is no ref struct, <c>sp[0]</c>, <c>sp.Slice(1).Length</c>) is spilled into a frame temporary before
/// the suspension like any operand, and the local itself is never read after it (ReadBeforeTheSuspension).
/// A later statement that assigns the local anew (<c>s = a.AsSpan(Tw(2));</c>, <c>r = ref a[Tw(1)];</c>, not
/// mentioning it on its right side) ends the dead stretch: its right side may suspend, and the local may be mentioned
/// from it up to the next suspending statement, under the same rule (AssignsAnew; async accepts it likewise).
/// Conservative where the answer needs flow: a mention evaluated after a suspension point of that statement
/// (<c>Tw(1) + sp[0]</c>; one in the other branch of a <c>?:</c> is not after it), a mention whose ref struct value
/// would itself be spilled (<c>Take(sp, Tw(1))</c>, CS4007 for async) or whose location would (<c>sp[0] = Tw(1)</c>,
/// an <c>in</c> argument), one in a later statement or in a suspending statement that is not an expression, a
/// declaration, a <c>return</c>, a <c>throw</c>, a block, an <c>if</c> or a <c>switch</c> (whose branches and sections
/// are scanned as blocks, DeadAtSuspensions, AliveAfterSwitch; a loop's condition runs again after the suspension)
/// or a part of a <c>try</c>, <c>using</c>, <c>foreach</c> or <c>for</c> that runs before its first suspension point
/// (StackOnlyCompounds.cs) keeps it GOSH0008. A label starts with the value dead when a goto reaches it with the
/// value dead (DeadAtSuspensionsWithLabels): a mention after it then needs an assignment anew after it. One whose scope holds no
/// suspension point at all is copied whole (StatementLowering.LowerBlock).
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>Stack-only locals kept as locals of <c>Resume</c>, and their names there.</summary>
    private readonly Dictionary<ILocalSymbol, string> _stackLocals = new(SymbolEqualityComparer.Default);

    /// <summary>Whether <paramref name="local"/> is kept in <c>Resume</c> with its own type (no object field to read back).</summary>
    public bool IsStackLocal(ILocalSymbol local) => _stackLocals.ContainsKey(local);

    /// <summary>
    /// Marks the stack-only locals that <paramref name="statements"/>[<paramref name="at"/>] declares as locals of
    /// <c>Resume</c> when none is mentioned from the block's next suspending statement on (see the class comment).
    /// </summary>
    private void FindStackLocalsDeadAtSuspension(SyntaxList<StatementSyntax> statements, int at)
    {
        // A labelled declaration (`L: Span<int> s = a.AsSpan(c);`, heading a goto loop) too: a goto back to the label
        // runs the declaration again, so the value there is never the one from before.
        var declaration = statements[at];
        while (declaration is LabeledStatementSyntax labelled) declaration = labelled.Statement;
        if (declaration is not LocalDeclarationStatementSyntax { IsConst: false, AwaitKeyword.RawKind: 0, UsingKeyword.RawKind: 0 } ld
            || statements[at].Parent is not (BlockSyntax or SwitchSectionSyntax)) return;
        // A span made from a value that suspends first (`Span<int> s = stackalloc int[Tw(3)];`, `a.AsSpan(Tw(1))`):
        // the span exists only after that suspension, so only the ones after the declaration count (C# 13 async).
        // The initializer is lowered as any expression whose value is used at once: its operands spilled in C#'s
        // order, the span made last (a ref struct operand that would be spilled past a suspension is GOSH0008).
        var suspends = Suspends(ld);
        if (suspends && _checked is not null) return;
        var locals = ld.Declaration.Variables.Select(v => Model.GetDeclaredSymbol(v, _ct)).OfType<ILocalSymbol>()
            .Where(SymbolFacts.IsStackOnlyLocal).ToList();
        if (locals.Count == 0) return;
        // A local declared in a switch section is in scope in the sections after it too, each entered with it
        // unassigned (C#'s definite assignment: a mention there follows an assignment anew).
        var laterSections = LaterSections(statements[at]);
        // Out and pattern variables of the initializer are declared in Resume too: a suspending initializer would
        // need them across its own suspension point, and a later statement could read them after one, so such a
        // declaration keeps the usual path; one that no later statement mentions (`ref a[k is var i && i > 0 ? i :
        // 0]`, a switch expression arm's variable) stays in the declaration, as async accepts it.
        var designated = ld.DescendantNodes().OfType<SingleVariableDesignationSyntax>()
            .Select(d => Model.GetDeclaredSymbol(d, _ct)).OfType<ILocalSymbol>().ToList();
        if (designated.Count > 0)
        {
            var designatedNames = new HashSet<string>(designated.Select(l => l.Name));
            if (suspends || statements.Skip(at + 1).Concat(laterSections.SelectMany(x => x.Statements)).Any(st => Mentions(st, designated, designatedNames))) return;
        }
        // Each local of the declaration is its own (`Span<int> s = a, t = b;`): async decides by each one's
        // liveness, so `s` assigned anew after a suspension point is no reason to refuse `t`, nor `t` to refuse `s`.
        // A later declarator's initializer runs after the local is made (`Span<int> s = a, t = b.AsSpan(s[0] + Tw(1));`):
        // it may read the local before its own first suspension point, which ends the local's value, as a statement's.
        var region = statements.Skip(at + 1).Concat(laterSections.SelectMany(x => x.Statements)).ToList();
        var variables = ld.Declaration.Variables;
        foreach (var l in locals)
        {
            var one = new List<ILocalSymbol> { l };
            var oneName = new HashSet<string> { l.Name };
            if (AliveAfterLaterDeclarators(variables, l, one, oneName) is not { } alive
                || !DeadAtSuspensionsWithLabels(statements.Skip(at + 1), laterSections, region, one, oneName, alive)) continue;
            _stackLocals[l] = "_l" + (_nextLocal++) + "_" + l.Name;
        }
    }

    /// <summary>
    /// The local <paramref name="local"/> of a declaration of several, through the initializers of the declarators
    /// after its own (its own may suspend: the value is made after it): null when one mentions it where the value
    /// would cross a suspension point, else whether it is alive after the last (DeadAtSuspensions' rule for a
    /// statement: a read before the initializer's first suspension point, then dead).
    /// </summary>
    private bool? AliveAfterLaterDeclarators(SeparatedSyntaxList<VariableDeclaratorSyntax> variables, ILocalSymbol local, List<ILocalSymbol> one, HashSet<string> oneName)
    {
        var alive = true;
        var own = variables.IndexOf(v => SymbolEqualityComparer.Default.Equals(Model.GetDeclaredSymbol(v, _ct), local));
        for (var j = own + 1; j < variables.Count; j++)
        {
            if (variables[j].Initializer is not { } init) continue;
            if (AfterPart(init, alive, one, oneName) is not { } after) return null;
            alive = after;
        }
        return alive;
    }

    /// <summary>Labels after a stack-only local's declaration that a goto reaches with its value dead (DeadAtSuspensionsWithLabels).</summary>
    private readonly HashSet<LabeledStatementSyntax> _deadLabels = new();

    /// <summary>The gotos a scan meets, with whether the value is alive at each (false wins).</summary>
    private readonly Dictionary<GotoStatementSyntax, bool> _gotosAlive = new();

    /// <summary>
    /// DeadAtSuspensions over the rest of the declaration's block and the later switch sections, with labels: a label
    /// is reached by falling into it and by each goto to it, so the value is alive there when it is at all of them.
    /// The scan first takes every label as alive when fallen into alive, then marks dead each label a goto reaches
    /// with the value dead (or one the scan did not follow: a goto inside a statement it does not look into), and
    /// scans again, until no label changes (`L: s[0]++; if (++i &lt; 3) goto L;` keeps <c>s</c>; `L: s[0]++; Tw(1);
    /// goto L;` does not, as async's liveness sees it).
    /// </summary>
    private bool DeadAtSuspensionsWithLabels(IEnumerable<StatementSyntax> rest, IEnumerable<SwitchSectionSyntax> laterSections, List<StatementSyntax> region, List<ILocalSymbol> one, HashSet<string> oneName, bool alive)
    {
        var labels = region.SelectMany(st => st.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            .OfType<LabeledStatementSyntax>().Select(l => (Label: l, Symbol: Model.GetDeclaredSymbol(l, _ct))).ToList();
        var gotos = labels.Count == 0 ? new List<(GotoStatementSyntax Goto, ISymbol? Target)>()
            : region.SelectMany(st => st.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                .OfType<GotoStatementSyntax>().Where(g => g.IsKind(SyntaxKind.GotoStatement) && g.Expression is not null)
                .Select(g => (Goto: g, Target: Model.GetSymbolInfo(g.Expression!, _ct).Symbol)).ToList();
        _deadLabels.Clear();
        while (true)
        {
            _gotosAlive.Clear();
            if (DeadAtSuspensions(rest, alive, one, oneName) is null
                || laterSections.Any(section => DeadAtSuspensions(section.Statements, alive: false, one, oneName) is null)) return false;
            var changed = false;
            foreach (var (label, symbol) in labels)
                if (!_deadLabels.Contains(label) && gotos.Any(g => SymbolEqualityComparer.Default.Equals(g.Target, symbol) && !(_gotosAlive.TryGetValue(g.Goto, out var alive) && alive)))
                    changed |= _deadLabels.Add(label);
            if (!changed) return true;
        }
    }

    /// <summary>
    /// The sections after the one that holds <paramref name="statement"/> directly, where its locals are in scope
    /// too (the switch block is their scope); none for a statement of a block.
    /// </summary>
    private static IEnumerable<SwitchSectionSyntax> LaterSections(StatementSyntax statement) =>
        statement.Parent is SwitchSectionSyntax { Parent: SwitchStatementSyntax sw } section
            ? sw.Sections.Skip(sw.Sections.IndexOf(section) + 1)
            : Enumerable.Empty<SwitchSectionSyntax>();

    /// <summary>
    /// Scans <paramref name="statements"/>, run in order from a point where the locals' value is
    /// <paramref name="alive"/> (made after the last suspension point, so statements may mention it): null when a
    /// statement mentions them where their value would have to cross a suspension point, else whether their value
    /// is alive after the last statement. From a suspending statement on, a mention needs a value made after the
    /// last suspension point: one a statement assigns anew (<c>s = a.AsSpan(Tw(2));</c>, <c>r = ref a[Tw(1)];</c>:
    /// dead before it, as C# 13 async sees it, so its own right side may suspend), until the next suspending
    /// statement, whose mentions must be reads before its suspension point. An <c>if</c> whose condition does not suspend
    /// (ZLinq's <c>HashSetSlim.Add</c>: <c>if (full) { Resize(); bucket = ref buckets[Index(h)]; }</c>, then
    /// <c>bucket</c> read) is scanned branch by branch, and the value is alive after it when it is at the end of each
    /// branch whose end is reachable: C# 13 async decides by liveness, which follows both paths.
    /// </summary>
    private bool? DeadAtSuspensions(IEnumerable<StatementSyntax> statements, bool alive, List<ILocalSymbol> locals, HashSet<string> names)
    {
        var list = statements.ToList();
        for (var at = 0; at < list.Count; at++)
        {
            // (A using declaration makes the rest of the block the body of a try, UsingLowering, entered from its own
            // label when resumed, where the local gets a dummy value, EmitRealTry: the rest is scanned on as the try's
            // body, and the using's initializer, before the try, may read the local.)
            var statement = list[at];
            // A label a goto reaches with the value dead (DeadAtSuspensionsWithLabels) starts with it dead: a mention
            // after it needs an assignment anew after it, as async's liveness sees it (`L: s[0]++; Tw(1); goto L;`).
            // So does one heading a goto loop whose preemption check is a state (not among stack-only locals there,
            // StackOnlyLoops.cs: a later switch section's label, outside the section a declaration's scope is taken from).
            while (statement is LabeledStatementSyntax labelled)
            {
                if (_deadLabels.Contains(labelled) || _index.IsBackwardGotoTarget(labelled) && !_index.IsPlainGotoLoop(labelled)) alive = false;
                statement = labelled.Statement;
            }
            if (statement is BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax) Jump(statement, alive);
            if (locals.Count == 1 && AssignsAnew(statement, locals[0]))
            {
                alive = true;
                continue;
            }
            if (statement is BlockSyntax block)
            {
                if (DeadAtSuspensions(block.Statements, alive, locals, names) is not { } afterBlock) return null;
                alive = afterBlock;
                continue;
            }
            if (statement is IfStatementSyntax ifs && !Suspends(ifs.Condition))
            {
                if (!alive && Mentions(ifs.Condition, locals, names)) return null;
                var whenTrue = AliveAfterBranch(ifs.Statement, alive, locals, names);
                var whenFalse = ifs.Else is null ? alive : AliveAfterBranch(ifs.Else.Statement, alive, locals, names);
                if (whenTrue is null || whenFalse is null) return null;
                alive = whenTrue.Value && whenFalse.Value;
                continue;
            }
            if (statement is SwitchStatementSyntax sw && !Suspends(sw.Expression) && Mentions(sw, locals, names))
            {
                if (!alive && Mentions(sw.Expression, locals, names) || AliveAfterSwitch(sw, alive, locals, names) is not { } afterSwitch) return null;
                alive = afterSwitch;
                continue;
            }
            if (ScansCompound(statement, alive, locals, names, out var afterCompound))
            {
                if (afterCompound is not { } value) return null;
                alive = value;
                continue;
            }
            // The jumps inside a statement not looked into: alive at each only when the statement is entered with
            // the value alive and does not suspend.
            foreach (var inner in statement.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                if (inner is BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax) Jump((StatementSyntax)inner, alive && !Suspends(statement));
            var mentions = Mentions(statement, locals, names);
            if (!alive && mentions) return null;
            if (alive && Suspends(statement))
            {
                if (statement.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                    .Any(id => IsMentionOf(id, locals, names) && !ReadBeforeTheSuspension(statement, id))) return null;
                alive = false;
            }
        }
        return alive;
    }

    /// <summary>Records the value's liveness at a break, continue (LoopStatement, AliveAfterSwitch) or goto (DeadAtSuspensionsWithLabels).</summary>
    private void Jump(StatementSyntax jump, bool alive)
    {
        if (jump is GotoStatementSyntax g)
        {
            if (g.IsKind(SyntaxKind.GotoStatement)) _gotosAlive[g] = alive && (!_gotosAlive.TryGetValue(g, out var before) || before);
            else if (_gotoCasesAlive is not null) _gotoCasesAlive[g] = alive && (!_gotoCasesAlive.TryGetValue(g, out var before) || before);
        }
        else _jumps?.Add((jump, alive));
    }

    /// <summary>
    /// A branch of an <c>if</c> (DeadAtSuspensions): a branch whose end is unreachable joins no later mention; a
    /// <c>goto</c> out of it joins its label (DeadAtSuspensionsWithLabels: <c>if (c) { Tw(); goto L; } L: r++;</c>).
    /// </summary>
    private bool? AliveAfterBranch(StatementSyntax branch, bool alive, List<ILocalSymbol> locals, HashSet<string> names)
    {
        var after = DeadAtSuspensions(Statements(branch), alive, locals, names);
        return after is false && Model.AnalyzeControlFlow(branch) is { Succeeded: true, EndPointIsReachable: false } ? true : after;
    }

    /// <summary>
    /// A switch statement, its governing expression scanned by the caller (DeadAtSuspensions, or AfterPart when it
    /// suspends, which leaves the value dead at the sections): its sections are scanned
    /// as the branches of an <c>if</c> (ZString's <c>Utf8Format</c>: <c>switch (p.Index) { case 0: Use(p); continue;
    /// default: Throw(); break; }</c> with <c>p</c> a ref struct). After the switch the value is alive when it is at
    /// each <c>break</c> that ends a section, and at the start when no <c>default</c> may let every section be
    /// skipped; a section that ends otherwise (<c>continue</c>, <c>return</c>, <c>throw</c>) leaves the local's
    /// scope. A section a <c>goto case</c> or <c>goto default</c> of the switch jumps to starts with the value alive only
    /// when it is at each such goto too.
    /// A <c>break</c> of the switch before a section's end counts as the one that ends it: the value is alive after the
    /// switch only when it is at each (the scan records it there, _jumps). Null (GOSH0008) where this would need more
    /// flow: a case guard that suspends or reads the local when it is dead.
    /// </summary>
    private bool? AliveAfterSwitch(SwitchStatementSyntax sw, bool alive, List<ILocalSymbol> locals, HashSet<string> names)
    {
        // A section may also be entered by a goto case or goto default of another one: it starts with the value alive
        // when it is at the dispatch and at each of those gotos. The scan first takes every such section as entered
        // alive, then marks dead each one a goto reaches with the value dead, and scans again until none changes (as
        // DeadAtSuspensionsWithLabels does for labels); the other sections are entered from the dispatch only.
        var gotoTargets = GotoCaseTargets(sw);
        var enteredDead = new HashSet<SwitchSectionSyntax>();
        // The breaks and continues the sections' scans meet: the switch's own decide the value after it, the others
        // are an enclosing loop's (LoopStatement).
        var outer = _jumps;
        var outerGotoCases = _gotoCasesAlive;
        try
        {
            while (true)
            {
                _jumps = new List<(StatementSyntax Jump, bool Alive)>();
                _gotoCasesAlive = new Dictionary<GotoStatementSyntax, bool>();
                var after = sw.Sections.Any(sc => sc.Labels.Any(l => l is DefaultSwitchLabelSyntax)) ? true : alive;
                foreach (var section in sw.Sections)
                {
                    if (section.Labels.Any(l => Suspends(l) || !alive && Mentions(l, locals, names))) return null;
                    var inner = section.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));
                    // A section in braces (`case 1: { Use(s); break; }`) ends with the block's last statement.
                    var last = section.Statements.LastOrDefault();
                    while (last is BlockSyntax { Statements.Count: > 0 } braces) last = braces.Statements.Last();
                    var entry = alive && gotoTargets is not null && !enteredDead.Contains(section);
                    if (DeadAtSuspensions(section.Statements, entry, locals, names) is not { } end) return null;
                    if (last is BreakStatementSyntax) after = after && end;
                    foreach (var b in inner.OfType<BreakStatementSyntax>().Where(b => b != last && BreakTarget(b) == sw))
                        after = after && _jumps.Any(j => j.Jump == b) && _jumps.Where(j => j.Jump == b).All(j => j.Alive);
                }
                var changed = false;
                if (gotoTargets is not null)
                    foreach (var pair in gotoTargets)
                        if (!enteredDead.Contains(pair.Value) && !(_gotoCasesAlive.TryGetValue(pair.Key, out var at) && at))
                            changed |= enteredDead.Add(pair.Value);
                if (!changed) return after;
            }
        }
        finally
        {
            outer?.AddRange(_jumps?.Where(j => !(j.Jump is BreakStatementSyntax b && BreakTarget(b) == sw)) ?? Enumerable.Empty<(StatementSyntax, bool)>());
            _jumps = outer;
            _gotoCasesAlive = outerGotoCases;
        }
    }

    /// <summary>The <c>goto case</c> and <c>goto default</c> statements the scan of a switch's sections meets, with whether the value is alive at each (false wins).</summary>
    private Dictionary<GotoStatementSyntax, bool>? _gotoCasesAlive;

    /// <summary>
    /// The <c>goto case</c> and <c>goto default</c> statements of <paramref name="sw"/>'s own, each with the section it
    /// jumps to; null when a target cannot be told (then every section is taken as entered with the value dead).
    /// </summary>
    private Dictionary<GotoStatementSyntax, SwitchSectionSyntax>? GotoCaseTargets(SwitchStatementSyntax sw)
    {
        var targets = new Dictionary<GotoStatementSyntax, SwitchSectionSyntax>();
        foreach (var g in sw.Sections.SelectMany(sc => sc.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                     .OfType<GotoStatementSyntax>().Where(g => !g.IsKind(SyntaxKind.GotoStatement) && g.Ancestors().OfType<SwitchStatementSyntax>().First() == sw))
        {
            var target = Model.GetOperation(g, _ct) is IBranchOperation { Target: { } label } ? label : null;
            var section = sw.Sections.FirstOrDefault(sc => sc.Labels.Any(l => g.IsKind(SyntaxKind.GotoDefaultStatement)
                ? l is DefaultSwitchLabelSyntax
                : target is not null && SymbolEqualityComparer.Default.Equals(Model.GetDeclaredSymbol(l, _ct), target)));
            if (section is null) return null;
            targets[g] = section;
        }
        return targets;
    }

    /// <summary>The loop or switch statement a <c>break</c> leaves.</summary>
    private static SyntaxNode? BreakTarget(BreakStatementSyntax b) =>
        b.Ancestors().FirstOrDefault(a => a is SwitchStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);

    private bool Mentions(SyntaxNode node, List<ILocalSymbol> locals, HashSet<string> names) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => IsMentionOf(id, locals, names));

    private bool IsMentionOf(IdentifierNameSyntax id, List<ILocalSymbol> locals, HashSet<string> names) =>
        names.Contains(id.Identifier.ValueText) && Model.GetSymbolInfo(id, _ct).Symbol is ILocalSymbol l && locals.Contains(l, SymbolEqualityComparer.Default);

    /// <summary>
    /// Whether <paramref name="statement"/> is <c>local = value;</c> or <c>local = ref location;</c> whose right side does not
    /// mention the local: the local's value before it is dead there. A ref local is bound anew only by
    /// <c>r = ref location;</c>: <c>r = value;</c> writes through the reference it holds (CS9217 for async when a
    /// suspension point comes between).
    /// </summary>
    private bool AssignsAnew(StatementSyntax statement, ILocalSymbol local) =>
        statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } a }
        && a.IsKind(SyntaxKind.SimpleAssignmentExpression)
        && (!local.IsRef || a.Right is RefExpressionSyntax)
        && SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(target, _ct).Symbol, local)
        && !a.Right.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id =>
            id.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(id, _ct).Symbol, local));

    /// <summary>
    /// The location of <c>ref a[Tw(1)]</c> with its parts lowered first (receiver, indexes, arguments): the ref local
    /// takes the reference after them, so no suspension point lies between the reference and its uses.
    /// </summary>
    private string SuspendingLocation(ExpressionSyntax target)
    {
        HoistDesignations(target);
        var unwrapped = target;
        while (unwrapped is ParenthesizedExpressionSyntax p) unwrapped = p.Expression;
        // ref (Tw(c) ? ref a : ref b): nothing follows the reference in a ref local's initializer (RefConditionals.cs).
        if (unwrapped is ConditionalExpressionSyntax refConditional && IsRefConditional(refConditional))
            return RefConditionalLocation(refConditional) ?? Rewrite(target);
        return (target is InvocationExpressionSyntax ? LowerExpression(target) : LowerLocation(target, spillAll: true)) ?? Rewrite(target);
    }

    /// <summary>
    /// Whether the mention <paramref name="id"/> of a stack-only local in the suspending statement
    /// <paramref name="statement"/> is a value read before every suspension point of it that can precede it (see the
    /// class comment): C#'s order is the text's within such a statement, but for the branches of a <c>?:</c>.
    /// </summary>
    private bool ReadBeforeTheSuspension(StatementSyntax statement, IdentifierNameSyntax id)
    {
        if (statement is not (ExpressionStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax
            or LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: 0 })) return false;
        return ReadBeforeSuspensionsOf(statement, id);
    }

    /// <summary>
    /// Whether <paramref name="id"/>, inside <paramref name="scope"/>, is read into a value with no suspension point
    /// in it, after none of the scope's suspension points that can precede it (all of C#'s order within an expression
    /// is the text's, but for the branches of a <c>?:</c>).
    /// </summary>
    private bool ReadBeforeSuspensionsOf(SyntaxNode scope, IdentifierNameSyntax id)
    {
        if (StackLocalRead(id) is not { } read || !scope.Span.Contains(read.Span)) return false;
        // A constructor's argument is read when the object is created, before its initializer's values
        // (`new P(sp) { A = Tw(1) }`, `new S(sp) { A = Tw(1) }.ToString()`, as async accepts them), where the
        // lowering creates it first: the initializer's suspension points come after the read.
        var creation = id.Ancestors().TakeWhile(a => read.Span.Contains(a.Span)).OfType<BaseObjectCreationExpressionSyntax>()
            .FirstOrDefault(oc => oc.ArgumentList is { } args && args.Span.Contains(id.Span));
        var initializer = creation is not null && ConstructedBeforeItsInitializer(creation) ? creation.Initializer : null;
        if (initializer is null ? HasSuspension(read) : SuspendsBeside(read, initializer)) return false;
        foreach (var point in scope.DescendantNodes().OfType<ExpressionSyntax>())
            if (read.SpanStart >= point.Span.End && Suspends(point) && !InOtherBranches(read, point)) return false;
        return true;
    }

    /// <summary>Whether anything in <paramref name="node"/> but <paramref name="skip"/> suspends.</summary>
    private bool SuspendsBeside(SyntaxNode node, SyntaxNode skip) =>
        node != skip && (!node.Span.Contains(skip.Span) ? HasSuspension(node)
            : node is InvocationExpressionSyntax inv && _index.Classify(inv) != CallKind.Plain || node.ChildNodes().Any(c => SuspendsBeside(c, skip)));

    /// <summary>
    /// The value a mention of a stack-only local is read into: the smallest expression around it that is no ref
    /// struct, no method group and no struct variable whose member is then used (its method or setter would run on
    /// the variable later), or the increment or assignment whose target that is (its value read at once); null when
    /// that is a location (<c>ref</c>, <c>out</c>, <c>in</c>) or not an expression.
    /// </summary>
    private ExpressionSyntax? StackLocalRead(IdentifierNameSyntax id)
    {
        ExpressionSyntax e = id;
        while (true)
        {
            var type = Model.GetTypeInfo(e, _ct).Type;
            var receiver = e.Parent is MemberAccessExpressionSyntax ma && ma.Expression == e || e.Parent is ElementAccessExpressionSyntax ea && ea.Expression == e;
            if (type is not null && !SymbolFacts.IsRefLike(type) && !(receiver && type.IsValueType)) break;
            var p = e.Parent;
            while (p is ArgumentSyntax { Parent: ArgumentListSyntax or BracketedArgumentListSyntax } or ArgumentListSyntax or BracketedArgumentListSyntax) p = p.Parent;
            if (p is not ExpressionSyntax pe) return null;
            e = pe;
        }
        SyntaxNode n = e;
        for (var p = e.Parent; p is not null; n = p, p = p.Parent)
        {
            switch (p)
            {
                case ParenthesizedExpressionSyntax or TupleExpressionSyntax:
                    continue;
                case AssignmentExpressionSyntax a:
                    if (a.Left != n) return e;
                    // An assignment's value through the local is read at once as well (`(r = 4) + Tw(1)`, `(s[0] += 2)
                    // + Tw(1)`; async accepts them): the location is used before the suspension point only. A ref
                    // assignment binds the location itself, and a deconstruction's target is no one value.
                    if (n != e || a.Right is RefExpressionSyntax || a.IsKind(SyntaxKind.CoalesceAssignmentExpression)) return null;
                    e = a;
                    continue;
                // An increment's value is read at once (`r++ + Tw(1)`, `--s[1] + Tw(1)`): async spills it as any
                // operand, the location used only before the suspension point.
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.PreIncrementExpression) || u.IsKind(SyntaxKind.PreDecrementExpression):
                case PostfixUnaryExpressionSyntax pu when pu.IsKind(SyntaxKind.PostIncrementExpression) || pu.IsKind(SyntaxKind.PostDecrementExpression):
                    e = (ExpressionSyntax)p;
                    continue;
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.AddressOfExpression):
                case PostfixUnaryExpressionSyntax:
                case RefExpressionSyntax:
                    return null;
                case ArgumentSyntax arg:
                    if (arg.RefKindKeyword.RawKind != 0 || Model.GetOperation(arg, _ct) is IArgumentOperation { Parameter.RefKind: not RefKind.None }) return null;
                    if (arg.Parent is TupleExpressionSyntax) continue;
                    return e;
                default:
                    return e;
            }
        }
        return e;
    }

    /// <summary>
    /// In a checked or unchecked context, the values a location is made of (the arguments of its element accesses
    /// and calls, the condition of a ref conditional), each replaced by its text in that context; null outside one.
    /// What has no type of its own (a target-typed conditional or switch, a collection expression) or is converted
    /// by its target (an interpolated string) is looked into for the values it is made of; so is a lambda's
    /// expression body (C#'s context reaches into it; a lambda with a block body is wrapped whole); a <c>ref</c>/<c>in</c>/<c>out</c> argument, itself
    /// a location, is looked into.
    /// </summary>
    private Dictionary<SyntaxNode, string>? CheckedLocationParts(ExpressionSyntax location)
    {
        if (_checked is null) return null;
        var parts = new Dictionary<SyntaxNode, string>();
        void Add(ExpressionSyntax e)
        {
            // A lambda whose body is a block: its statements are no expressions to wrap, so the lambda is
            // (`checked(() => { ... })` keeps its target type and puts the body in the context).
            if (e is AnonymousFunctionExpressionSyntax { Block: not null }) parts[e] = RewriteExpr(e);
            else if (e is InterpolatedStringExpressionSyntax || Model.GetTypeInfo(e, _ct).Type is null) Typeless(e);
            else parts[e] = RewriteExpr(e);
        }
        void Typeless(SyntaxNode node)
        {
            if (node is MemberAccessExpressionSyntax or MemberBindingExpressionSyntax) return; // a method group
            foreach (var child in node.ChildNodes())
            {
                switch (child)
                {
                    case PatternSyntax or ParameterListSyntax or ParameterSyntax or AttributeListSyntax or TypeSyntax or StatementSyntax: break;
                    case RefExpressionSyntax r: Walk(r.Expression); break;
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } arg: Walk(arg.Expression); break;
                    case ExpressionSyntax e: Add(e); break;
                    default: Typeless(child); break;
                }
            }
        }
        void Walk(SyntaxNode node)
        {
            foreach (var child in node.ChildNodes())
            {
                if (child is ArgumentSyntax { RefKindKeyword.RawKind: 0 } arg) Add(arg.Expression);
                else if (child is ExpressionSyntax condition && node is ConditionalExpressionSyntax c && c.Condition == condition) Add(condition);
                else Walk(child);
            }
        }
        Walk(location);
        return parts;
    }

    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/> never both run: in the two branches of one <c>?:</c>, or
    /// in two arms of one switch expression where the earlier arm's is in its value (that value runs only when the
    /// arm matched, and then no later arm is tested; an earlier arm's pattern or guard runs before a later arm).
    /// </summary>
    private static bool InOtherBranches(SyntaxNode a, SyntaxNode b) =>
        a.Ancestors().OfType<ConditionalExpressionSyntax>().Any(c =>
            c.WhenTrue.Span.Contains(a.Span) && c.WhenFalse.Span.Contains(b.Span) || c.WhenFalse.Span.Contains(a.Span) && c.WhenTrue.Span.Contains(b.Span))
        || a.Ancestors().OfType<SwitchExpressionSyntax>().Any(se =>
            se.Arms.IndexOf(x => x.Span.Contains(a.Span)) is var i and >= 0 && se.Arms.IndexOf(x => x.Span.Contains(b.Span)) is var j and >= 0 && i != j
            && se.Arms[System.Math.Min(i, j)].Expression.Span.Contains(i < j ? a.Span : b.Span));

    /// <summary>The declaration of a stack-only local kept in <c>Resume</c>; null for any other local.</summary>
    private string? StackLocalDeclaration(ILocalSymbol local, VariableDeclaratorSyntax v)
    {
        if (!_stackLocals.TryGetValue(local, out var name)) return null;
        _rewriteNames.Add(local.Name);
        _hoisted[local] = name;
        var scoped = local.ScopedKind != ScopedKind.None ? "scoped " : "";
        var refKind = local.RefKind switch { RefKind.Ref => "ref ", RefKind.RefReadOnly => "ref readonly ", _ => "" };
        // A type holding an anonymous type cannot be written (ref var r = ref rows[0]): the initializer gives it.
        var type = v.Initializer is not null && ContainsAnonymousType(local.Type) ? "var" : local.Type.Fq();
        var declaration = scoped + refKind + type + " " + name;
        if (v.Initializer is null) return declaration + ";";
        // No suspension point in the declaration (FindStackLocalsDeadAtSuspension): its value is copied, a ref
        // local's `ref x` with the checked context on the values inside the location (`ref a[checked(i + 1)]`:
        // `checked(a[i])` is no variable).
        var value = v.Initializer.Value is RefExpressionSyntax re
                ? Suspends(v.Initializer) ? "ref " + SuspendingLocation(re.Expression) : Rewrite(v.Initializer.Value, v.Initializer.Value, CheckedLocationParts(re.Expression))
            : Suspends(v.Initializer) ? LowerExpression(v.Initializer.Value)
                : RewriteExpr(v.Initializer.Value);
        return $"{declaration} = {value};";
    }
}
