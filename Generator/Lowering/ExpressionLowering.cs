using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Expressions that contain suspension points: everything evaluated before the last suspension point is
/// spilled into frame temporaries, so C#'s left-to-right order holds (Roslyn's SpillSequenceSpiller rule).
/// Each method emits the statements that must run first and returns the residual expression text.
/// Short-circuiting operators (&amp;&amp;, ||, ??, ?:, ?.) are in ConditionalLowering.cs.
/// </summary>
internal sealed partial class MethodLowerer
{
    private string LowerExpression(ExpressionSyntax e, bool discard = false)
    {
        // Lowering recurses down an expression (a left-nested chain `n + Tw(1) + 1 + ... + 1` once per operand):
        // thousands of levels would overflow the compiler's stack and kill the build, so it stops here instead
        // (FrameModelBuilder reports GOSH0010 at the method).
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        // A throw expression standing for a value (an expression body, a switch arm): a throw statement; the
        // value after it is never read.
        if (e is ThrowExpressionSyntax te)
        {
            var x = LowerExpression(te.Expression);
            Src(e);
            Stmt($"throw {x};");
            return discard ? "" : "default!";
        }
        if (!HasSuspension(e)) return RewriteExpr(e);
        switch (e)
        {
            case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax when e.Kind() is SyntaxKind.PreIncrementExpression
                or SyntaxKind.PreDecrementExpression or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression:
                return LowerIncrement(e, discard);
            case WithExpressionSyntax w:
                return LowerWith(w);
            case ParenthesizedExpressionSyntax p:
                var inner = LowerExpression(p.Expression, discard);
                // (a ?? Tw(b))! whose value is now the temporary _t1: `(_t1)!` would read as a cast to a type _t1,
                // and a name needs no parentheses. An operand on a later line than the `(` keeps its line
                // (ArgumentLines.Lead): the `(`'s line break is not in the lowered text.
                return inner.Length == 0 ? "" : Parenthesized(ArgumentLines.Lead(p.Expression, p.SpanStart, "") + inner);
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
            case QueryExpressionSyntax q:
                return LowerQuery(q);
            case InterpolatedStringExpressionSyntax or BinaryExpressionSyntax when IsHandlerOperand(e):
                // A custom interpolated string handler (StringBuilder.Append($"..."), Debug.Assert(c, $"...")) is
                // created before the holes, appends as each hole is evaluated, and may skip the holes entirely
                // (its out bool): created and called part by part (InterpolatedStringHandlers.cs).
                return LowerHandlerInterpolation(e);
            case CheckedExpressionSyntax ch:
                // Its own context for everything inside, spilled parts included, whatever the enclosing block says.
                var kind = ch.IsKind(SyntaxKind.CheckedExpression) ? "checked" : "unchecked";
                var saved = _checked;
                _checked = kind;
                var value = LowerExpression(ch.Expression, discard);
                _checked = saved;
                return value.Length == 0 ? "" : $"{kind}({value})";
        }
        var operands = Operands(e);
        if (operands is null)
        {
            Report(DiagnosticDescriptors.Unsupported, e, DiagnosticDescriptors.NotYet("A suspension point inside this kind of expression (" + e.Kind() + ")"));
            return RewriteExpr(e);
        }
        var repl = LowerOperands(operands);
        return RewriteExpr(e, repl);
    }

    /// <summary>
    /// An interpolated string (or a sum of them, <c>$"a{x}" + $"b{y}"</c>) that the compiler turns into a handler
    /// other than the one that builds a string: its handler is created where it stands.
    /// </summary>
    private bool IsHandlerOperand(ExpressionSyntax e)
    {
        if (e is not (InterpolatedStringExpressionSyntax or BinaryExpressionSyntax) || !IsInterpolatedStringOrSum(e)) return false;
        var converted = Model.GetTypeInfo(e, _ct).ConvertedType;
        return converted is not null && converted.SpecialType != SpecialType.System_String
            && converted.GetAttributes().Any(a => a.AttributeClass is { Name: "InterpolatedStringHandlerAttribute" });
    }

