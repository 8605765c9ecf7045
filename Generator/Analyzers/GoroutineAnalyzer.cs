using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GoSharp.Generator.Analyzers;

/// <summary>
/// Reports the generator's diagnostics (GOSH0001..) on the user's syntax tree, so that everything the compiler
/// offers for analyzer diagnostics applies to them: <c>.editorconfig</c> severity, <c>#pragma warning</c>,
/// <c>[SuppressMessage]</c>, <c>&lt;WarningsAsErrors&gt;</c>, <c>&lt;NoWarn&gt;</c>.
/// </summary>
/// <remarks>
/// The generator no longer reports these itself (only GOSH0001 for a failure while writing a file, which has no
/// place in the user's source). Both run the one analysis of a method, <see cref="FrameModelBuilder.Build"/>:
/// the generator decides from it whether to emit a frame, this analyzer reports what it found, and
/// <see cref="MethodAnalysisCache"/> lets the analyzer take the generator's result for the same declaration
/// instead of analysing the method again (docs/generator.md, Diagnostics).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GoroutineAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // A [Goroutine] method in a generated file (another tool's output) is lowered like any other, so its
        // diagnostics are reported too, as the generator did before they moved here.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // No GoSharp reference, no goroutines: nothing to do for the whole compilation.
            var attribute = start.Compilation.GetTypeByMetadataName(RuntimeContract.GoroutineAttribute.MetadataName);
            if (attribute is null) return;
            start.RegisterSyntaxNodeAction(c => AnalyzeMethod(c, attribute), SyntaxKind.MethodDeclaration);
            start.RegisterSyntaxNodeAction(c => AnalyzeLocalFunction(c, attribute), SyntaxKind.LocalFunctionStatement);
            start.RegisterSyntaxNodeAction(c => AnalyzeIgnoredTarget(c, attribute), SyntaxKind.GetAccessorDeclaration, SyntaxKind.SetAccessorDeclaration,
                SyntaxKind.InitAccessorDeclaration, SyntaxKind.AddAccessorDeclaration, SyntaxKind.RemoveAccessorDeclaration,
                SyntaxKind.OperatorDeclaration, SyntaxKind.ConversionOperatorDeclaration, SyntaxKind.DestructorDeclaration,
                SyntaxKind.ParenthesizedLambdaExpression, SyntaxKind.SimpleLambdaExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeBaseLauncher(c, attribute), SyntaxKind.SimpleMemberAccessExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeType(c, attribute), SyntaxKind.ClassDeclaration, SyntaxKind.StructDeclaration,
                SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration, SyntaxKind.InterfaceDeclaration);
        });
    }

    /// <summary>
    /// GOSH0022 at <c>base.GoV</c>: a generated launcher of a virtual <c>[Goroutine]</c> method, called through
    /// <c>base</c>, still makes the frame through the virtual factory, so it starts the override (red team 9, bug 12).
    /// </summary>
    private static void AnalyzeBaseLauncher(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
        var access = (MemberAccessExpressionSyntax)context.Node;
        if (access.Expression is not BaseExpressionSyntax || access.Name.Identifier.ValueText is not { Length: > 2 } name
            || !name.StartsWith("Go", System.StringComparison.Ordinal)) return;
        if (context.SemanticModel.GetSymbolInfo(access, context.CancellationToken).Symbol is not IMethodSymbol launcher
            || !launcher.DeclaringSyntaxReferences.Any(r => r.SyntaxTree.FilePath.Contains(nameof(GoroutineGenerator)))) return;
        var launched = launcher.ContainingType.GetMembers(name.Substring(2)).OfType<IMethodSymbol>()
            .FirstOrDefault(m => (m.IsVirtual || m.IsOverride || m.IsAbstract)
                && m.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)));
        if (launched is null) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BaseLauncher, access.GetLocation(), name, launched.Name));
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
        var decl = (MethodDeclarationSyntax)context.Node;
        if (decl.AttributeLists.Count == 0) return;
        if (context.SemanticModel.GetDeclaredSymbol(decl, context.CancellationToken) is not { } method
            || !method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
            return;
        var result = MethodAnalysisCache.Get(decl, method, context.SemanticModel, context.CancellationToken);
        ReportInvisibleCode(context, decl, method);
        // The lowering may meet one construct twice (a span local as a local, then as a ref struct value):
        // one diagnostic of an id at a span, the first.
        var reported = new HashSet<(string, LocationInfo)>();
        foreach (var d in result.Diagnostics)
            if (d.Id != DiagnosticDescriptors.NotPartial.Id && reported.Add((d.Id, d.Location)))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(d.Id), ToLocation(d.Location, decl.SyntaxTree, context.Compilation), ToArgs(d.Args)));
    }

    /// <summary>GOSH0018: [Goroutine] on a local function, which gets no frame and runs as plain code.</summary>
    private static void AnalyzeLocalFunction(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
        var local = (LocalFunctionStatementSyntax)context.Node;
        if (local.AttributeLists.Count == 0) return;
        if (context.SemanticModel.GetDeclaredSymbol(local, context.CancellationToken) is not IMethodSymbol symbol
            || !symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
            return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LocalFunctionGoroutine, local.Identifier.GetLocation(),
            $"The local function '{local.Identifier.ValueText}'", "make it a [Goroutine] method of the type (pass what it captures as parameters), or remove the attribute"));
    }

    /// <summary>
    /// GOSH0018 at the attribute: [Goroutine] on a property, indexer or event accessor (C# 14 extension members'
    /// included), an operator (extension operators included), a conversion operator, a finalizer or a lambda. The attribute's
    /// usage (methods) lets C# accept it there, but only ordinary methods are lowered: the code runs as plain code.
    /// </summary>
    private static void AnalyzeIgnoredTarget(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
        var lists = context.Node switch
        {
            AccessorDeclarationSyntax a => a.AttributeLists,
            BaseMethodDeclarationSyntax m => m.AttributeLists,
            LambdaExpressionSyntax l => l.AttributeLists,
            _ => default,
        };
        foreach (var list in lists)
        {
            // [return: Goroutine] is C#'s own error (the attribute applies to methods only).
            if (list.Target is not null && !list.Target.Identifier.IsKind(SyntaxKind.MethodKeyword)) continue;
            foreach (var attr in list.Attributes)
            {
                if (context.SemanticModel.GetSymbolInfo(attr, context.CancellationToken).Symbol is not IMethodSymbol ctor
                    || !SymbolEqualityComparer.Default.Equals(ctor.ContainingType, attribute))
                    continue;
                var (what, fix) = IgnoredTarget(context.Node);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LocalFunctionGoroutine, attr.GetLocation(), what, fix));
            }
        }
    }

    private static (string What, string Fix) IgnoredTarget(SyntaxNode node)
    {
        const string CallAMethod = "move the body into a [Goroutine] method of the type and call it from here (or launch it with its Go launcher), or remove the attribute";
        return node switch
        {
            AccessorDeclarationSyntax { Parent.Parent: BasePropertyDeclarationSyntax owner } a =>
                ($"The {a.Keyword.ValueText} accessor of '{OwnerName(owner)}'", CallAMethod),
            OperatorDeclarationSyntax op => ($"The operator '{op.OperatorToken.ValueText}'", CallAMethod),
            ConversionOperatorDeclarationSyntax conv => ($"The conversion operator to '{conv.Type}'", CallAMethod),
            DestructorDeclarationSyntax d => ($"The finalizer '~{d.Identifier.ValueText}'", CallAMethod),
            _ => ("A lambda", "make it a [Goroutine] method of the type (pass what it captures as parameters) and launch that, or remove the attribute"),
        };
    }

    private static string OwnerName(BasePropertyDeclarationSyntax owner) => owner switch
    {
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        EventDeclarationSyntax e => e.Identifier.ValueText,
        _ => "this[]",
    };

    /// <summary>
    /// The generator gave the method a frame that only throws because its body did not compile in the generator's
    /// compilation (<see cref="Model.BodyErrors"/>). If it compiles here, in the final compilation, it uses what
    /// another generator adds (a property generated from a field, a generated type), which this generator cannot
    /// see: reported (GOSH0010, at the method's name), so that the goroutine does not just throw at run time.
    /// Real errors are the compiler's, reported once in the method itself.
    /// </summary>
    private static void ReportInvisibleCode(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax decl, IMethodSymbol method)
    {
        var isStub = false;
        foreach (var frame in Lowering.SymbolFacts.Definition(method).ContainingType.GetTypeMembers(Lowering.SymbolFacts.FrameName(method)))
            isStub |= !frame.GetMembers(Emit.FrameEmitter.CompileErrorsMarker).IsEmpty;
        if (!isStub) return;
        var body = (SyntaxNode?)decl.Body ?? decl.ExpressionBody;
        if (body is null) return;
        foreach (var d in context.SemanticModel.GetMethodBodyDiagnostics(body.Span, context.CancellationToken))
            if (d.Severity == DiagnosticSeverity.Error) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Unsupported, decl.Identifier.GetLocation(),
            DiagnosticDescriptors.NotSupported("Code that binds only to output the GoSharp generator cannot see (another source generator's, or a value built from one of this generator's own GoX(...) launchers in a way it cannot type)",
                "give such values explicit types, or move that code into a helper method that is not [Goroutine]")));
    }

    /// <summary>
    /// GOSH0002 at a type that is not partial and holds a [Goroutine] method (at any depth), reported from the
    /// type's own declaration (the model stage finds it for every method; reported from the method, it would lie
    /// outside the analysed node, where the IDE's analysis of a span and fix-all do not look for it).
    /// </summary>
    private static void AnalyzeType(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
        var type = (TypeDeclarationSyntax)context.Node;
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword) || !HoldsGoroutine(type, context.SemanticModel, attribute, context.CancellationToken)) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotPartial, type.Identifier.GetLocation(), type.Identifier.ValueText));
    }

    private static bool HoldsGoroutine(TypeDeclarationSyntax type, SemanticModel model, INamedTypeSymbol attribute, System.Threading.CancellationToken ct)
    {
        foreach (var member in type.Members)
        {
            if (member is TypeDeclarationSyntax nested && HoldsGoroutine(nested, model, attribute, ct)) return true;
            if (member is MethodDeclarationSyntax { AttributeLists.Count: > 0 } m && model.GetDeclaredSymbol(m, ct) is { } method
                && method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
                return true;
        }
        return false;
    }

    /// <summary>A location in the compilation's own tree (not a path and span), so that pragmas and suppressions apply.</summary>
    private static Location ToLocation(LocationInfo info, SyntaxTree methodTree, Compilation compilation)
    {
        if (info.FilePath == methodTree.FilePath) return Location.Create(methodTree, info.Span);
        foreach (var tree in compilation.SyntaxTrees)
            if (tree.FilePath == info.FilePath) return Location.Create(tree, info.Span);
        return info.ToLocation();
    }

    private static object[] ToArgs(EquatableArray<string> args)
    {
        var a = new object[args.Count];
        for (var i = 0; i < a.Length; i++) a[i] = args[i];
        return a;
    }
}
