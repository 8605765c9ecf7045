using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// <c>ref</c> locals and locals of ref struct types (<c>Span&lt;T&gt;</c>, a type parameter that <c>allows ref
/// struct</c>) declared before a suspension point of their block but dead at it. C# 13 refuses such a local in an
/// async method only when it is live across an <c>await</c> (CS4007 for a ref struct, CS9217 for a ref local): by
/// liveness, not by scope. The frame cannot hold one, but it need not: a local that no statement from the block's
/// next suspension point on mentions is a local of <c>Resume</c>, declared where the user declared it, under a name
/// of its own (<c>_l3_sp</c>: flattening puts sibling scopes into one block). Resuming jumps past its declaration to
/// a label after it, from which nothing reads it, so the compiler's definite assignment accepts it.
/// <code>
/// before: Span&lt;int&gt; sp = arr; for (...) s += sp[i]; s += Tw(1); return s;
/// after:  global::System.Span&lt;int&gt; _l3_sp = _l0_arr; for (...) _l2_s += _l3_sp[i]; ... Tw(1) lowered ...
/// </code>
/// Conservative where the answer needs flow: a mention in the statement that suspends or after it (also on a path
/// that cannot follow the suspension), or a label between the declaration and the suspension point, keeps it
/// GOSH0008. One whose scope holds no suspension point at all is copied whole (StatementLowering.LowerBlock).
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>Stack-only locals kept as locals of <c>Resume</c>, and their names there.</summary>
    private readonly Dictionary<ILocalSymbol, string> _stackLocals = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Marks the stack-only locals that <paramref name="statements"/>[<paramref name="at"/>] declares as locals of
    /// <c>Resume</c> when none is mentioned from the block's next suspending statement on (see the class comment).
    /// </summary>
    private void FindStackLocalsDeadAtSuspension(SyntaxList<StatementSyntax> statements, int at)
    {
        if (statements[at] is not LocalDeclarationStatementSyntax { IsConst: false, AwaitKeyword.RawKind: 0, UsingKeyword.RawKind: 0 } ld
            || ld.Parent is not BlockSyntax || Suspends(ld)) return;
        // Out and pattern variables of the initializer would be declared in Resume too, where a later statement
        // may read them after a suspension: such a declaration keeps the usual path.
        if (ld.DescendantNodes().Any(n => n is SingleVariableDesignationSyntax)) return;
        var locals = ld.Declaration.Variables.Select(v => Model.GetDeclaredSymbol(v, _ct)).OfType<ILocalSymbol>()
            .Where(l => l.IsRef || SymbolFacts.IsRefLike(l.Type)).ToList();
        if (locals.Count == 0) return;
        var next = at + 1;
        while (next < statements.Count && !Suspends(statements[next]) && !statements[next].DescendantNodesAndSelf().OfType<LabeledStatementSyntax>().Any()) next++;
        var names = new HashSet<string>(locals.Select(l => l.Name));
        for (var j = next; j < statements.Count; j++)
            foreach (var id in statements[j].DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                if (names.Contains(id.Identifier.ValueText) && Model.GetSymbolInfo(id, _ct).Symbol is ILocalSymbol l && locals.Contains(l, SymbolEqualityComparer.Default))
                    return;
        foreach (var l in locals) _stackLocals[l] = "_l" + (_nextLocal++) + "_" + l.Name;
    }

    /// <summary>The declaration of a stack-only local kept in <c>Resume</c>; null for any other local.</summary>
    private string? StackLocalDeclaration(ILocalSymbol local, VariableDeclaratorSyntax v)
    {
        if (!_stackLocals.TryGetValue(local, out var name)) return null;
        _rewriteNames.Add(local.Name);
        _hoisted[local] = name;
        var scoped = local.ScopedKind != ScopedKind.None ? "scoped " : "";
        var refKind = local.RefKind switch { RefKind.Ref => "ref ", RefKind.RefReadOnly => "ref readonly ", _ => "" };
        var declaration = scoped + refKind + local.Type.Fq() + " " + name;
        if (v.Initializer is null) return declaration + ";";
        // No suspension point in the declaration (FindStackLocalsDeadAtSuspension): its value is copied, a ref
        // local's `ref x` without the checked context around it (no operator of its own to check).
        var value = v.Initializer.Value is RefExpressionSyntax ? Rewrite(v.Initializer.Value) : RewriteExpr(v.Initializer.Value);
        return $"{declaration} = {value};";
    }
}