    /// <summary>A handler operand whose handler a frame can hold (no ref struct: that one is made in the residual, where C# makes it).</summary>
    private bool IsHeldHandlerOperand(ExpressionSyntax e) =>
        IsHandlerOperand(e) && Model.GetTypeInfo(e, _ct).ConvertedType is { IsRefLikeType: false };

    // Without recursion: it is asked at every level of a chain thousands of operands long.
    private static bool IsInterpolatedStringOrSum(ExpressionSyntax e)
    {
        var pending = new Stack<ExpressionSyntax>();
        pending.Push(e);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case InterpolatedStringExpressionSyntax:
                    break;
                case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression):
                    pending.Push(b.Right);
                    pending.Push(b.Left);
                    break;
                case ParenthesizedExpressionSyntax p:
                    pending.Push(p.Expression);
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private ITypeSymbol? TypeOf(ExpressionSyntax e)
    {
        var info = Model.GetTypeInfo(e, _ct);
        // A foreach's `var` over a dynamic value reads as object in the model, and binds as dynamic (LocalType).
        if (info.Type is { SpecialType: SpecialType.System_Object } && e is IdentifierNameSyntax
            && Model.GetSymbolInfo(e, _ct).Symbol is ILocalSymbol local && LocalType(local) is { TypeKind: TypeKind.Dynamic } dynamicLocal)
            return dynamicLocal;
        // (T: a call whose type inference failed over such a value names its method's own type parameter.)
        // (And a call the model bound over such a value may have another overload's type: IsCallOverUnknownArguments.)
        if ((info.Type is null || _launchers.IsUnknown(e))
            && _launchers.InferType(e) is { } inferred && !LauncherTypeInference.HasErrorType(inferred)) return inferred;
        return info.Type ?? info.ConvertedType;
    }

    private bool IsTypeOrNamespace(ExpressionSyntax e) =>
        Model.GetSymbolInfo(e, _ct).Symbol is INamespaceOrTypeSymbol || Model.GetAliasInfo(e) is not null;

    private bool IsTrivial(ExpressionSyntax e) =>
        e is LiteralExpressionSyntax or ThisExpressionSyntax or TypeOfExpressionSyntax or DefaultExpressionSyntax
            or AnonymousFunctionExpressionSyntax
        || Model.GetConstantValue(e, _ct).HasValue
        || IsTypeOrNamespace(e);

    /// <summary>
    /// The elements of an array initializer in the order C# evaluates them: a multi-dimensional array's nested
    /// initializers (<c>{ { 1, Tw(2) }, { 3, 4 } }</c>) row by row, their elements in text order.
    /// </summary>
    private static IEnumerable<ExpressionSyntax> ArrayElements(InitializerExpressionSyntax init) =>
        init.Expressions.SelectMany(x => x is InitializerExpressionSyntax nested ? ArrayElements(nested) : new[] { x });

