using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// using statements and using declarations (and the enumerator of a foreach): the resource is a frame
/// field, and disposal is a real try/finally guarded by <c>State &lt; 0</c>, so suspending inside the
/// body does not dispose it. Several resources nest, the first one outermost (disposed last).
/// </summary>
internal sealed partial class MethodLowerer
{
    private void LowerUsing(UsingStatementSyntax u)
    {
        if (u.AwaitKeyword.RawKind != 0) { Report(DiagnosticDescriptors.Unsupported, u, "await using"); return; }
        EnterEnvironment(u);
        var fields = new List<(string Field, ITypeSymbol Type)>();
        if (u.Declaration is not null)
        {
            AcquireResources(u.Declaration, fields);
        }
        else if (u.Expression is not null)
        {
            var type = Model.GetTypeInfo(u.Expression).Type;
            HoistDesignations(u.Expression);
            var value = LowerExpression(u.Expression);
            var f = Temp(type, u.Expression, "using resource");
            Src(u.Expression);
            Stmt($"{f} = {value};");
            if (type is not null) fields.Add((f, type));
        }
        EmitUsingTry(fields, () => LowerStatement(u.Statement), u);
    }

    /// <summary><c>using var r = e;</c> in a block: <paramref name="rest"/> lowers the statements after it, its body.</summary>
    private void LowerUsingDeclaration(LocalDeclarationStatementSyntax ud, System.Action rest)
    {
        if (ud.AwaitKeyword.RawKind != 0) { Report(DiagnosticDescriptors.Unsupported, ud, "await using"); return; }
        var fields = new List<(string Field, ITypeSymbol Type)>();
        AcquireResources(ud.Declaration, fields);
        EmitUsingTry(fields, rest, ud);
    }

    /// <summary>Hoists and initializes the declared resources, in order.</summary>
    private void AcquireResources(VariableDeclarationSyntax declaration, List<(string Field, ITypeSymbol Type)> fields)
    {
        foreach (var v in declaration.Variables)
        {
            var local = (ILocalSymbol)Model.GetDeclaredSymbol(v)!;
            var f = Hoist(local, v);
            HoistDesignations(v.Initializer?.Value);
            var value = v.Initializer is null ? "default" : LowerExpression(v.Initializer.Value);
            Src(v);
            Stmt($"{f} = {value};");
            fields.Add((f, local.Type));
        }
    }

    private void EmitUsingTry(List<(string Field, ITypeSymbol Type)> fields, System.Action body, SyntaxNode at)
    {
        if (fields.Count == 0) { body(); return; }
        // The first resource is disposed last: it gets the outermost try.
        var (f, t) = fields[0];
        var inner = fields.Skip(1).ToList();
        EmitTryFinallyText(() => EmitUsingTry(inner, body, at), DisposeText(f, t, alwaysCheck: false));
    }

    private static string DisposeText(string field, ITypeSymbol type, bool alwaysCheck)
    {
        var disposable = type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable) || type.SpecialType == SpecialType.System_IDisposable;
        var publicDispose = type.GetMembers("Dispose").OfType<IMethodSymbol>()
            .Any(m => m.Parameters.Length == 0 && !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.ReturnsVoid);
        if (type.IsValueType)
            return !disposable ? "" : publicDispose ? $"{field}.Dispose();" : $"((global::System.IDisposable){field}).Dispose();";
        if (disposable) return $"if ({field} != null) ((global::System.IDisposable){field}).Dispose();";
        if (type.IsSealed && alwaysCheck) return "";
        return $"if ({field} is global::System.IDisposable __d) __d.Dispose();";
    }
}
