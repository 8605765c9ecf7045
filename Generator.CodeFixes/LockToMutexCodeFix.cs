using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace GoSharp.Generator.CodeFixes;

/// <summary>
/// GOSH0005: a <c>lock</c> whose body suspends becomes a <c>Sync.Mutex</c> held across the suspension:
/// <c>lock (_gate) { ... }</c> turns into <c>_gateMutex.Lock(); try { ... } finally { _gateMutex.Unlock(); }</c>
/// with a new field <c>private readonly Sync.Mutex _gateMutex = new();</c> beside <c>_gate</c> (static if it is).
/// </summary>
/// <remarks>
/// Offered when the lock's object is a field of the method's type, <c>this</c> or <c>typeof(...)</c>: those name
/// one object for every caller, and the mutex field stands for it. Plain code elsewhere that still locks the
/// same object does not exclude the goroutine any more; the fix's title says the mutex replaces the lock, and
/// other <c>lock</c> statements on the same object can take the same fix (fix-all shares one field per object).
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LockToMutexCodeFix)), Shared]
public sealed class LockToMutexCodeFix : CodeFixProvider
{
    private const string MutexType = "global::GoSharp.Sync.Mutex";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SuspensionInLock);

    /// <summary>One edit per document, so that the locks on one object share one new field.</summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return null;
        var editor = await DocumentEditor.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
        var fields = new Dictionary<(TypeDeclarationSyntax, string), string>();
        var done = new HashSet<LockStatementSyntax>();
        foreach (var diagnostic in diagnostics)
            if (Plan(root, model, diagnostic, context.CancellationToken) is { } plan && done.Add(plan.Lock))
                Apply(editor, plan, fields);
        return editor.GetChangedDocument();
    });

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is not { } plan) continue;
            context.RegisterCodeFix(CodeAction.Create($"Replace the lock with a Sync.Mutex ('{plan.FieldName}')", async ct =>
            {
                var editor = await DocumentEditor.CreateAsync(context.Document, ct).ConfigureAwait(false);
                Apply(editor, plan, new Dictionary<(TypeDeclarationSyntax, string), string>());
                return editor.GetChangedDocument();
            }, nameof(LockToMutexCodeFix)), diagnostic);
        }
    }

    private sealed class LockPlan(LockStatementSyntax @lock, TypeDeclarationSyntax type, string target, string fieldName, bool isStatic, bool fieldExists)
    {
        public bool FieldExists { get; } = fieldExists;
        public LockStatementSyntax Lock { get; } = @lock;
        public TypeDeclarationSyntax Type { get; } = type;
        public string Target { get; } = target;
        public string FieldName { get; } = fieldName;
        public bool IsStatic { get; } = isStatic;
    }

    /// <summary>What to do for the lock around the diagnostic's call, or null when its object is not one the type owns.</summary>
    private static LockPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken ct)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var @lock = node.AncestorsAndSelf().OfType<LockStatementSyntax>().FirstOrDefault();
        var type = @lock?.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (@lock is null || type is null || model.GetDeclaredSymbol(type, ct) is not { } typeSymbol) return null;
        string target;
        string baseName;
        bool isStatic;
        switch (@lock.Expression)
        {
            case ThisExpressionSyntax:
                (target, baseName, isStatic) = ("this", "_mutex", false);
                break;
            case TypeOfExpressionSyntax t:
                (target, baseName, isStatic) = ("typeof " + t.Type, "s_mutex", true);
                break;
            default:
                if (model.GetSymbolInfo(@lock.Expression, ct).Symbol is not IFieldSymbol field
                    || !SymbolEqualityComparer.Default.Equals(field.ContainingType, typeSymbol)) return null;
                (target, baseName, isStatic) = (field.Name, field.Name + "Mutex", field.IsStatic);
                break;
        }
        // A mutex field of that name made by an earlier fix stands for the same object: reuse it.
        var name = baseName;
        for (var i = 2; typeSymbol.GetMembers(name).FirstOrDefault() is { } existing; i++)
        {
            if (existing is IFieldSymbol { Type: { Name: "Mutex", ContainingType.Name: "Sync" } } f && f.IsStatic == isStatic)
                return new LockPlan(@lock, type, target, name, isStatic, fieldExists: true);
            name = baseName + i;
        }
        return new LockPlan(@lock, type, target, name, isStatic, fieldExists: false);
    }

    private static void Apply(DocumentEditor editor, LockPlan plan, Dictionary<(TypeDeclarationSyntax, string), string> fields)
    {
        if (plan.FieldExists)
        {
            fields[(plan.Type, plan.Target)] = plan.FieldName;
        }
        if (!fields.TryGetValue((plan.Type, plan.Target), out var name))
        {
            name = plan.FieldName;
            fields[(plan.Type, plan.Target)] = name;
            var field = (FieldDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                $"private {(plan.IsStatic ? "static " : "")}readonly {MutexType} {name} = new {MutexType}();\n")!;
            editor.InsertMembers(plan.Type, 0, new[] { field.WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation) });
        }
        var body = plan.Lock.Statement as BlockSyntax ?? SyntaxFactory.Block(plan.Lock.Statement);
        var lockCall = SyntaxFactory.ParseStatement($"{name}.Lock();").WithAdditionalAnnotations(Formatter.Annotation);
        var tryFinally = SyntaxFactory.TryStatement(body, default,
                SyntaxFactory.FinallyClause(SyntaxFactory.Block(SyntaxFactory.ParseStatement($"{name}.Unlock();"))))
            .WithAdditionalAnnotations(Formatter.Annotation);
        if (plan.Lock.Parent is BlockSyntax)
        {
            editor.InsertBefore(plan.Lock, lockCall.WithLeadingTrivia(plan.Lock.GetLeadingTrivia()));
            editor.ReplaceNode(plan.Lock, tryFinally.WithTrailingTrivia(plan.Lock.GetTrailingTrivia()));
        }
        else
        {
            editor.ReplaceNode(plan.Lock, SyntaxFactory.Block(lockCall, tryFinally).WithTriviaFrom(plan.Lock).WithAdditionalAnnotations(Formatter.Annotation));
        }
    }
}
