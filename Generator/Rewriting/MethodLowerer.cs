using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Emit;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Rewriting;

/// <summary>
/// Lowers the body of one [Goroutine] method into the body of <c>Frame.Resume</c>.
/// Statements without suspension are copied (through <see cref="Renamer"/>); statements with one are
/// flattened into labels and gotos (regenerator's way), except <c>try</c>, which stays a real try with its
/// own state dispatch at the head of its body and a finally guarded by <c>State &lt; 0</c> (Roslyn's way).
/// Loop back-edges count as suspension points (the preemption check).
/// </summary>
internal sealed partial class MethodLowerer
{
    private const string FrameResultType = "global::GoSharp.CompilerServices.FrameResult";
    private const string Exit = "<exit>";

    private readonly IMethodSymbol _method;
    private readonly CancellationToken _ct;
    private readonly string _filePath;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<ISymbol, string> _hoisted = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxNode, bool> _suspends = new();
    private readonly Dictionary<InvocationExpressionSyntax, CallKind> _calls = new();
    private readonly List<JumpTarget> _targets = new();
    private readonly List<PendingRegion> _pending = new();
    private readonly Dictionary<ILabelSymbol, string> _userLabels = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<CatchClauseSyntax, string> _movedCatches = new();
    private readonly HashSet<string> _fieldNames = new();
    private List<(int State, string Label)> _scope = new();
    private IndentedWriter _w = new();
    private int _nextState, _nextLabel, _nextTemp, _nextLocal;
    private string? _checked;
    private bool _usesFrameResultLocal;

    public MethodLowerer(SemanticModel model, IMethodSymbol method, string filePath, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        Model = model;
        _method = method;
        _filePath = filePath;
        _diagnostics = diagnostics;
        _ct = ct;
    }

    public SemanticModel Model { get; }

    // Names a simple name must have to need rewriting: hoisted locals and parameters, and members of the
    // containing types and their bases. Other identifiers skip the (comparatively costly) symbol lookup.
    private readonly HashSet<string> _rewriteNames = new() { "nameof" };
    private bool _memberNamesAdded;

    public bool MayNeedRewrite(string name)
    {
        if (!_memberNamesAdded)
        {
            _memberNamesAdded = true;
            for (var t = _method.ContainingType; t is not null; t = t.ContainingType)
                for (INamedTypeSymbol? b = t; b is not null; b = b.BaseType)
                    foreach (var n in b.MemberNames) _rewriteNames.Add(n);
        }
        return _rewriteNames.Contains(name);
    }

    public bool UsesThis { get; set; }
    public bool NeedsPatternHelpers { get; set; }
    public List<FieldModel> Fields { get; } = new();
    public List<StateModel> States { get; } = new();
    public bool HasErrors => _diagnostics.Any(d => DiagnosticDescriptors.Get(d.Id).DefaultSeverity == DiagnosticSeverity.Error);

    private sealed class JumpTarget
    {
        public JumpTarget(SyntaxNode node, string brk, string? cont, int depth)
        {
            Node = node; Break = brk; Continue = cont; Depth = depth;
        }
        public SyntaxNode Node { get; }
        public string Break { get; }
        public string? Continue { get; }
        public int Depth { get; }
        public List<(object? Value, string Label)> Cases { get; } = new();
        public string? Default { get; set; }
    }

    private sealed class PendingRegion
    {
        public PendingRegion(int id) => Id = id;
        public int Id { get; }
        public string FinLabel => "__finally" + Id;
        public string BranchField => "_pendingBranch" + Id;
        public List<(string Target, int Depth)> Branches { get; } = new();
    }

    // ------------------------------------------------------------------ entry

