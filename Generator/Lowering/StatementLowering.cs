using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Plain statements: the dispatch from a statement to its lowering, and blocks, local declarations,
/// labels, expression statements, return, throw and if. A statement without a suspension point is
/// copied as it is (renamed); one with a suspension point is flattened into labels and gotos.
/// </summary>
internal sealed partial class MethodLowerer
{
    private void LowerStatement(StatementSyntax s)
    {
        _ct.ThrowIfCancellationRequested();
        if (s is LocalDeclarationStatementSyntax ld) { LowerLocalDeclaration(ld); return; }
        if (s is LabeledStatementSyntax lab) { LowerLabeled(lab); return; }
        // An if whose leading span pattern variable the rest of the block reads (`if (!(x is var sp)) return;
        // Use(sp); Tw(1);`) makes it a local of Resume first (StackOnlyPatternVariables.cs), even without a
        // suspension point of its own: copied whole, the variable would be hoisted into the frame.
        if (!Suspends(s) && !(s is IfStatementSyntax leaky && LeaksStackPatternVariable(leaky))) { EmitVerbatim(s); return; }
        if (IsEmbeddedScope(s)) EnterEnvironment(s);
        switch (s)
        {
            case BlockSyntax b:
                EnterEnvironment(b);
                LowerBlock(b.Statements, 0);
                ReleaseBlockLocals(b);
                break;
            case ExpressionStatementSyntax es: LowerExpressionStatement(es); break;
            case ReturnStatementSyntax r: LowerReturn(r); break;
            case ThrowStatementSyntax t: LowerThrow(t); break;
            case IfStatementSyntax i: LowerIf(i); break;
            case WhileStatementSyntax w: LowerWhile(w); break;
            case DoStatementSyntax d: LowerDo(d); break;
            case ForStatementSyntax f: LowerFor(f); break;
            case CommonForEachStatementSyntax fe: LowerForEach(fe); break;
            case SwitchStatementSyntax sw: LowerSwitch(sw); break;
            case TryStatementSyntax tr: LowerTry(tr); break;
            case UsingStatementSyntax u: LowerUsing(u); break;
            case LockStatementSyntax l: LowerLockExpression(l); break;
            case CheckedStatementSyntax c:
                var saved = _checked;
                _checked = c.IsKind(SyntaxKind.CheckedStatement) ? "checked" : "unchecked";
                LowerStatement(c.Block);
                _checked = saved;
                break;
            default:
                Report(DiagnosticDescriptors.Unsupported, s, DiagnosticDescriptors.NotYet("This kind of statement (" + s.Kind() + ")"));
                break;
        }
    }

    private void EmitVerbatim(StatementSyntax s, IReadOnlyDictionary<SyntaxNode, string>? replacements = null)
    {
        if (s is EmptyStatementSyntax) return;
        var braced = HoistLeaking(s);
        var text = Rewrite(s, s, replacements);
        Src(s);
        // On the statement's first line: its span directive maps the lines after it one to one.
        if (_checked is not null)
            text = s is LocalFunctionStatementSyntax lf ? CheckedLocalFunction(text, lf) : _checked + " { " + text + " }";
        else if (braced) text = "{ " + text + " }";
        Stmt(text);
    }

    /// <summary>
    /// A local function written in a lowered <c>checked</c> block: a block around the declaration would
    /// scope it away from its callers, yet its body is in the block's context in C# (the context is lexical),
    /// so its body gets the context instead. Nothing is inserted on a line of its own, so the lines of the
    /// body still follow the span directive before the statement.
    /// </summary>
    private string CheckedLocalFunction(string text, LocalFunctionStatementSyntax original)
    {
        if (SyntaxFactory.ParseStatement(text) is not LocalFunctionStatementSyntax lf) return text;
        if (lf.Body is { } body)
            return text.Substring(0, body.SpanStart) + "{ " + _checked + " " + body + " }" + text.Substring(body.Span.End);
        if (lf.ExpressionBody is not { } arrow) return text;
        var symbol = Model.GetDeclaredSymbol(original, _ct) as IMethodSymbol;
        // A void (or async Task) local function's expression is a statement; any other's is returned.
        var noValue = symbol is null || symbol.ReturnsVoid || symbol.IsAsync && symbol.ReturnType is INamedTypeSymbol { Arity: 0 };
        var inner = (noValue ? "" : "return ") + arrow.Expression + ";";
        var end = lf.SemicolonToken.Span.End > arrow.Span.End ? lf.SemicolonToken.Span.End : arrow.Span.End;
        return text.Substring(0, arrow.SpanStart) + "{ " + _checked + " { " + inner + " } }" + text.Substring(end);
    }

