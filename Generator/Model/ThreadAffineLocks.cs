using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
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
/// </code>
/// From the suspension point up to the method's body (or the lambda or local function it is in), each block is read
/// backwards from the statement that holds it: an earlier statement that releases a lock (anywhere inside it, as
/// <c>if (taken) Monitor.Exit(o)</c>) marks that lock released, an earlier statement that is a call taking one that
/// is not marked holds it. Locks are told apart by the text of the object (<c>o</c>, <c>_gate</c>, <c>this.l</c>).
/// Only what the syntax shows is followed: a lock taken in a helper method, or released on one path only, is not.
/// </summary>
internal static class ThreadAffineLocks
{
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
            if (a is not BlockSyntax block || child is not StatementSyntax statement) continue;
            int at = block.Statements.IndexOf(statement);
            for (int i = at - 1; i >= 0; i--)
            {
                var earlier = block.Statements[i];
                foreach (var call in earlier.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                    if (call is InvocationExpressionSyntax inv && Release(inv, model, ct) is { } key)
                        released.Add(key);
                if (earlier is ExpressionStatementSyntax { Expression: var e } && Take(e, model, ct) is { } taken && !released.Contains(taken.Key))
                    return taken.Call;
            }
        }
        return null;
    }

    /// <summary>A call that takes a thread-affine lock, with the text of the lock's object.</summary>
    private static (InvocationExpressionSyntax Call, string Key)? Take(ExpressionSyntax e, SemanticModel model, CancellationToken ct)
    {
        if (e is not InvocationExpressionSyntax inv || model.GetSymbolInfo(inv, ct).Symbol is not IMethodSymbol m) return null;
        var key = Lock(inv, m, model, ct, take: true);
        return key is null ? null : (inv, key);
    }

    /// <summary>The text of the lock's object that <paramref name="inv"/> releases, or null.</summary>
    private static string? Release(InvocationExpressionSyntax inv, SemanticModel model, CancellationToken ct) =>
        model.GetSymbolInfo(inv, ct).Symbol is IMethodSymbol m ? Lock(inv, m, model, ct, take: false) : null;

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
        if (m.IsStatic) return inv.ArgumentList.Arguments.Count > 0 ? inv.ArgumentList.Arguments[0].Expression.ToString() : null;
        return inv.Expression is MemberAccessExpressionSyntax ma ? ma.Expression.ToString() : "this";
    }

    private static bool IsMutex(InvocationExpressionSyntax inv, SemanticModel model, CancellationToken ct) =>
        inv.Expression is MemberAccessExpressionSyntax ma
        && model.GetTypeInfo(ma.Expression, ct).Type?.ToDisplayString() == "System.Threading.Mutex";
}
