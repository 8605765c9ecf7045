using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Lowers try/catch/finally (and exception filters and rethrow) when a suspension point is inside.
/// </summary>
/// <remarks>
/// A goto cannot enter a try block from outside, and a return that suspends must not run the finally. So a
/// try stays a real try (Roslyn's way, not flattened): states resumed inside its body go to a label just
/// before the try and then through a second <c>switch (State)</c> at the head of the body.
/// <para>Try/finally, a suspension in the body, a plain finally:</para>
/// <code>
/// try { a(); Go.Yield(); b(); }          switch (State) { case 0: goto __try1; }      // in Resume's head
/// finally { f(); }                       __try1: ;
///                                        try
///                                        {
///                                            switch (State) { case 0: goto __resume0; }
///                                            a();
///                                            _aw0 = ...; if (!_aw0.IsCompleted) { State = 0; return _aw0.Suspend(__g, this); }
///                                            __resume0: State = -1; _aw0.GetResult(); _aw0 = default;
///                                            b();
///                                        }
///                                        finally { if (State &lt; 0) { f(); } }   // not while suspending
/// </code>
/// <para>Try/finally whose finally suspends: the finally cannot stay a finally (it would have to return from
/// inside it), so everything is caught into a pending exception, the finally runs as ordinary lowered code
/// after the try, then the exception is rethrown or a pending branch (see JumpLowering.cs) is taken:</para>
/// <code>
/// try { body; }                          _pendingException0 = null; _pendingBranch0 = 0;
/// finally { Go.Yield(); f(); }           try { body; /* return x becomes: Result = x; { _pendingBranch0 = 1; goto __finally0; } */ }
///                                        catch (global::System.Exception __ex) { _pendingException0 = __ex; }
///                                        __finally0: ;
///                                        (lowered Go.Yield(); f();)
///                                        if (_pendingException0 != null) ExceptionDispatchInfo.Throw(_pendingException0);
///                                        switch (_pendingBranch0) { case 1: return FrameResult.Completed; }
/// </code>
/// <para>Try/catch whose catch block suspends: a catch clause cannot hold a suspension either, so it only
/// records which clause caught what (its filter stays, with the original type and variable), and the
/// block runs after the try:</para>
/// <code>
/// try { body; }                          _pendingCatch2 = 0;
/// catch (IOException e) when (p(e))      try { body; }
/// { Go.Yield(); throw; }                 catch (global::System.IO.IOException e) when (p(e)) { _pendingCaught2 = e; _pendingCatch2 = 1; }
///                                        switch (_pendingCatch2) { case 1: goto __catch2_0; }
///                                        goto __endcatch4;
///                                        __catch2_0: ;
///                                        _l0_e = (global::System.IO.IOException)_pendingCaught2;
///                                        (lowered Go.Yield();)
///                                        ExceptionDispatchInfo.Throw(_pendingCaught2);   // throw; keeps the stack trace
///                                        __endcatch4: ;
///                                        _pendingCaught2 = null;
/// </code>
/// <para>Invariants:</para>
/// <list type="bullet">
/// <item>A finally that stays a finally is guarded by <c>State &lt; 0</c>: it runs when control leaves the try
/// (normally or by an exception), never when the frame returns to suspend (State is then the resume state).</item>
/// <item>Every state resumed inside a try is listed in the dispatch of each enclosing try and of Resume, and
/// each of them leads to the next one in: resuming re-enters the trys from the outside, as C# allows.</item>
/// <item>A suspension in an exception filter is reported (GOSH diagnostic), never lowered: a filter runs
/// during the first pass of exception handling, when the stack cannot be unwound to suspend.</item>
/// <item>Filters run before the finally blocks the exception leaves, as in C#: the catch-all standing for a
/// suspending finally, in its own filter (so during the CLR's first pass, before the plain finally blocks
/// nested inside run), first tries the enclosing catch clauses of the frame (their filters included) and records
/// which one will catch (<c>_firstPassException</c>, <c>_firstPassClause</c>); those filters, rewritten as
/// <c>ReferenceEquals(_firstPassException, e) ? _firstPassClause == k &amp;&amp; (_firstPassException = null) == null : (filter) &amp;&amp; (_firstPassException = null) == null</c>,
/// use that decision once when the exception is rethrown after the finally. When no clause of the frame will catch,
/// the catch-all asks the frame's callers (<c>ExceptionFirstPass.AskCallers</c>); a callee's exception reaches the
/// same decision through the frame's <c>CatchesInFirstPass</c> (FirstPassLowering.cs), so every filtered clause
/// around a suspension reads it, and every clause there clears it when it catches, whatever it caught (an exception
/// a finally threw in place of the decided one leaves no decision behind for that object's next throw).</item>
/// <item>The pending fields are cleared (null/0) before the try, so a loop that re-enters it starts clean, and
/// the caught exception is released after the moved catch blocks.</item>
/// </list>
/// </remarks>
internal sealed partial class MethodLowerer
{
    /// <summary>Catch clauses lowered after their try, and the field holding what each caught (for rethrow).</summary>
    private readonly Dictionary<CatchClauseSyntax, string> _movedCatches = new();

