using System.Threading;
using GoSharp.Generator.Lowering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Model;

/// <summary>
/// Whether a [Goroutine] method's body has compile errors. Such a body gets no lowered copy in a frame: the
/// compiler reports each error in the user's method, at the user's column, and a copy would report it again.
/// </summary>
/// <remarks>
/// Cheap first: parse errors are on the syntax; the bound tree the lowering needs anyway is walked for invalid
/// operations and error types. Only when that finds something does the compiler's own check of the body run
/// (<see cref="SemanticModel.GetMethodBodyDiagnostics"/>, which binds it again), because this generator's
/// compilation cannot see the launchers it generates: <c>GoWorker()</c> is unbound here, and not an error.
/// </remarks>
internal static class BodyErrors
{
    public static bool Has(MethodDeclarationSyntax decl, SemanticModel model, CancellationToken ct)
    {
        var body = (SyntaxNode?)decl.Body ?? decl.ExpressionBody;
        if (body is null) return false;
        if (body.ContainsDiagnostics)
            foreach (var d in body.GetDiagnostics())
                if (d.Severity == DiagnosticSeverity.Error) return true;
        if (!MayHaveErrors(model.GetOperation(decl, ct))) return false;
        LauncherTypeInference? launchers = null;
        foreach (var d in model.GetMethodBodyDiagnostics(body.Span, ct))
        {
            if (d.Severity != DiagnosticSeverity.Error) continue;
            launchers ??= new LauncherTypeInference(model, ct);
            if (!IsLauncherCall(d, body, launchers)) return true;
        }
        return false;
    }

    private static bool MayHaveErrors(IOperation? op)
    {
        if (op is null) return true;
        foreach (var o in op.DescendantsAndSelf())
        {
            if (o.Kind == OperationKind.Invalid || o.Type is { TypeKind: TypeKind.Error }) return true;
            if (o is IConversionOperation { Conversion.Exists: false }) return true;
        }
        return false;
    }

    /// <summary>The error names a launcher <c>GoX</c> of a [Goroutine] method: this generator's output, bound in the final compilation.</summary>
    private static bool IsLauncherCall(Diagnostic d, SyntaxNode body, LauncherTypeInference launchers)
    {
        var token = body.FindToken(d.Location.SourceSpan.Start);
        if (!token.ValueText.StartsWith("Go", System.StringComparison.Ordinal)) return false;
        var name = token.Parent as SimpleNameSyntax;
        var inv = name?.Parent switch
        {
            InvocationExpressionSyntax i when i.Expression == name => i,
            MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax i } ma when ma.Name == name => i,
            _ => null,
        };
        return inv is not null && launchers.InferType(inv) is { TypeKind: not TypeKind.Error };
    }
}
