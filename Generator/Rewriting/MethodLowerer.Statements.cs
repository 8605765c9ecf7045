using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Rewriting;

internal sealed partial class MethodLowerer
{
    private void LowerStatement(StatementSyntax s)
    {
        _ct.ThrowIfCancellationRequested();
        if (s is LocalDeclarationStatementSyntax ld) { LowerLocalDeclaration(ld); return; }
        if (s is LabeledStatementSyntax lab) { LowerLabeled(lab); return; }
        if (!Suspends(s)) { EmitVerbatim(s); return; }
        switch (s)
        {
            case BlockSyntax b:
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
            case CheckedStatementSyntax c:
                var saved = _checked;
                _checked = c.IsKind(SyntaxKind.CheckedStatement) ? "checked" : "unchecked";
                LowerStatement(c.Block);
                _checked = saved;
                break;
            default:
                Report(DiagnosticDescriptors.Unsupported, s, "This kind of statement (" + s.Kind() + ")");
                break;
        }
    }

    private void EmitVerbatim(StatementSyntax s)
    {
        if (s is EmptyStatementSyntax) return;
        HoistLeaking(s);
        var text = Rewrite(s, s);
        Src(s);
        if (_checked is not null && s is not LocalFunctionStatementSyntax) text = _checked + "\n{\n" + text + "\n}";
        Stmt(text);
    }