    /// <summary>Lowers the method body; returns the text of Resume's body.</summary>
    public string Lower(BaseMethodDeclarationSyntax decl)
    {
        foreach (var p in _method.Parameters) HoistParameter(p);
        if (((SyntaxNode?)decl.Body ?? decl.ExpressionBody) is { } root) IndexSuspensions(root);
        var body = new IndentedWriter();
        _w = body;
        if (decl.Body is not null)
        {
            LowerStatement(decl.Body);
        }
        else if (decl.ExpressionBody is not null)
        {
            var e = decl.ExpressionBody.Expression;
            HoistDesignations(e);
            if (_method.ReturnsVoid)
            {
                var r = LowerExpression(e, discard: true);
                if (r.Length > 0) { Src(e); Stmt(r + ";"); }
            }
            else
            {
                var r = LowerExpression(e);
                Src(e);
                Stmt("Result = " + r + ";");
            }
        }
        Hidden();
        Stmt("return " + FrameResultType + ".Completed;");

        var w = new IndentedWriter();
        w.Line("#line hidden");
        if (_usesFrameResultLocal) w.Line(FrameResultType + " __fr;");
        EmitDispatch(w, _scope);
        w.Lines(body.ToString().TrimEnd('\n'));
        w.Line("#line default");
        return w.ToString().TrimEnd('\n');
    }

    private static void EmitDispatch(IndentedWriter w, List<(int State, string Label)> scope)
    {
        if (scope.Count == 0) return;
        w.Open("switch (State)");
        foreach (var (state, label) in scope) w.Line($"case {state}: goto {label};");
        w.Close();
    }

    // ------------------------------------------------------------------ helpers