    /// <summary>The sub-expressions of <paramref name="e"/> in evaluation order, or null if the kind is not handled.</summary>
    private List<ExpressionSyntax>? Operands(ExpressionSyntax e)
    {
        switch (e)
        {
            case InvocationExpressionSyntax inv:
                var list = new List<ExpressionSyntax>();
                var recv = Receiver(inv);
                // A delegate's invocation, f(x) or h.F(x): C# reads the delegate before the arguments, which may
                // assign another to f; so the delegate is the first operand, not its receiver. (f.Invoke(x) names the
                // method: its receiver, f, is that operand already.)
                if (inv.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or MemberBindingExpressionSyntax
                    && Model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol { MethodKind: MethodKind.DelegateInvoke }
                    && Model.GetSymbolInfo(inv.Expression, _ct).Symbol is not IMethodSymbol) recv = inv.Expression;
                if (recv is not null) list.Add(recv);
                else if (inv.Expression is not (IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or MemberBindingExpressionSyntax)) list.Add(inv.Expression);
                list.AddRange(CallArguments(inv.ArgumentList));
                return list;
            case MemberAccessExpressionSyntax ma:
                // base.P: no operand; the Renamer makes it a proxy of the type (BaseAccess.cs).
                return IsTypeOrNamespace(ma.Expression) || ma.Expression is BaseExpressionSyntax ? new List<ExpressionSyntax>() : new List<ExpressionSyntax> { ma.Expression };
            case ElementAccessExpressionSyntax ea when ea.Expression is BaseExpressionSyntax:
                return ValueArguments(ea.ArgumentList).ToList();
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
            case TupleExpressionSyntax t:
                return t.Arguments.Select(a => a.Expression).ToList();
            case InterpolatedStringExpressionSyntax s:
                return s.Contents.OfType<InterpolationSyntax>().Select(i => i.Expression).ToList();
            case BaseObjectCreationExpressionSyntax oc when oc.ArgumentList is not null:
                return CallArguments(oc.ArgumentList).ToList();
            case ArrayCreationExpressionSyntax ac:
                return ac.Type.RankSpecifiers.SelectMany(r => r.Sizes).Where(x => x is not OmittedArraySizeExpressionSyntax)
                    .Concat(ac.Initializer is null ? Enumerable.Empty<ExpressionSyntax>() : ArrayElements(ac.Initializer)).ToList();
            case ImplicitArrayCreationExpressionSyntax iac:
                return ArrayElements(iac.Initializer).ToList();
            case StackAllocArrayCreationExpressionSyntax sa when sa.Type is ArrayTypeSyntax saType:
                // The size and the elements, in order; the span is made after them, where it is used (a span that
                // would be spilled past a later suspension is refused as a ref struct temporary, as async does).
                return saType.RankSpecifiers.SelectMany(r => r.Sizes).Where(x => x is not OmittedArraySizeExpressionSyntax)
                    .Concat(sa.Initializer is null ? Enumerable.Empty<ExpressionSyntax>() : sa.Initializer.Expressions).ToList();
            case ImplicitStackAllocArrayCreationExpressionSyntax isa:
                return isa.Initializer.Expressions.ToList();
            case CollectionExpressionSyntax ce when ce.Elements.All(x => x is ExpressionElementSyntax or SpreadElementSyntax):
                // A spread's collection is evaluated in order with the elements and enumerated when the
                // collection is built (Roslyn keeps it in a temporary too).
                return ce.Elements.Select(x => x is SpreadElementSyntax sp ? sp.Expression : ((ExpressionElementSyntax)x).Expression).ToList();
            case IsPatternExpressionSyntax ip:
                return new List<ExpressionSyntax> { ip.Expression };
            case SwitchExpressionSyntax se when !se.Arms.Any(a => HasSuspension(a)):
                return new List<ExpressionSyntax> { se.GoverningExpression };
            case AnonymousObjectCreationExpressionSyntax ao:
                return ao.Initializers.Select(i => i.Expression).ToList();
            case RangeExpressionSyntax r:
                return new[] { r.LeftOperand, r.RightOperand }.Where(x => x is not null).Select(x => x!).ToList();
        }
        return null;
    }

    /// <summary>
    /// <c>a[Tw(0)]++</c>: the location's parts are spilled (receiver, indexes, in order), then the residual
    /// increments the location they name, reading and writing it once, as C# does.
    /// </summary>
    private string LowerIncrement(ExpressionSyntax e, bool discard)
    {
        var (operand, prefix) = e is PrefixUnaryExpressionSyntax pu ? (pu.Operand, pu.OperatorToken.Text) : (((PostfixUnaryExpressionSyntax)e).Operand, (string?)null);
        // At(Tw(n))++: the arguments, then the ref-returning call, once, is the location (as for At(Tw(n)) += 1).
        var loc = operand is InvocationExpressionSyntax refCall && IsRefReturningCall(refCall)
            ? RefCallLocation(refCall)
            : LowerLocation(operand, spillAll: false);
        if (loc is null) return RewriteExpr(e);
        var text = prefix is not null ? prefix + loc : loc + ((PostfixUnaryExpressionSyntax)e).OperatorToken.Text;
        // checked(x++) is no statement; as one, its value is discarded into _.
        return _checked is null ? text : discard ? $"_ = {_checked}({text})" : $"{_checked}({text})";
    }