    private void LowerBlock(SyntaxList<StatementSyntax> statements, int start)
    {
        for (var i = start; i < statements.Count; i++)
        {
            var s = statements[i];
            if (s is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } ud)
            {
                if (ud.AwaitKeyword.RawKind != 0) { Report(DiagnosticDescriptors.Unsupported, ud, "await using"); return; }
                var fields = new List<(string Field, ITypeSymbol Type)>();
                foreach (var v in ud.Declaration.Variables)
                {
                    var local = (ILocalSymbol)Model.GetDeclaredSymbol(v)!;
                    var f = Hoist(local, v);
                    HoistDesignations(v.Initializer?.Value);
                    var value = v.Initializer is null ? "default" : LowerExpression(v.Initializer.Value);
                    Src(v);
                    Stmt($"{f} = {value};");
                    fields.Add((f, local.Type));
                }
                var rest = i + 1;
                EmitUsingTry(fields, () => LowerBlock(statements, rest), ud);
                return;
            }
            LowerStatement(s);
        }
    }

    /// <summary>At the end of a nested block, drop the references its hoisted locals hold (no retention by the frame).</summary>
    private void ReleaseBlockLocals(BlockSyntax b)
    {
        if (b.Parent is BaseMethodDeclarationSyntax) return;
        var released = new List<string>();
        foreach (var ld in b.Statements.OfType<LocalDeclarationStatementSyntax>())
        {
            if (ld.IsConst) continue;
            foreach (var v in ld.Declaration.Variables)
            {
                if (Model.GetDeclaredSymbol(v) is ILocalSymbol l && !l.Type.IsUnmanagedType && _hoisted.TryGetValue(l, out var f))
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
            // A using declaration outside a block list (cannot happen in valid C#, but be safe).
            Report(DiagnosticDescriptors.Unsupported, ld, "This using declaration");
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
            var field = Hoist(local, v);
            if (v.Initializer is null) continue;
            HoistDesignations(v.Initializer.Value);
            string value;
            if (v.Initializer.Value is InitializerExpressionSyntax arrayInit)
            {
                if (HasSuspension(arrayInit)) Report(DiagnosticDescriptors.Unsupported, arrayInit, "An array initializer with a suspension point");
                value = "new " + local.Type.Fq() + " " + Rewrite(arrayInit);
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
        var label = (ILabelSymbol)Model.GetDeclaredSymbol(lab)!;
        Hidden();
        Label(UserLabel(label));
        LowerStatement(lab.Statement);
    }

    private void LowerExpressionStatement(ExpressionStatementSyntax es)
    {
        HoistDesignations(es.Expression);
        var r = LowerExpression(es.Expression, discard: true);
        // A residual that is only a temporary (e.g. the value of ??=) is not a statement: nothing is left to do.
        if (r.Length == 0 || SyntaxFactory.ParseExpression(r) is IdentifierNameSyntax) return;
        Src(es);
        Stmt(r + ";");
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

    private string Condition(ExpressionSyntax condition)
    {
        HoistDesignations(condition);
        return LowerExpression(condition);
    }

    private void LowerIf(IfStatementSyntax i)
    {
        var elseLabel = NewLabel("else");
        var endLabel = NewLabel("endif");
        var c = Condition(i.Condition);
        Src(i.Condition);
        Stmt($"if (!({c})) goto {(i.Else is null ? endLabel : elseLabel)};");
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

    private void LowerWhile(WhileStatementSyntax w)
    {
        var top = NewLabel("while");
        var cont = NewLabel("continue");
        var brk = NewLabel("break");
        Hidden();
        Label(top);
        var c = Condition(w.Condition);
        Src(w.Condition);
        Stmt($"if (!({c})) goto {brk};");
        _targets.Add(new JumpTarget(w, brk, cont, _pending.Count));
        LowerStatement(w.Statement);
        _targets.RemoveAt(_targets.Count - 1);
        Hidden();
        Label(cont);
        PreemptCheck(w);
        Stmt($"goto {top};");
        Label(brk);
    }

    private void LowerDo(DoStatementSyntax d)
    {
        var top = NewLabel("do");
        var cont = NewLabel("continue");
        var brk = NewLabel("break");
        Hidden();
        Label(top);
        _targets.Add(new JumpTarget(d, brk, cont, _pending.Count));
        LowerStatement(d.Statement);
        _targets.RemoveAt(_targets.Count - 1);
        Hidden();
        Label(cont);
        var c = Condition(d.Condition);
        Src(d.Condition);
        Stmt($"if (!({c})) goto {brk};");
        PreemptCheck(d);
        Stmt($"goto {top};");
        Label(brk);
    }

    private void LowerFor(ForStatementSyntax f)
    {
        if (f.Declaration is not null)
        {
            foreach (var v in f.Declaration.Variables)
            {
                var field = Hoist(Model.GetDeclaredSymbol(v)!, v);
                if (v.Initializer is null) continue;
                HoistDesignations(v.Initializer.Value);
                var value = LowerExpression(v.Initializer.Value);
                Src(v);
                Stmt($"{field} = {value};");
            }
        }
        foreach (var init in f.Initializers)
        {
            HoistDesignations(init);
            var r = LowerExpression(init, discard: true);
            if (r.Length > 0) { Src(init); Stmt(r + ";"); }
        }
        var top = NewLabel("for");
        var cont = NewLabel("continue");
        var brk = NewLabel("break");
        Hidden();
        Label(top);
        if (f.Condition is not null)
        {
            var c = Condition(f.Condition);
            Src(f.Condition);
            Stmt($"if (!({c})) goto {brk};");
        }
        _targets.Add(new JumpTarget(f, brk, cont, _pending.Count));
        LowerStatement(f.Statement);
        _targets.RemoveAt(_targets.Count - 1);
        Hidden();
        Label(cont);
        foreach (var inc in f.Incrementors)
        {
            HoistDesignations(inc);
            var r = LowerExpression(inc, discard: true);
            if (r.Length > 0) { Src(inc); Stmt(r + ";"); }
        }
        PreemptCheck(f);
        Stmt($"goto {top};");
        Label(brk);
    }

    private void LowerForEach(CommonForEachStatementSyntax fe)
    {
        if (fe.AwaitKeyword.RawKind != 0) { Report(DiagnosticDescriptors.Unsupported, fe, "await foreach"); return; }
        var info = Model.GetForEachStatementInfo(fe);
        if (fe is ForEachStatementSyntax { Type: RefTypeSyntax }) { Report(DiagnosticDescriptors.RefAcrossSuspension, fe, ((ForEachStatementSyntax)fe).Identifier.ValueText); return; }
        var collType = Model.GetTypeInfo(fe.Expression).Type;
        HoistDesignations(fe.Expression);
        var coll = LowerExpression(fe.Expression);
        string variable;
        string elementType;
        SyntaxNode variableNode;
        if (fe is ForEachStatementSyntax single)
        {
            var local = (ILocalSymbol)Model.GetDeclaredSymbol(single)!;
            variable = Hoist(local, fe);
            elementType = local.Type.Fq();
            variableNode = single.Type;
        }
        else
        {
            var fv = (ForEachVariableStatementSyntax)fe;
            HoistDesignations(fv.Variable);
            variable = Rewrite(fv.Variable);
            elementType = info.ElementType?.Fq() ?? "object";
            variableNode = fv.Variable;
        }
        var top = NewLabel("foreach");
        var cont = NewLabel("continue");
        var brk = NewLabel("break");

        if (collType is IArrayTypeSymbol { Rank: 1 } arrayType)
        {
            var arr = AddField(arrayType.Fq(), "_t" + (_nextTemp++), "array of the foreach on line " + Line(fe));
            var idx = AddField("int", "_t" + (_nextTemp++), "index of the foreach on line " + Line(fe));
            Src(fe.Expression);
            Stmt($"{arr} = {coll};");
            Hidden();
            Stmt($"{idx} = 0;");
            Label(top);
            Stmt($"if ({idx} >= {arr}.Length) goto {brk};");
            Src(variableNode);
            Stmt($"{variable} = ({elementType}){arr}[{idx}];");
            _targets.Add(new JumpTarget(fe, brk, cont, _pending.Count));
            LowerStatement(fe.Statement);
            _targets.RemoveAt(_targets.Count - 1);
            Hidden();
            Label(cont);
            Stmt($"{idx}++;");
            PreemptCheck(fe);
            Stmt($"goto {top};");
            Label(brk);
            Stmt($"{arr} = null;");
            return;
        }

        if (info.GetEnumeratorMethod is null || info.MoveNextMethod is null || info.CurrentProperty is null)
        {
            Report(DiagnosticDescriptors.Unsupported, fe.Expression, "This foreach collection");
            return;
        }
        var enumType = info.GetEnumeratorMethod.ReturnType;
        if (enumType.IsRefLikeType) { Report(DiagnosticDescriptors.RefAcrossSuspension, fe.Expression, "the enumerator of " + fe.Expression); return; }
        var e = AddField(enumType.Fq(), "_e" + (_nextTemp++), "enumerator of the foreach on line " + Line(fe));
        Src(fe.Expression);
        var getEnum = info.GetEnumeratorMethod.IsExtensionMethod
            ? $"{info.GetEnumeratorMethod.ContainingType.Fq()}.{info.GetEnumeratorMethod.Name}({coll})"
            : $"({coll}).GetEnumerator()";
        Stmt($"{e} = {getEnum};");
        var moveNextAwaiter = SymbolFacts.SuspensionAwaiterName(info.MoveNextMethod);
        EmitTryFinallyText(() =>
        {
            Hidden();
            Label(top);
            if (moveNextAwaiter is not null)
            {
                var r = EmitSuspension(fe.Expression, $"{e}.{moveNextAwaiter}()", info.MoveNextMethod.ContainingType.GetMembers(moveNextAwaiter).OfType<IMethodSymbol>().FirstOrDefault()?.ReturnType, info.MoveNextMethod.ReturnType, discard: false, "MoveNext of the foreach");
                Stmt($"if (!{r}) goto {brk};");
            }
            else
            {
                Stmt($"if (!{e}.MoveNext()) goto {brk};");
            }
            Src(variableNode);
            Stmt($"{variable} = ({elementType}){e}.Current;");
            _targets.Add(new JumpTarget(fe, brk, cont, _pending.Count));
            LowerStatement(fe.Statement);
            _targets.RemoveAt(_targets.Count - 1);
            Hidden();
            Label(cont);
            PreemptCheck(fe);
            Stmt($"goto {top};");
            Label(brk);
        }, DisposeText(e, enumType, alwaysCheck: true));
        Stmt($"{e} = default;");
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

    private void LowerUsing(UsingStatementSyntax u)
    {
        if (u.AwaitKeyword.RawKind != 0) { Report(DiagnosticDescriptors.Unsupported, u, "await using"); return; }
        var fields = new List<(string Field, ITypeSymbol Type)>();
        if (u.Declaration is not null)
        {
            foreach (var v in u.Declaration.Variables)
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

    private void EmitUsingTry(List<(string Field, ITypeSymbol Type)> fields, System.Action body, SyntaxNode at)
    {
        if (fields.Count == 0) { body(); return; }
        // The first resource is disposed last: it gets the outermost try.
        var (f, t) = fields[0];
        var inner = fields.Skip(1).ToList();
        EmitTryFinallyText(() => EmitUsingTry(inner, body, at), DisposeText(f, t, alwaysCheck: false));
    }

    /// <summary>A real try whose finally (plain code, no suspension) runs unless the frame is suspending.</summary>
    private void EmitTryFinallyText(System.Action body, string finallyText)
    {
        EmitRealTry(body, new[] { "finally", "{", "    if (State < 0)", "    {", Indent(finallyText, 2), "    }", "}" });
    }

    private static string Indent(string text, int levels)
    {
        var pad = new string(' ', levels * 4);
        return string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : pad + l));
    }

    /// <summary>
    /// Emits <c>try { dispatch; body }</c> followed by the given clauses. States resumed inside the body go
    /// first to a label just before the try, then through the try's own dispatch.
    /// </summary>
    private void EmitRealTry(System.Action body, IEnumerable<string> clauses)
    {
        var entry = NewLabel("try");
        var outerScope = _scope;
        var outerWriter = _w;
        _scope = new List<(int, string)>();
        _w = new IndentedWriter();
        body();
        var innerScope = _scope;
        var innerText = _w.ToString().TrimEnd('\n');
        _scope = outerScope;
        _w = outerWriter;
        Hidden();
        if (innerScope.Count > 0)
        {
            foreach (var (state, _) in innerScope) _scope.Add((state, entry));
            Label(entry);
        }
        _w.Line("try");
        _w.Line("{");
        _w.Indent++;
        EmitDispatch(_w, innerScope);
        if (innerText.Length > 0) _w.Lines(innerText);
        Hidden();
        _w.Indent--;
        _w.Line("}");
        foreach (var c in clauses) _w.Lines(c);
    }

    private void LowerTry(TryStatementSyntax t)
    {
        if (t.Finally is null) { LowerTryCatch(t); return; }
        System.Action body = t.Catches.Count > 0 ? () => LowerTryCatch(t) : () => LowerStatement(t.Block);
        if (!Suspends(t.Finally.Block))
        {
            var fin = Rewrite(t.Finally.Block, t.Finally.Block);
            var finLine = Line(t.Finally.Block);
            EmitRealTry(body, new[] { "finally", "{", "    if (State < 0)", $"#line {finLine} \"{_filePath}\"", Indent(fin, 1), "#line hidden", "}" });
            return;
        }

        // The finally suspends: catch everything into a pending exception, run the finally as ordinary
        // (lowered) code after the try, then rethrow or take the pending branch (Roslyn's scheme).
        var region = new PendingRegion(_nextLabel++);
        var pex = AddField("global::System.Exception", "_pendingException" + region.Id, "pending exception of the try on line " + Line(t));
        AddField("int", region.BranchField, "pending branch of the try on line " + Line(t));
        Hidden();
        Stmt($"{pex} = null;");
        Stmt($"{region.BranchField} = 0;");
        _pending.Add(region);
        EmitRealTry(body, new[] { $"catch (global::System.Exception __ex)", "{", $"    {pex} = __ex;", "}" });
        _pending.RemoveAt(_pending.Count - 1);
        Label(region.FinLabel);
        LowerStatement(t.Finally.Block);
        Hidden();
        Stmt($"if ({pex} != null) global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw({pex});");
        if (region.Branches.Count > 0)
        {
            _w.Open($"switch ({region.BranchField})");
            for (var i = 0; i < region.Branches.Count; i++)
                _w.Line($"case {i + 1}: {Jump(region.Branches[i].Target, region.Branches[i].Depth)}");
            _w.Close();
        }
    }

    private void LowerTryCatch(TryStatementSyntax t)
    {
        var moved = new List<int>();
        for (var i = 0; i < t.Catches.Count; i++)
        {
            var c = t.Catches[i];
            if (c.Filter is not null && HasSuspension(c.Filter.FilterExpression))
                Report(DiagnosticDescriptors.Unsupported, c.Filter, "A suspension point in an exception filter");
            else if (Suspends(c.Block)) moved.Add(i);
        }
        var id = _nextLabel++;
        var pc = moved.Count > 0 ? AddField("int", "_pendingCatch" + id, "which catch of the try on line " + Line(t) + " caught") : null;
        var pobj = moved.Count > 0 ? AddField("global::System.Exception", "_pendingCaught" + id, "exception caught by the try on line " + Line(t)) : null;
        if (pc is not null) { Hidden(); Stmt($"{pc} = 0;"); }

        var clauses = new List<string>();
        for (var i = 0; i < t.Catches.Count; i++)
        {
            var c = t.Catches[i];
            var sb = new System.Text.StringBuilder();
            ISymbol? catchVar = c.Declaration is not null && c.Declaration.Identifier.RawKind != 0 ? Model.GetDeclaredSymbol(c.Declaration) : null;
            if (moved.Contains(i))
            {
                var typeText = c.Declaration is null ? "global::System.Exception" : Model.GetTypeInfo(c.Declaration.Type).Type?.Fq() ?? c.Declaration.Type.ToString();
                var name = catchVar is not null ? c.Declaration!.Identifier.Text : "__ex" + id + "_" + i;
                sb.Append($"catch ({typeText} {name})");
                if (c.Filter is not null)
                {
                    var excluded = catchVar is null ? null : new HashSet<ISymbol>(SymbolEqualityComparer.Default) { catchVar };
                    sb.Append($" when ({Rewrite(c.Filter.FilterExpression, c.Filter, null, excluded)})");
                }
                sb.Append($"\n{{\n    {pobj} = {name};\n    {pc} = {i + 1};\n}}");
            }
            else
            {
                sb.Append(Rewrite(c, c));
            }
            clauses.Add(sb.ToString());
        }
        EmitRealTry(() => LowerStatement(t.Block), clauses);
        if (moved.Count == 0) return;

        var end = NewLabel("endcatch");
        _w.Open($"switch ({pc})");
        foreach (var i in moved) _w.Line($"case {i + 1}: goto __catch{id}_{i};");
        _w.Close();
        Stmt($"goto {end};");
        foreach (var i in moved)
        {
            var c = t.Catches[i];
            Hidden();
            Label($"__catch{id}_{i}");
            _movedCatches[c] = pobj!;
            if (c.Declaration is not null && c.Declaration.Identifier.RawKind != 0 && Model.GetDeclaredSymbol(c.Declaration) is ILocalSymbol ex)
            {
                var f = Hoist(ex, c.Declaration);
                Stmt($"{f} = ({ex.Type.Fq()}){pobj};");
            }
            LowerStatement(c.Block);
            Hidden();
            Stmt($"goto {end};");
        }
        Label(end);
        Stmt($"{pobj} = null;");
    }

    /// <summary>
    /// The dispatch of a switch whose case guards suspend: the labels are tested one by one, in source order
    /// (a guard runs only when its pattern matched, as in C#); default applies when nothing matched.
    /// </summary>
    private void EmitSequentialDispatch(SwitchStatementSyntax sw, string gov, List<string> sectionLabels, JumpTarget target, string brk)
    {
        for (var i = 0; i < sw.Sections.Count; i++)
        {
            foreach (var l in sw.Sections[i].Labels)
            {
                var next = NewLabel("nextcase");
                switch (l)
                {
                    case DefaultSwitchLabelSyntax:
                        continue;
                    case CaseSwitchLabelSyntax csl:
                        Src(csl);
                        Stmt($"if ({gov} is {Rewrite(csl.Value)}) goto {sectionLabels[i]};");
                        continue;
                    case CasePatternSwitchLabelSyntax cpl:
                        var designations = cpl.Pattern.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>()
                            .Select(d => Model.GetDeclaredSymbol(d)).OfType<ILocalSymbol>().ToList();
                        var excluded = new HashSet<ISymbol>(designations, SymbolEqualityComparer.Default);
                        var copies = string.Concat(designations.Select(d => $" {Hoist(d, cpl)} = {d.Name};"));
                        Src(cpl);
                        Stmt($"{{ if (!({gov} is {Rewrite(cpl.Pattern, cpl, null, excluded)})) goto {next};{copies} }}");
                        if (cpl.WhenClause is not null)
                        {
                            var guard = LowerExpression(cpl.WhenClause.Condition);
                            Src(cpl.WhenClause);
                            Stmt($"if (!({guard})) goto {next};");
                        }
                        Hidden();
                        Stmt($"goto {sectionLabels[i]};");
                        Label(next);
                        continue;
                }
            }
        }
        Hidden();
        Stmt($"goto {target.Default ?? brk};");
    }

    private void LowerSwitch(SwitchStatementSyntax sw)
    {
        HoistDesignations(sw.Expression);
        var gov = LowerExpression(sw.Expression);
        if (HasSuspension(sw.Expression) || sw.Sections.SelectMany(x => x.Labels).OfType<CasePatternSwitchLabelSyntax>()
                .Any(l => l.WhenClause is not null && HasSuspension(l.WhenClause.Condition)))
        {
            var t = Temp(Model.GetTypeInfo(sw.Expression).Type, sw.Expression, "switch value");
            Stmt($"{t} = {gov};");
            gov = t;
        }
        var id = _nextLabel++;
        var brk = "__switchend" + id;
        var target = new JumpTarget(sw, brk, null, _pending.Count);
        var sectionLabels = new List<string>();
        for (var i = 0; i < sw.Sections.Count; i++)
        {
            var label = $"__case{id}_{i}";
            sectionLabels.Add(label);
            foreach (var l in sw.Sections[i].Labels)
            {
                if (l is DefaultSwitchLabelSyntax) target.Default = label;
                else if (l is CaseSwitchLabelSyntax csl)
                {
                    var cv = Model.GetConstantValue(csl.Value);
                    if (cv.HasValue) target.Cases.Add((cv.Value, label));
                }
            }
        }

        var guardsSuspend = sw.Sections.SelectMany(x => x.Labels).OfType<CasePatternSwitchLabelSyntax>()
            .Any(l => l.WhenClause is not null && HasSuspension(l.WhenClause.Condition));
        if (guardsSuspend)
        {
            EmitSequentialDispatch(sw, gov, sectionLabels, target, brk);
        }
        else
        {
            Src(sw.Expression);
            _w.Open($"switch ({gov})");
            for (var i = 0; i < sw.Sections.Count; i++)
            {
                foreach (var l in sw.Sections[i].Labels)
                {
                    switch (l)
                    {
                        case DefaultSwitchLabelSyntax:
                            _w.Line($"default: goto {sectionLabels[i]};");
                            break;
                        case CaseSwitchLabelSyntax csl:
                            _w.Line($"case {Rewrite(csl.Value)}: goto {sectionLabels[i]};");
                            break;
                        case CasePatternSwitchLabelSyntax cpl:
                            var designations = cpl.DescendantNodes().OfType<SingleVariableDesignationSyntax>()
                                .Select(d => Model.GetDeclaredSymbol(d)).OfType<ILocalSymbol>().ToList();
                            var excluded = new HashSet<ISymbol>(designations, SymbolEqualityComparer.Default);
                            var pattern = Rewrite(cpl.Pattern, cpl, null, excluded);
                            var when = cpl.WhenClause is null ? "" : " when (" + Rewrite(cpl.WhenClause.Condition, cpl, null, excluded) + ")";
                            var copies = string.Concat(designations.Select(d => $"{Hoist(d, cpl)} = {d.Name}; "));
                            _w.Line($"case {pattern}{when}: {copies}goto {sectionLabels[i]};");
                            break;
                    }
                }
            }
            _w.Close();
            Hidden();
            Stmt($"goto {target.Default ?? brk};");
        }
        _targets.Add(target);
        for (var i = 0; i < sw.Sections.Count; i++)
        {
            Label(sectionLabels[i]);
            LowerBlock(sw.Sections[i].Statements, 0);
        }
        _targets.RemoveAt(_targets.Count - 1);
        Hidden();
        Label(brk);
    }
}
