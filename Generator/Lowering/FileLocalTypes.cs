using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// File-local types (<c>file class Helpers</c>) are visible only in their own file, and the generated frame
/// lives in another one. So the generated file leaves out usings that name one (<c>using static Helpers;</c>
/// would not compile there even unused), repeats a constant of one in the declaration as its value
/// (<c>[DynamicallyAccessedMembers(Helpers.Members)] T</c>), and a body that uses one is refused with
/// GOSH0017 at the use, also where a construct calls its member without naming it (<see cref="ImplicitMembers"/>). Only a file that declares a file-local type can use one, which keeps every check
/// here to a syntax test for all other files.
/// </summary>
internal static class FileLocalTypes
{
    public static bool DeclaredIn(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        return Members(((CompilationUnitSyntax)root).Members);

        static bool Members(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var m in members)
            {
                if (m is BaseNamespaceDeclarationSyntax ns && Members(ns.Members)) return true;
                if (m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax && m.Modifiers.Any(SyntaxKind.FileKeyword)) return true;
            }
            return false;
        }
    }

    /// <summary>The file-local type <paramref name="symbol"/> is or belongs to, if any.</summary>
    public static INamedTypeSymbol? Owner(ISymbol? symbol)
    {
        // Locals, parameters and local functions belong to a method, not to its type.
        if (symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol
            or IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction }) return null;
        for (var t = symbol as INamedTypeSymbol ?? symbol?.ContainingType; t is not null; t = t.ContainingType)
            if (t.IsFileLocal) return t;
        return null;
    }

    /// <summary>
    /// The members <paramref name="node"/> calls without naming them, which a scan of names misses: a foreach's
    /// <c>GetEnumerator</c>, <c>MoveNext</c>, <c>Current</c> and <c>Dispose</c>, a deconstruction's or positional
    /// pattern's <c>Deconstruct</c>, a collection initializer's or collection expression's <c>Add</c>, a spread's
    /// <c>GetEnumerator</c>, a fixed statement's <c>GetPinnableReference</c>, a query clause's <c>Select</c> and the
    /// like, and a user-defined operator (an extension operator of C# 14). Any of them may be an extension of a
    /// file-local class, which the generated file, where the frame lowers the construct into explicit calls of
    /// them, cannot see.
    /// </summary>
    public static IEnumerable<ISymbol?> ImplicitMembers(SyntaxNode node, SemanticModel model, CancellationToken ct)
    {
        switch (node)
        {
            case CommonForEachStatementSyntax loop:
                var info = model.GetForEachStatementInfo(loop);
                yield return info.GetEnumeratorMethod;
                yield return info.MoveNextMethod;
                yield return info.CurrentProperty;
                yield return info.DisposeMethod;
                if (loop is ForEachVariableStatementSyntax variables)
                    foreach (var m in DeconstructMethods(model.GetDeconstructionInfo(variables))) yield return m;
                break;
            case AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } deconstruction:
                foreach (var m in DeconstructMethods(model.GetDeconstructionInfo(deconstruction))) yield return m;
                break;
            case RecursivePatternSyntax { PositionalPatternClause: not null } pattern:
                yield return (model.GetOperation(pattern, ct) as Microsoft.CodeAnalysis.Operations.IRecursivePatternOperation)?.DeconstructSymbol;
                break;
            case ExpressionSyntax element when element.Parent is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression }:
                yield return model.GetCollectionInitializerSymbolInfo(element, ct).Symbol;
                break;
            case QueryClauseSyntax clause:
                var clauseInfo = model.GetQueryClauseInfo(clause, ct);
                yield return clauseInfo.CastInfo.Symbol;
                yield return clauseInfo.OperationInfo.Symbol;
                break;
            case SelectOrGroupClauseSyntax or OrderingSyntax:
                yield return model.GetSymbolInfo(node, ct).Symbol;
                break;
            case BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or AssignmentExpressionSyntax:
                if (model.GetSymbolInfo(node, ct).Symbol is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op) yield return op;
                break;
            // The compiler's API does not say which method these three call; where the type has no such instance
            // method (nor an interface the construct uses first), the call can only be an extension, one of those
            // the lookup finds: reported when every one found is a file-local class's.
            case CollectionExpressionSyntax collection
                when model.GetTypeInfo(collection, ct).ConvertedType is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } target
                    && !target.GetAttributes().Any(a => a.AttributeClass?.Name == "CollectionBuilderAttribute")
                    && target.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable):
                yield return OnlyFileLocalExtension(model, collection.SpanStart, target, "Add");
                break;
            case SpreadElementSyntax spread
                when model.GetTypeInfo(spread.Expression, ct).Type is INamedTypeSymbol spreadType
                    && !spreadType.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable):
                yield return OnlyFileLocalExtension(model, spread.SpanStart, spreadType, "GetEnumerator");
                break;
            case FixedStatementSyntax { Declaration.Variables: var pinned }:
                foreach (var v in pinned)
                    if (v.Initializer?.Value is { } value && model.GetTypeInfo(value, ct).Type is INamedTypeSymbol pinnedType)
                        yield return OnlyFileLocalExtension(model, value.SpanStart, pinnedType, "GetPinnableReference");
                break;
        }

        static ISymbol? OnlyFileLocalExtension(SemanticModel model, int position, INamedTypeSymbol type, string name)
        {
            var found = model.LookupSymbols(position, type, name, includeReducedExtensionMethods: true);
            if (found.IsEmpty || found.Any(m => !m.IsStatic && m is not IMethodSymbol { ReducedFrom: not null } && !ExtensionBlocks.IsBlock(m.ContainingType))) return null;
            return found.All(m => Owner(m) is not null) ? found[0] : null;
        }

        static IEnumerable<IMethodSymbol?> DeconstructMethods(DeconstructionInfo info)
        {
            yield return info.Method;
            foreach (var nested in info.Nested)
                foreach (var m in DeconstructMethods(nested)) yield return m;
        }
    }

    /// <summary>A using directive whose target is a file-local type (<c>using static T;</c>, <c>using A = T;</c>).</summary>
    public static bool NamesOne(UsingDirectiveSyntax u, SemanticModel model)
    {
        var target = u.Alias is not null
            ? (model.GetDeclaredSymbol(u) as IAliasSymbol)?.Target
            : model.GetSymbolInfo(u.NamespaceOrType).Symbol;
        return Owner(target) is not null;
    }

    /// <summary>
    /// <paramref name="node"/> (part of a declaration) with every constant of a file-local type replaced by
    /// its value; other references to file-local types stay (C# does not allow them in a signature that
    /// the generated code repeats).
    /// </summary>
    public static SyntaxNode InlineConstants(SyntaxNode node, SemanticModel model)
    {
        // The outermost constant expression that names a file-local type's member becomes its value, with the
        // type it has there: `(int)Color.Blue` becomes `((int)(2))`, and a value of a file-local enum becomes its
        // underlying value (the enum cannot be named in another file).
        var replacements = new Dictionary<SyntaxNode, string>();
        foreach (var e in node.DescendantNodes(n => !replacements.ContainsKey(n)).OfType<ExpressionSyntax>())
        {
            if (replacements.Keys.Any(r => r.Span.Contains(e.Span))) continue;
            if (!e.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(n => Owner(model.GetSymbolInfo(n).Symbol) is not null)) continue;
            var constant = model.GetConstantValue(e);
            if (!constant.HasValue) continue;
            var type = model.GetTypeInfo(e).ConvertedType ?? model.GetTypeInfo(e).Type;
            if (type is null) continue;
            if (type is INamedTypeSymbol { EnumUnderlyingType: { } underlying } && Owner(type) is not null) type = underlying;
            replacements[e] = SymbolFacts.ConstantText(type, constant.Value);
        }
        if (replacements.Count == 0) return node;
        return node.ReplaceNodes(replacements.Keys, (original, _) =>
            SyntaxFactory.ParseExpression(replacements[original]).WithTriviaFrom(original));
    }
}
