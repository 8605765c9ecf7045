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
/// once when the exception is rethrown at the call site; a catch clause in such a try clears it whenever it catches
/// (so a <c>throw;</c> in it starts a fresh first pass, and an exception thrown in place of the decided one leaves
/// no decision behind). The method is a member of the frame, not a local
/// function of <c>Resume</c>: a filter that calls a local function of the method calls it through a delegate that
/// the try stored in a frame field when it was entered (<see cref="CheckFilterOrder"/>); where no such delegate can
/// be written, its site answers "cannot tell" (the walk stops, the filter runs when the exception reaches it) and
/// the use gets GOSH0015.</para>
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
                var repl = new Dictionary<SyntaxNode, string>();
                if (outsideResume)
                {
                    // Outside Resume a local function is called through the delegate the try stored for it.
                    foreach (var (use, function) in LocalFunctionUses(c.Filter.FilterExpression))
                    {
                        if (!_filterFunctionFields.TryGetValue(function, out var field)) return null;
                        repl[use] = field;
                    }
                }
                var caught = c.Declaration is { Identifier.RawKind: not 0 } ? Model.GetDeclaredSymbol(c.Declaration, _ct) : null;
                if (caught is not null)
                    foreach (var id in c.Filter.FilterExpression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                        if (id.Identifier.ValueText == caught.Name && SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(id, _ct).Symbol, caught))
                            repl[id] = $"(({type!.Fq()})__ex)";
                var filter = Rewrite(c.Filter.FilterExpression, c.Filter, repl);
                if (CheckedContextOf(c) is { } context) filter = $"{context}({filter})";
                lines.Add(SpanDirective(c.Filter));
                lines.Add($"if ({clause} == 0{test}) {{ try {{ if ({filter}) {clause} = {cid}; }} catch {{ }} }}");
                lines.Add("#line hidden");
            }
        }
        lines.Add($"if ({clause} == 0) {clause} = -1;");
        return lines;
    }

    /// <summary>Every use of a local function in a filter (a call's name, or a name converted to a delegate).</summary>
    private List<(SimpleNameSyntax Use, IMethodSymbol Function)> LocalFunctionUses(ExpressionSyntax filter)
    {
        var uses = new List<(SimpleNameSyntax, IMethodSymbol)>();
        foreach (var id in filter.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
            if (Model.GetSymbolInfo(id, _ct).Symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction } f) uses.Add((id, f));
        return uses;
    }

    /// <summary>The frame field holding a delegate to a local function that a filter calls, per local function (and type arguments).</summary>
    private readonly Dictionary<IMethodSymbol, string> _filterFunctionFields = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// A filter around a nested goroutine call runs in the frame's <c>CatchesInFirstPass</c>, a member of the frame,
    /// where a local function of <c>Resume</c> cannot be named. So each local function the filter calls is stored,
    /// as a delegate in a frame field, where the try is entered (the filter's scope, so the function is in scope;
    /// before the try's resume label, so a resumed frame keeps it), and the first pass calls the delegate:
    /// <c>_filterFn0 ??= (global::System.Exception __a0) =&gt; Check(__a0);</c> before the try, <c>_filterFn0(...)</c> in
    /// the first pass. A local function taking a closure environment gets the current entry's, read when it runs,
    /// as the filter in <c>Resume</c> would; a generic one is stored per type arguments. What a delegate cannot carry
    /// (a type argument of a lambda or local function, ref, out, optional or params parameters, a named argument, a
    /// use that is no call) gets GOSH0015 instead, at that use: that filter runs after the callee's finally blocks.
    /// </summary>
    private void CheckFilterOrder(TryStatementSyntax t, CatchClauseSyntax c)
    {
        var uses = LocalFunctionUses(c.Filter!.FilterExpression);
        if (uses.Count == 0) return;
        var calls = t.Block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<InvocationExpressionSyntax>().Where(inv => Classify(inv) == CallKind.GoroutineCall).ToList();
        if (calls.Count == 0) return;
        foreach (var (use, function) in uses)
        {
            var why = WhyNoFilterDelegate(use, function);
            if (why is not null)
            {
                var names = string.Join(", ", calls.Take(3).Select(inv => "'" + inv.Expression + "'")) + (calls.Count > 3 ? ", ..." : "");
                Report(DiagnosticDescriptors.FilterAfterFinally, use, function.Name, why,
                    (calls.Count == 1 ? "the nested goroutine call " : "the nested goroutine calls ") + names + " of the try");
                return;
            }
        }
        var stored = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var (_, function) in uses)
        {
            // Stored before every try that needs it (a try entered without passing another's would find none).
            if (!stored.Add(function)) continue;
            var parameters = function.Parameters;
            var types = parameters.Select(p => p.Type.Fq()).ToList();
            var delegateType = function.ReturnsVoid
                ? (types.Count == 0 ? "global::System.Action" : $"global::System.Action<{string.Join(", ", types)}>")
                : $"global::System.Func<{string.Join(", ", types.Concat(new[] { function.ReturnType.Fq() }))}>";
            if (!_filterFunctionFields.TryGetValue(function, out var field))
            {
                field = AddField(delegateType, "_filterFn" + _filterFunctionFields.Count + "_" + function.Name,
                    $"the local function {function.Name}, for the first pass of the filters that call it");
                _filterFunctionFields[function] = field;
            }
            var name = (TryGetLocalFunctionName(function, out var renamed) ? renamed : function.Name)
                + (function.IsGenericMethod ? "<" + string.Join(", ", function.TypeArguments.Select(a => a.Fq())) + ">" : "");
            var arguments = new List<string>();
            if (LocalFunctionEnvironment(function.OriginalDefinition) is { } env) arguments.Add(env.Field);
            arguments.AddRange(parameters.Select((_, i) => "__a" + i));
            var lambdaParameters = string.Join(", ", parameters.Select((p, i) => types[i] + " __a" + i));
            Hidden();
            Stmt($"{field} ??= ({lambdaParameters}) => {name}({string.Join(", ", arguments)});");
        }
    }

    /// <summary>Why a delegate of a plain Func or Action type cannot stand for this use of the local function, or null.</summary>
    private static string? WhyNoFilterDelegate(SimpleNameSyntax use, IMethodSymbol function)
    {
        if (use.Parent is not InvocationExpressionSyntax call || call.Expression != use) return "it is not called there but converted to a delegate";
        if (function.TypeArguments.Any(t => Renamer.MentionsClosureTypeParameter(t) || ContainsAnonymousType(t))) return "a type argument cannot be named in the frame";
        if (function.ReturnsByRef || function.ReturnsByRefReadonly || SymbolFacts.IsRefLike(function.ReturnType)) return "it returns by reference or a ref struct";
        if (function.Parameters.Length > 16) return "it has more than 16 parameters";
        foreach (var p in function.Parameters)
        {
            if (p.RefKind != RefKind.None) return "its parameter '" + p.Name + "' is ref, out or in";
            if (p.IsParams || p.IsOptional) return "its parameter '" + p.Name + "' is params or optional";
            if (SymbolFacts.IsRefLike(p.Type) || p.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol || ContainsAnonymousType(p.Type)) return "its parameter '" + p.Name + "' has a type no delegate field can take";
        }
        if (ContainsAnonymousType(function.ReturnType) || function.ReturnType is IPointerTypeSymbol) return "its return type cannot be named";
        if (call.ArgumentList.Arguments.Any(a => a.NameColon is not null)) return "the call names its arguments";
        return null;
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
