using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Model;

/// <summary>
/// A lock that belongs to the thread that took it (a <c>Monitor</c>, a <c>System.Threading.Lock</c>, a <c>SpinLock</c>,
/// a <c>ReaderWriterLockSlim</c>, a <c>Mutex</c>), taken by an explicit call and still held at a suspension point
/// (GOSH0026, a warning: async compiles the same and fails alike when it resumes on another thread). The
/// <c>lock</c> statement and a <c>Lock</c>'s <c>EnterScope</c> scope are GOSH0005's; this follows the calls written
/// apart, in the shapes they are written in:
/// <code>
/// Monitor.Enter(o);                        bool taken = false;
/// try { ... Tw(1) ... }                    try { Monitor.Enter(o, ref taken); ... Tw(1) ... }
/// finally { Monitor.Exit(o); }             finally { if (taken) Monitor.Exit(o); }
///
/// l.Enter(); Go.Yield(); l.Exit();         if (Monitor.TryEnter(o)) { ... Go.Yield() ... }
///
/// if (!Monitor.TryEnter(o)) return;        (a guard that leaves when the lock is not taken)
/// Go.Yield(); Monitor.Exit(o);
/// </code>
/// From the suspension point up to the method's body (or the lambda or local function it is in), each block is read
/// backwards from the statement that holds it: an earlier statement that releases a lock (anywhere inside it, as
/// <c>if (taken) Monitor.Exit(o)</c>) marks that lock released, an earlier statement that is a call taking one that
/// is not marked holds it, and so does a guard <c>if (!TryEnter(...))</c> whose statement always leaves (a switch
/// section's statements are read as a block's, a labeled statement as the one it labels). Locks are told apart by the object's symbol (<c>o</c>, <c>this.o</c> and <c>C.o</c> are one lock,
/// <c>a.l</c> and <c>b.l</c> two), other expressions by their text.
/// Only what the syntax shows is followed: a lock taken in a helper method, or released on one path only, is not.
/// </summary>
internal static class ThreadAffineLocks
{
    /// <summary>
    /// Whether <paramref name="body"/> has a call by the name of one that takes a lock: without one no suspension
    /// point is asked about. Each question reads every earlier statement, so a body of many suspension points would
    /// otherwise cost their square in binding (3,000 Go.Yield() calls took 17 s more).
    /// </summary>
    public static bool MayTake(SyntaxNode body)
    {
        foreach (var n in body.DescendantNodes())
            if (n is InvocationExpressionSyntax inv && IsTakeName(inv)) return true;
        return false;
    }

