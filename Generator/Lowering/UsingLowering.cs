using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// using statements and using declarations (and the enumerator of a foreach): the resource is a frame
/// field, and disposal is a real try/finally guarded by <c>State &lt; 0</c>, so suspending inside the
/// body does not dispose it. Several resources nest, the first one outermost (disposed last), and each is
/// acquired inside the try of the ones before it: <c>using (var a = A(), b = B())</c> is
/// <c>using (var a = A()) using (var b = B())</c>, so if acquiring b throws, a is disposed.
/// </summary>
internal sealed partial class MethodLowerer
{
    private void LowerUsing(UsingStatementSyntax u)
    {
        if (u.AwaitKeyword.RawKind != 0) { Report(DiagnosticDescriptors.Unsupported, u, DiagnosticDescriptors.NotYet("await using")); return; }
        EnterEnvironment(u);
        var fields = new List<(string Field, ITypeSymbol Type)>();
        if (u.Declaration is not null)
        {
            AcquireAndUse(u.Declaration, 0, () => LowerStatement(u.Statement), u);
            return;
        }
        if (u.Expression is not null)
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
        if (ud.AwaitKeyword.RawKind != 0) { Report(DiagnosticDescriptors.Unsupported, ud, DiagnosticDescriptors.NotYet("await using")); return; }
        AcquireAndUse(ud.Declaration, 0, rest, ud);
    }

    /// <summary>
    /// Hoists and initializes resource <paramref name="i"/>, then lowers the rest (the later resources, then
    /// the body) inside its try. Acquiring them all before the first try (as this once did) leaked the
    /// earlier resources when a later initializer threw.
    /// </summary>
    private void AcquireAndUse(VariableDeclarationSyntax declaration, int i, System.Action body, SyntaxNode at)
    {
        if (i == declaration.Variables.Count) { body(); return; }
        var v = declaration.Variables[i];
        var local = (ILocalSymbol)Model.GetDeclaredSymbol(v)!;
        var f = Hoist(local, v);
        HoistDesignations(v.Initializer?.Value);
        var value = v.Initializer is null ? "default" : LowerExpression(v.Initializer.Value);
        Src(v);
        Stmt($"{f} = {value};");
        EmitTryFinallyText(() => AcquireAndUse(declaration, i + 1, body, at), DisposeText(f, local.Type, alwaysCheck: false));
    }

    private void EmitUsingTry(List<(string Field, ITypeSymbol Type)> fields, System.Action body, SyntaxNode at)
    {
        if (fields.Count == 0) { body(); return; }
        // The first resource is disposed last: it gets the outermost try.
        var (f, t) = fields[0];
        var inner = fields.Skip(1).ToList();
        EmitTryFinallyText(() => EmitUsingTry(inner, body, at), DisposeText(f, t, alwaysCheck: false));
    }

    private static bool IsDisposable(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_IDisposable || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable)
        || type is ITypeParameterSymbol tp && tp.ConstraintTypes.Any(IsDisposable);

    private string DisposeText(string field, ITypeSymbol type, bool alwaysCheck)
    {
        // A struct that holds an anonymous type waits in an object field (AnonymousTypes.cs): it is disposed in
        // place through its cell, as C# disposes the variable itself.
        if (type.IsValueType && ContainsAnonymousType(type) && ExampleOf(type) is { } example)
            field = AnonymousVariable(field, example);
        var disposable = type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable) || type.SpecialType == SpecialType.System_IDisposable;
        var publicDispose = type.GetMembers("Dispose").OfType<IMethodSymbol>()
            .Any(m => m.Parameters.Length == 0 && !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.ReturnsVoid);
        // S? of a disposable struct (Nullable<S> is no IDisposable itself): C# disposes the value when there is one,
        // boxed, so the variable's own copy is not changed.
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && IsDisposable(nullable.TypeArguments[0]))
            return $"if ({field}.HasValue) ((global::System.IDisposable){field}).Dispose();";
        if (type.IsValueType)
            return !disposable ? "" : publicDispose ? $"{field}.Dispose();" : $"((global::System.IDisposable){field}).Dispose();";
        // A reference test, as C#'s using is: a type's own == and != (NumSharp's NDArray compares elementwise and returns
        // an array) are not asked.
        if (disposable) return $"if (!({field} is null)) ((global::System.IDisposable){field}).Dispose();";
        if (type.IsSealed && alwaysCheck) return "";
        return $"if ({field} is global::System.IDisposable __d) __d.Dispose();";
    }
}