    public void Report(DiagnosticDescriptor descriptor, SyntaxNode at, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, LocationInfo.From(at), args.ToEquatableArray()));

    /// <summary>True for a local that C# creates afresh on each iteration of an enclosing loop (body locals, foreach variables).</summary>
    public bool IsPerIterationLocal(ILocalSymbol local)
    {
        var decl = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct);
        if (decl is null) return false;
        if (decl is CommonForEachStatementSyntax) return true;
        foreach (var a in decl.Ancestors())
        {
            if (a is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) return false;
            if (a is WhileStatementSyntax w && w.Statement.Span.Contains(decl.Span)) return true;
            if (a is DoStatementSyntax d && d.Statement.Span.Contains(decl.Span)) return true;
            if (a is ForStatementSyntax f && f.Statement.Span.Contains(decl.Span)) return true;
            if (a is CommonForEachStatementSyntax fe && (fe.Statement.Span.Contains(decl.Span) || fe is ForEachVariableStatementSyntax fv && fv.Variable.Span.Contains(decl.Span))) return true;
        }
        return false;
    }

    /// <summary>A fresh identifier for a renamed pattern variable.</summary>
    public string UniqueName(string name) => "__" + name + "_" + (_nextLabel++);

    public bool TryGetHoisted(ISymbol symbol, out string field) => _hoisted.TryGetValue(symbol, out field!);

    private string NewLabel(string kind) => "__" + kind + (_nextLabel++);

    private void Stmt(string text) => _w.Lines(text);

    private void Label(string label) => _w.Line(label + ": ;");

    private void Src(SyntaxNode node)
    {
        var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        _w.Line($"#line {line} \"{_filePath}\"");
    }

    private void Hidden() => _w.Line("#line hidden");

    private int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private string AddField(string type, string name, string comment)
    {
        var n = name;
        for (var i = 2; !_fieldNames.Add(n); i++) n = name + "_" + i;
        Fields.Add(new FieldModel(type, n, comment));
        return n;
    }

    private void HoistParameter(IParameterSymbol p)
    {
        _rewriteNames.Add(p.Name);
        var name = "_p_" + p.Name;
        _hoisted[p] = AddField(p.Type.Fq(), name, "parameter " + p.Name);
    }

    /// <summary>Gives a local its own frame field (one per declaration, so shadowed names never collide).</summary>
    private string Hoist(ISymbol symbol, SyntaxNode at)
    {
        if (_hoisted.TryGetValue(symbol, out var existing)) return existing;
        var local = (ILocalSymbol)symbol;
        _rewriteNames.Add(local.Name);
        if (local.IsRef || local.Type.IsRefLikeType)
            Report(DiagnosticDescriptors.RefAcrossSuspension, at, local.Name);
        var type = TypeText(InferLocalType(local) ?? local.Type, at);
        var field = AddField(type, "_l" + (_nextLocal++) + "_" + local.Name, $"local {local.Name} (line {Line(at)})");
        _hoisted[symbol] = field;
        return field;
    }

    private string TypeText(ITypeSymbol type, SyntaxNode at)
    {
        if (type.IsAnonymousType || type is INamedTypeSymbol nt && nt.TypeArguments.Any(t => t.IsAnonymousType))
            Report(DiagnosticDescriptors.Unsupported, at, "A value of an anonymous type that lives across a suspension point");
        if (type.IsRefLikeType)
            Report(DiagnosticDescriptors.RefAcrossSuspension, at, at.ToString());
        if (type.TypeKind == TypeKind.Error)
            Report(DiagnosticDescriptors.Unsupported, at, "A value whose type the generator cannot see (it depends on a GoX(...) launcher or another generator's output; declare the local's type explicitly)");
        return type.Fq();
    }

    private string Temp(ITypeSymbol? type, SyntaxNode at, string what = "temp")
    {
        if (type is null)
        {
            Report(DiagnosticDescriptors.Unsupported, at, "An expression without a type (spilled around a suspension point)");
            return "_t" + (_nextTemp++);
        }
        return AddField(TypeText(type, at), "_t" + (_nextTemp++), what + " for line " + Line(at));
    }

    /// <summary>Hoists expression variables (out var, pattern variables) declared in an expression.</summary>
    private void HoistDesignations(SyntaxNode? node)
    {
        if (node is null) return;
        foreach (var d in Designations(node))
            if (Model.GetDeclaredSymbol(d) is ILocalSymbol l) Hoist(l, d);
    }

    private static IEnumerable<SingleVariableDesignationSyntax> Designations(SyntaxNode node) =>
        node.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or SwitchExpressionArmSyntax or QueryExpressionSyntax or StatementSyntax) || n == node)
            .OfType<SingleVariableDesignationSyntax>();

    /// <summary>For a statement copied as it is: hoist the expression variables that leak into the enclosing block.</summary>
    private void HoistLeaking(StatementSyntax s)
    {
        SyntaxNode? e = s switch
        {
            ExpressionStatementSyntax es => es.Expression,
            ReturnStatementSyntax r => r.Expression,
            ThrowStatementSyntax t => t.Expression,
            IfStatementSyntax i => i.Condition,
            SwitchStatementSyntax sw => sw.Expression,
            _ => null,
        };
        if (e is null) return;
        foreach (var d in Designations(e))
        {
            if (Model.GetDeclaredSymbol(d) is not ILocalSymbol l || _hoisted.ContainsKey(l)) continue;
            if (ReferencedOutside(l, s)) Hoist(l, d);
        }
    }

    private bool ReferencedOutside(ILocalSymbol local, SyntaxNode inside)
    {
        var body = inside.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax) ?? inside.SyntaxTree.GetRoot();
        foreach (var id in body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (id.Identifier.ValueText != local.Name || inside.Span.Contains(id.Span)) continue;
            if (SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(id).Symbol, local)) return true;
        }
        return false;
    }

    public string Rewrite(SyntaxNode node, SyntaxNode? root = null, IReadOnlyDictionary<SyntaxNode, string>? replacements = null, ISet<ISymbol>? excluded = null) =>
        new Renamer(this, root ?? node, replacements, excluded).Visit(node)!.ToString();

    private string RewriteExpr(ExpressionSyntax e, IReadOnlyDictionary<SyntaxNode, string>? replacements = null)
    {
        var text = Rewrite(e, e, replacements);
        return _checked is null ? text : $"{_checked}({text})";
    }

    // ------------------------------------------------------------------ suspension analysis

    public CallKind Classify(InvocationExpressionSyntax inv)
    {
        if (_calls.TryGetValue(inv, out var k)) return k;
        k = SymbolFacts.Classify(ResolveMethod(inv));
        _calls[inv] = k;
        return k;
    }

    /// <summary>True if the node contains a suspension point or a loop (outside lambdas, local functions, lock, unsafe, fixed).</summary>
    private bool Suspends(SyntaxNode node)
    {
        if (node is LockStatementSyntax or UnsafeStatementSyntax or FixedStatementSyntax or LocalFunctionStatementSyntax) return false;
        if (_indexedBody is not null && node.SyntaxTree == _indexedBody.SyntaxTree && _indexedBody.FullSpan.Contains(node.FullSpan))
            return _suspending.Contains(node);
        if (_suspends.TryGetValue(node, out var r)) return r;
        r = node.DescendantNodesAndSelf(Descend).Any(IsSuspensionNode);
        _suspends[node] = r;
        return r;
    }

    // A loop is a preemption point, unless it holds lambdas or local functions and no real suspension point:
    // then it stays plain code, so that its per-iteration variables keep their own closures.
    private bool IsSuspensionNode(SyntaxNode n) =>
        n is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
            && !n.DescendantNodes().Any(d => d is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
        || n is InvocationExpressionSyntax inv && Classify(inv) != CallKind.Plain;

    private SyntaxNode? _indexedBody;
    private readonly HashSet<SyntaxNode> _suspending = new();

    /// <summary>
    /// Finds, in one walk of the body, every node for which <c>node.DescendantNodesAndSelf(Descend)</c> holds a
    /// suspension point or a preempting loop: the ancestors of each such point, up to the first one that
    /// <see cref="Descend"/> does not enter. <see cref="Suspends"/> then is a set lookup instead of a walk of the
    /// node's subtree (done again for every enclosing statement).
    /// </summary>
    private void IndexSuspensions(SyntaxNode body)
    {
        var points = new List<SyntaxNode>();
        var loops = new List<SyntaxNode>();
        var withClosure = new HashSet<SyntaxNode>();
        foreach (var n in body.DescendantNodesAndSelf())
        {
            switch (n)
            {
                case InvocationExpressionSyntax inv when Classify(inv) != CallKind.Plain:
                    points.Add(n);
                    break;
                case WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax:
                    loops.Add(n);
                    break;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax when n != body:
                    for (var a = n.Parent; a is not null && withClosure.Add(a) && a != body; a = a.Parent) { }
                    break;
            }
        }
        foreach (var loop in loops)
            if (!withClosure.Contains(loop)) points.Add(loop);
        foreach (var p in points)
        {
            if (!_suspending.Add(p) || p == body) continue;
            for (var a = p.Parent; a is not null; a = a.Parent)
            {
                if (!Descend(a)) break;            // a's subtree walk would not enter the branch holding p
                if (!_suspending.Add(a)) break;    // already marked, and so is the rest of the chain
                if (a == body) break;
            }
        }
        _indexedBody = body;
    }

    private static bool Descend(SyntaxNode n) =>
        n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or LockStatementSyntax or UnsafeStatementSyntax or FixedStatementSyntax);

    /// <summary>True if an expression contains a suspension point (outside lambdas).</summary>
    private bool HasSuspension(SyntaxNode? e) => e is not null && Suspends(e);

    // ------------------------------------------------------------------ states

    private int NewState(SyntaxNode at, string description)
    {
        var n = _nextState++;
        States.Add(new StateModel(n, Line(at), description));
        return n;
    }

    private void ResumeLabel(int state)
    {
        var label = "__resume" + state;
        _scope.Add((state, label));
        _w.Line(label + ":");
        _w.Line("State = -1;");
    }

    private void PreemptCheck(SyntaxNode loop)
    {
        var n = NewState(loop, "loop back-edge (preemption check)");
        Hidden();
        Stmt($"// state {n}: preemption check at the back-edge of the loop on line {Line(loop)}");
        Stmt($"if (__g.Preempt) {{ State = {n}; return __g.Yield(this); }}");
        ResumeLabel(n);
    }

    // ------------------------------------------------------------------ jumps

    public static SyntaxNode? BreakTarget(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => a is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax))
            .FirstOrDefault(a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax or SwitchStatementSyntax);

    public static SyntaxNode? ContinueTarget(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => a is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax))
            .FirstOrDefault(a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax);

    private JumpTarget? FindTarget(SyntaxNode node) => _targets.LastOrDefault(t => t.Node == node);

    /// <summary>A jump to <paramref name="target"/>, which lies inside <paramref name="depth"/> pending-finally regions.</summary>
    private string Jump(string target, int depth)
    {
        if (_pending.Count > depth)
        {
            var region = _pending[_pending.Count - 1];
            var index = region.Branches.IndexOf((target, depth));
            if (index < 0)
            {
                region.Branches.Add((target, depth));
                index = region.Branches.Count - 1;
            }
            return $"{{ {region.BranchField} = {index + 1}; goto {region.FinLabel}; }}";
        }
        return target == Exit ? "return " + FrameResultType + ".Completed;" : "goto " + target + ";";
    }

    public string JumpForBreak(SyntaxNode target)
    {
        var t = FindTarget(target);
        return t is null ? "break;" : Jump(t.Break, t.Depth);
    }

    public string JumpForContinue(SyntaxNode target)
    {
        var t = FindTarget(target);
        return t?.Continue is null ? "continue;" : Jump(t.Continue, t.Depth);
    }

    /// <summary>Rewrites a goto whose target lies outside the copied statement; null keeps it.</summary>
    public string? JumpForGoto(GotoStatementSyntax node, System.Func<SyntaxNode, bool> isInside)
    {
        if (node.IsKind(SyntaxKind.GotoStatement))
        {
            if (Model.GetSymbolInfo(node.Expression!).Symbol is not ILabelSymbol label) return null;
            var decl = label.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            if (decl is null || isInside(decl)) return null;
            return Jump(UserLabel(label), PendingDepth(decl));
        }
        var sw = node.Ancestors().OfType<SwitchStatementSyntax>().FirstOrDefault();
        if (sw is null || isInside(sw)) return null;
        var t = FindTarget(sw);
        if (t is null) return null;
        if (node.IsKind(SyntaxKind.GotoDefaultStatement))
            return t.Default is null ? null : Jump(t.Default, t.Depth);
        var value = Model.GetConstantValue(node.Expression!);
        foreach (var (v, l) in t.Cases)
            if (value.HasValue && Equals(v, value.Value)) return Jump(l, t.Depth);
        Report(DiagnosticDescriptors.Unsupported, node, "This 'goto case'");
        return null;
    }

    private string UserLabel(ILabelSymbol label)
    {
        if (!_userLabels.TryGetValue(label, out var name))
        {
            name = "__user" + (_nextLabel++) + "_" + label.Name;
            _userLabels[label] = name;
        }
        return name;
    }

    /// <summary>How many pending-finally regions (try statements whose finally suspends) enclose a node.</summary>
    private int PendingDepth(SyntaxNode node)
    {
        var depth = 0;
        foreach (var a in node.Ancestors())
        {
            if (a is TryStatementSyntax t && t.Finally is not null && Suspends(t.Finally.Block)
                && (t.Block.Span.Contains(node.Span) || t.Catches.Any(c => c.Span.Contains(node.Span))))
                depth++;
            if (a is MemberDeclarationSyntax) break;
        }
        return depth;
    }

    public string ReturnText(string? value)
    {
        var jump = Jump(Exit, 0);
        return value is null ? jump : $"{{ Result = {value}; {jump} }}";
    }

    public string? RethrowText(ThrowStatementSyntax node)
    {
        var c = node.Ancestors().TakeWhile(a => a is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<CatchClauseSyntax>().FirstOrDefault();
        if (c is null || !_movedCatches.TryGetValue(c, out var field)) return null;
        return $"global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw({field});";
    }
}
