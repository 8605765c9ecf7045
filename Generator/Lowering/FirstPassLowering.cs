using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// The first pass of exception handling (the CLR's: every filter runs before any finally block) across the frames
/// of a goroutine: the frame's answering half of the runtime's protocol (<c>ExceptionFirstPass</c>, whose header
/// has both halves).
/// </summary>
/// <remarks>
/// <para>A caller suspended at a nested goroutine call is not on the thread's stack when its callee throws, so the
/// CLR cannot run its filters before the callee's finally blocks. The runtime asks it instead (the scheduler, in a
/// filter around the frame it resumed; or a callee's catch-all standing for a suspending finally), through
/// <c>CatchesInFirstPass(exception, callee)</c>, which this file writes for every frame with states:</para>
/// <code>
/// public override bool CatchesInFirstPass(Exception __ex, Frame __callee)
/// {
///     int __site = State;                                   // suspended: the state is the call site
///     if (__site &lt; 0)                                       // running (a callee's catch-all asks): find the call
///     {
///         if (ReferenceEquals(__callee, _call4)) __site = 4;
///         else return true;                                 // cannot tell: the walk stops here
///     }
///     switch (__site)
///     {
///         case 4:                                           // the catch clauses around state 4, innermost first
///             if (ReferenceEquals(_firstPassException, __ex)) return true;   // decided already: so are the callers
///             _firstPassException = __ex; _firstPassClause = 0;
///             if (_firstPassClause == 0 &amp;&amp; __ex is IOException) { try { if (p((IOException)__ex)) _firstPassClause = 1; } catch { } }
///             if (_firstPassClause == 0) _firstPassClause = -1;
///             return _firstPassClause != -1;
///         default: return false;                            // no try around it: ask my caller
///     }
/// }
/// </code>
/// <para>A frame that holds a decision for the exception already ends the walk: the walk that made it went on to the
/// callers above (or stopped here), so they hold theirs, and a later walk (a callee rethrowing it after a finally
/// that suspended, resumed on another thread) costs one step, not the depth.</para>
/// <para>The filters themselves, rewritten as for a suspending finally (ExceptionHandlerLowering), read that decision
/// once when the exception is rethrown at the call site; a catch clause without a filter in such a try clears it when
/// it catches, so a <c>throw;</c> in it starts a fresh first pass. The method is a member of the frame, not a local
/// function of <c>Resume</c>: a filter that calls a local function of the method cannot run there, so its site
/// answers "cannot tell" (the walk stops, the filter runs when the exception reaches it) and the filter gets
/// GOSH0015.</para>
/// </remarks>
internal sealed partial class MethodLowerer
{
    /// <summary>Each state and the node it suspends at (a call, an awaited suspension point, a loop back-edge).</summary>
    private readonly List<(int State, SyntaxNode Site)> _stateSites = new();

    /// <summary>The field holding the callee's frame, per nested goroutine call's state.</summary>
    private readonly List<(int State, string Field)> _callFields = new();

    /// <summary>Whether catch clauses of this method record first-pass decisions (decided once, in <see cref="Lower"/>).</summary>
    private bool _recordsFirstPass;

    /// <summary>
    /// True when some try of the body has a finally that suspends, or a catch with a filter around a suspension: then
    /// first-pass decisions are recorded in the frame's fields, and filters read them.
    /// </summary>
    private bool FindFirstPassTrys(SyntaxNode body) =>
        body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<TryStatementSyntax>()
            .Any(t => t.Finally is { } f && Suspends(f.Block) || t.Catches.Any(c => c.Filter is not null) && Suspends(t.Block));

