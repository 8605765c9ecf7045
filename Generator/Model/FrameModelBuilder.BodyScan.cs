using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Lowering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Model;

// The walk of a [Goroutine] method's body for what no lowering decides: suspension points where none may be (lock,
// unsafe, lambdas), thread-blocking calls (GOSH0009), file-local types the frame cannot see, and whether it is an iterator.
internal static partial class FrameModelBuilder
{
    /// <summary>GOSH0017 at each use of a file-local type in the body: the frame, in another file, cannot see it.</summary>
    private static void ReportFileLocalUses(SyntaxNode body, SemanticModel model, List<DiagnosticInfo> diags, CancellationToken ct)
    {
        foreach (var name in body.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            ct.ThrowIfCancellationRequested();
            if (name.Parent is QualifiedNameSyntax q && q.Left == name || name.Parent is MemberAccessExpressionSyntax ma && ma.Expression == name) continue; // the outermost name reports
            if (FileLocalTypes.Owner(model.GetSymbolInfo(name, ct).Symbol) is not { } type) continue;
            var at = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : (SyntaxNode)name;
            Add(diags, DiagnosticDescriptors.CannotLiveInFrame, at.GetLocation(),
                $"'{at}' belongs to the file-local type '{type.Name}', which the goroutine's frame cannot see: it is generated into another file; make '{type.Name}' internal (or a private nested type), or call it from a helper method of '{body.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text}'");
        }
        // Members a construct calls without naming them (a foreach's GetEnumerator, a Deconstruct, an Add, a
        // query's Select, an operator) may be extensions of a file-local class too: the generated file calls them.
        foreach (var node in body.DescendantNodes())
        {
            ct.ThrowIfCancellationRequested();
            if (FileLocalTypes.ImplicitMembers(node, model, ct).Select(FileLocalTypes.Owner).FirstOrDefault(t => t is not null) is not { } owner) continue;
            var at = node switch
            {
                CommonForEachStatementSyntax loop => loop.Expression,
                FixedStatementSyntax fixedStatement => fixedStatement.Declaration,
                _ => node,
            };
            var member = FileLocalTypes.ImplicitMembers(node, model, ct).First(m => FileLocalTypes.Owner(m) is not null)!;
            Add(diags, DiagnosticDescriptors.CannotLiveInFrame, at.GetLocation(),
                $"'{(member is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } ? "operator " + OperatorToken(node) : member.Name)}', which this {Construct(node)} calls, belongs to the file-local type '{owner.Name}', which the goroutine's frame cannot see: it is generated into another file; make '{owner.Name}' internal (or a private nested type), or move the code into a helper method of '{body.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text}'");
        }

        static string OperatorToken(SyntaxNode node) => node switch
        {
            BinaryExpressionSyntax b => b.OperatorToken.Text,
            AssignmentExpressionSyntax a => a.OperatorToken.Text,
            PrefixUnaryExpressionSyntax p => p.OperatorToken.Text,
            PostfixUnaryExpressionSyntax p => p.OperatorToken.Text,
            _ => "",
        };

        static string Construct(SyntaxNode node) => node switch
        {
            CommonForEachStatementSyntax => "foreach",
            AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } => "deconstruction",
            RecursivePatternSyntax => "positional pattern",
            QueryClauseSyntax or SelectOrGroupClauseSyntax or OrderingSyntax => "query clause",
            ExpressionSyntax { Parent: InitializerExpressionSyntax } => "collection initializer element",
            CollectionExpressionSyntax => "collection expression",
            SpreadElementSyntax => "spread",
            FixedStatementSyntax => "fixed statement",
            _ => "operator",
        };
    }

    /// <summary>Method-wide checks: misplaced suspension points and thread-blocking calls. Returns whether the body has a
    /// yield statement outside lambdas and local functions (an iterator).</summary>
    private static bool ScanBody(SyntaxNode body, SemanticModel model, MethodLowerer lowerer, List<DiagnosticInfo> diags, bool unsafeContext, CancellationToken ct)
    {
        var iterator = false;
        var mayHoldThreadLock = ThreadAffineLocks.MayTake(body);
        foreach (var node in body.DescendantNodes())
        {
            ct.ThrowIfCancellationRequested();
            if (node is YieldStatementSyntax && !iterator)
            {
                iterator = true;
                for (var a = node.Parent; a is not null && a != body; a = a.Parent)
                    if (a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) { iterator = false; break; }
            }
            else if (node is InvocationExpressionSyntax inv)
            {
                var kind = lowerer.Classify(inv);
                if (kind != CallKind.Plain)
                {
                    if (mayHoldThreadLock && ThreadAffineLocks.HeldAt(inv, body, model, ct) is { } taken)
                        Add(diags, DiagnosticDescriptors.SuspensionHoldingThreadLock, inv.GetLocation(), inv.ToString(), taken.ToString());
                    SyntaxNode child = inv;
                    foreach (var a in inv.Ancestors())
                    {
                        if (a == body)
                        {
                            if (unsafeContext) Add(diags, DiagnosticDescriptors.SuspensionInUnsafe, inv.GetLocation(), inv.ToString());
                            else if (StartsBlockingSectionAround(a, child, model, ct))
                                Add(diags, DiagnosticDescriptors.SuspensionInBlockingSection, inv.GetLocation(), inv.ToString());
                            else if (StartsScopeAround(a, child, e => IsLockScope(e, model, ct)))
                                Add(diags, DiagnosticDescriptors.SuspensionInLock, inv.GetLocation(), inv.ToString());
                            break;
                        }
                        if (a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                        {
                            // A [Goroutine] method called in a closure is a plain call there, as C# means it
                            // (an async method called in a lambda is not awaited either): a warning, not an error.
                            if (kind == CallKind.GoroutineCall)
                                Add(diags, DiagnosticDescriptors.GoroutineCallInClosure, inv.GetLocation(), inv.ToString());
                            else
                                Add(diags, DiagnosticDescriptors.SuspensionInLambda, inv.GetLocation(), inv.ToString());
                            break;
                        }
                        if (a is LockStatementSyntax l && l.Statement == child || StartsScopeAround(a, child, e => IsLockScope(e, model, ct)))
                        {
                            Add(diags, DiagnosticDescriptors.SuspensionInLock, inv.GetLocation(), inv.ToString());
                            break;
                        }
                        if (a is UnsafeStatementSyntax or FixedStatementSyntax)
                        {
                            Add(diags, DiagnosticDescriptors.SuspensionInUnsafe, inv.GetLocation(), inv.ToString());
                            break;
                        }
                        if (StartsBlockingSectionAround(a, child, model, ct))
                        {
                            // The runtime would throw there (G.Park): the section's thread holds no P.
                            Add(diags, DiagnosticDescriptors.SuspensionInBlockingSection, inv.GetLocation(), inv.ToString());
                            break;
                        }
                        child = a;
                    }
                }
                else if (lowerer.BoundAtRunTime(inv) is { } lateBound)
                {
                    Add(diags, DiagnosticDescriptors.DynamicGoroutineCall, inv.GetLocation(), inv.ToString(),
                        lateBound.ContainingType.Name + "." + lateBound.Name);
                }
                else if (lowerer.CallsImportedGoroutineWithoutFactory(inv) && model.GetSymbolInfo(inv, ct).Symbol is IMethodSymbol imported)
                {
                    Add(diags, DiagnosticDescriptors.ImportedGoroutineWithoutFactory, inv.GetLocation(),
                        imported.ContainingType.Name + "." + imported.Name, imported.ContainingAssembly.Name);
                }
                else if (SymbolFacts.MayBeBlocking(inv.Expression) && model.GetSymbolInfo(inv, ct).Symbol is IMethodSymbol symbol
                    && SymbolFacts.BlockingReplacement(symbol, ReceiverType(inv, model, ct)) is { } replacement && !BlockingIsFine(inv, body, model, ct))
                {
                    Add(diags, DiagnosticDescriptors.BlockingCall, inv.GetLocation(), symbol.ContainingType.Name + "." + symbol.Name, replacement);
                }
            }
            else if (node is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } ma && ma.Parent is not InvocationExpressionSyntax
                && model.GetSymbolInfo(ma, ct).Symbol is IPropertySymbol prop && SymbolFacts.BlockingReplacement(prop) is { } rep
                && !BlockingIsFine(ma, body, model, ct))
            {
                Add(diags, DiagnosticDescriptors.BlockingCall, ma.GetLocation(), prop.ContainingType.Name + "." + prop.Name, rep);
            }
        }
        return iterator;
    }

    /// <summary>
    /// A thread-blocking call that does not stall the goroutine's P: inside a lambda that runs on another
    /// thread (<c>Task.Run</c>, <c>Task.Factory.StartNew</c>, <c>ThreadPool.QueueUserWorkItem</c>,
    /// <c>new Thread</c>), or inside a blocking section the user announced (<c>Go.Blocking(() => ...)</c>,
    /// <c>using (Go.EnterBlocking())</c> or <c>using var _ = Go.EnterBlocking();</c>). GOSH0009 stays silent there.
    /// </summary>
    private static bool BlockingIsFine(SyntaxNode call, SyntaxNode body, SemanticModel model, CancellationToken ct)
    {
        for (SyntaxNode? a = call.Parent, child = call; a is not null && child != body; child = a, a = a.Parent)
        {
            if (a is AnonymousFunctionExpressionSyntax lambda
                && lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: var owner } }
                && owner is InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
                && model.GetSymbolInfo(owner, ct).Symbol is IMethodSymbol m && RunsElsewhereOrAnnounced(m))
                return true;
            if (StartsBlockingSectionAround(a, child, model, ct)) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="a"/>, the parent of <paramref name="child"/>, puts it in a blocking section:
    /// <c>using (Go.EnterBlocking()) child</c>, or a block where <c>using var _ = Go.EnterBlocking();</c> comes before it.
    /// </summary>
    private static bool StartsBlockingSectionAround(SyntaxNode a, SyntaxNode child, SemanticModel model, CancellationToken ct) =>
        StartsScopeAround(a, child, e => IsEnterBlocking(e, model, ct));

    /// <summary>
    /// Whether <paramref name="a"/>, the parent of <paramref name="child"/>, puts it in the scope of a using whose
    /// resource <paramref name="starts"/>: <c>using (R()) child</c>, or a block where <c>using var _ = R();</c> comes
    /// before it.
    /// </summary>
    private static bool StartsScopeAround(SyntaxNode a, SyntaxNode child, System.Func<ExpressionSyntax?, bool> starts)
    {
        if (a is UsingStatementSyntax u && child == u.Statement && starts(u.Expression ?? u.Declaration?.Variables.FirstOrDefault()?.Initializer?.Value))
            return true;
        if (a is BlockSyntax block && child is StatementSyntax st)
        {
            foreach (var earlier in block.Statements)
            {
                if (earlier == st) break;
                var declared = earlier;
                while (declared is LabeledStatementSyntax labeled) declared = labeled.Statement;
                if (declared is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } ld
                    && starts(ld.Declaration.Variables.FirstOrDefault()?.Initializer?.Value))
                    return true;
            }
        }
        return false;
    }

    private static bool RunsElsewhereOrAnnounced(IMethodSymbol m)
    {
        string type = m.ContainingType?.ToDisplayString() ?? "";
        return (type, m.Name) switch
        {
            (RuntimeContract.Go.MetadataName, RuntimeContract.Go.Blocking) => true,
            ("System.Threading.Tasks.Task", "Run") => true,
            ("System.Threading.Tasks.TaskFactory", "StartNew") => true,
            ("System.Threading.ThreadPool", "QueueUserWorkItem" or "UnsafeQueueUserWorkItem") => true,
            ("System.Threading.Thread", ".ctor") => true,
            _ => false,
        };
    }

    private static bool IsEnterBlocking(ExpressionSyntax? e, SemanticModel model, CancellationToken ct) =>
        e is InvocationExpressionSyntax inv && model.GetSymbolInfo(inv, ct).Symbol is IMethodSymbol m
        && m.Name == RuntimeContract.Go.EnterBlocking && m.ContainingType?.ToDisplayString() == RuntimeContract.Go.MetadataName;

    /// <summary>
    /// <c>l.EnterScope()</c> of a <c>System.Threading.Lock</c>: the lock statement's own lowering over a Lock, held by the
    /// thread that entered it until the scope's Dispose, so a suspension point inside is GOSH0005 as in a lock
    /// statement (its scope, a ref struct, would otherwise be GOSH0008, whose advice does not fit a lock).
    /// </summary>
    private static bool IsLockScope(ExpressionSyntax? e, SemanticModel model, CancellationToken ct) =>
        e is InvocationExpressionSyntax inv && model.GetSymbolInfo(inv, ct).Symbol is IMethodSymbol { Name: "EnterScope" } m
        && m.ContainingType?.ToDisplayString() == "System.Threading.Lock";
}