    private IEnumerable<ExpressionSyntax> ValueArguments(BaseArgumentListSyntax args) =>
        args.Arguments.Where(a => a.RefKindKeyword.RawKind == 0 || a.RefKindKeyword.IsKind(SyntaxKind.InKeyword)).Select(a => a.Expression);

    /// <summary>The arguments of a plain call or constructor in source order, ref/out/in included (see <see cref="IsByRefArgument"/>).</summary>
    private static IEnumerable<ExpressionSyntax> CallArguments(BaseArgumentListSyntax args) => args.Arguments.Select(a => a.Expression);

    /// <summary>
    /// An argument passed by reference: <c>ref</c>, <c>out</c>, <c>in</c>, or a variable given to an
    /// <c>in</c>/<c>ref readonly</c> parameter without the keyword. C# evaluates its location (receiver,
    /// indexes) where it stands and the callee reads the variable itself, so with a later suspension the
    /// location is spilled, not the value: <c>M(ref a[i], Tw(i = 1))</c> passes a[0], and
    /// <c>M(in x, Tw(x = 5))</c> lets M see 5.
    /// </summary>
    private bool IsByRefArgument(ExpressionSyntax op)
    {
        // (c.P), c.P! and checked(c.P) are the variable too; the wrappers have no operation of their own.
        var operation = Model.GetOperation(Unwrapped(op), _ct);
        // A ref-returning property, indexer or call is a variable too: an `in` parameter gets its reference, which
        // C# takes before the later arguments (kept across a suspension point it is GOSH0017, as async refuses it).
        var isVariable = operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IArrayElementReferenceOperation
            or IPropertyReferenceOperation { Property.ReturnsByRef: true } or IPropertyReferenceOperation { Property.ReturnsByRefReadonly: true }
            or IInvocationOperation { TargetMethod.ReturnsByRef: true } or IInvocationOperation { TargetMethod.ReturnsByRefReadonly: true };
        if (op.Parent is BinaryExpressionSyntax binary)
        {
            // A user-defined operator with `in` parameters (operator +(in S a, in S b)) takes its operands' variables.
            return isVariable && Model.GetOperation(binary, _ct) is IBinaryOperation { OperatorMethod: { Parameters.Length: 2 } m } b
                && (binary.Left == op ? b.LeftOperand : b.RightOperand) == operation
                && m.Parameters[binary.Left == op ? 0 : 1].RefKind is RefKind.In or RefKind.RefReadOnlyParameter;
        }
        // Arguments of calls, constructors and indexers (this[in int i]).
        if (op.Parent is not ArgumentSyntax arg || arg.Parent is not (ArgumentListSyntax or BracketedArgumentListSyntax)) return false;
        if (arg.RefKindKeyword.RawKind != 0) return true;
        // An inline array variable given to a span parameter (SumR(buf, Set(ref buf[0], Tw(9)))): C# makes the span
        // over the variable itself, so the callee reads what later arguments write to it; a spilled copy would not.
        if (isVariable && operation!.Parent is IConversionOperation { Type.IsRefLikeType: true, Parent: IArgumentOperation }
            && global::GoSharp.Generator.Model.StructThisWrites.IsInlineArray(operation.Type)) return true;
        return isVariable && operation!.Parent is IArgumentOperation { Parameter.RefKind: RefKind.In or RefKind.RefReadOnlyParameter };
    }

    /// <summary>The receiver expression that is evaluated as a value (null for static calls and simple names).</summary>
    private ExpressionSyntax? Receiver(InvocationExpressionSyntax inv) =>
        inv.Expression is MemberAccessExpressionSyntax ma && !IsTypeOrNamespace(ma.Expression) && ma.Expression is not BaseExpressionSyntax ? ma.Expression : null;

