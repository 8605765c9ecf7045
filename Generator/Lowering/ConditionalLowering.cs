using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// The short-circuiting operators around a suspension point: <c>&amp;&amp;</c>, <c>||</c>, <c>??</c>, <c>?:</c> and
/// <c>?.</c> become branches that assign a temporary, so only the side C# evaluates runs (and suspends).
/// <code>
/// before:  var s = a ?? Tw(b);
/// after:   _t0 = a;                          // the left side, once
///          if (_t0 is null) goto coalesce0;
///          _t1 = _t0; goto coalesced1;
///      coalesce0:
///          ...Tw(b): a nested call, a state, its result _r2...
///          _t1 = _r2;
///      coalesced1:
///          _l0_s = _t1;
/// </code>
/// </summary>
internal sealed partial class MethodLowerer
{
    private string LowerLogical(BinaryExpressionSyntax b)
    {
        var type = TypeOf(b);
        if (type?.SpecialType != SpecialType.System_Boolean) return LowerUserDefinedLogical(b, type);
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

    /// <summary>
    /// A user-defined <c>&amp;&amp;</c> or <c>||</c> (a type with <c>operator true</c>, <c>operator false</c> and <c>&amp;</c>,
    /// <c>|</c>). C# means <c>x || y</c> as <c>T.true(x) ? x : x | y</c>, and <c>x &amp;&amp; y</c> as
    /// <c>T.false(x) ? x : x &amp; y</c>, with x evaluated once:
    /// <code>
    /// before:  TB r = Tw(a) || b;          TB s = a || Tw(b);
    /// after:   _t0 = ...Tw(a)...;          _t1 = a;
    ///          _l0_r = _t0 || b;            if (_t1) goto logic2;      // operator true, as C#'s if does
    ///                                       _t3 = ...Tw(b)...;
    ///                                       _t1 = _t1 | _t3;
    ///                                   logic2:
    ///                                       _l1_s = _t1;
    /// </code>
    /// A suspending right operand of <c>&amp;&amp;</c> is tested with <c>operator false</c> called through an
    /// <c>[UnsafeAccessor]</c> (FalseOperators.cs): C# code cannot call it alone. A dynamically bound one goes
    /// through the runtime binder as C# binds it (DynamicLogical.cs).
    /// </summary>
    private string LowerUserDefinedLogical(BinaryExpressionSyntax b, ITypeSymbol? type)
    {
        if (type is { TypeKind: TypeKind.Dynamic } && HasSuspension(b.Right)) return LowerDynamicLogical(b, type);
        var or = b.IsKind(SyntaxKind.LogicalOrExpression);
        var (t, read) = ValueTemp(type, b.Left, "left of " + (or ? "||" : "&&"));
        var l = LowerExpression(b.Left);
        Src(b.Left);
        Stmt($"{t} = {l};");
        if (!HasSuspension(b.Right)) return "(" + read + (or ? " || " : " && ") + RewriteExpr(b.Right) + ")";
        var test = or ? read : FalseOperatorCall(b, read);
        if (test is null) return RewriteExpr(b);
        var skip = NewLabel("logic");
        Hidden();
        Stmt($"if ({test}) goto {skip};");
        var r = LowerExpression(b.Right);
        Src(b.Right);
        Stmt($"{t} = {read} {(or ? "|" : "&")} {r};");
        Hidden();
        Label(skip);
        return read;
    }

    private string LowerCoalesce(BinaryExpressionSyntax b)
    {
        var leftType = TypeOf(b.Left);
        var type = TypeOf(b);
        if (leftType is null && b.Left is LiteralExpressionSyntax)
        {
            // null ?? Tw(x): the literal has no type and nothing to run; the value is the right side's, as in C#.
            var (value, readValue) = ValueTemp(type, b, "value of ??");
            AssignOrThrow(value, b.Right);
            return readValue;
        }
        var tl = ValueTemp(leftType, b.Left, "left of ??").Write; // compared with null and copied: never read as its type
        var (t, read) = ValueTemp(type, b, "value of ??");
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
        AssignOrThrow(t, b.Right);
        Hidden();
        Label(end);
        return read;
    }

    /// <summary>
    /// One branch of <c>?:</c> or the right of <c>??</c> into its temporary; a throw expression there
    /// (<c>c ? x : throw e</c>) becomes a throw statement, as a throw expression cannot be assigned.
    /// </summary>
    private void AssignOrThrow(string target, ExpressionSyntax branch)
    {
        if (branch is ThrowExpressionSyntax te)
        {
            var x = LowerExpression(te.Expression);
            Src(branch);
            Stmt($"throw {x};");
            return;
        }
        var v = LowerExpression(branch);
        Src(branch);
        Stmt($"{target} = {v};");
    }

    private string LowerConditional(ConditionalExpressionSyntax c)
    {
        // Read as a value: the reference is chosen after the condition's and branches' suspension points (RefConditionals.cs).
        if (IsRefConditional(c)) return RefConditionalLocation(c) ?? RewriteExpr(c);
        if (SymbolFacts.IsRefLike(TypeOf(c)) && !HasSuspension(c.WhenTrue) && !HasSuspension(c.WhenFalse))
        {
            // `Span<char> r = Tw(n) < 10 ? stackalloc char[n] : new char[n];`: no frame field can hold a span, and
            // none need: async spills only the condition and evaluates the branch after it, in place. So does this,
            // leaving the branches as they are (a stackalloc stays in its declaration, the only place C# takes it).
            var test = Truth(c.Condition, LowerExpression(c.Condition));
            Src(c.Condition);
            return $"(({test}) ? {RewriteExpr(c.WhenTrue)} : {RewriteExpr(c.WhenFalse)})";
        }
        if (SymbolFacts.IsRefLike(TypeOf(c))) return LowerStackOnlyConditional(c);
        var (t, read) = ValueTemp(TypeOf(c), c, "value of ?:");
        var cond = Truth(c.Condition, LowerExpression(c.Condition));
        var elseLabel = NewLabel("condelse");
        var end = NewLabel("condend");
        Src(c.Condition);
        Stmt($"if (!({cond})) goto {elseLabel};");
        AssignOrThrow(t, c.WhenTrue);
        Hidden();
        Stmt($"goto {end};");
        Label(elseLabel);
        AssignOrThrow(t, c.WhenFalse);
        Hidden();
        Label(end);
        return read;
    }

    /// <summary>
    /// A <c>?:</c> of a ref struct type (a span) with a suspending branch: no frame field can hold its value, and none
    /// need, as async takes it: the condition into a bool temporary, each branch lowered on its own path (its
    /// operands spilled, the span not yet made), and the span made in the residual by the branch the condition
    /// chose, after the last suspension point, nothing running between the branch's end and the join:
    /// <code>
    /// before:  Span&lt;int&gt; s = c ? new int[Tw(3)] : stackalloc int[2];
    /// after:   _t0 = c;
    ///          if (!_t0) goto condelse1;
    ///          ...Tw(3)..., _r0
    ///          goto condend2;
    ///      condelse1:
    ///      condend2:
    ///          Span&lt;int&gt; _l1_s = (_t0 ? new int[_r0] : stackalloc int[2]);
    /// </code>
    /// The branch not taken names temporaries its path did not set; the conditional never evaluates it. A span an
    /// operand of a branch makes before a suspension point of that branch is still refused (GOSH0008).
    /// </summary>
    private string LowerStackOnlyConditional(ConditionalExpressionSyntax c)
    {
        var chosen = ConditionChosen(c, "condition of a ref struct ?:");
        var (whenTrue, whenFalse) = BranchesApart(chosen, c, "cond", StackOnlyBranch);
        return $"({chosen} ? {whenTrue} : {whenFalse})";
    }

    /// <summary>
    /// The condition of a <c>?:</c> whose value cannot wait in a temporary (a reference, a span), lowered into a
    /// bool temporary that chooses the branch once its suspensions are over; returns the temporary.
    /// </summary>
    private string ConditionChosen(ConditionalExpressionSyntax c, string what)
    {
        var cond = Truth(c.Condition, LowerExpression(c.Condition));
        var chosen = Temp(Model.Compilation.GetSpecialType(SpecialType.System_Boolean), c.Condition, what);
        Src(c.Condition);
        Stmt($"{chosen} = {cond};");
        return chosen;
    }

    /// <summary>
    /// Each branch of <paramref name="c"/> lowered on its own path (<c>if (!chosen) goto else; ... goto end; else:
    /// ... end:</c>) by <paramref name="branch"/>, which returns the residual that makes the branch's value (null:
    /// refused); the caller joins the two as <c>(chosen ? t : f)</c> after the end label. The residual of the branch
    /// not taken names temporaries its path did not set, which the conditional never evaluates.
    /// </summary>
    private (string? WhenTrue, string? WhenFalse) BranchesApart(string chosen, ConditionalExpressionSyntax c, string labels,
        System.Func<ExpressionSyntax, string?> branch)
    {
        var elseLabel = NewLabel(labels + "else");
        var end = NewLabel(labels + "end");
        Hidden();
        Stmt($"if (!{chosen}) goto {elseLabel};");
        var whenTrue = branch(c.WhenTrue);
        Hidden();
        Stmt($"goto {end};");
        Label(elseLabel);
        var whenFalse = branch(c.WhenFalse);
        Hidden();
        Label(end);
        return (whenTrue, whenFalse);
    }

    /// <summary>A branch of a ref struct <c>?:</c>, its suspension points lowered, as the residual that makes its value.</summary>
    private string StackOnlyBranch(ExpressionSyntax branch)
    {
        if (!HasSuspension(branch)) return RewriteExpr(branch);
        if (branch is ThrowExpressionSyntax te)
        {
            var x = LowerExpression(te.Expression);
            Src(te.Expression);
            return "throw " + x;
        }
        return LowerExpression(branch);
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

    /// <summary>The <c>?.</c> that a member or element binding (<c>.A</c>, <c>[i]</c>) belongs to.</summary>
    private static ConditionalAccessExpressionSyntax? OwningConditionalAccess(SyntaxNode binding) =>
        binding.Ancestors().OfType<ConditionalAccessExpressionSyntax>().FirstOrDefault(ca => ca.WhenNotNull.Span.Contains(binding.Span));

    /// <summary>
    /// A binding after <c>?.</c> that names a variable, not a copy: a writable field of an object (<c>h?.A</c>, the
    /// receiver a reference held in the <c>?.</c>'s temporary) or an element of an array (<c>arr?[0]</c>). A method
    /// of a struct there is called on that variable, as C# calls it (<c>_t0.A.Add(...)</c>, <c>_t0[0].Add(...)</c>).
    /// </summary>
    private bool IsVariableBinding(ExpressionSyntax e)
    {
        if (e is not (MemberBindingExpressionSyntax or ElementBindingExpressionSyntax) || OwningConditionalAccess(e) is not { } ca) return false;
        var receiverType = TypeOf(ca.Expression);
        return e is ElementBindingExpressionSyntax
            ? receiverType is IArrayTypeSymbol
            : receiverType is { IsReferenceType: true } && Model.GetSymbolInfo(e, _ct).Symbol is IFieldSymbol { IsReadOnly: false, IsConst: false };
    }

    /// <summary>
    /// <c>a?.M(...)</c> with a suspension point: <c>t = a; if (t is null) result = default; else result = t.M(...);</c>
    /// A receiver of a type parameter's type that is a variable (<c>t?.Add(Tw(1))</c>) is tested for null as a copy
    /// and called through <c>(default(T) == null ? ref copy : ref t)</c>, as Roslyn does: the reference read once
    /// when T is a class, the variable itself when T is a struct (a copy would lose what the call changes).
    /// </summary>
    private string LowerConditionalAccess(ConditionalAccessExpressionSyntax ca, bool discard)
    {
        // `x?.M(Tw(1))` of a call the compiler leaves out ([Conditional], SymbolFacts.IsOmittedCall) is left out
        // whole, `x` included: Roslyn drops a conditional access whose access it dropped (its local rewriter's
        // RewriteConditionalAccess), so nothing of it is evaluated, nor null-tested.
        if (IsOmittedAccess(ca.WhenNotNull)) return "";
        var recvType = TypeOf(ca.Expression);
        // A receiver or value whose type holds an anonymous type waits in an object field, read back by example.
        var (t, receiverRead) = ValueTemp(recvType, ca.Expression, "receiver of ?.");
        var variable = IsMaybeValueTypeVariable(ca.Expression) ? LowerLocation(ca.Expression, spillAll: true) : null;
        var r = variable ?? LowerExpression(ca.Expression);
        Src(ca.Expression);
        Stmt($"{t} = {r};");
        if (variable is not null) receiverRead = $"(default({recvType!.Fq()}) == null ? ref {t} : ref {variable})";
        var type = TypeOf(ca);
        var hasValue = !discard && type is not null && type.SpecialType != SpecialType.System_Void;
        string? result = null, read = null;
        if (hasValue) (result, read) = ValueTemp(type, ca, "value of ?.");
        var end = NewLabel("condaccess");
        Hidden();
        Stmt(result is null ? $"if ({t} is null) goto {end};" : $"if ({t} is null) {{ {result} = default; goto {end}; }}");
        var receiverText = recvType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } ? receiverRead + ".Value" : receiverRead;
        _bindingReceivers[ca] = receiverText;
        var v = LowerExpression(ca.WhenNotNull, discard: result is null);
        _bindingReceivers.Remove(ca);
        Src(ca.WhenNotNull);
        if (result is not null) Stmt($"{result} = {v};");
        // In a checked or unchecked block the residual call is checked(M(...)), no statement (SharpCompress' CRC32,
        // `unchecked { output?.Write(buffer, 0, count); }`): DiscardedStatement makes it one.
        else if (DiscardedStatement(v) is { } statement) Stmt(statement);
        Hidden();
        Label(end);
        return read ?? "";
    }

    /// <summary>The access of a <c>?.</c> (through nested ones, <c>a?.B()?.M()</c>) ends in a call the compiler leaves out.</summary>
    private bool IsOmittedAccess(ExpressionSyntax access) => access switch
    {
        ConditionalAccessExpressionSyntax inner => IsOmittedAccess(inner.WhenNotNull),
        InvocationExpressionSyntax inv => Model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol m && SymbolFacts.IsOmittedCall(m, inv.SyntaxTree),
        _ => false,
    };
}