    /// <summary>The call that took a lock still held at <paramref name="suspension"/>, or null.</summary>
    public static InvocationExpressionSyntax? HeldAt(SyntaxNode suspension, SyntaxNode body, SemanticModel model, CancellationToken ct)
    {
        var released = new HashSet<string>();
        SyntaxNode child = suspension;
        for (SyntaxNode? a = suspension.Parent; a is not null; child = a, a = a == body ? null : a.Parent)
        {
            if (a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) return null;
            if (a is IfStatementSyntax ifs && child == ifs.Statement && Take(ifs.Condition, model, ct) is { } tried
                && !released.Contains(tried.Key))
                return tried.Call;
            // A switch section is read as a block: its statements run in order like one's.
            var statements = a switch { BlockSyntax b => b.Statements, SwitchSectionSyntax s => s.Statements, _ => default };
            if (statements.Count == 0 || child is not StatementSyntax statement) continue;
            int at = statements.IndexOf(statement);
            for (int i = at - 1; i >= 0; i--)
            {
                var earlier = statements[i];
                foreach (var call in earlier.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                    if (call is InvocationExpressionSyntax inv && Release(inv, model, ct) is { } key)
                        released.Add(key);
                while (earlier is LabeledStatementSyntax labeled) earlier = labeled.Statement; // a goto target takes it alike
                if (earlier is ExpressionStatementSyntax { Expression: var e } && Take(e, model, ct) is { } taken && !released.Contains(taken.Key))
                    return taken.Call;
                // if (!Monitor.TryEnter(o)) return ...; : past the guard the lock is held.
                if (earlier is IfStatementSyntax { Else: null, Condition: PrefixUnaryExpressionSyntax guard } failed
                    && guard.IsKind(SyntaxKind.LogicalNotExpression) && AlwaysLeaves(failed.Statement)
                    && Take(Unparenthesized(guard.Operand), model, ct) is { } tried2 && !released.Contains(tried2.Key))
                    return tried2.Call;
            }
        }
        return null;
    }

    /// <summary>Whether control never flows past <paramref name="s"/> (a return, throw, break, continue or goto, or a block ending in one).</summary>
    private static bool AlwaysLeaves(StatementSyntax s) => s switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax => true,
        BlockSyntax { Statements: { Count: > 0 } inner } => AlwaysLeaves(inner[inner.Count - 1]),
        _ => false,
    };

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax e)
    {
        while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
        return e;
    }

    /// <summary>A call that takes a thread-affine lock, with the text of the lock's object.</summary>
    private static (InvocationExpressionSyntax Call, string Key)? Take(ExpressionSyntax e, SemanticModel model, CancellationToken ct)
    {
        // The name first: binding every earlier call of the body for each suspension point is what costs.
        if (e is not InvocationExpressionSyntax inv || !IsTakeName(inv) || model.GetSymbolInfo(inv, ct).Symbol is not IMethodSymbol m) return null;
        var key = Lock(inv, m, model, ct, take: true);
        return key is null ? null : (inv, key);
    }

    /// <summary>The text of the lock's object that <paramref name="inv"/> releases, or null.</summary>
    private static string? Release(InvocationExpressionSyntax inv, SemanticModel model, CancellationToken ct) =>
        IsReleaseName(inv) && model.GetSymbolInfo(inv, ct).Symbol is IMethodSymbol m ? Lock(inv, m, model, ct, take: false) : null;

    private static string? MethodName(InvocationExpressionSyntax inv) => inv.Expression switch
    {
        MemberAccessExpressionSyntax ma => ma.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberBindingExpressionSyntax mb => mb.Name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsTakeName(InvocationExpressionSyntax inv) =>
        MethodName(inv) is "Enter" or "TryEnter" or "EnterReadLock" or "EnterWriteLock" or "EnterUpgradeableReadLock"
            or "TryEnterReadLock" or "TryEnterWriteLock" or "TryEnterUpgradeableReadLock" or "WaitOne";

    private static bool IsReleaseName(InvocationExpressionSyntax inv) =>
        MethodName(inv) is "Exit" or "ExitReadLock" or "ExitWriteLock" or "ExitUpgradeableReadLock" or "ReleaseMutex";

    private static string? Lock(InvocationExpressionSyntax inv, IMethodSymbol m, SemanticModel model, CancellationToken ct, bool take)
    {
        string type = m.ContainingType?.ToDisplayString() ?? "";
        bool matches = type switch
        {
            "System.Threading.Monitor" => take ? m.Name is "Enter" or "TryEnter" : m.Name == "Exit",
            "System.Threading.Lock" or "System.Threading.SpinLock" => take ? m.Name is "Enter" or "TryEnter" : m.Name == "Exit",
            "System.Threading.ReaderWriterLockSlim" => take
                ? m.Name is "EnterReadLock" or "EnterWriteLock" or "EnterUpgradeableReadLock" or "TryEnterReadLock" or "TryEnterWriteLock" or "TryEnterUpgradeableReadLock"
                : m.Name is "ExitReadLock" or "ExitWriteLock" or "ExitUpgradeableReadLock",
            "System.Threading.WaitHandle" => take && m.Name == "WaitOne" && IsMutex(inv, model, ct),
            "System.Threading.Mutex" => !take && m.Name == "ReleaseMutex",
            _ => false,
        };
        if (!matches) return null;
        // Monitor's methods are static: the lock is the first argument; the others' is the receiver.
        if (m.IsStatic) return inv.ArgumentList.Arguments.Count > 0 ? Key(inv.ArgumentList.Arguments[0].Expression, model, ct) : null;
        return inv.Expression is MemberAccessExpressionSyntax ma ? Key(ma.Expression, model, ct) : "this";
    }

    /// <summary>
    /// Which lock an expression names. The same field, property, local or parameter is often written more than one
    /// way (<c>O</c>, <c>C.O</c>, <c>this.o</c>, <c>(o)</c>): told apart by its symbol, with its receiver's key when it
    /// is another object's member (<c>a.L</c> is not <c>b.L</c>); anything else by its tokens, trivia left out.
    /// </summary>
    private static string Key(ExpressionSyntax e, SemanticModel model, CancellationToken ct)
    {
        while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
        if (e is ThisExpressionSyntax) return "this";
        if (e is IdentifierNameSyntax or MemberAccessExpressionSyntax
            && model.GetSymbolInfo(e, ct).Symbol is { Kind: SymbolKind.Field or SymbolKind.Property or SymbolKind.Local or SymbolKind.Parameter } s)
        {
            // A local or parameter by where it is declared: two of one name in sibling scopes are not one lock.
            string id = s.Kind is SymbolKind.Local or SymbolKind.Parameter
                ? s.Name + "@" + (s.Locations.Length > 0 ? s.Locations[0].SourceSpan.Start : -1)
                : s.ToDisplayString();
            if (s.IsStatic || s.Kind is SymbolKind.Local or SymbolKind.Parameter) return id;
            return (e is MemberAccessExpressionSyntax ma ? Key(ma.Expression, model, ct) : "this") + "." + id; // I is this.I
        }
        var text = new System.Text.StringBuilder();
        foreach (var token in e.DescendantTokens()) text.Append(token.Text);
        return text.ToString();
    }

    private static bool IsMutex(InvocationExpressionSyntax inv, SemanticModel model, CancellationToken ct) =>
        inv.Expression is MemberAccessExpressionSyntax ma
        && model.GetTypeInfo(ma.Expression, ct).Type?.ToDisplayString() == "System.Threading.Mutex";
}
