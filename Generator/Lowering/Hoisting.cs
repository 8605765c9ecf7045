using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Frame fields: every parameter, every local that lives across a suspension point and every spilled
/// temporary becomes a field of the frame, so its value survives <c>Resume</c> returning. One field per
/// declaration (shadowed names never collide); the table <c>_hoisted</c> is what <see cref="Renamer"/>
/// consults when it copies code that names them.
/// </summary>
internal sealed partial class MethodLowerer
{
    // Names a simple name must have to need rewriting: hoisted locals and parameters, and members of the
    // containing types and their bases. Other identifiers skip the (comparatively costly) symbol lookup.
    private readonly HashSet<string> _rewriteNames = new() { "nameof" };
    private bool _memberNamesAdded;

    /// <summary>Members of the frame class a user's name could bind to inside it (Frame, Frame&lt;T&gt;, object, generated helpers).</summary>
    public static readonly HashSet<string> FrameMemberNames = new()
    {
        "Caller", "State", "DoneState", "Resume", "MethodName", "GetSourceLocation", "IsCompleted", "ThrowIfFailed", "CatchesInFirstPass",
        "Result", "GetResult", "Failure", "Joins", "Exception", "MarkCompleted",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize", "__GoSet",
    };

    public bool MayNeedRewrite(string name)
    {
        if (!_memberNamesAdded)
        {
            _memberNamesAdded = true;
            for (var t = _method.ContainingType; t is not null; t = t.ContainingType)
            {
                for (INamedTypeSymbol? b = t; b is not null; b = b.BaseType)
                    foreach (var n in b.MemberNames) _rewriteNames.Add(n);
                // In an interface the members of its base interfaces are in scope too (`Count` in a default method of
                // TheSadRogue.Primitives' ISettableGridView<T>, declared by IGridView<T>): named alone, they need
                // `_this.` in the frame as the interface's own do.
                if (t.TypeKind == TypeKind.Interface)
                    foreach (var i in t.AllInterfaces)
                        foreach (var n in i.MemberNames) _rewriteNames.Add(n);
                foreach (var ctor in t.InstanceConstructors)
                    if (ctor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(_ct) is TypeDeclarationSyntax))
                        foreach (var p in ctor.Parameters) _rewriteNames.Add(p.Name);
            }
            _rewriteNames.UnionWith(FrameMemberNames);
            if (ShadowedTypeParameterNames.Current is { } renamed) _rewriteNames.UnionWith(renamed.Keys.Select(tp => tp.Name));
        }
        return _rewriteNames.Contains(name);
    }

    /// <summary>True for a local that C# creates afresh on each iteration of an enclosing loop (body locals, foreach variables, variables a loop's condition declares).</summary>
    public bool IsPerIterationLocal(ILocalSymbol local)
    {
        var decl = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct);
        if (decl is null) return false;
        if (decl is CommonForEachStatementSyntax) return true;
        foreach (var a in decl.Ancestors())
        {
            if (a is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) return false;
            // An out var or pattern variable of a loop's condition (or a for's incrementors) is made afresh on each
            // iteration too, as its body's locals are.
            if (a is WhileStatementSyntax w && (w.Statement.Span.Contains(decl.Span) || w.Condition.Span.Contains(decl.Span))) return true;
            if (a is DoStatementSyntax d && (d.Statement.Span.Contains(decl.Span) || d.Condition.Span.Contains(decl.Span))) return true;
            if (a is ForStatementSyntax f && (f.Statement.Span.Contains(decl.Span) || f.Condition is { } c && c.Span.Contains(decl.Span)
                || f.Incrementors.Any(i => i.Span.Contains(decl.Span)))) return true;
            if (a is CommonForEachStatementSyntax fe && (fe.Statement.Span.Contains(decl.Span) || fe is ForEachVariableStatementSyntax fv && fv.Variable.Span.Contains(decl.Span))) return true;
        }
        return false;
    }

    /// <summary>
    /// A local's type, inferred where it comes from a launcher the semantic model cannot see (LauncherTypeInference).
    /// The <c>var</c> of a foreach over a <c>dynamic</c> value is <c>dynamic</c>, as C# binds its uses, though its
    /// symbol says <c>object</c>: a field of that type would not bind them (CS0019 on <c>e + 1</c>).
    /// </summary>
    public ITypeSymbol LocalType(ILocalSymbol local)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct) is ForEachStatementSyntax { Type.IsVar: true } fe
            && Model.GetTypeInfo(fe.Expression, _ct).Type is { TypeKind: TypeKind.Dynamic } dynamicType)
            return dynamicType;
        return _launchers.InferLocalType(local) ?? local.Type;
    }

    public bool TryGetHoisted(ISymbol symbol, out string field) => _hoisted.TryGetValue(symbol, out field!);

    private string AddField(string type, string name, string comment)
    {
        var n = name;
        for (var i = 2; !_fieldNames.Add(n); i++) n = name + "_" + i;
        Fields.Add(new FieldModel(type, n, comment));
        return n;
    }

    private void HoistParameter(IParameterSymbol p)
    {
        _rewriteNames.Add(p.Name);
        var name = "_p_" + p.Name;
        _hoisted[p] = AddField(p.Type.Fq(), name, "parameter " + p.Name);
    }

    /// <summary>Gives a local its own frame field (one per declaration, so shadowed names never collide).</summary>
    private string Hoist(ISymbol symbol, SyntaxNode at)
    {
        if (_hoisted.TryGetValue(symbol, out var existing)) return existing;
        var local = (ILocalSymbol)symbol;
        _rewriteNames.Add(local.Name);
        // A pattern variable copied out of its case label or arm is reported at its own name, not the label's (and
        // once: the type's own GOSH0008 below lands on the same span).
        var declared = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct);
        var reportAt = declared is SingleVariableDesignationSyntax && at.Span.Contains(declared.Span) ? declared : at;
        if (local.IsRef || SymbolFacts.IsRefLike(local.Type))
            RefuseStackLocal(local, reportAt);
        var type = TypeText(LocalType(local), reportAt, allowAnonymous: true);
        var name = "_l" + (_nextLocal++) + "_" + local.Name;
        var comment = $"local {local.Name} (line {Line(at)})";
        var field = HoistIntoEnvironment(local, type, name, comment) ?? AddField(type, name, comment);
        _hoisted[symbol] = field;
        return field;
    }

    private string TypeText(ITypeSymbol type, SyntaxNode at, bool allowAnonymous = false)
    {
        // A type with a part the semantic model cannot see (a launcher's result, another generator's type), also
        // inside a tuple, a delegate or an anonymous type, cannot be written: it would be an error in generated code.
        if (LauncherTypeInference.HasErrorType(type) || LauncherTypeInference.HasForeignTypeParameter(type, at))
        {
            Report(DiagnosticDescriptors.Unsupported, at, ContainsAnonymousType(type)
                ? DiagnosticDescriptors.NotSupported("A value whose type the generator cannot see across a suspension point", "it is an anonymous type built from a GoX(...) launcher's result or another generator's output; declare a named type with explicitly typed members for it")
                : DiagnosticDescriptors.NotSupported("A value whose type the generator cannot see across a suspension point", "its type depends on a GoX(...) launcher or another generator's output; declare the local's type explicitly"));
            return "object";
        }
        // A value of an anonymous type is held as object and read back by example (AnonymousRead).
        if (allowAnonymous && ContainsAnonymousType(type) && ExampleOf(type) is not null) return "object";
        if (ContainsAnonymousType(type))
            Report(DiagnosticDescriptors.Unsupported, at, DiagnosticDescriptors.NotYet("A value of an anonymous type that lives across a suspension point"));
        if (SymbolFacts.IsRefLike(type))
            Report(DiagnosticDescriptors.RefAcrossSuspension, at, at.ToString());
        return type.Fq();
    }

    private string Temp(ITypeSymbol? type, SyntaxNode at, string what = "temp")
    {
        if (type is null)
        {
            Report(DiagnosticDescriptors.Unsupported, at, DiagnosticDescriptors.NotYet("An expression without a type (spilled around a suspension point)"));
            return "_t" + (_nextTemp++);
        }
        return AddField(TypeText(type, at), "_t" + (_nextTemp++), what + " for line " + Line(at));
    }

    /// <summary>Hoists expression variables (out var, pattern variables) declared in an expression.</summary>
    private void HoistDesignations(SyntaxNode? node, HashSet<ISymbol>? except = null)
    {
        if (node is null) return;
        foreach (var d in Designations(node))
            if (Model.GetDeclaredSymbol(d) is ILocalSymbol l && (except is null || !except.Contains(l))) Hoist(l, d);
    }

    private static IEnumerable<SingleVariableDesignationSyntax> Designations(SyntaxNode node) =>
        node.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or SwitchExpressionArmSyntax or QueryExpressionSyntax or StatementSyntax) || n == node)
            .OfType<SingleVariableDesignationSyntax>();

    /// <summary>
    /// Hoists the variables a copied statement declares into its enclosing block (out vars and pattern
    /// variables of an expression statement, a return, a throw, an if or switch condition) when code after
    /// the statement uses them. True when some stay declared by the copied text: the caller then braces it,
    /// since the block it came from is flattened into the frame's one scope, where a sibling block's variable
    /// of the same name would clash (before: <c>{ if (o is int q) ... } { if (o is int q) ... }</c>, both
    /// flattened; after: each copy in its own braces).
    /// </summary>
    private bool HoistLeaking(StatementSyntax s)
    {
        SyntaxNode? e = s switch
        {
            ExpressionStatementSyntax es => es.Expression,
            ReturnStatementSyntax r => r.Expression,
            ThrowStatementSyntax t => t.Expression,
            IfStatementSyntax i => i.Condition,
            SwitchStatementSyntax sw => sw.Expression,
            _ => null,
        };
        if (e is null) return false;
        var staysLocal = false;
        foreach (var d in Designations(e))
        {
            if (Model.GetDeclaredSymbol(d) is not ILocalSymbol l || _hoisted.ContainsKey(l)) continue;
            if (ReferencedOutside(l, s)) Hoist(l, d);
            else staysLocal = true;
        }
        return staysLocal;
    }

    private bool ReferencedOutside(ILocalSymbol local, SyntaxNode inside)
    {
        var body = inside.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax) ?? inside.SyntaxTree.GetRoot();
        foreach (var id in body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (id.Identifier.ValueText != local.Name || inside.Span.Contains(id.Span)) continue;
            if (SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(id).Symbol, local)) return true;
        }
        return false;
    }
}