    /// <summary>The trys whose body holds <paramref name="node"/>, innermost first (not its catch blocks' or finally's try).</summary>
    private static List<TryStatementSyntax> EnclosingTrys(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => a is not (BaseMethodDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<TryStatementSyntax>().Where(o => o.Block.Span.Contains(node.Span)).ToList();

    /// <summary>
    /// The lines that try the catch clauses of <paramref name="chain"/> in order for <c>__ex</c> and set
    /// <paramref name="clause"/> (starting at 0) to the one that catches: its first-pass id, -2 for a clause without
    /// filter, -1 for none. Null when a filter cannot run outside <c>Resume</c> (<paramref name="outsideResume"/>).
    /// </summary>
    private List<string>? DecideClauses(List<TryStatementSyntax> chain, string clause, bool outsideResume)
    {
        var lines = new List<string>();
        foreach (var o in chain)
        {
            foreach (var c in o.Catches)
            {
                var type = c.Declaration is null ? null : Model.GetTypeInfo(c.Declaration.Type, _ct).Type;
                var test = type is null ? "" : $" && __ex is {type.Fq()}";
                if (c.Filter is null)
                {
                    lines.Add($"if ({clause} == 0{test}) {clause} = -2;");
                    continue;
                }
                if (!_firstPassIds.TryGetValue(c, out var cid)) return null;
                if (outsideResume && CallsLocalFunction(c.Filter.FilterExpression) is not null) return null;
                var caught = c.Declaration is { Identifier.RawKind: not 0 } ? Model.GetDeclaredSymbol(c.Declaration, _ct) : null;
                var repl = new Dictionary<SyntaxNode, string>();
                if (caught is not null)
                    foreach (var id in c.Filter.FilterExpression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                        if (id.Identifier.ValueText == caught.Name && SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(id, _ct).Symbol, caught))
                            repl[id] = $"(({type!.Fq()})__ex)";
                var filter = Rewrite(c.Filter.FilterExpression, c.Filter, repl);
                lines.Add(SpanDirective(c.Filter));
                lines.Add($"if ({clause} == 0{test}) {{ try {{ if ({filter}) {clause} = {cid}; }} catch {{ }} }}");
                lines.Add("#line hidden");
            }
        }
        lines.Add($"if ({clause} == 0) {clause} = -1;");
        return lines;
    }

    /// <summary>The first local function a filter calls (or names), or null: such a filter can only run inside <c>Resume</c>.</summary>
    private IMethodSymbol? CallsLocalFunction(ExpressionSyntax filter)
    {
        foreach (var id in filter.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
        {
            if (Model.GetSymbolInfo(id, _ct).Symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction } f) return f;
        }
        return null;
    }

    /// <summary>
    /// GOSH0015: a filter around a nested goroutine call that calls a local function of the method cannot take part
    /// in the first pass across frames (see the remarks), so the callee's finally blocks may run before it.
    /// </summary>
    private void CheckFilterOrder(TryStatementSyntax t, CatchClauseSyntax c)
    {
        if (CallsLocalFunction(c.Filter!.FilterExpression) is not { } local) return;
        foreach (var node in t.Block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is InvocationExpressionSyntax inv && Classify(inv) == CallKind.GoroutineCall)
            {
                Report(DiagnosticDescriptors.FilterAfterFinally, c.Filter, local.Name, "the nested goroutine call '" + inv.Expression + "'");
                return;
            }
        }
    }

    /// <summary>The frame's <c>CatchesInFirstPass</c> override (see the remarks); null for a frame without states.</summary>
    private string? FirstPassMethod()
    {
        if (_stateSites.Count == 0) return null;
        var cases = new List<(List<int> States, List<string> Lines)>();
        foreach (var (state, site) in _stateSites)
        {
            var chain = EnclosingTrys(site);
            if (chain.Count == 0) continue;
            List<string> lines;
            var record = _recordsFirstPass;
            var decide = DecideClauses(chain, record ? FirstPassFields().Clause : "__c", outsideResume: true);
            if (decide is null)
            {
                lines = new List<string> { "return true;" };
            }
            else if (record)
            {
                var (fpe, fpc) = FirstPassFields();
                lines = new List<string>
                {
                    // Decided already, by a walk that then asked every caller above (or stopped here): end this one.
                    $"if (global::System.Object.ReferenceEquals({fpe}, __ex)) return true;",
                    $"{fpe} = __ex;",
                    $"{fpc} = 0;",
                };
                lines.AddRange(decide);
                lines.Add($"return {fpc} != -1;");
            }
            else
            {
                if (decide.Count == 1) continue; // no catch clause around it: like no try
                lines = new List<string> { "int __c = 0;" };
                lines.AddRange(decide);
                lines.Add("return __c != -1;");
            }
            var same = cases.FindIndex(x => x.Lines.SequenceEqual(lines));
            if (same >= 0) cases[same].States.Add(state);
            else cases.Add((new List<int> { state }, lines));
        }
        var w = new Emit.IndentedWriter();
        w.Line("#line hidden");
        w.Open($"public override bool {RuntimeContract.Frame.CatchesInFirstPass}(global::System.Exception __ex, {RuntimeContract.Frame.Type} __callee)");
        if (cases.Count == 0)
        {
            w.Line("return false;");
        }
        else
        {
            w.Line($"int __site = {RuntimeContract.Frame.State};");
            w.Open("if (__site < 0)");
            foreach (var (state, field) in _callFields)
                w.Line($"if (global::System.Object.ReferenceEquals(__callee, {field})) __site = {state}; else");
            w.Line("return true;");
            w.Close();
            w.Open("switch (__site)");
            foreach (var (states, lines) in cases)
            {
                foreach (var s in states) w.Line($"case {s}:");
                w.Line("{");
                w.Indent++;
                foreach (var l in lines) w.Lines(l);
                w.Close();
            }
            w.Line("default: return false;");
            w.Close();
        }
        w.Close();
        return w.ToString().TrimEnd('\n');
    }
}
