using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace GoSharp.Generator.CodeFixes;

/// <summary>
/// GOSH0002: adds <c>partial</c> to the type the diagnostic names and to every type that encloses it, which is
/// what the generator needs to add the frame and the launcher.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NotPartial);

    /// <summary>
    /// Fix-all in one edit per document: each fix also touches the enclosing types, so the fixes of nested types
    /// overlap and the batch fixer (which merges independent text changes) would drop some of them.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return null;
        var editor = await DocumentEditor.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
        var done = new System.Collections.Generic.HashSet<TypeDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
            if (TypeAt(root, diagnostic) is { } type)
                MakePartial(editor, type, done);
        return editor.GetChangedDocument();
    });

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (TypeAt(root, diagnostic) is not { } type) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Make '{type.Identifier.ValueText}' partial", ct => MakePartialAsync(context.Document, type, ct), nameof(MakePartialCodeFix)),
                diagnostic);
        }
    }

    private static TypeDeclarationSyntax? TypeAt(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();

    private static async Task<Document> MakePartialAsync(Document document, TypeDeclarationSyntax type, CancellationToken ct)
    {
        var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
        MakePartial(editor, type, new System.Collections.Generic.HashSet<TypeDeclarationSyntax>());
        return editor.GetChangedDocument();
    }

    private static void MakePartial(DocumentEditor editor, TypeDeclarationSyntax type, System.Collections.Generic.HashSet<TypeDeclarationSyntax> done)
    {
        foreach (var t in type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
        {
            if (!done.Add(t)) continue;
            var modifiers = editor.Generator.GetModifiers(t);
            if (!modifiers.IsPartial) editor.SetModifiers(t, modifiers.WithPartial(true));
        }
    }
}