    /// <summary>
    /// Lowers operands left to right, spilling those before the last suspension point (with
    /// <paramref name="spillAll"/>, all but the last operand: the residual will not evaluate them in this order).
    /// With <paramref name="handlersInPlace"/> every operand converted to an interpolated string handler is
    /// created here, in order, the operands before it spilled: the callee the residual names (a frame's
    /// constructor, an awaiter factory) need not carry the <c>[InterpolatedStringHandlerArgument]</c> that tells
    /// C# how to make the handler from an interpolated string.
    /// </summary>
    private Dictionary<SyntaxNode, string> LowerOperands(List<ExpressionSyntax> operands, bool spillAll = false, bool handlersInPlace = false, bool spillEvery = false)
    {
        var repl = new Dictionary<SyntaxNode, string>();
        var last = spillAll ? operands.Count - 1 : operands.FindLastIndex(HasSuspension);
        if (handlersInPlace) last = System.Math.Max(last, operands.FindLastIndex(IsHeldHandlerOperand));
        for (var i = 0; i <= last; i++)
        {
            var op = operands[i];
            // Spilled: evaluated before a later suspension point (spillEvery: the last one too, its value read later).
            var spill = i < last || spillEvery;
            if (IsByRefArgument(op))
            {
                repl[op] = LowerLocation(op, spillAll: spill) ?? Rewrite(op);
                continue;
            }
            if (spill && IsByValueExtensionReceiver(op))
            {
                // The receiver of an extension block member taken by value is its implementation's first argument:
                // C# copies it before the other arguments run, whatever they do to the variable.
                var (t, read) = ValueTemp(TypeOf(op), op, "spilled receiver");
                Src(op);
                Stmt($"{t} = {LowerExpression(op)};");
                repl[op] = read;
                continue;
            }
            if (spill && IsMaybeValueTypeVariable(op) && IsCalledOrIndexedReceiver(op))
            {
                // t.Bump(Tw(1)), t[Tw(1)] of a type parameter's variable: a struct's member runs on the variable after
                // the arguments (seeing what they assign to it), a class's on the object read before them.
                repl[op] = SpillMaybeValueTypeReceiver(op);
                continue;
            }
            if (spill && IsReferencedStructReceiver(op) && IsRefConditional(Unwrapped(op)))
            {
                // (c ? ref s1 : ref s2).Add(Tw(1)): C# calls Add on the variable the conditional chooses, a reference
                // that would have to wait in the frame (async refuses it, CS8325); a copy would lose what Add changes.
                Report(DiagnosticDescriptors.CannotLiveInFrame, op,
                    "The reference a ref conditional chooses, as the receiver of a method or indexer of its struct, cannot be kept across a later suspension point in the same expression: the frame cannot hold a reference, and a copy would not see the method's changes (async methods: CS8325); compute the suspending values into locals first");
                repl[op] = RewriteExpr(op);
                continue;
            }
            if (spill && IsReferencedStructReceiver(op))
            {
                // AtB(1).Add(Tw(5)) of a ref-returning AtB: C# calls Add on the reference, which would have to wait in
                // the frame across the suspension (async refuses it, CS8178); a copy would lose what Add changes.
                Report(DiagnosticDescriptors.CannotLiveInFrame, op,
                    "The reference a ref-returning call, property or indexer gives, as the receiver of a method or indexer of its struct, cannot be kept across a later suspension point in the same expression: the frame cannot hold a reference, and a copy would not see the method's changes (async methods: CS8178); compute the suspending values into locals first");
                repl[op] = RewriteExpr(op);
                continue;
            }
            if (spill && IsStructVariableReceiver(op))
            {
                // C# calls a method of a struct variable on the variable itself (by reference): a copy in a
                // temporary would lose what the method changes. The location is spilled, not its value.
                repl[op] = LowerLocation(op, spillAll: true) ?? RewriteExpr(op);
                continue;
            }
            if (spill && op is CollectionExpressionSyntax spanElements && spanElements.Elements.All(x => x is ExpressionElementSyntax)
                && Model.GetTypeInfo(op, _ct).ConvertedType is { IsRefLikeType: true })
            {
                // `Sum([a, Tw(1)], Tw(2))` of a span parameter: no frame can hold the span, and C# (async too) need
                // not, as it evaluates the elements in order, each into a temporary, and builds the span at the call,
                // after the later operands. A spread would be read into a span as it is evaluated (async refuses
                // it, CS4007), so it keeps the usual path, GOSH0008.
                var before = _operandsSoFar;
                _operandsSoFar = repl;
                var elements = LowerOperands(spanElements.Elements.Select(x => ((ExpressionElementSyntax)x).Expression).ToList(), spillAll: true, spillEvery: true);
                _operandsSoFar = before;
                repl[op] = RewriteExpr(op, elements);
                continue;
            }
            // A handler conversion ($"..." into sb.Append) is created in place, as its arguments (the receiver, earlier
            // arguments) are evaluated by now; it then lives in its own temporary. Spilled as a value it would be
            // a string.
            var handler = spill ? IsHandlerOperand(op) : handlersInPlace && IsHeldHandlerOperand(op);
            var saved = _operandsSoFar;
            _operandsSoFar = repl;
            var r = handler ? LowerHandlerInterpolation(op) : LowerExpression(op);
            _operandsSoFar = saved;
            if (spill && FormatsAsEvaluated(op))
            {
                // A hole of a string built by C#'s handler is formatted as it is evaluated (FormattedHoles.cs).
                var ft = Temp(Model.Compilation.GetSpecialType(SpecialType.System_String), op, "formatted hole");
                Src(op);
                Stmt($"{ft} = {FormattedHole((InterpolationSyntax)op.Parent!, r)};");
                repl[op] = ft;
                continue;
            }
            if (spill && ConcatenatedAsString(op))
            {
                // `o + Tw(x)`: C# makes o's text before Tw runs (ConcatenatedOperands.cs).
                repl[op] = SpillConcatenatedText(op, r);
                continue;
            }
            if (spill && !_loweredHandlers.Contains(op) && UserConversionAsEvaluated(op) is { } converted)
            {
                // An argument or element converted by a user-defined operator is converted as it is evaluated,
                // before the next one (C#: Take(cv, B(2), Tw(3)) runs the conversion before B): spilled converted.
                // A constant too: the operator may have side effects.
                repl[op] = SpillConverted(op, converted, r, "spilled converted operand");
                continue;
            }
            if (spill && !IsTrivial(op) && !_loweredHandlers.Contains(op))
            {
                var (t, read) = ValueTemp(TypeOf(op), op, "spilled operand");
                Src(op);
                Stmt($"{t} = {r};");
                r = read;
            }
            repl[op] = r;
            // A collection expression's spreads are taken where C# takes them (EnumeratedSpreads.cs).
            TakeSpreadsAfter(operands, i, last, repl);
        }
        return repl;
    }