    public string? RethrowText(ThrowStatementSyntax node)
    {
        var c = node.Ancestors().TakeWhile(a => a is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<CatchClauseSyntax>().FirstOrDefault();
        if (c is null || !_movedCatches.TryGetValue(c, out var field)) return null;
        return $"global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw({field});";
    }

    private void LowerTry(TryStatementSyntax t)
    {
        if (t.Finally is null) { LowerTryCatch(t); return; }
        System.Action body = t.Catches.Count > 0 ? () => LowerTryCatch(t) : () => LowerStatement(t.Block);
        if (!Suspends(t.Finally.Block))
        {
            var fin = BlockInContext(Rewrite(t.Finally.Block, t.Finally.Block));
            EmitRealTry(body, new[] { "finally", "{", $"    if ({RuntimeContract.Frame.State} < 0)", SpanDirective(t.Finally.Block), Indent(fin, 1), "#line hidden", "}" });
            return;
        }

        // The finally suspends: catch everything into a pending exception, run the finally as ordinary
        // (lowered) code after the try, then rethrow or take the pending branch (Roslyn's scheme).
        var region = new PendingRegion(_nextLabel++);
        var pex = AddField("global::System.Exception", "_pendingException" + region.Id, "pending exception of the try on line " + Line(t));
        AddField("int", region.BranchField, "pending branch of the try on line " + Line(t));
        Hidden();
        Stmt($"{pex} = null;");
        Stmt($"{region.BranchField} = 0;");
        _pending.Add(region);
        var firstPass = FirstPass(t);
        var catchAll = new List<string> { "catch (global::System.Exception __ex)", "{", $"    {pex} = __ex;", "}" };
        {
            // The first pass runs in the catch-all's filter, that is in the CLR's own first pass: before the
            // finally blocks nested in this try (a foreach's Dispose, a finally that does not suspend) run, as
            // the filters it stands for would. (Run in the catch block it came after them.)
            var firstPassFunction = "__FirstPass" + region.Id;
            Hidden();
            _w.Line($"bool {firstPassFunction}(global::System.Exception __ex)");
            _w.Line("{");
            foreach (var l in firstPass) _w.Line(l);
            _w.Line("    return true;");
            _w.Line("}");
            catchAll[0] = $"catch (global::System.Exception __ex) when ({firstPassFunction}(__ex))";
        }
        EmitRealTry(body, catchAll);
        _pending.RemoveAt(_pending.Count - 1);
        Label(region.FinLabel);
        // The first pass's decision for the pending exception must outlive the finally: an exception thrown
        // and caught inside it is decided in the same fields, and the pending one, rethrown after it, would
        // then run its filters again (after the finally, seeing what it changed). Saved here, restored after.
        (string Exception, string Clause)? saved = null;
        {
            var (fpe, fpc) = FirstPassFields();
            saved = (AddField("global::System.Exception", "_firstPassSaved" + region.Id, "the first pass's exception while the finally on line " + Line(t.Finally) + " runs"),
                AddField("int", "_firstPassSavedClause" + region.Id, "the first pass's clause while the finally on line " + Line(t.Finally) + " runs"));
            Hidden();
            Stmt($"{saved.Value.Exception} = {fpe}; {saved.Value.Clause} = {fpc};");
        }
        LowerStatement(t.Finally.Block);
        Hidden();
        if (saved is { } sv)
        {
            var (fpe, fpc) = FirstPassFields();
            Stmt($"{fpe} = {sv.Exception}; {fpc} = {sv.Clause}; {sv.Exception} = null;");
        }
        Stmt($"if ({pex} != null) global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw({pex});");
        if (region.Branches.Count > 0)
        {
            _w.Open($"switch ({region.BranchField})");
            for (var i = 0; i < region.Branches.Count; i++)
                _w.Line($"case {i + 1}: {Jump(region.Branches[i].Target, region.Branches[i].Depth)}");
            _w.Close();
        }
    }

    private void LowerTryCatch(TryStatementSyntax t)
    {
        var moved = new List<int>();
        for (var i = 0; i < t.Catches.Count; i++)
        {
            var c = t.Catches[i];
            if (c.Filter is not null && HasSuspension(c.Filter.FilterExpression))
                Report(DiagnosticDescriptors.CannotLiveInFrame, c.Filter,
                    "A suspension point cannot be in an exception filter: the filter runs while the exception is still looking for its handler, before any finally block has run, where a goroutine cannot suspend (async methods: CS7094); compute the value before the try, or test it in the catch block and rethrow with 'throw;'");
            else if (Suspends(c.Block)) moved.Add(i);
            if (c.Filter is not null) CheckFilterOrder(t, c);
        }
        var id = _nextLabel++;
        var pc = moved.Count > 0 ? AddField("int", "_pendingCatch" + id, "which catch of the try on line " + Line(t) + " caught") : null;
        var pobj = moved.Count > 0 ? AddField("global::System.Exception", "_pendingCaught" + id, "exception caught by the try on line " + Line(t)) : null;
        if (pc is not null) { Hidden(); Stmt($"{pc} = 0;"); }

        // A clause around a suspension may be decided by a first pass: the catch-all of a suspending finally inside,
        // or the frame's CatchesInFirstPass when a frame it called throws (FirstPassLowering).
        var decided = _recordsFirstPass && Suspends(t.Block);
        var clauses = new List<string>();
        for (var i = 0; i < t.Catches.Count; i++)
        {
            var c = t.Catches[i];
            var sb = new System.Text.StringBuilder();
            ISymbol? catchVar = c.Declaration is not null && c.Declaration.Identifier.RawKind != 0 ? Model.GetDeclaredSymbol(c.Declaration) : null;
            var firstPassId = decided && c.Filter is not null && !HasSuspension(c.Filter.FilterExpression) ? _firstPassIds[c] = ++_nextFirstPassId : 0;
            if (moved.Contains(i) || firstPassId > 0 || decided)
            {
                var typeText = c.Declaration is null ? "global::System.Exception" : Model.GetTypeInfo(c.Declaration.Type).Type?.Fq() ?? c.Declaration.Type.ToString();
                var name = catchVar is not null ? c.Declaration!.Identifier.Text : "__ex" + id + "_" + i;
                sb.Append($"catch ({typeText} {name})");
                if (c.Filter is not null)
                {
                    // Pattern variables of the filter are read by the moved handler, or by a handler whose filter
                    // a first pass ran (the rewritten filter below does not run it again): they live in fields,
                    // set where the pattern matches (the Renamer's __GoSet).
                    if (moved.Contains(i) || firstPassId > 0) HoistDesignations(c.Filter.FilterExpression);
                    var excluded = catchVar is null ? null : new HashSet<ISymbol>(SymbolEqualityComparer.Default) { catchVar };
                    var filter = MappedExpression(c.Filter.FilterExpression, InContext(Rewrite(c.Filter.FilterExpression, c.Filter, null, excluded)));
                    if (firstPassId > 0)
                    {
                        // Decided by the first pass (see FirstPass) when this is the exception it saw; the
                        // decision is used once. Another exception this clause catches ends the decision too: it
                        // was thrown in place of the decided one (by a finally that suspends, after that first
                        // pass), which will not come here, and a decision left behind would answer for that
                        // exception object the next time it is thrown (a cached one), with no filter run.
                        var (fpe, fpc) = FirstPassFields();
                        filter = $"global::System.Object.ReferenceEquals({fpe}, {name}) ? {fpc} == {firstPassId} && ({fpe} = null) == null : ({filter}) && ({fpe} = null) == null";
                    }
                    sb.Append($" when ({filter})");
                }
                else if (decided)
                {
                    // A first pass chose this clause (-2): the decision is used up here, so that a throw; in the
                    // block starts a fresh first pass for the enclosing filters. Whatever it catches clears the
                    // decision: an exception other than the decided one was thrown in its place (above).
                    var (fpe, _) = FirstPassFields();
                    sb.Append($" when (({fpe} = null) == null)");
                }
                sb.Append(moved.Contains(i) ? $"\n{{\n    {pobj} = {name};\n    {pc} = {i + 1};\n}}" : "\n" + MappedBlock(c.Block, BlockInContext(Rewrite(c.Block, c))));
            }
            else
            {
                // In a lowered checked block the clause is written outside any checked statement: its filter
                // and block get the context back (a filter that overflows is false, as in C#).
                sb.Append("catch");
                if (c.Declaration is not null) sb.Append(' ').Append(Rewrite(c.Declaration, c));
                if (c.Filter is not null) sb.Append(" when (").Append(MappedExpression(c.Filter.FilterExpression, InContext(Rewrite(c.Filter.FilterExpression, c)))).Append(')');
                sb.Append('\n').Append(MappedBlock(c.Block, BlockInContext(Rewrite(c.Block, c))));
            }
            clauses.Add(sb.ToString());
        }
        EmitRealTry(() => LowerStatement(t.Block), clauses);
        if (moved.Count == 0) return;

        var end = NewLabel("endcatch");
        _w.Open($"switch ({pc})");
        foreach (var i in moved) _w.Line($"case {i + 1}: goto __catch{id}_{i};");
        _w.Close();
        Stmt($"goto {end};");
        foreach (var i in moved)
        {
            var c = t.Catches[i];
            Hidden();
            Label($"__catch{id}_{i}");
            _movedCatches[c] = pobj!;
            if (c.Declaration is not null && c.Declaration.Identifier.RawKind != 0 && Model.GetDeclaredSymbol(c.Declaration) is ILocalSymbol ex)
            {
                EnterEnvironment(c);
                var f = Hoist(ex, c.Declaration);
                Stmt($"{f} = ({ex.Type.Fq()}){pobj};");
            }
            LowerStatement(c.Block);
            Hidden();
            Stmt($"goto {end};");
        }
        Label(end);
        Stmt($"{pobj} = null;");
    }

    private readonly Dictionary<CatchClauseSyntax, int> _firstPassIds = new();
    private int _nextFirstPassId;
    private (string Exception, string Clause)? _firstPassFields;

    private (string Exception, string Clause) FirstPassFields() => _firstPassFields ??= (
        AddField("global::System.Exception", "_firstPassException", "the exception whose handler the first pass chose"),
        AddField("int", "_firstPassClause", "the catch clause the first pass chose (-1: none in this frame, -2: one without filter)"));

    /// <summary>
    /// The first pass of exception handling (the CLR's), for the catch-all that stands for a finally that
    /// suspends: before that finally runs, the catch clauses of the enclosing trys of this frame are tried in
    /// order, innermost first (type, then filter; a filter that throws is false), and the clause that will
    /// catch is recorded; when none will, the frame's callers are asked in turn (ExceptionFirstPass, across
    /// frames). When the exception is rethrown after the finally, the filters read the decision instead of
    /// running again, so they run before the finally, once, as in C#.
    /// </summary>
    private List<string> FirstPass(TryStatementSyntax region)
    {
        var lines = new List<string>();
        var (fpe, fpc) = FirstPassFields();
        // Decided already: a nested region or the frame's CatchesInFirstPass saw this exception (it is being
        // rethrown through this one).
        lines.Add($"if (!global::System.Object.ReferenceEquals({fpe}, __ex))");
        lines.Add("{");
        lines.Add($"    {fpe} = __ex;");
        lines.Add($"    {fpc} = 0;");
        foreach (var l in DecideClauses(EnclosingTrys(region), fpc, outsideResume: false) ?? new List<string>()) lines.Add(l.StartsWith("#") ? l : "    " + l);
        lines.Add($"    if ({fpc} == -1) {RuntimeContract.ExceptionFirstPass.Type}.{RuntimeContract.ExceptionFirstPass.AskCallers}(this, __ex);");
        lines.Add("}");
        return lines;
    }

    /// <summary>
    /// Emits <c>try { dispatch; body }</c> followed by the given clauses. States resumed inside the body go
    /// first to a label just before the try, then through the try's own dispatch.
    /// </summary>
    private void EmitRealTry(System.Action body, IEnumerable<string> clauses)
    {
        var entry = NewLabel("try");
        var declaredBefore = _stackLocals.Where(l => _hoisted.ContainsKey(l.Key) && !_stackLocalsOutOfScope.Contains(l.Key)).ToList();
        var outerScope = _scope;
        var outerWriter = _w;
        _scope = new List<(int, string)>();
        _w = new IndentedWriter();
        body();
        // Stack-only locals declared in the body are out of scope after the try's closing brace.
        foreach (var l in _stackLocals.Keys)
            if (_hoisted.ContainsKey(l) && !declaredBefore.Any(d => SymbolEqualityComparer.Default.Equals(d.Key, l))) _stackLocalsOutOfScope.Add(l);
        var innerScope = _scope;
        var innerText = _w.ToString().TrimEnd('\n');
        _scope = outerScope;
        _w = outerWriter;
        Hidden();
        if (innerScope.Count > 0)
        {
            foreach (var (state, _) in innerScope) _scope.Add((state, entry));
            // Stack-only locals the body reads before its first suspension point get a dummy value on the resumed
            // path only, for C#'s definite assignment (StackOnlyCompounds.cs).
            var dummies = StackLocalsAtTryEntry(declaredBefore);
            if (dummies.Count > 0)
            {
                var fallThrough = NewLabel("tryin");
                _w.Line($"goto {fallThrough};");
                Label(entry);
                foreach (var d in dummies) _w.Line(d);
                Label(fallThrough);
            }
            else Label(entry);
        }
        _w.Line("try");
        _w.Line("{");
        _w.Indent++;
        EmitDispatch(_w, innerScope);
        if (innerText.Length > 0) _w.Lines(innerText);
        Hidden();
        _w.Indent--;
        _w.Line("}");
        foreach (var c in clauses) _w.Lines(c);
    }

    /// <summary>
    /// A copied catch block under its own span directive, as a copied finally block is: clauses are written after the
    /// try's hidden tail, where its statements would have no line (no breakpoint in the block, and a
    /// <c>[CallerLineNumber]</c> there counting on from the directive before it).
    /// </summary>
    private string MappedBlock(BlockSyntax block, string text) => MappedExpression(block, text).Trim('\n');

    /// <summary>A real try whose finally (plain code, no suspension) runs unless the frame is suspending.</summary>
    private void EmitTryFinallyText(System.Action body, string finallyText)
    {
        EmitRealTry(body, new[] { "finally", "{", $"    if ({RuntimeContract.Frame.State} < 0)", "    {", Indent(finallyText, 2), "    }", "}" });
    }

    private static string Indent(string text, int levels)
    {
        var pad = new string(' ', levels * 4);
        return string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : pad + l));
    }
}
