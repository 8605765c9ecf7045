using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Assignments whose right side suspends: the location is evaluated first (its receiver and indices
/// spilled), then the value, as C# orders them; compound assignment reads the old value before the
/// suspension, and <c>??=</c> evaluates its right side only when the location is null.
/// </summary>
internal sealed partial class MethodLowerer
{
    private string LowerAssignment(AssignmentExpressionSyntax a, bool discard)
    {
        if (a.Left is TupleExpressionSyntax tuple && a.IsKind(SyntaxKind.SimpleAssignmentExpression) && !IsVariablesOnly(tuple))
        {
            // Deconstruction into locations: C# evaluates every target's receiver and indices, left to right,
            // then the right side, then assigns; so the targets are spilled before the right side is lowered.
            var targets = LowerTupleTargets(tuple, HasSuspension(a.Right));
            if (targets is null) return RewriteExpr(a);
            var value = LowerExpression(a.Right);
            return discard ? $"{targets} = {value}" : $"({targets} = {value})";
        }
        if (a.Left is IdentifierNameSyntax or DeclarationExpressionSyntax or TupleExpressionSyntax && !HasSuspension(a.Left) && a.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            var lt = Rewrite(a.Left);
            // r = ref a[Tw(1)] of a ref local kept in Resume (StackOnlyLocals.cs): the location's parts, then the reference.
            var rv = a.Right is RefExpressionSyntax re && HasSuspension(re) ? "ref " + SuspendingLocation(re.Expression) : LowerExpression(a.Right);
            // The right side on a later line than the assignment keeps its line (ArgumentLines.Lead).
            rv = ArgumentLines.Lead(a.Right, a.SpanStart, lt) + rv;
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
        if (!a.IsKind(SyntaxKind.SimpleAssignmentExpression) && !HasSuspension(a.Right) && IsRefReturningProperty(a.Left)
            && LowerLocation(a.Left, spillAll: false) is { } refLocation)
        {
            // r[Tw(1)] += 5 (or ??= 5) through a ref-returning indexer: its parts are lowered, then the getter, once, gives the
            // location the residual reads and writes (read and then written as two accesses, it ran twice).
            return AssignedInPlace(a, refLocation, discard);
        }
        if (!HasSuspension(a.Right) && ThroughRefConditional(a.Left))
        {
            // (Tw(c) ? ref s1 : ref s2).X += 5: likewise, in place, through the reference chosen once.
            var through = LowerLocation(a.Left, spillAll: false);
            return through is null ? RewriteExpr(a) : AssignedInPlace(a, through, discard);
        }
        if (!HasSuspension(a.Right) && Unwrapped(a.Left) is ConditionalExpressionSyntax refConditional && IsRefConditional(refConditional))
        {
            // (Tw(c) ? ref a : ref arr[i++]) += 5: the reference is chosen once, after the suspension points, and
            // assigned in place; the compound's read and write of a location named twice would choose it twice.
            var chosen = RefConditionalLocation(refConditional);
            return chosen is null ? RewriteExpr(a) : AssignedInPlace(a, chosen, discard);
        }
        if (a.IsKind(SyntaxKind.CoalesceAssignmentExpression))
            return LowerCoalesceAssignment(a);
        if (a.Left is InvocationExpressionSyntax refCall && !HasSuspension(a.Right) && IsRefReturningCall(refCall))
        {
            // At(Tw(n)) = 50, At(Tw(n)) += 7: the arguments are lowered, then the ref-returning call, once, is the
            // location, assigned in place with a right side that does not suspend (one whose right side suspends
            // would hold the reference across it: refused below, as async refuses it, CS8178). So is a C# 14
            // instance compound operator's (`AtS(Tw(n)) += 5` calls the operator on the referenced variable).
            return AssignedInPlace(a, RefCallLocation(refCall), discard);
        }
        if (!a.IsKind(SyntaxKind.SimpleAssignmentExpression) && IsInstanceCompoundOperator(a))
            return LowerInstanceCompoundAssignment(a, discard);
        var loc = LowerLocation(a.Left, spillAll: HasSuspension(a.Right));
        if (loc is null) return RewriteExpr(a);
        // r[Tw(1)].X += 2 through a ref-returning indexer, property or call: read and written as two accesses, the
        // location would run its getter twice; C# runs it once. With a right side that does not suspend, in place.
        if (!a.IsKind(SyntaxKind.SimpleAssignmentExpression) && !HasSuspension(a.Right) && ThroughReturnedReference(a.Left))
            return AssignedInPlace(a, loc, discard);
        string text;
        if (a.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            var rv = LowerExpression(a.Right);
            text = $"{loc} = {ArgumentLines.Lead(a.Right, a.SpanStart, loc)}{rv}";
        }
        else
        {
            var leftType = TypeOf(a.Left);
            // A type that holds an anonymous type (f += g of two Func<anon>) is held as object and read back by
            // example; its operator's result (a delegate's combination, a user-defined operator) is already of the
            // left's type, and no cast could name it.
            var (old, oldRead) = ValueTemp(leftType, a.Left, "value before compound assignment");
            if (TakesLeftByReference(a))
            {
                // operator +(in S a, in S b) takes the variable itself: C# reads it in the operator, after the right side.
                old = oldRead = loc;
            }
            else
            {
                Src(a.Left);
                Stmt($"{old} = {loc};");
                if (leftType is not null && !ContainsAnonymousType(leftType) && HasSuspension(a.Right)) old = CompoundLeftAsEvaluated(a, leftType, old);
            }
            var rv = LowerExpression(a.Right);
            var op = a.OperatorToken.Text.Substring(0, a.OperatorToken.Text.Length - 1);
            // The right side is one operand (x *= 2 + y is x = x * (2 + y)): the residual text may be any
            // expression, so it is parenthesized.
            var anonymous = leftType is not null && ContainsAnonymousType(leftType);
            var lead = ArgumentLines.Lead(a.Right, a.SpanStart, loc + (anonymous ? oldRead : old));
            var value = anonymous ? $"({oldRead} {op} {lead}{AsOperand(rv)})" : $"({leftType?.Fq()})({old} {op} {lead}{AsOperand(rv)})";
            if (_checked is not null) value = $"{_checked}({value})";
            text = $"{loc} = {value}";
        }
        return discard ? text : "(" + text + ")";
    }

    /// <summary>
    /// The old value of a compound assignment whose right side suspends, as its operator takes it: C# converts it
    /// (a user-defined conversion, <c>x += Tw(m)</c> of an int x and a Money m) or makes its text (<c>o += Tw("s")</c>
    /// of an object o, ConcatenatedOperands.cs) when it reads it, before the right side runs; done in the residual,
    /// the conversion or ToString ran after the suspension.
    /// </summary>
    private string CompoundLeftAsEvaluated(AssignmentExpressionSyntax a, ITypeSymbol leftType, string old)
    {
        if (Model.GetOperation(a, _ct) is not ICompoundAssignmentOperation c) return old;
        if (UserConvertedType(leftType, c.InConversion) is { } converted)
            return SpillConverted(a.Left, converted, old, "converted value before compound assignment");
        if (c.OperatorKind == BinaryOperatorKind.Add && c.OperatorMethod is null or { MethodKind: MethodKind.BuiltinOperator }
            && leftType is { SpecialType: not SpecialType.System_String, TypeKind: not TypeKind.Dynamic, IsRefLikeType: false }
            && Model.GetTypeInfo(a.Right, _ct).ConvertedType is { SpecialType: SpecialType.System_String })
            return SpillConcatenatedText(a.Left, old);
        // The model could not bind the operator over a right side only launcher inference types: a string added to
        // a type with no `+` of its own is C#'s concatenation all the same.
        if (c.OperatorKind == BinaryOperatorKind.None && a.IsKind(SyntaxKind.AddAssignmentExpression)
            && leftType is { SpecialType: not SpecialType.System_String, TypeKind: not TypeKind.Dynamic, IsRefLikeType: false }
            && TypeOf(a.Right) is { SpecialType: SpecialType.System_String } && !DeclaresAddition(leftType))
            return SpillConcatenatedText(a.Left, old);
        return old;
    }

    /// <summary>A compound assignment to a variable whose user-defined operator takes its left operand as <c>in</c>.</summary>
    private bool TakesLeftByReference(AssignmentExpressionSyntax a) =>
        Model.GetOperation(a, _ct) is ICompoundAssignmentOperation { OperatorMethod: { Parameters.Length: > 0 } m }
        && m.Parameters[0].RefKind is RefKind.In or RefKind.RefReadOnlyParameter
        && IsStructVariable(a.Left);

    /// <summary>(The method as C# binds it, also over values only launcher inference types: <c>RefAt(arr, i)</c> of <c>var arr = GoMake().Join();</c>.)</summary>
    private bool IsRefReturningCall(InvocationExpressionSyntax call) =>
        _launchers.ResolveMethod(call) is { ReturnsByRef: true };

    /// <summary>
    /// <paramref name="a"/> made through the reference <paramref name="location"/> gives, with its right side as written
    /// (it does not suspend), in the checked context as a whole (a checked(...) location would be a value).
    /// </summary>
    private string AssignedInPlace(AssignmentExpressionSyntax a, string location, bool discard)
    {
        var assigned = InContext($"{location} {a.OperatorToken.Text} {Rewrite(a.Right)}");
        return discard || _checked is not null ? assigned : "(" + assigned + ")";
    }

    /// <summary>
    /// Whether the ref-returning member <paramref name="e"/> is called on a struct variable, whose location must be kept
    /// (IsStructVariable, LowerLocation), not on an object or a struct value that an expression may give.
    /// </summary>
    private bool CalledOnAStructVariable(ExpressionSyntax e)
    {
        var receiver = e switch
        {
            MemberAccessExpressionSyntax ma => ma.Expression,
            ElementAccessExpressionSyntax ea => ea.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax ma } => ma.Expression,
            _ => null,
        };
        return receiver is not null && TypeOf(receiver) is { IsValueType: true } && IsStructVariable(receiver);
    }

    /// <summary>A property, indexer or call that returns a writable reference (`ref T`, not `ref readonly`).</summary>
    private bool ReturnsWritableReference(ExpressionSyntax e) =>
        e is InvocationExpressionSyntax call ? IsRefReturningCall(call)
        : e is ElementAccessExpressionSyntax or MemberAccessExpressionSyntax && Model.GetSymbolInfo(e, _ct).Symbol is IPropertySymbol { ReturnsByRef: true };

    private bool IsRefReturningProperty(ExpressionSyntax e) =>
        e is ElementAccessExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax or MemberBindingExpressionSyntax or ElementBindingExpressionSyntax
        && Model.GetSymbolInfo(e, _ct).Symbol is IPropertySymbol { ReturnsByRef: true } or IPropertySymbol { ReturnsByRefReadonly: true };

    /// <summary>
    /// A ref-returning call whose arguments suspend, as a location (<c>At(_t3)</c>): its arguments lowered, the call
    /// left to the residual, which assigns or increments through it. Without the checked context the lowering puts
    /// around the residual (<c>checked(At(_t3))</c> is a value, not a variable): the caller wraps the whole
    /// assignment or increment instead, which puts the call's own operands back in the context.
    /// </summary>
    private string RefCallLocation(InvocationExpressionSyntax call)
    {
        var text = LowerExpression(call);
        return _checked is not null && SyntaxFactory.ParseExpression(text) is CheckedExpressionSyntax ce ? ce.Expression.ToString() : text;
    }

    /// <summary>
    /// <c>x += y</c> bound to a C# 14 instance compound assignment operator (<c>public void operator +=(int y)</c>):
    /// the operator is called on the location, no <c>x = x + y</c>. A struct is mutated in place, so the residual
    /// applies the same operator to the spilled location (the variable itself); for a reference type C# reads the
    /// object once, before the right side, and calls the operator on it without storing back, so the object is
    /// spilled and the residual applies the operator to the spilled copy of the reference; a type parameter's
    /// variable is either, chosen by <c>default(T) == null</c>.
    /// </summary>
    private string LowerInstanceCompoundAssignment(AssignmentExpressionSyntax a, bool discard)
    {
        var loc = LowerLocation(a.Left, spillAll: true);
        if (loc is null) return RewriteExpr(a);
        var leftType = TypeOf(a.Left);
        if (leftType is not { IsValueType: true })
        {
            var target = Temp(leftType, a.Left, "object of an instance compound assignment");
            Src(a.Left);
            Stmt($"{target} = {loc};");
            // A type parameter's value may be either: the variable itself when it is a struct, the reference read
            // first when it is a class (Roslyn's own answer for such receivers, SpillMaybeValueTypeReceiver).
            loc = leftType is ITypeParameterSymbol { IsReferenceType: false } && IsStructVariable(a.Left)
                ? $"(default({leftType.Fq()}) == null ? ref {target} : ref {loc})"
                : target;
        }
        var rv = LowerExpression(a.Right);
        var text = $"{loc} {a.OperatorToken.Text} {AsOperand(rv)}";
        if (_checked is not null) return $"{_checked}({text})";
        return discard ? text : "(" + text + ")";
    }

    /// <summary>
    /// A compound assignment bound to an instance operator (C# 14): the compiler's 4.14 API already names the
    /// operator method, and only C# 14 can declare one non-static.
    /// </summary>
    private bool IsInstanceCompoundOperator(AssignmentExpressionSyntax a) =>
        !a.IsKind(SyntaxKind.CoalesceAssignmentExpression)
        && Model.GetSymbolInfo(a, _ct).Symbol is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.UserDefinedOperator };

    /// <summary>A tuple of locals, parameters, declarations and discards only: nothing in it is evaluated before the right side.</summary>
    private bool IsVariablesOnly(TupleExpressionSyntax tuple) =>
        tuple.Arguments.All(arg => arg.Expression switch
        {
            TupleExpressionSyntax inner => IsVariablesOnly(inner),
            DeclarationExpressionSyntax => true,
            IdentifierNameSyntax id => Model.GetSymbolInfo(id, _ct).Symbol is ILocalSymbol or IParameterSymbol or IDiscardSymbol or null,
            _ => false,
        });

    /// <summary>The targets of a deconstruction, each spilled to the location it names, in source order.</summary>
    private string? LowerTupleTargets(TupleExpressionSyntax tuple, bool laterSuspends)
    {
        var parts = new List<string>();
        for (var i = 0; i < tuple.Arguments.Count; i++)
        {
            var arg = tuple.Arguments[i];
            // Something evaluated after this target suspends: a later target's parts or the right side.
            var after = laterSuspends || tuple.Arguments.Skip(i + 1).Any(x => HasSuspension(x.Expression));
            var part = arg.Expression switch
            {
                TupleExpressionSyntax inner => LowerTupleTargets(inner, after),
                DeclarationExpressionSyntax or IdentifierNameSyntax when !HasSuspension(arg.Expression) => Rewrite(arg.Expression),
                // (At(Tw(0)), x) = (1, 2): the reference is taken after the last suspension point, as async takes it;
                // with one after it, it would wait in the frame (GOSH0017 from LowerLocation, CS8178 for async).
                InvocationExpressionSyntax call when !after && IsRefReturningCall(call) => RefCallLocation(call),
                // ((Tw(c) ? ref a : ref b), x) = (1, 2): likewise the reference a ref conditional chooses (RefConditionals.cs).
                _ when !after && Unwrapped(arg.Expression) is ConditionalExpressionSyntax refConditional && IsRefConditional(refConditional)
                    => RefConditionalLocation(refConditional),
                _ => LowerLocation(arg.Expression, spillAll: true),
            };
            if (part is null) return null;
            parts.Add(part);
        }
        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>A member of a struct a ref conditional whose parts suspend chooses (<c>(Tw(c) ? ref s1 : ref s2).X.Y</c>).</summary>
    private bool ThroughRefConditional(ExpressionSyntax location)
    {
        for (var e = Unwrapped(location); e is MemberAccessExpressionSyntax ma && TypeOf(ma.Expression) is { IsValueType: true }; e = Unwrapped(ma.Expression))
            if (Unwrapped(ma.Expression) is ConditionalExpressionSyntax c && IsRefConditional(c)) return HasSuspension(c);
        return false;
    }

    /// <summary>A struct variable a ref conditional chooses, or a struct-typed member of one (<c>(c ? ref s1 : ref s2).In</c>).</summary>
    private bool ChosenByRefConditional(ExpressionSyntax receiver)
    {
        var e = Unwrapped(receiver);
        while (e is MemberAccessExpressionSyntax ma && TypeOf(ma.Expression) is { IsValueType: true }) e = Unwrapped(ma.Expression);
        return e is ConditionalExpressionSyntax c && IsRefConditional(c);
    }

    /// <summary>A location reached through the variable a ref-returning call, property or indexer gives (<c>r[i].X</c>, <c>At(i).X</c>).</summary>
    private bool ThroughReturnedReference(ExpressionSyntax location)
    {
        for (var e = Unwrapped(location); ; )
        {
            switch (e)
            {
                case MemberAccessExpressionSyntax ma:
                    e = Unwrapped(ma.Expression);
                    break;
                case ElementAccessExpressionSyntax ea:
                    e = Unwrapped(ea.Expression);
                    break;
                default:
                    return false;
            }
            if (Model.GetSymbolInfo(e, _ct).Symbol is IMethodSymbol { ReturnsByRef: true } or IPropertySymbol { ReturnsByRef: true }) return true;
        }
    }

    /// <summary>Residual text as one operand of a binary operator: parenthesized unless it is already a primary expression.</summary>
    private static string AsOperand(string text) =>
        SyntaxFactory.ParseExpression(text) is IdentifierNameSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax
            or InvocationExpressionSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or CheckedExpressionSyntax
            ? text : "(" + text + ")";

    /// <summary>Spills the parts of an assignable expression; returns the text that names the same location.</summary>
    private string? LowerLocation(ExpressionSyntax left, bool spillAll)
    {
        if (spillAll && IsRefReturningProperty(left))
        {
            // r.First = Tw(v), r[i] = Tw(v): C# takes the reference the getter returns before the right side, and
            // the frame cannot hold it across the suspension (async refuses it likewise, CS8178); called after the
            // right side, the getter would run in another order.
            Report(DiagnosticDescriptors.CannotLiveInFrame, left,
                "The reference a ref-returning property or indexer gives cannot be kept across a later suspension point in the same expression: the frame cannot hold a reference (async methods: CS8178); compute the suspending values into locals first");
            return null;
        }
        switch (left)
        {
            case IdentifierNameSyntax or DeclarationExpressionSyntax or TupleExpressionSyntax when !HasSuspension(left):
                return Rewrite(left);
            case ThisExpressionSyntax when TypeOf(left) is { IsValueType: true }:
                // Stringify(in this, Tw(s)) in a struct's method: `this` is the frame's _this, which no suspension point
                // changes (writing `this` is GOSH0014), taken by reference in the residual as async takes its hoisted field.
                return Rewrite(left);
            case MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax } baseMember:
                // base.P = Tw(1), base.E += Tw(h): a property or event proxy of the type, on _this (BaseAccess.cs).
                return Rewrite(baseMember);
            case MemberAccessExpressionSyntax ma when !IsTypeOrNamespace(ma.Expression):
                var recvType = TypeOf(ma.Expression);
                if (!spillAll && recvType is { IsValueType: true } && (Unwrapped(ma.Expression) is ConditionalExpressionSyntax refReceiver && IsRefConditional(refReceiver) || ThroughRefConditional(ma.Expression)))
                {
                    // (Tw(c) ? ref s1 : ref s2).X = 5, (...).In.X = 5: the member of the variable the conditional
                    // chooses, after its suspension points, as async accepts it (RefConditionals.cs); with a later
                    // one, refused below.
                    var chosen = Unwrapped(ma.Expression) is ConditionalExpressionSyntax rc && IsRefConditional(rc)
                        ? RefConditionalLocation(rc) : LowerLocation(ma.Expression, spillAll: false);
                    return chosen is null ? null : chosen + "." + ma.Name;
                }
                if (!spillAll && recvType is { IsValueType: true } && ReturnsWritableReference(ma.Expression) && !CalledOnAStructVariable(ma.Expression))
                {
                    // GetArbiter().Handle.Data.UsageMask = 0 (Jitter's RigidBody.ClearContactCache with a point inserted
                    // in its receiver), Data a `ref` property: the reference is taken after the receiver's suspension
                    // and assigned through at once, nothing suspending between, as async takes it.
                    return LowerExpression(ma.Expression) + "." + ma.Name;
                }
                if (recvType is { IsValueType: true } && ma.Expression is not ThisExpressionSyntax && IsStructVariable(ma.Expression))
                {
                    // p.X = Tw(3), a[i].X = ..., o.S.X = ...: the struct is a variable, so the member is assigned
                    // in place through the variable's own location (a frame field, an array element, a field).
                    var inner = LowerLocation(ma.Expression, spillAll);
                    return inner is null ? null : inner + "." + ma.Name;
                }
                if (spillAll && IsMaybeValueTypeVariable(ma.Expression))
                    return SpillMaybeValueTypeReceiver(ma.Expression) + "." + ma.Name;
                if (recvType is { IsValueType: true } && ChosenByRefConditional(ma.Expression))
                {
                    // (c ? ref s1 : ref s2).Total *= Tw(2): the member of the chosen variable would wait in the frame.
                    RefuseKeptRefConditional(left);
                    return null;
                }
                if (recvType is null || recvType.IsValueType && ma.Expression is not ThisExpressionSyntax)
                {
                    Report(DiagnosticDescriptors.Unsupported, left, DiagnosticDescriptors.NotYet("Assigning through a struct-typed receiver around a suspension point"));
                    return null;
                }
                var r = LowerExpression(ma.Expression);
                if (spillAll && !IsTrivial(ma.Expression))
                {
                    var (t, read) = ValueTemp(recvType, ma.Expression, "spilled receiver");
                    Src(ma.Expression);
                    Stmt($"{t} = {r};");
                    r = read;
                }
                return r + "." + ma.Name;
            case MemberAccessExpressionSyntax ma2:
                return Rewrite(ma2);
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                // Add(ref a!, Tw(b)): `!` changes nothing at run time; the location is its operand's.
                var unbanged = LowerLocation(bang.Operand, spillAll);
                return unbanged is null ? null : unbanged + "!";
            case ParenthesizedExpressionSyntax paren:
                var inside = LowerLocation(paren.Expression, spillAll);
                return inside is null ? null : Parenthesized(inside);
            case CheckedExpressionSyntax checkedVariable:
                var within = LowerLocation(checkedVariable.Expression, spillAll);
                return within is null ? null : checkedVariable.Keyword.Text + "(" + within + ")";
            case InvocationExpressionSyntax refCall when !spillAll
                && _launchers.ResolveMethod(refCall) is { ReturnsByRef: true } or { ReturnsByRefReadonly: true }:
                // Inc(ref At(Tw(1))), In(in At(Tw(1))), DotRecast's Write(s, cache.GetMesh().GetParams(), order) into an
                // `in` parameter: the call's own receiver and arguments suspend, nothing after them does, so the
                // reference is taken after the last suspension point, in the residual, and passed at once, as async
                // takes it. (Followed by a later suspension it is refused below, CS8178.)
                return RefCallLocation(refCall);
            case ConditionalExpressionSyntax refConditional when !spillAll && IsRefConditional(refConditional):
                // (Tw(c) ? ref a : ref b) += 5, Inc(ref Tw(c) ? ref a : ref b): nothing after it suspends, so the
                // reference is chosen in the residual (RefConditionals.cs); with a later suspension, refused below.
                return RefConditionalLocation(refConditional);
            case MemberBindingExpressionSyntax mb:
                // a?.X = Tw(1) (C# 14): the receiver is already the temporary of the enclosing ?., tested for null.
                return Rewrite(mb);
            case ElementBindingExpressionSyntax eb:
                var bindingRepl = new Dictionary<SyntaxNode, string>();
                foreach (var arg in ValueArguments(eb.ArgumentList))
                {
                    if (LowerIndexHandler(arg, bindingRepl)) continue;
                    var v = LowerExpression(arg);
                    // An index converted by a user-defined operator is converted before the right side runs, once.
                    if (UserConversionAsEvaluated(arg) is { } convertedIndex) v = SpillConverted(arg, convertedIndex, v, "spilled converted index");
                    else if (!IsTrivial(arg))
                    {
                        var (t, read) = ValueTemp(TypeOf(arg), arg, "spilled element access");
                        Src(arg);
                        Stmt($"{t} = {v};");
                        v = read;
                    }
                    bindingRepl[arg] = v;
                }
                return Rewrite(eb, eb, bindingRepl);
            case ElementAccessExpressionSyntax ea:
                if (LowerImplicitIndexLocation(ea) is { } implicitIndex) return implicitIndex;
                var exprType = TypeOf(ea.Expression);
                var repl = new Dictionary<SyntaxNode, string>();
                var ops = new List<ExpressionSyntax>();
                if (exprType is { IsValueType: true } && ChosenByRefConditional(ea.Expression))
                {
                    // (Tw(c) ? ref b1 : ref b2)[1] = 5: the element of the struct the conditional chooses, chosen after
                    // its suspension points and indexed at once, as async accepts it; a suspension after the choice
                    // (in an index or the right side) would keep the reference in the frame (async: CS8325).
                    if (spillAll || ea.ArgumentList.Arguments.Any(a => HasSuspension(a.Expression))) { RefuseKeptRefConditional(left); return null; }
                    var chosen = LowerLocation(ea.Expression, spillAll: false);
                    if (chosen is null) return null;
                    repl[ea.Expression] = chosen;
                    return Rewrite(ea, ea, repl);
                }
                if (exprType is { IsValueType: true } && IsStructVariable(ea.Expression) && ea.ArgumentList.Arguments.All(a => a.RefKindKeyword.RawKind == 0))
                {
                    // b[Tw(1)] = 5 on an inline array (or a struct with an indexer) that is a variable: the element of
                    // the variable itself (a frame field), with the index spilled, as async accepts it.
                    // Its indexes run after it: one that suspends must find the variable spilled (a ref-returning
                    // call's reference cannot be: GOSH0017, as async's CS8178).
                    var variable = LowerLocation(ea.Expression, spillAll || ea.ArgumentList.Arguments.Any(x => HasSuspension(x.Expression)));
                    if (variable is null) return null;
                    repl[ea.Expression] = variable;
                }
                else if (ea.Expression is BaseExpressionSyntax)
                {
                    // base[Tw(1)] = ...: only the indexes are spilled; the Renamer makes base an indexer proxy (BaseAccess.cs).
                }
                else if (IsMaybeValueTypeVariable(ea.Expression))
                {
                    // t[Tw(1)] = 5, t[i] += Tw(2) on a variable of a type parameter (`where T : IList`): a struct's
                    // indexer sets the variable itself, a class's the object read before the indexes; spilled as a
                    // value it would set a copy of a struct. Roslyn's answer, as for a call on such a receiver.
                    repl[ea.Expression] = SpillMaybeValueTypeReceiver(ea.Expression);
                }
                else if (IsSpanElement(ea, exprType))
                {
                    // Tw(h).Memory.Span[q] = v (SpanElementStores.cs).
                    return SpanElementLocation(ea, spillAll, repl);
                }
                else if (exprType is null || exprType.IsValueType)
                {
                    Report(DiagnosticDescriptors.Unsupported, left, DiagnosticDescriptors.NotYet("Assigning to an element of a struct around a suspension point"));
                    return null;
                }
                else ops.Add(ea.Expression);
                ops.AddRange(ValueArguments(ea.ArgumentList));
                foreach (var op in ops)
                {
                    if (LowerIndexHandler(op, repl)) continue;
                    var v = LowerExpression(op);
                    // An index converted by a user-defined operator is converted before the right side runs, once
                    // (a compound assignment reads and writes the element with it).
                    if (UserConversionAsEvaluated(op) is { } convertedIndex) v = SpillConverted(op, convertedIndex, v, "spilled converted index");
                    else if (!IsTrivial(op))
                    {
                        // An array of an anonymous type waits in an object field, read back by example (AnonymousTypes.cs).
                        var (t, read) = ValueTemp(TypeOf(op), op, "spilled element access");
                        Src(op);
                        Stmt($"{t} = {v};");
                        v = read;
                    }
                    repl[op] = v;
                }
                return Rewrite(ea, ea, repl);
        }
        if (spillAll && left is InvocationExpressionSyntax leftCall && _launchers.ResolveMethod(leftCall) is { ReturnsByRef: true } or { ReturnsByRefReadonly: true })
        {
            // Unsafe.Add(ref GetRef(a), Tw(1)): the reference the call returns would have to wait in the frame.
            Report(DiagnosticDescriptors.CannotLiveInFrame, left,
                "The reference a ref-returning call gives cannot be kept across a later suspension point in the same expression: the frame cannot hold a reference (async methods: CS8178); compute the suspending values into locals first");
            return null;
        }
        var target = left;
        while (target is ParenthesizedExpressionSyntax p) target = p.Expression;
        if (target is ConditionalExpressionSyntax { WhenTrue: RefExpressionSyntax })
        {
            // (c ? ref a : ref b) = Tw(1): the reference chosen would have to wait in the frame.
            RefuseKeptRefConditional(left);
            return null;
        }
        Report(DiagnosticDescriptors.Unsupported, left, DiagnosticDescriptors.NotYet("This assignment target around a suspension point"));
        return null;
    }

    /// <summary>
    /// An index converted to an interpolated string handler (<c>o[1, $"k{n}"] = Tw(v)</c>, the indexer's parameter
    /// <c>[InterpolatedStringHandlerArgument("")]</c>): the handler is made in place, from the receiver and indexes
    /// spilled before it, and the location names it; spilled as a value it would be a string.
    /// </summary>
    private bool LowerIndexHandler(ExpressionSyntax index, Dictionary<SyntaxNode, string> repl)
    {
        if (!IsHandlerOperand(index)) return false;
        var saved = _operandsSoFar;
        _operandsSoFar = repl;
        repl[index] = LowerHandlerInterpolation(index);
        _operandsSoFar = saved;
        return true;
    }

    /// <summary>A struct-typed expression that names a variable (not a copy): a local, a parameter, a writable field of a variable or of an object, an array element.</summary>
    private bool IsStructVariable(ExpressionSyntax e) => e switch
    {
        ParenthesizedExpressionSyntax p => IsStructVariable(p.Expression),
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang => IsStructVariable(bang.Operand),
        CheckedExpressionSyntax c => IsStructVariable(c.Expression),
        IdentifierNameSyntax => Model.GetSymbolInfo(e, _ct).Symbol is ILocalSymbol { IsConst: false, IsRef: false, IsForEach: false, IsUsing: false }
            or IParameterSymbol { RefKind: RefKind.None } or IFieldSymbol { IsReadOnly: false, IsConst: false },
        // Get(Tw(1)).First.X = 5, r[Tw(1)].X = 5 of a ref-returning property or indexer: the variable it gives (LowerLocation
        // takes the reference after the parts before it, or refuses it with GOSH0017 when something after it suspends).
        MemberAccessExpressionSyntax or ElementAccessExpressionSyntax when Model.GetSymbolInfo(e, _ct).Symbol is IPropertySymbol { ReturnsByRef: true } => true,
        MemberAccessExpressionSyntax ma => Model.GetSymbolInfo(ma, _ct).Symbol is IFieldSymbol { IsReadOnly: false, IsConst: false }
            && (IsTypeOrNamespace(ma.Expression) || TypeOf(ma.Expression) is { IsReferenceType: true } || IsStructVariable(ma.Expression)),
        // AtS(Tw(1)).X = 5: the variable a ref-returning call gives (LowerLocation takes the reference after the call's
        // arguments, or refuses it with GOSH0017 when something after it suspends).
        InvocationExpressionSyntax call => IsRefReturningCall(call),
        ElementAccessExpressionSyntax ea => TypeOf(ea.Expression) is IArrayTypeSymbol || IsInlineArrayElement(ea),
        MemberBindingExpressionSyntax or ElementBindingExpressionSyntax => IsVariableBinding(e),
        _ => false,
    };

    /// <summary>
    /// An element of an inline array that is a variable (<c>b[1]</c>, <c>h.B[i]</c>, not a range's span): a variable
    /// itself, as an array's element is, so its struct's methods and members work on it in place.
    /// </summary>
    private bool IsInlineArrayElement(ElementAccessExpressionSyntax ea) =>
        global::GoSharp.Generator.Model.StructThisWrites.IsInlineArray(TypeOf(ea.Expression)) && !SymbolFacts.IsRefLike(TypeOf(ea))
        && IsStructVariable(ea.Expression);

    /// <summary><c>x ??= e</c>: read x once; only if it is null evaluate e (which suspends) and store it.</summary>
    private string LowerCoalesceAssignment(AssignmentExpressionSyntax a)
    {
        var loc = a.Left is IdentifierNameSyntax && !HasSuspension(a.Left) ? Rewrite(a.Left) : LowerLocation(a.Left, spillAll: true);
        if (loc is null) return RewriteExpr(a);
        var leftType = TypeOf(a.Left);
        var type = TypeOf(a);
        // A value of an anonymous type waits in an object field, read back by example (AnonymousTypes.cs).
        var (t, tRead) = ValueTemp(type, a, "value of ??=");
        var end = NewLabel("coalesced");
        var unwrap = leftType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
            && type is not INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        // A property or indexer is read once (its getter runs once, as in C#), then tested; a variable can be
        // read again, nothing runs in between.
        var old = loc;
        Src(a.Left);
        if (Model.GetSymbolInfo(a.Left, _ct).Symbol is IPropertySymbol)
        {
            var (oldWrite, oldRead) = ValueTemp(leftType, a.Left, "value before ??=");
            Stmt($"{oldWrite} = {loc};");
            old = oldRead;
        }
        Stmt($"if (!({old} is null)) {{ {t} = {old}{(unwrap ? ".Value" : "")}; goto {end}; }}");
        var rv = LowerExpression(a.Right);
        Src(a.Right);
        Stmt($"{t} = {rv};");
        Stmt($"{loc} = {tRead};");
        Hidden();
        Label(end);
        return tRead;
    }

    private void RefuseKeptRefConditional(ExpressionSyntax left) =>
        Report(DiagnosticDescriptors.CannotLiveInFrame, left,
            "The reference a ref conditional chooses cannot be kept across a suspension point in the same expression: the frame cannot hold a reference (async methods: CS8325); compute the suspending value into a local first");
}