    /// <summary>
    /// A variable (local, parameter, writable field, array element) whose type is a type parameter that may be
    /// a value type. As a spilled receiver it is neither a value (a struct's method would change a copy) nor
    /// only a location (a reference-type variable assigned by a later argument must not change the receiver).
    /// </summary>
    private bool IsMaybeValueTypeVariable(ExpressionSyntax e) =>
        TypeOf(e) is ITypeParameterSymbol { IsReferenceType: false, IsValueType: false }
        && Unwrapped(e) switch
        {
            IdentifierNameSyntax or MemberAccessExpressionSyntax => Model.GetSymbolInfo(Unwrapped(e), _ct).Symbol
                is ILocalSymbol { IsConst: false, IsRef: false } or IParameterSymbol { RefKind: RefKind.None } or IFieldSymbol { IsReadOnly: false, IsConst: false },
            ElementAccessExpressionSyntax ea => TypeOf(ea.Expression) is IArrayTypeSymbol,
            MemberBindingExpressionSyntax or ElementBindingExpressionSyntax => IsVariableBinding(Unwrapped(e)),
            _ => false,
        };

    /// <summary>
    /// Roslyn's answer for a receiver of a type-parameter type (<c>t.Bump(Tw(1))</c>): keep a copy, and call
    /// through <c>(default(T) == null ? ref copy : ref t)</c>, the copy when T is a reference type (the
    /// reference as it was), the variable itself when T is a value type (so the call changes it in place).
    /// </summary>
    private string SpillMaybeValueTypeReceiver(ExpressionSyntax e)
    {
        var loc = LowerLocation(e, spillAll: true) ?? Rewrite(e);
        var type = TypeOf(e)!;
        var copy = Temp(type, e, "receiver, if its type argument is a reference type");
        Src(e);
        Stmt($"{copy} = {loc};");
        return $"(default({type.Fq()}) == null ? ref {copy} : ref {loc})";
    }

