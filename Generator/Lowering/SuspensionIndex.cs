using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Which syntax nodes suspend: a node suspends if it holds a suspension-point call, a nested [Goroutine]
/// call, or a preempting loop, outside lambdas, local functions, lock, unsafe and fixed. Every lowering
/// decision (copy a statement as it is, or flatten it) asks this index.
/// </summary>
internal sealed partial class SuspensionIndex
{
    private readonly LauncherTypeInference _launchers;
    private readonly IAssemblySymbol _assembly;
    private readonly Dictionary<SyntaxNode, bool> _suspends = new();
    private readonly Dictionary<InvocationExpressionSyntax, CallKind> _calls = new();
    private readonly HashSet<InvocationExpressionSyntax> _importedWithoutFactory = new();
    private readonly Dictionary<InvocationExpressionSyntax, IMethodSymbol> _boundAtRunTime = new();

    // The body indexed by IndexSuspensions, and those of its nodes that suspend; a node outside it is
    // answered by a walk of its subtree, cached in _suspends.
    private SyntaxNode? _indexedBody;
    private readonly HashSet<SyntaxNode> _suspending = new();

    public SuspensionIndex(LauncherTypeInference launchers, IAssemblySymbol assembly)
    {
        _launchers = launchers;
        _assembly = assembly;
    }

    public CallKind Classify(InvocationExpressionSyntax inv)
    {
        if (_calls.TryGetValue(inv, out var k)) return k;
        if (_launchers.DynamicallyBoundGoroutineCall(inv, _assembly) is { } lateBound)
        {
            // C# binds the call when it runs (a dynamic argument or receiver): the binder may pick another overload
            // or convert differently than any call the generator could write, so the call stays as written, plain.
            _boundAtRunTime[inv] = lateBound;
            _calls[inv] = CallKind.Plain;
            return CallKind.Plain;
        }
        var m = _launchers.ResolveMethod(inv);
        k = SymbolFacts.Classify(m, _assembly);
        if (k == CallKind.Plain && m is not null && SymbolFacts.IsImportedGoroutineWithoutFactory(m, _assembly)) _importedWithoutFactory.Add(inv);
        _calls[inv] = k;
        return k;
    }

    /// <summary>A plain call to a [Goroutine] method of another assembly that has no frame factory for it (GOSH0020).</summary>
    public bool CallsImportedGoroutineWithoutFactory(InvocationExpressionSyntax inv) => Classify(inv) == CallKind.Plain && _importedWithoutFactory.Contains(inv);

    /// <summary>
    /// The [Goroutine] method or suspension point a call bound at run time (<c>dynamic</c>) would reach, which
    /// therefore runs as a plain call (GOSH0021); null for any other call.
    /// </summary>
    public IMethodSymbol? BoundAtRunTime(InvocationExpressionSyntax inv) =>
        Classify(inv) == CallKind.Plain && _boundAtRunTime.TryGetValue(inv, out var m) ? m : null;

    /// <summary>True if the node contains a suspension point or a loop (outside lambdas, local functions, lock, unsafe, fixed).</summary>
    public bool Suspends(SyntaxNode node)
    {
        // A lock's expression runs before the monitor is taken, so it may suspend (as `lock (await t)` may); its body may not (GOSH0005).
        if (node is LockStatementSyntax lockStatement) return Suspends(lockStatement.Expression);
        if (node is UnsafeStatementSyntax or FixedStatementSyntax or LocalFunctionStatementSyntax) return false;
        if (_indexedBody is not null && node.SyntaxTree == _indexedBody.SyntaxTree && _indexedBody.FullSpan.Contains(node.FullSpan))
            return _suspending.Contains(node);
        if (_suspends.TryGetValue(node, out var r)) return r;
        r = node.DescendantNodesAndSelf(Descend).Any(n => IsSuspensionNode(n) || n is LockStatementSyntax l && n != node && Suspends(l.Expression));
        _suspends[node] = r;
        return r;
    }

    // A loop is a preemption point, unless it holds lambdas or local functions and no real suspension point:
    // then it stays plain code, so that its per-iteration variables keep their own closures.
    // A label that a later goto jumps back to heads a loop too: its preemption check sits at the label.
    // So is a loop among stack-only locals (StackOnlyLoops.cs).
    private bool IsSuspensionNode(SyntaxNode n) =>
        n is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
            && !n.DescendantNodes().Any(d => d is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            && !_plainAmongStackOnly.Contains(n)
        || n is InvocationExpressionSyntax inv && Classify(inv) != CallKind.Plain
        || n is LabeledStatementSyntax lab && IsBackwardGotoTarget(lab) && !_plainGotoLoops.Contains(lab);

    private readonly Dictionary<LabeledStatementSyntax, bool> _backwardTargets = new();

    /// <summary>
    /// True if a <c>goto</c> after the label (in source order, in the same function: not in a lambda or local
    /// function, which have labels of their own) jumps to it: the label heads a loop made of gotos.
    /// </summary>
    public bool IsBackwardGotoTarget(LabeledStatementSyntax lab)
    {
        if (_backwardTargets.TryGetValue(lab, out var known)) return known;
        SyntaxNode scope = lab.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
            or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax) ?? lab.SyntaxTree.GetRoot();
        var name = lab.Identifier.ValueText;
        var found = scope.DescendantNodes(d => d == scope || d is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<GotoStatementSyntax>()
            .Any(g => g.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GotoStatement) && g.SpanStart > lab.SpanStart
                && g.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == name);
        _backwardTargets[lab] = found;
        return found;
    }

    /// <summary>
    /// Finds, in one walk of the body, every node for which <c>node.DescendantNodesAndSelf(Descend)</c> holds a
    /// suspension point or a preempting loop: the ancestors of each such point, up to the first one that
    /// <see cref="Descend"/> does not enter. <see cref="Suspends"/> then is a set lookup instead of a walk of the
    /// node's subtree (done again for every enclosing statement).
    /// </summary>
    public void IndexSuspensions(SyntaxNode body, SemanticModel model)
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
                case LabeledStatementSyntax lab when IsBackwardGotoTarget(lab):
                    points.Add(n);
                    break;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax when n != body:
                    for (var a = n.Parent; a is not null && withClosure.Add(a) && a != body; a = a.Parent) { }
                    break;
            }
        }
        FindPlainGotoLoops(body, model, points);
        FindPlainLoopsAmongStackOnly(body, model, loops, points);
        foreach (var loop in loops)
            if (!withClosure.Contains(loop) && !_plainAmongStackOnly.Contains(loop)) points.Add(loop);
        foreach (var p in points)
        {
            if (!_suspending.Add(p) || p == body) continue;
            for (SyntaxNode? child = p, a = p.Parent; a is not null; child = a, a = a.Parent)
            {
                // a's subtree walk would not enter the branch holding p (a lock's expression it does enter)
                if (!Descend(a) && !(a is LockStatementSyntax l && l.Expression == child)) break;
                if (!_suspending.Add(a)) break;    // already marked, and so is the rest of the chain
                if (a == body) break;
            }
        }
        _indexedBody = body;
    }

    private static bool Descend(SyntaxNode n) =>
        n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or LockStatementSyntax or UnsafeStatementSyntax or FixedStatementSyntax);

    /// <summary>True if an expression contains a suspension point (outside lambdas).</summary>
    public bool HasSuspension(SyntaxNode? e) => e is not null && Suspends(e);
}
