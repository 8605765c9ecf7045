using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Rewriting;

/// <summary>
/// Expressions that contain suspension points: everything evaluated before the last suspension point is
/// spilled into frame temporaries, so C#'s left-to-right order holds (Roslyn's SpillSequenceSpiller rule).
/// Each method emits the statements that must run first and returns the residual expression text.
/// </summary>
internal sealed partial class MethodLowerer
{
    private string LowerExpression(ExpressionSyntax e, bool discard = false)
    {
        if (!HasSuspension(e)) return RewriteExpr(e);
        switch (e)
        {
            case ParenthesizedExpressionSyntax p:
                var inner = LowerExpression(p.Expression, discard);
                return inner.Length == 0 ? "" : "(" + inner + ")";
            case InvocationExpressionSyntax inv:
                return LowerInvocation(inv, discard);
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LogicalAndExpression) || b.IsKind(SyntaxKind.LogicalOrExpression):
                return LowerLogical(b);
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.CoalesceExpression):
                return LowerCoalesce(b);
            case ConditionalExpressionSyntax c:
                return LowerConditional(c);
            case AssignmentExpressionSyntax a:
                return LowerAssignment(a, discard);
            case BaseObjectCreationExpressionSyntax oc when oc.Initializer is not null && HasSuspension(oc.Initializer):
                return LowerObjectCreation(oc);
            case ConditionalAccessExpressionSyntax ca:
                return LowerConditionalAccess(ca, discard);
            case SwitchExpressionSyntax se when se.Arms.Any(a => HasSuspension(a)):
                return LowerSwitchExpression(se);
        }
        var operands = Operands(e);
        if (operands is null)
        {
            Report(DiagnosticDescriptors.Unsupported, e, "A suspension point inside this kind of expression (" + e.Kind() + ")");
            return RewriteExpr(e);
        }
        var repl = LowerOperands(operands);
        return RewriteExpr(e, repl);
    }

    private ITypeSymbol? TypeOf(ExpressionSyntax e)
    {
        var info = Model.GetTypeInfo(e, _ct);
        if (info.Type is { TypeKind: TypeKind.Error } or null && InferType(e) is { TypeKind: not TypeKind.Error } inferred) return inferred;
        return info.Type ?? info.ConvertedType;
    }

    private bool IsTypeOrNamespace(ExpressionSyntax e) =>
        Model.GetSymbolInfo(e, _ct).Symbol is INamespaceOrTypeSymbol || Model.GetAliasInfo(e) is not null;

    private bool IsTrivial(ExpressionSyntax e) =>
        e is LiteralExpressionSyntax or ThisExpressionSyntax or TypeOfExpressionSyntax or DefaultExpressionSyntax
            or AnonymousFunctionExpressionSyntax
        || Model.GetConstantValue(e, _ct).HasValue
        || IsTypeOrNamespace(e);

    /// <summary>The sub-expressions of <paramref name="e"/> in evaluation order, or null if the kind is not handled.</summary>
    private List<ExpressionSyntax>? Operands(ExpressionSyntax e)
    {
        switch (e)
        {
            case InvocationExpressionSyntax inv:
                var list = new List<ExpressionSyntax>();
                var recv = Receiver(inv);
                if (recv is not null) list.Add(recv);
                else if (inv.Expression is not (IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or MemberBindingExpressionSyntax)) list.Add(inv.Expression);
                list.AddRange(ValueArguments(inv.ArgumentList));
                return list;
            case MemberAccessExpressionSyntax ma:
                return IsTypeOrNamespace(ma.Expression) ? new List<ExpressionSyntax>() : new List<ExpressionSyntax> { ma.Expression };
            case ElementAccessExpressionSyntax ea:
                return new List<ExpressionSyntax> { ea.Expression }.Concat(ValueArguments(ea.ArgumentList)).ToList();
            case ElementBindingExpressionSyntax eb:
                return ValueArguments(eb.ArgumentList).ToList();
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.IsExpression) || b.IsKind(SyntaxKind.AsExpression):
                return new List<ExpressionSyntax> { b.Left };
            case BinaryExpressionSyntax b:
                return new List<ExpressionSyntax> { b.Left, b.Right };
            case PrefixUnaryExpressionSyntax pu when !pu.IsKind(SyntaxKind.PreIncrementExpression) && !pu.IsKind(SyntaxKind.PreDecrementExpression):
                return new List<ExpressionSyntax> { pu.Operand };
            case PostfixUnaryExpressionSyntax pf when pf.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                return new List<ExpressionSyntax> { pf.Operand };
            case CastExpressionSyntax c:
                return new List<ExpressionSyntax> { c.Expression };
            case CheckedExpressionSyntax ch:
                return new List<ExpressionSyntax> { ch.Expression };
            case TupleExpressionSyntax t:
                return t.Arguments.Select(a => a.Expression).ToList();
            case InterpolatedStringExpressionSyntax s:
                return s.Contents.OfType<InterpolationSyntax>().Select(i => i.Expression).ToList();
            case BaseObjectCreationExpressionSyntax oc when oc.ArgumentList is not null:
                return ValueArguments(oc.ArgumentList).ToList();
            case ArrayCreationExpressionSyntax ac:
                return ac.Type.RankSpecifiers.SelectMany(r => r.Sizes).Where(x => x is not OmittedArraySizeExpressionSyntax)
                    .Concat(ac.Initializer?.Expressions ?? default(SeparatedSyntaxList<ExpressionSyntax>)).ToList();
            case ImplicitArrayCreationExpressionSyntax iac:
                return iac.Initializer.Expressions.ToList();
            case CollectionExpressionSyntax ce when ce.Elements.All(x => x is ExpressionElementSyntax):
                return ce.Elements.Cast<ExpressionElementSyntax>().Select(x => x.Expression).ToList();
            case IsPatternExpressionSyntax ip:
                return new List<ExpressionSyntax> { ip.Expression };
            case SwitchExpressionSyntax se when !se.Arms.Any(a => HasSuspension(a)):
                return new List<ExpressionSyntax> { se.GoverningExpression };
            case AnonymousObjectCreationExpressionSyntax ao:
                return ao.Initializers.Select(i => i.Expression).ToList();
        }
        return null;
    }

    private IEnumerable<ExpressionSyntax> ValueArguments(BaseArgumentListSyntax args) =>
        args.Arguments.Where(a => a.RefKindKeyword.RawKind == 0 || a.RefKindKeyword.IsKind(SyntaxKind.InKeyword)).Select(a => a.Expression);

    /// <summary>The receiver expression that is evaluated as a value (null for static calls and simple names).</summary>
    private ExpressionSyntax? Receiver(InvocationExpressionSyntax inv) =>
        inv.Expression is MemberAccessExpressionSyntax ma && !IsTypeOrNamespace(ma.Expression) ? ma.Expression : null;

    /// <summary>Lowers operands left to right, spilling those before the last suspension point.</summary>
    private Dictionary<SyntaxNode, string> LowerOperands(List<ExpressionSyntax> operands)
    {
        var repl = new Dictionary<SyntaxNode, string>();
        var last = operands.FindLastIndex(HasSuspension);
        for (var i = 0; i <= last; i++)
        {
            var op = operands[i];
            var r = LowerExpression(op);
            if (i < last && !IsTrivial(op))
            {
                var t = Temp(TypeOf(op), op, "spilled operand");
                Src(op);
                Stmt($"{t} = {r};");
                r = t;
            }
            repl[op] = r;
        }
        return repl;
    }

    private string Operand(Dictionary<SyntaxNode, string> repl, ExpressionSyntax e) =>
        repl.TryGetValue(e, out var r) ? r : RewriteExpr(e);

    private string ArgumentText(Dictionary<SyntaxNode, string> repl, ArgumentSyntax a)
    {
        var prefix = (a.NameColon is null ? "" : a.NameColon.ToString() + " ") + (a.RefKindKeyword.RawKind == 0 ? "" : a.RefKindKeyword.Text + " ");
        return prefix + (repl.TryGetValue(a.Expression, out var r) ? r : Rewrite(a.Expression));
    }

    // ------------------------------------------------------------------ calls

    private string LowerInvocation(InvocationExpressionSyntax inv, bool discard)
    {
        var kind = Classify(inv);
        if (kind == CallKind.Plain)
        {
            var operands = Operands(inv)!;
            return RewriteExpr(inv, LowerOperands(operands));
        }
        var method = ResolveMethod(inv)!;
        if (inv.ArgumentList.Arguments.Any(a => a.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || a.RefKindKeyword.IsKind(SyntaxKind.OutKeyword)))
            Report(DiagnosticDescriptors.Unsupported, inv, "A ref or out argument to a suspension point");

        var receiver = Receiver(inv);
        var ops = new List<ExpressionSyntax>();
        if (receiver is not null) ops.Add(receiver);
        ops.AddRange(ValueArguments(inv.ArgumentList));
        var repl = LowerOperands(ops);
        string? recvText = null;
        if (receiver is not null) recvText = Operand(repl, receiver);
        else if (inv.Expression is MemberBindingExpressionSyntax binding) recvText = BindingReceiver(binding);
        else if (!method.IsStatic && method.ReducedFrom is null) { recvText = "_this"; UsesThis = true; }

        if (kind == CallKind.SuspensionPoint)
            return LowerSuspensionCall(inv, method, recvText, repl, discard);
        return LowerGoroutineCall(inv, method, recvText, repl, discard);
    }

    private string LowerSuspensionCall(InvocationExpressionSyntax inv, IMethodSymbol method, string? recvText, Dictionary<SyntaxNode, string> repl, bool discard)
    {
        var awaiterName = SymbolFacts.SuspensionAwaiterName(method)!;
        var owner = method.ReducedFrom?.ContainingType ?? method.ContainingType;
        var def = method.ReducedFrom ?? method;
        var awaiter = owner.GetMembers(awaiterName).OfType<IMethodSymbol>()
            .FirstOrDefault(m => m.Parameters.Length == def.Parameters.Length && m.IsStatic == def.IsStatic && m.Arity == def.Arity);
        if (awaiter is null)
        {
            Report(DiagnosticDescriptors.AwaiterNotFound, inv, method.Name, awaiterName);
            return discard ? "" : "default";
        }
        var typeArgs = "";
        if (method.IsGenericMethod)
        {
            var ta = method.TypeArguments;
            if (awaiter.IsGenericMethod && awaiter.Arity == ta.Length) awaiter = awaiter.Construct(ta.ToArray());
            typeArgs = "<" + string.Join(", ", ta.Select(t => t.Fq())) + ">";
        }
        var args = string.Join(", ", inv.ArgumentList.Arguments.Select(a => ArgumentText(repl, a)));
        string call;
        if (method.ReducedFrom is not null)
            call = $"{owner.Fq()}.{awaiterName}{typeArgs}({recvText}{(args.Length > 0 ? ", " + args : "")})";
        else if (method.IsStatic)
            call = $"{owner.Fq()}.{awaiterName}{typeArgs}({args})";
        else
            call = $"{recvText}.{awaiterName}{typeArgs}({args})";
        return EmitSuspension(inv, call, awaiter.ReturnType, method.ReturnType, discard, method.ContainingType.Name + "." + method.Name);
    }

    private string EmitSuspension(SyntaxNode at, string call, ITypeSymbol? awaiterType, ITypeSymbol resultType, bool discard, string description)
    {
        var n = NewState(at, description);
        var aw = AddField(awaiterType?.Fq() ?? "object", "_aw" + n, $"awaiter of {description} (line {Line(at)})");
        Src(at);
        Stmt($"{aw} = {call};");
        Hidden();
        Stmt($"// state {n}: {description} (line {Line(at)})");
        Stmt($"if (!{aw}.IsCompleted) {{ State = {n}; return {aw}.Suspend(__g, this); }}");
        ResumeLabel(n);
        Src(at);
        var result = "";
        if (resultType.SpecialType == SpecialType.System_Void || discard)
        {
            Stmt($"{aw}.GetResult();");
        }
        else
        {
            result = AddField(TypeText(resultType, at), "_r" + n, "result of state " + n);
            Stmt($"{result} = {aw}.GetResult();");
        }
        Hidden();
        Stmt($"{aw} = default;");
        return result;
    }

    private string LowerGoroutineCall(InvocationExpressionSyntax inv, IMethodSymbol method, string? recvText, Dictionary<SyntaxNode, string> repl, bool discard)
    {
        var def = method.Definition();
        var op = Model.GetOperation(inv, _ct) as IInvocationOperation;
        var target = op?.TargetMethod ?? method.ReducedFrom ?? method;   // extension calls: the static form, receiver first
        var frameType = target.ContainingType.Fq() + "." + SymbolFacts.FrameName(def)
            + (target.IsGenericMethod ? "<" + string.Join(", ", target.TypeArguments.Select(t => t.Fq())) + ">" : "");
        var ctorArgs = new List<string>();
        if (!def.IsStatic) ctorArgs.Add(recvText ?? "_this");
        foreach (var p in target.Parameters)
        {
            var arg = op?.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == p.Ordinal);
            if (arg is null && op is null && method.ReducedFrom is not null && p.Ordinal == 0)
            {
                ctorArgs.Add(recvText ?? "default");
            }
            else if (arg is null || arg.ArgumentKind == ArgumentKind.DefaultValue)
            {
                ctorArgs.Add(p.HasExplicitDefaultValue && p.ExplicitDefaultValue is not null
                    ? SymbolFacts.ConstantText(p.Type, p.ExplicitDefaultValue)
                    : $"default({p.Type.Fq()})");
            }
            else if (arg.ArgumentKind == ArgumentKind.ParamArray && arg.Value is IArrayCreationOperation ac && ac.IsImplicit)
            {
                var elems = ac.Initializer?.ElementValues.Select(v => v.Syntax is ExpressionSyntax x ? Operand(repl, x) : v.Syntax.ToString()) ?? Enumerable.Empty<string>();
                ctorArgs.Add($"new {p.Type.Fq()} {{ {string.Join(", ", elems)} }}");
            }
            else if (arg.Syntax is ArgumentSyntax a)
            {
                ctorArgs.Add(Operand(repl, a.Expression));
            }
            else if (method.ReducedFrom is not null && p.Ordinal == 0)
            {
                ctorArgs.Add(recvText ?? Operand(repl, (ExpressionSyntax)arg.Syntax));
            }
            else
            {
                ctorArgs.Add(arg.Syntax is ExpressionSyntax x ? Operand(repl, x) : arg.Syntax.ToString());
            }
        }
        var n = NewState(inv, "call to " + method.Name);
        var call = AddField(frameType, "_call" + n, $"frame of the nested call to {method.Name} (line {Line(inv)})");
        _usesFrameResultLocal = true;
        Src(inv);
        Stmt($"{call} = new {frameType}({string.Join(", ", ctorArgs)});");
        Hidden();
        Stmt($"// state {n}: nested goroutine call to {method.Name} (line {Line(inv)})");
        Src(inv);
        Stmt($"if ((__fr = __g.Invoke(this, {call})) != {FrameResultType}.Completed) {{ State = {n}; return __fr; }}");
        Hidden();
        ResumeLabel(n);
        Src(inv);
        var result = "";
        if (method.ReturnsVoid) Stmt($"{call}.ThrowIfFailed();");
        else if (discard) Stmt($"{call}.GetResult();");
        else
        {
            result = AddField(TypeText(method.ReturnType, inv), "_r" + n, "result of state " + n);
            Stmt($"{result} = {call}.GetResult();");
        }
        Hidden();
        Stmt($"{call} = null;");
        return result;
    }

    // ------------------------------------------------------------------ control-flow expressions

    private string LowerLogical(BinaryExpressionSyntax b)
    {
        var type = TypeOf(b);
        if (type?.SpecialType != SpecialType.System_Boolean)
        {
            Report(DiagnosticDescriptors.Unsupported, b, "A user-defined && or || with a suspension point");
            return RewriteExpr(b);
        }
        var t = Temp(type, b, "value of " + (b.IsKind(SyntaxKind.LogicalAndExpression) ? "&&" : "||"));
        var l = LowerExpression(b.Left);
        Src(b.Left);
        Stmt($"{t} = {l};");
        var skip = NewLabel("logic");
        Hidden();
        Stmt(b.IsKind(SyntaxKind.LogicalAndExpression) ? $"if (!{t}) goto {skip};" : $"if ({t}) goto {skip};");
        var r = LowerExpression(b.Right);
        Src(b.Right);
        Stmt($"{t} = {r};");
        Hidden();
        Label(skip);
        return t;
    }

    private string LowerCoalesce(BinaryExpressionSyntax b)
    {
        var leftType = TypeOf(b.Left);
        var type = TypeOf(b);
        var tl = Temp(leftType, b.Left, "left of ??");
        var t = Temp(type, b, "value of ??");
        var l = LowerExpression(b.Left);
        Src(b.Left);
        Stmt($"{tl} = {l};");
        var rhs = NewLabel("coalesce");
        var end = NewLabel("coalesced");
        Hidden();
        Stmt($"if ({tl} is null) goto {rhs};");
        var unwrap = leftType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
            && type is not INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        Stmt($"{t} = {tl}{(unwrap ? ".Value" : "")};");
        Stmt($"goto {end};");
        Label(rhs);
        var r = LowerExpression(b.Right);
        Src(b.Right);
        Stmt($"{t} = {r};");
        Hidden();
        Label(end);
        return t;
    }

    private string LowerConditional(ConditionalExpressionSyntax c)
    {
        if (c.WhenTrue is RefExpressionSyntax)
        {
            Report(DiagnosticDescriptors.Unsupported, c, "A ref conditional with a suspension point");
            return RewriteExpr(c);
        }
        var t = Temp(TypeOf(c), c, "value of ?:");
        var cond = LowerExpression(c.Condition);
        var elseLabel = NewLabel("condelse");
        var end = NewLabel("condend");
        Src(c.Condition);
        Stmt($"if (!({cond})) goto {elseLabel};");
        var w = LowerExpression(c.WhenTrue);
        Src(c.WhenTrue);
        Stmt($"{t} = {w};");
        Hidden();
        Stmt($"goto {end};");
        Label(elseLabel);
        var f = LowerExpression(c.WhenFalse);
        Src(c.WhenFalse);
        Stmt($"{t} = {f};");
        Hidden();
        Label(end);
        return t;
    }

    // ------------------------------------------------------------------ assignments and initializers

    /// <summary>Spills the parts of an assignable expression; returns the text that names the same location.</summary>
    private string? LowerLocation(ExpressionSyntax left, bool spillAll)
    {
        switch (left)
        {
            case IdentifierNameSyntax or DeclarationExpressionSyntax or TupleExpressionSyntax when !HasSuspension(left):
                return Rewrite(left);
            case MemberAccessExpressionSyntax ma when !IsTypeOrNamespace(ma.Expression):
                var recvType = TypeOf(ma.Expression);
                if (recvType is null || recvType.IsValueType && ma.Expression is not ThisExpressionSyntax)
                {
                    Report(DiagnosticDescriptors.Unsupported, left, "Assigning through a struct-typed receiver around a suspension point");
                    return null;
                }
                var r = LowerExpression(ma.Expression);
                if (spillAll && !IsTrivial(ma.Expression))
                {
                    var t = Temp(recvType, ma.Expression, "spilled receiver");
                    Src(ma.Expression);
                    Stmt($"{t} = {r};");
                    r = t;
                }
                return r + "." + ma.Name;
            case MemberAccessExpressionSyntax ma2:
                return Rewrite(ma2);
            case ElementAccessExpressionSyntax ea:
                var exprType = TypeOf(ea.Expression);
                if (exprType is null || exprType.IsValueType)
                {
                    Report(DiagnosticDescriptors.Unsupported, left, "Assigning to an element of a struct around a suspension point");
                    return null;
                }
                var ops = new List<ExpressionSyntax> { ea.Expression };
                ops.AddRange(ValueArguments(ea.ArgumentList));
                var repl = new Dictionary<SyntaxNode, string>();
                foreach (var op in ops)
                {
                    var v = LowerExpression(op);
                    if (!IsTrivial(op))
                    {
                        var t = Temp(TypeOf(op), op, "spilled element access");
                        Src(op);
                        Stmt($"{t} = {v};");
                        v = t;
                    }
                    repl[op] = v;
                }
                return Rewrite(ea, ea, repl);
        }
        Report(DiagnosticDescriptors.Unsupported, left, "This assignment target around a suspension point");
        return null;
    }

    private string LowerAssignment(AssignmentExpressionSyntax a, bool discard)
    {
        if (a.Left is IdentifierNameSyntax or DeclarationExpressionSyntax or TupleExpressionSyntax && !HasSuspension(a.Left) && a.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            var lt = Rewrite(a.Left);
            var rv = LowerExpression(a.Right);
            return discard ? $"{lt} = {rv}" : $"({lt} = {rv})";
        }
        if (Model.GetSymbolInfo(a.Left, _ct).Symbol is IEventSymbol)
        {
            // Event subscription: evaluate the event's receiver, then the handler, then subscribe (no read).
            var eventLoc = a.Left is IdentifierNameSyntax ? Rewrite(a.Left) : LowerLocation(a.Left, spillAll: true);
            if (eventLoc is null) return RewriteExpr(a);
            var handler = LowerExpression(a.Right);
            return $"{eventLoc} {a.OperatorToken.Text} {handler}";
        }
        if (a.IsKind(SyntaxKind.CoalesceAssignmentExpression))
            return LowerCoalesceAssignment(a);
        var loc = LowerLocation(a.Left, spillAll: HasSuspension(a.Right));
        if (loc is null) return RewriteExpr(a);
        string text;
        if (a.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            var rv = LowerExpression(a.Right);
            text = $"{loc} = {rv}";
        }
        else
        {
            var leftType = TypeOf(a.Left);
            var old = Temp(leftType, a.Left, "value before compound assignment");
            Src(a.Left);
            Stmt($"{old} = {loc};");
            var rv = LowerExpression(a.Right);
            var op = a.OperatorToken.Text.Substring(0, a.OperatorToken.Text.Length - 1);
            var value = $"({leftType?.Fq()})({old} {op} {rv})";
            if (_checked is not null) value = $"{_checked}({value})";
            text = $"{loc} = {value}";
        }
        return discard ? text : "(" + text + ")";
    }

    private readonly Dictionary<ConditionalAccessExpressionSyntax, string> _bindingReceivers = new();

    /// <summary>The temporary holding the receiver of the <c>?.</c> that a member binding belongs to, if it is being lowered.</summary>
    public string? BindingReceiver(SyntaxNode binding)
    {
        foreach (var ca in binding.Ancestors().OfType<ConditionalAccessExpressionSyntax>())
        {
            if (!ca.WhenNotNull.Span.Contains(binding.Span)) continue;
            return _bindingReceivers.TryGetValue(ca, out var r) ? r : null;
        }
        return null;
    }

    /// <summary><c>a?.M(...)</c> with a suspension point: <c>t = a; if (t is null) result = default; else result = t.M(...);</c></summary>
    private string LowerConditionalAccess(ConditionalAccessExpressionSyntax ca, bool discard)
    {
        var recvType = TypeOf(ca.Expression);
        var t = Temp(recvType, ca.Expression, "receiver of ?.");
        var r = LowerExpression(ca.Expression);
        Src(ca.Expression);
        Stmt($"{t} = {r};");
        var type = Model.GetTypeInfo(ca, _ct).Type;
        var hasValue = !discard && type is not null && type.SpecialType != SpecialType.System_Void;
        var result = hasValue ? Temp(type, ca, "value of ?.") : null;
        var end = NewLabel("condaccess");
        Hidden();
        Stmt(result is null ? $"if ({t} is null) goto {end};" : $"if ({t} is null) {{ {result} = default; goto {end}; }}");
        var receiverText = recvType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } ? t + ".Value" : t;
        _bindingReceivers[ca] = receiverText;
        var v = LowerExpression(ca.WhenNotNull, discard: result is null);
        _bindingReceivers.Remove(ca);
        Src(ca.WhenNotNull);
        if (result is not null) Stmt($"{result} = {v};");
        else if (v.Length > 0 && SyntaxFactory.ParseExpression(v) is not IdentifierNameSyntax) Stmt(v + ";");
        Hidden();
        Label(end);
        return result ?? "";
    }

    /// <summary>
    /// A switch expression whose arms suspend: the value is kept in a temporary and the arms are tested in
    /// order (pattern, then guard); the first match evaluates its arm; no match throws SwitchExpressionException.
    /// </summary>
    private string LowerSwitchExpression(SwitchExpressionSyntax se)
    {
        var govType = TypeOf(se.GoverningExpression);
        var v = Temp(govType, se.GoverningExpression, "switch expression value");
        var g = LowerExpression(se.GoverningExpression);
        Src(se.GoverningExpression);
        Stmt($"{v} = {g};");
        var result = Temp(TypeOf(se), se, "value of the switch expression");
        var end = NewLabel("switchexprend");
        foreach (var arm in se.Arms)
        {
            var next = NewLabel("nextarm");
            HoistDesignations(arm.Pattern);
            var designations = arm.Pattern.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>()
                .Select(d => Model.GetDeclaredSymbol(d)).OfType<ILocalSymbol>().ToList();
            var excluded = new HashSet<ISymbol>(designations, SymbolEqualityComparer.Default);
            var copies = string.Concat(designations.Select(d => $" {Hoist(d, arm)} = {d.Name};"));
            Src(arm);
            var pattern = arm.Pattern is DiscardPatternSyntax ? "var _" : Rewrite(arm.Pattern, arm, null, excluded);
            Stmt($"{{ if (!({v} is {pattern})) goto {next};{copies} }}");
            if (arm.WhenClause is not null)
            {
                var guard = LowerExpression(arm.WhenClause.Condition);
                Src(arm.WhenClause);
                Stmt($"if (!({guard})) goto {next};");
            }
            var value = LowerExpression(arm.Expression);
            Src(arm.Expression);
            Stmt($"{result} = {value};");
            Hidden();
            Stmt($"goto {end};");
            Label(next);
        }
        Hidden();
        Stmt($"throw new global::System.Runtime.CompilerServices.SwitchExpressionException((object){v});");
        Label(end);
        return result;
    }

    /// <summary><c>x ??= e</c>: read x once; only if it is null evaluate e (which suspends) and store it.</summary>
    private string LowerCoalesceAssignment(AssignmentExpressionSyntax a)
    {
        var loc = a.Left is IdentifierNameSyntax && !HasSuspension(a.Left) ? Rewrite(a.Left) : LowerLocation(a.Left, spillAll: true);
        if (loc is null) return RewriteExpr(a);
        var leftType = TypeOf(a.Left);
        var type = TypeOf(a);
        var t = Temp(type, a, "value of ??=");
        var end = NewLabel("coalesced");
        var unwrap = leftType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
            && type is not INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        Src(a.Left);
        Stmt($"if (!({loc} is null)) {{ {t} = {loc}{(unwrap ? ".Value" : "")}; goto {end}; }}");
        var rv = LowerExpression(a.Right);
        Src(a.Right);
        Stmt($"{t} = {rv};");
        Stmt($"{loc} = {t};");
        Hidden();
        Label(end);
        return t;
    }

    private string LowerObjectCreation(BaseObjectCreationExpressionSyntax oc)
    {
        var type = TypeOf(oc);
        var repl = oc.ArgumentList is null ? new Dictionary<SyntaxNode, string>() : LowerOperands(ValueArguments(oc.ArgumentList).ToList());
        var args = oc.ArgumentList is null ? "" : string.Join(", ", oc.ArgumentList.Arguments.Select(a => ArgumentText(repl, a)));
        var o = Temp(type, oc, "object under construction");
        Src(oc);
        Stmt($"{o} = new {type?.Fq()}({args});");
        var isCollection = oc.Initializer!.IsKind(SyntaxKind.CollectionInitializerExpression);
        foreach (var init in oc.Initializer!.Expressions)
        {
            if (!isCollection && init is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } asg && asg.Right is not InitializerExpressionSyntax)
            {
                var v = LowerExpression(asg.Right);
                Src(init);
                Stmt($"{o}.{name.Identifier.Text} = {v};");
            }
            else if (isCollection && init is InitializerExpressionSyntax complex)
            {
                var r = LowerOperands(complex.Expressions.ToList());
                Src(init);
                Stmt($"{o}.Add({string.Join(", ", complex.Expressions.Select(x => Operand(r, x)))});");
            }
            else if (isCollection)
            {
                var v = LowerExpression(init);
                Src(init);
                Stmt($"{o}.Add({v});");
            }
            else
            {
                Report(DiagnosticDescriptors.Unsupported, init, "This object initializer member with a suspension point");
            }
        }
        return o;
    }
}