    /// <summary>
    /// The receiver of a call of an extension block member whose receiver is not <c>ref</c>/<c>in</c> (a value, not a
    /// variable), or of a classic extension method whose <c>this</c> parameter is taken by value and is not of a
    /// reference type (a struct, a struct boxed into an interface, a type parameter: each a copy made before the
    /// other arguments run). A reference-typed receiver is spilled as any operand.
    /// </summary>
    private bool IsByValueExtensionReceiver(ExpressionSyntax op)
    {
        if (op.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax inv } ma || ma.Expression != op || inv.Expression != ma) return false;
        if (Model.GetSymbolInfo(inv, _ct).Symbol is not IMethodSymbol m) return false;
        if (m.ReducedFrom is { } classic)
            return classic.Parameters.Length > 0 && classic.Parameters[0].RefKind == RefKind.None && TypeOf(op) is { IsReferenceType: false };
        return !m.IsStatic && ExtensionBlocks.IsBlock(m.ContainingType) && ExtensionBlocks.Receiver(m.ContainingType) is { RefKind: RefKind.None };
    }

    /// <summary>
    /// <paramref name="inner"/> in parentheses, or as it is when it is a name (<c>_t1</c>, <c>_t0.P</c>): lowered, a
    /// parenthesized operand may have become its temporary, and <c>(_t1)!</c>, <c>(_t0.P)!.Add(x)</c> or
    /// <c>(_t1)(1)</c> would read as casts to a type of that name. A name needs no parentheses.
    /// </summary>
    internal static string Parenthesized(string inner) =>
        IsName(SyntaxFactory.ParseExpression(inner)) ? inner : "(" + inner + ")";

    private static bool IsName(ExpressionSyntax e) => e switch
    {
        IdentifierNameSyntax or GenericNameSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } ma => ma.Expression is ThisExpressionSyntax || IsName(ma.Expression),
        _ => false,
    };

    /// <summary>
    /// The expression inside parentheses, null-forgiving operators and <c>checked(...)</c>: C# classifies <c>(s)</c>,
    /// <c>checked(s)</c> and <c>s!</c> as the
    /// variable <c>s</c> itself (a method of a struct called on them changes <c>s</c>).
    /// </summary>
    internal static ExpressionSyntax Unwrapped(ExpressionSyntax e)
    {
        while (true)
        {
            switch (e)
            {
                case ParenthesizedExpressionSyntax p: e = p.Expression; continue;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang: e = bang.Operand; continue;
                // Roslyn classifies checked(s) and unchecked(s) of a variable as the variable too.
                case CheckedExpressionSyntax c: e = c.Expression; continue;
                default: return e;
            }
        }
    }

    /// <summary>The receiver of a method call or element access that names a mutable struct variable (local, parameter, field, array element).</summary>
    private bool IsStructVariableReceiver(ExpressionSyntax op)
    {
        if (!IsCalledOrIndexedReceiver(op)) return false;
        if (TypeOf(op) is not { IsValueType: true, IsReadOnly: false }) return false;
        var variable = Unwrapped(op);
        return variable switch
        {
            // (A foreach or using variable cannot be assigned, but a method call still changes it in place.)
            IdentifierNameSyntax or MemberAccessExpressionSyntax => Model.GetSymbolInfo(variable, _ct).Symbol
                is ILocalSymbol { IsConst: false } or IParameterSymbol or IFieldSymbol { IsReadOnly: false, IsConst: false },
            ElementAccessExpressionSyntax ea => TypeOf(ea.Expression) is IArrayTypeSymbol || IsInlineArrayElement(ea),
            MemberBindingExpressionSyntax or ElementBindingExpressionSyntax => IsVariableBinding(variable),
            _ => false,
        };
    }

    /// <summary>
    /// <paramref name="op"/> is the receiver of a call (<c>op.M(...)</c>) or of an element access (<c>op[...]</c>, a
    /// struct's indexer or an inline array's element): C# reads or calls it on the variable itself, after the
    /// arguments.
    /// </summary>
    private static bool IsCalledOrIndexedReceiver(ExpressionSyntax op) =>
        op.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax inv } ma && ma.Expression == op && inv.Expression == ma
        || op.Parent is ElementAccessExpressionSyntax ea && ea.Expression == op;

    /// <summary>
    /// The receiver of an instance method (or a <c>this ref</c>/<c>this in</c> extension) or indexer of a struct that is not
    /// <c>readonly</c>, given by a ref-returning call, property or indexer: the method runs on the referenced variable.
    /// (A <c>readonly struct</c>'s methods cannot change it, and async copies it too.)
    /// </summary>
    private bool IsReferencedStructReceiver(ExpressionSyntax op)
    {
        if (!IsCalledOrIndexedReceiver(op)) return false;
        if (op.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax inv })
        {
            if (Model.GetSymbolInfo(inv, _ct).Symbol is not IMethodSymbol method || method.IsStatic && method.ReducedFrom is null) return false;
            if (method.ReducedFrom is { } extension && extension.Parameters[0].RefKind == RefKind.None) return false;
        }
        if (TypeOf(op) is not ({ IsValueType: true, IsReadOnly: false } or ITypeParameterSymbol { IsReferenceType: false })) return false;
        // A ref conditional (`(c ? ref s1 : ref s2).Add(...)`) gives a reference as well.
        return IsRefConditional(Unwrapped(op))
            || Model.GetSymbolInfo(Unwrapped(op), _ct).Symbol is IMethodSymbol { ReturnsByRef: true } or IMethodSymbol { ReturnsByRefReadonly: true }
                or IPropertySymbol { ReturnsByRef: true } or IPropertySymbol { ReturnsByRefReadonly: true };
    }

    private string Operand(Dictionary<SyntaxNode, string> repl, ExpressionSyntax e) =>
        repl.TryGetValue(e, out var r) ? r : RewriteExpr(e);

    /// <summary>
    /// An argument of a call the lowering writes itself (an awaiter factory, an object creation, an indexer in an
    /// initializer): a value in the checked or unchecked context it was written in (<c>checked { ch.Send(a + b); }</c>
    /// overflows as C# does), a location (<c>ref</c>, <c>out</c>, <c>in</c>) as it is.
    /// </summary>
    private string ArgumentText(Dictionary<SyntaxNode, string> repl, ArgumentSyntax a)
    {
        var prefix = (a.NameColon is null ? "" : a.NameColon.ToString() + " ") + (a.RefKindKeyword.RawKind == 0 ? "" : a.RefKindKeyword.Text + " ");
        if (repl.TryGetValue(a.Expression, out var r)) return prefix + r;
        return prefix + (a.RefKindKeyword.RawKind == 0 ? RewriteExpr(a.Expression) : Rewrite(a.Expression));
    }
}