    private void LowerBlock(SyntaxList<StatementSyntax> statements, int start)
    {
        for (var i = start; i < statements.Count; i++)
        {
            var s = statements[i];
            if (s is LocalFunctionStatementSyntax early && _declaredBeforeUsing.Contains(early)) continue;
            if (IsStackOnlyDeclarationWithoutSuspensionAfter(statements, i))
            {
                // C# 13: a ref local or a ref struct local (also `using var r = new RefStruct()`) whose scope holds no
                // suspension point stays a local (async accepts it), disposed by the copied using declaration. The rest of the block is its scope: copied as it is, in braces of its own, so the
                // local is not hoisted and its name cannot clash with a sibling scope's flattened into the frame.
                // In a checked (or unchecked) block the braces are that context's, not each statement's: a statement
                // braced alone would scope the local away from the statements after it.
                Hidden();
                Stmt(_checked is null ? "{" : _checked + " {");
                var saved = _checked;
                _checked = null;
                for (var j = i; j < statements.Count; j++)
                    if (!(statements[j] is LocalFunctionStatementSyntax early2 && _declaredBeforeUsing.Contains(early2))) EmitVerbatim(statements[j]);
                _checked = saved;
                Hidden();
                Stmt("}");
                return;
            }
            FindStackLocalsDeadAtSuspension(statements, i);
            // `done: using var r = ...;` is a using declaration too (a labeled statement may be a declaration): its
            // labels go before the acquisition, and the rest of the block is its body as without them.
            var declared = s;
            while (declared is LabeledStatementSyntax outer) declared = outer.Statement;
            if (declared is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } ud)
            {
                for (var labeled = s as LabeledStatementSyntax; labeled is not null; labeled = labeled.Statement as LabeledStatementSyntax)
                    EmitLabel(labeled);
                // The rest of the block is the using's body. A local function declared there that the block calls
                // before it is declared before the try, which would otherwise hide it from that call.
                var rest = i + 1;
                if (rest < statements.Count)
                    foreach (var lf in LocalFunctionsUsedBefore(statements, rest))
                    {
                        if (NameFromTheRest(lf, statements, i) is { } name)
                            Report(DiagnosticDescriptors.Unsupported, lf.Identifier.Parent!,
                                DiagnosticDescriptors.NotSupported(
                                    $"A local function declared after a using declaration, called before it and using '{name}' declared after it",
                                    "it must be declared before the using's try, where that name is not in scope; declare the local function before the using declaration, or pass the value as a parameter"));
                        if (_declaredBeforeUsing.Add(lf)) EmitVerbatim(lf);
                    }
                LowerUsingDeclaration(ud, () => LowerBlock(statements, rest));
                return;
            }
            LowerStatement(s);
        }
    }

    /// <summary>
    /// A declaration of a <c>ref</c> local, of a pointer or of a local of a ref struct type (a type parameter that
    /// <c>allows ref struct</c> included; SymbolFacts.IsStackOnlyLocal), a using declaration among them, with no suspension point and no label from it
    /// to the end of its block.
    /// </summary>
    private bool IsStackOnlyDeclarationWithoutSuspensionAfter(SyntaxList<StatementSyntax> statements, int at)
    {
        if (statements[at] is not LocalDeclarationStatementSyntax { IsConst: false, AwaitKeyword.RawKind: 0 } ld) return false;
        var stackOnly = ld.Declaration.Variables.Any(v => Model.GetDeclaredSymbol(v, _ct) is ILocalSymbol l && SymbolFacts.IsStackOnlyLocal(l));
        if (!stackOnly) return false;
        // In a switch section the local is in scope in the later sections too, which braces around the rest of
        // this section would hide it from: one they mention goes the way of a local of Resume (StackOnlyLocals.cs).
        var names = ld.Declaration.Variables.Select(v => v.Identifier.ValueText).ToList();
        if (LaterSections(ld).Any(section => section.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => names.Contains(id.Identifier.ValueText)))) return false;
        // So would they hide a local function declared there from a call before the declaration (C# lets a block
        // call its local functions anywhere in it; a switch section's, anywhere in the switch).
        if (LocalFunctionsUsedBefore(statements, at).Any(f => !_declaredBeforeUsing.Contains(f))) return false;
        for (var j = at; j < statements.Count; j++)
            if (Suspends(statements[j]) || statements[j].DescendantNodesAndSelf().OfType<LabeledStatementSyntax>().Any()) return false;
        // A ref local declared before, bound anew there to a local of the rest (`rs = ref u;` after `Span<int> u = ...;`):
        // the braces would scope the new target narrower than the ref local (CS8374), so the declaration stays in the
        // flattened block, a local of Resume (StackOnlyLocals.cs).
        var rest = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(statements[at].SpanStart, statements[statements.Count - 1].Span.End);
        foreach (var a in statements.Skip(at).SelectMany(st => st.DescendantNodesAndSelf()).OfType<AssignmentExpressionSyntax>())
            if (a.Right is RefExpressionSyntax && Model.GetSymbolInfo(a.Left, _ct).Symbol is ILocalSymbol { IsRef: true } target
                && target.DeclaringSyntaxReferences.FirstOrDefault() is { } reference && !rest.Contains(reference.Span)) return false;
        return true;
    }

    /// <summary>
    /// The local functions declared in <paramref name="statements"/> from <paramref name="at"/> on that are mentioned
    /// before it (or anywhere else in their scope, a switch section's being the switch): C# lets a block call its
    /// local functions anywhere in it, so lowering that puts the rest of the block in braces or a try of its own
    /// must declare these outside them.
    /// </summary>
    private List<LocalFunctionStatementSyntax> LocalFunctionsUsedBefore(SyntaxList<StatementSyntax> statements, int at)
    {
        var functions = statements.Skip(at).OfType<LocalFunctionStatementSyntax>().ToList();
        if (functions.Count == 0 || statements[at].Parent is not { } parent) return functions;
        var names = new HashSet<string>(functions.Select(f => f.Identifier.ValueText));
        var scope = parent is SwitchSectionSyntax { Parent: SwitchStatementSyntax sw } ? sw : parent;
        var rest = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(statements[at].SpanStart, statements[statements.Count - 1].Span.End);
        var used = new HashSet<string>(scope.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(id => names.Contains(id.Identifier.ValueText) && !rest.Contains(id.Span) && !InNameof(id)).Select(id => id.Identifier.ValueText));
        return functions.Where(f => used.Contains(f.Identifier.ValueText)).ToList();
    }

    /// <summary>Whether <paramref name="id"/> is inside <c>nameof(...)</c>, which the copy writes as a string (Renamer).</summary>
    private static bool InNameof(IdentifierNameSyntax id) =>
        id.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" } && i.ArgumentList.Span.Contains(id.Span));

    /// <summary>
    /// The first name <paramref name="function"/> uses that is declared in <paramref name="statements"/> from
    /// <paramref name="from"/> on (a local, the using's own variable, a local function not itself declared before the
    /// try): moved before the using's try, the function could not see it. Null when it uses none.
    /// </summary>
    private string? NameFromTheRest(LocalFunctionStatementSyntax function, SyntaxList<StatementSyntax> statements, int from)
    {
        var rest = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(statements[from].SpanStart, statements[statements.Count - 1].Span.End);
        foreach (var id in function.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            var symbol = Model.GetSymbolInfo(id, _ct).Symbol;
            if (symbol is not (ILocalSymbol or IMethodSymbol { MethodKind: MethodKind.LocalFunction })) continue;
            var declaration = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct);
            if (declaration is null || !rest.Contains(declaration.Span) || function.Span.Contains(declaration.Span)) continue;
            if (declaration is LocalFunctionStatementSyntax moved && LocalFunctionsUsedBefore(statements, from + 1).Contains(moved)) continue;
            return symbol.Name;
        }
        return null;
    }

    /// <summary>Local functions declared before the try of a using declaration whose rest of block declares them (LowerBlock).</summary>
    private readonly HashSet<LocalFunctionStatementSyntax> _declaredBeforeUsing = new();

    /// <summary>
    /// At the end of a nested block, drop the references its hoisted locals hold (no retention by the frame).
    /// A local captured by a lambda or local function is kept: the closure reads the frame field, and may run
    /// after the block (in C# the captured variable lives as long as the closure).
    /// </summary>
    private void ReleaseBlockLocals(BlockSyntax b)
    {
        if (b.Parent is BaseMethodDeclarationSyntax) return;
        var released = new List<string>();
        ImmutableArray<ISymbol>? captured = null;
        foreach (var ld in b.Statements.OfType<LocalDeclarationStatementSyntax>())
        {
            if (ld.IsConst) continue;
            foreach (var v in ld.Declaration.Variables)
            {
                if (Model.GetDeclaredSymbol(v) is not ILocalSymbol l || l.Type.IsUnmanagedType || _stackLocals.ContainsKey(l) || !_hoisted.TryGetValue(l, out var f)) continue;
                captured ??= Model.AnalyzeDataFlow(b) is { Succeeded: true } flow ? flow.Captured : ImmutableArray<ISymbol>.Empty;
                if (captured.Value.Contains(l, SymbolEqualityComparer.Default)) continue;
                released.Add($"{f} = default;");
            }
        }
        if (released.Count == 0) return;
        Hidden();
        Stmt(string.Join(" ", released));
    }

    private void LowerLocalDeclaration(LocalDeclarationStatementSyntax ld)
    {
        if (ld.UsingKeyword.RawKind != 0)
        {
            // A using declaration outside a block list (a labeled one is found by LowerBlock; cannot happen in
            // valid C# otherwise, but be safe).
            Report(DiagnosticDescriptors.Unsupported, ld, DiagnosticDescriptors.NotYet("This using declaration"));
            return;
        }
        if (ld.IsConst)
        {
            // Constants become their values: flattening puts sibling scopes into one block, where two
            // constants of the same name would collide.
            foreach (var v in ld.Declaration.Variables)
            {
                if (Model.GetDeclaredSymbol(v) is not ILocalSymbol { HasConstantValue: true } c) { EmitVerbatim(ld); return; }
                MayNeedRewrite(c.Name);
                _rewriteNames.Add(c.Name);
                _hoisted[c] = SymbolFacts.ConstantText(c.Type, c.ConstantValue);
            }
            return;
        }
        foreach (var v in ld.Declaration.Variables)
        {
            var local = (ILocalSymbol)Model.GetDeclaredSymbol(v)!;
            if (StackLocalDeclaration(local, v) is { } declaration)
            {
                // A ref or ref struct local dead at every suspension point after it (StackOnlyLocals.cs).
                Src(v);
                Stmt(declaration);
                continue;
            }
            var field = Hoist(local, v);
            if (v.Initializer is null) continue;
            HoistDesignations(v.Initializer.Value);
            string value;
            if (v.Initializer.Value is InitializerExpressionSyntax arrayInit)
            {
                // int[] a = { 1, Tw(2) }: the elements in order, as in new int[] { 1, Tw(2) }; a multi-dimensional
                // array's rows in order (int[,] m = { { 1, Tw(2) }, { 3, 4 } }).
                value = InContext("new " + local.Type.CreatableFq() + " " + Rewrite(arrayInit, arrayInit, LowerOperands(ArrayElements(arrayInit).ToList())));
            }
            else
            {
                value = LowerExpression(v.Initializer.Value);
            }
            Src(v);
            Stmt($"{field} = {value};");
        }
    }

    private void LowerLabeled(LabeledStatementSyntax lab)
    {
        EmitLabel(lab);
        LowerStatement(lab.Statement);
    }

    private void EmitLabel(LabeledStatementSyntax lab)
    {
        var label = (ILabelSymbol)Model.GetDeclaredSymbol(lab)!;
        Hidden();
        Label(UserLabel(label));
        // Among stack-only locals, a goto loop with no suspension point in it hands the P off instead (StackOnlyLoops.cs).
        if (_index.IsPlainGotoLoop(lab)) Stmt($"if ({GoroutineParameter}.{RuntimeContract.G.Preempt}) {GoroutineParameter}.{RuntimeContract.G.PreemptPlainCode}();");
        else if (_index.IsBackwardGotoTarget(lab)) PreemptCheck(lab, "the label heading a goto loop");
    }

    private void LowerExpressionStatement(ExpressionStatementSyntax es)
    {
        HoistDesignations(es.Expression);
        EmitDiscarded(es, LowerExpression(es.Expression, discard: true));
    }

    /// <summary>
    /// Writes the residual of an expression whose value is discarded (an expression statement, a for's
    /// initializer or incrementor) as a statement, with <paramref name="source"/>'s span.
    /// </summary>
    private void EmitDiscarded(SyntaxNode source, string r)
    {
        if (DiscardedStatement(r) is not { } statement) return;
        Src(source);
        Stmt(statement);
    }

    /// <summary>
    /// The statement that evaluates a residual whose value is discarded, or null when nothing is left to do: a
    /// residual that is only a temporary (e.g. the value of ??=) is no statement. Also for the residual of a
    /// conditional access's <c>WhenNotNull</c> (<c>a?.M(Suspends())</c> as a statement).
    /// </summary>
    private string? DiscardedStatement(string r)
    {
        if (r.Length == 0 || SyntaxFactory.ParseExpression(r) is IdentifierNameSyntax) return null;
        // In a checked block a residual call comes back as checked(M(...)), which is no statement (and a void
        // M cannot be an operand): the statement gets the context as a block instead.
        if (_checked is not null && SyntaxFactory.ParseExpression(r) is CheckedExpressionSyntax ce
            && ce.Expression is InvocationExpressionSyntax or ObjectCreationExpressionSyntax or AssignmentExpressionSyntax
                or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression })
            return ce.Keyword.Text + " { " + ce.Expression + "; }";
        return r + ";";
    }

    private void LowerReturn(ReturnStatementSyntax r)
    {
        string? value = null;
        if (r.Expression is not null)
        {
            HoistDesignations(r.Expression);
            value = LowerExpression(r.Expression);
        }
        Src(r);
        Stmt(ReturnText(value));
    }

    private void LowerThrow(ThrowStatementSyntax t)
    {
        HoistDesignations(t.Expression);
        var value = LowerExpression(t.Expression!);
        Src(t);
        Stmt("throw " + value + ";");
    }

    /// <summary>
    /// A lock whose expression suspends (its body cannot: GOSH0005). C# evaluates the expression once, then takes
    /// the monitor, so the expression is lowered first and the lock statement copied around its value:
    /// <code>
    /// lock (Tw(gate)) { n++; }      =>   _t0 = &lt;Tw(gate), suspending&gt;;
    ///                                     lock (_t0) { _l0_n++; }
    /// </code>
    /// </summary>
    private void LowerLockExpression(LockStatementSyntax l)
    {
        HoistDesignations(l.Expression);
        var value = LowerExpression(l.Expression);
        Src(l);
        var body = Rewrite(l.Statement, l.Statement);
        if (_checked is not null) body = _checked + " { " + body + " }";
        // The body on its own line, as written (the lock's span directive maps the lines after it one to one).
        var head = "lock (" + value + ")";
        var breaks = l.SyntaxTree.GetLineSpan(l.Statement.Span).StartLinePosition.Line - l.SyntaxTree.GetLineSpan(l.Span).StartLinePosition.Line - head.Count(c => c == '\n');
        Stmt(head + (breaks > 0 ? new string('\n', breaks) : " ") + (l.Statement is BlockSyntax ? body : "{ " + body + " }"));
    }

    /// <param name="inPlace">Variables kept in the test (StackOnlyPatternVariables.cs; the test has no suspension point then).</param>
    /// <param name="replacements">Values made before the test (the leading pattern's local), with no suspension point either.</param>
    private string Condition(ExpressionSyntax condition, HashSet<ISymbol>? inPlace = null, Dictionary<SyntaxNode, string>? replacements = null)
    {
        HoistDesignations(condition, inPlace);
        if (inPlace is not { Count: > 0 }) return Truth(condition, LowerExpression(condition));
        // A variable kept in the test is renamed there (InPlaceNames).
        return Truth(condition, InContext(Rewrite(condition, condition, InPlaceNames(condition, inPlace, replacements ?? new Dictionary<SyntaxNode, string>()), inPlace)));
    }

    /// <summary>
    /// Fresh names for the pattern variables a test keeps (StackOnlyPatternVariables.cs): the lowered
    /// <c>if (!(...)) goto</c> declares them in the frame's one flattened scope, where the same name in a sibling
    /// block's test would clash (CS0128). A variable already made a local of Resume (the leading one) is read as that
    /// local, which it equals, so a change the test makes to it is seen by the branch.
    /// <code>
    /// before: { if (s.AsSpan(1) is var sp &amp;&amp; sp.Length &gt; 0) x += Tw(1); } { if (s.AsSpan(2) is var sp ...) ... }
    /// after:  if (!(_l0_s.AsSpan(1) is var __sp_3 &amp;&amp; __sp_3.Length &gt; 0)) goto __endif4; ...
    /// </code>
    /// </summary>
    private Dictionary<SyntaxNode, string> InPlaceNames(ExpressionSyntax condition, HashSet<ISymbol> inPlace, Dictionary<SyntaxNode, string> replacements)
    {
        foreach (var d in Designations(condition))
        {
            if (Model.GetDeclaredSymbol(d, _ct) is not ILocalSymbol local || !inPlace.Contains(local)) continue;
            replacements[d] = UniqueName(local.Name);
            var read = _hoisted.TryGetValue(local, out var made) ? made : replacements[d];
            foreach (var id in condition.DescendantNodes().OfType<IdentifierNameSyntax>())
                if (id.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(id, _ct).Symbol, local))
                    replacements[id] = read;
        }
        return replacements;
    }

    /// <summary>
    /// A lowered condition as a bool, for <c>if (!(...)) goto</c>. A condition of a type with <c>operator true</c> (or
    /// <c>dynamic</c>) is tested by that operator in C#'s <c>if</c>; <c>!</c> would need <c>operator !</c>, which means
    /// something else or is missing, while <c>?:</c> tests exactly as <c>if</c> does.
    /// </summary>
    private string Truth(ExpressionSyntax condition, string lowered) =>
        Model.GetTypeInfo(condition, _ct).Type?.SpecialType == SpecialType.System_Boolean ? lowered : "((" + lowered + ") ? true : false)";

    /// <summary>
    /// The lowered condition of an <c>if</c>, <c>while</c> or <c>for</c>, its leading span pattern variable made first
    /// where the statement reads it before its suspension points (StackOnlyPatternVariables.cs).
    /// </summary>
    private string LeadingCondition(StatementSyntax statement, ExpressionSyntax condition, string whenFalse, System.Func<string> whenTrue, HashSet<ISymbol> inPlace)
    {
        var replacements = new Dictionary<SyntaxNode, string>();
        return DeclareLeadingStackPatternVariable(statement, condition, whenFalse, whenTrue, inPlace, replacements) is { } leading
            ? Condition(condition, new HashSet<ISymbol>(inPlace, SymbolEqualityComparer.Default) { leading }, replacements)
            : Condition(condition, inPlace);
    }

    private void LowerIf(IfStatementSyntax i)
    {
        var elseLabel = NewLabel("else");
        var endLabel = NewLabel("endif");
        // A span pattern variable only the condition reads stays in it; a leading one the branch reads before its
        // suspension point is a local of Resume, made first (StackOnlyPatternVariables.cs).
        // Its variables are in scope in the rest of its block too (`if (!(x is var sp)) return; Use(sp);`).
        var inPlace = StackOnlyTestVariables(i.Condition, null, i.Parent is BlockSyntax or SwitchSectionSyntax ? i.Parent.Parent is SwitchStatementSyntax sw ? sw : i.Parent : i);
        // The branch's label, only where a test made first jumps to it (`s == null || s.AsSpan() is not var sp`).
        string? thenLabel = null;
        var c = LeadingCondition(i, i.Condition, i.Else is null ? endLabel : elseLabel, () => thenLabel ??= NewLabel("then"), inPlace);
        Src(i.Condition);
        // The span directive starts at the `if`: a condition on a later line keeps its line.
        Stmt($"if (!({ArgumentLines.Lead(i.Condition, i.IfKeyword.SpanStart, "")}{c})) goto {(i.Else is null ? endLabel : elseLabel)};");
        if (thenLabel is not null) Label(thenLabel);
        LowerStatement(i.Statement);
        if (i.Else is not null)
        {
            Hidden();
            Stmt($"goto {endLabel};");
            Label(elseLabel);
            LowerStatement(i.Else.Statement);
        }
        Hidden();
        Label(endLabel);
    }
}
