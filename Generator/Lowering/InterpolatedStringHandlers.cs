using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// An interpolated string converted to a custom interpolated string handler (<c>sb.Append($"...")</c> through
/// <c>StringBuilder.AppendInterpolatedStringHandler</c>, <c>Debug.Assert(c, $"...")</c>, a user's
/// <c>[InterpolatedStringHandler]</c> type), with a suspension point in a hole. C# does not evaluate the holes
/// first: it creates the handler (from the literal length, the hole count, the receiver and arguments named by
/// <c>[InterpolatedStringHandlerArgument]</c>, and an optional trailing <c>out bool shouldAppend</c>), then calls
/// <c>AppendLiteral</c>/<c>AppendFormatted</c> part by part, each hole evaluated as the argument of its own call;
/// when the constructor said <c>false</c> no part runs, and when an Append method returns <c>bool</c>, a
/// <c>false</c> skips every later part, holes included. Roslyn's local rewriter writes exactly that sequence
/// (LocalRewriter_StringInterpolation: <c>ok &amp;&amp; h.AppendLiteral(..) &amp;&amp; h.AppendFormatted(..)</c>),
/// and its async spiller then keeps the handler in a field of the state machine. So does this lowering: the
/// handler and the flag are frame temporaries, every part is its own statement, and a short circuit is a jump
/// past the rest.
/// <code>
/// before:  sb.Append($"a{x}b{Tw(1),4:x}");
/// after:   _t0 = _l0_sb;                                      // the receiver, evaluated first
///          _t1 = new H(2, 2, _t0, out _t2);                   // literal length, holes, [InterpolatedStringHandlerArgument("")]
///          if (!_t2) goto __handlerdone3;                     // only with the out bool
///          if (!_t1.AppendLiteral("a")) goto __handlerdone3;  // 'if' only when the Append methods return bool
///          if (!_t1.AppendFormatted&lt;int&gt;(_l1_x)) goto __handlerdone3;
///          ...
///          ...suspend for Tw(1)...
///          if (!_t1.AppendFormatted&lt;int&gt;(_r4, alignment: 4, format: "x")) goto __handlerdone3;
///          __handlerdone3: ;
///          _t0.Append(ref _t1);                               // the handler parameter's ref kind kept
/// </code>
/// A handler that is a <c>ref struct</c> (<c>DefaultInterpolatedStringHandler</c>, a user's) cannot live in the
/// frame: C# refuses the same in an async method (CS4007, a ref struct instance cannot be preserved across
/// <c>await</c>), and the generator reports GOSH0008 at the interpolated string. Into a <c>string</c> an
/// interpolated string is no handler conversion: its holes are spilled like any operands (ExpressionLowering).
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>The operands of the call being lowered, as far as they are lowered: a handler's arguments read them.</summary>
    private Dictionary<SyntaxNode, string>? _operandsSoFar;

    /// <summary>Interpolated strings lowered to a handler temporary: the temporary is the operand, never spilled again.</summary>
    private readonly HashSet<SyntaxNode> _loweredHandlers = new();

    /// <summary>The handler creation C# made of <paramref name="e"/>, or null when it is no handler conversion.</summary>
    private IInterpolatedStringHandlerCreationOperation? HandlerCreation(ExpressionSyntax e)
    {
        for (var o = Model.GetOperation(e, _ct); o is not null && o.Syntax == e; o = o.Parent)
            if (o is IInterpolatedStringHandlerCreationOperation creation) return creation;
        return null;
    }

    private string LowerHandlerInterpolation(ExpressionSyntax e)
    {
        var creation = HandlerCreation(e);
        var handlerType = creation?.Type;
        if (handlerType is { IsRefLikeType: true })
        {
            Report(DiagnosticDescriptors.RefAcrossSuspension, e, handlerType.ToDisplayString() + " (the handler of this interpolated string)");
            return RewriteExpr(e);
        }
        if (creation?.HandlerCreation is not IObjectCreationOperation { Constructor: { } ctor } construct || handlerType is null
            || Parts(creation.Content) is not { } parts)
        {
            Report(DiagnosticDescriptors.Unsupported, e, DiagnosticDescriptors.NotYet("This interpolated string converted to an interpolated string handler (a dynamic or invalid part)"));
            return RewriteExpr(e);
        }
        var byRef = creation.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref };
        if (byRef && e.Parent is not ArgumentSyntax)
        {
            Report(DiagnosticDescriptors.Unsupported, e, DiagnosticDescriptors.NotYet("A parenthesized interpolated string passed to a ref interpolated string handler parameter"));
            return RewriteExpr(e);
        }
        var operands = _operandsSoFar;
        var boolType = Model.Compilation.GetSpecialType(SpecialType.System_Boolean);
        var ok = creation.HandlerCreationHasSuccessParameter ? Temp(boolType, e, "shouldAppend of the interpolated string handler") : null;
        var args = new List<string>();
        foreach (var arg in construct.Arguments)
        {
            if (arg.ArgumentKind == ArgumentKind.DefaultValue) continue;
            var name = arg.Parameter is { } p ? p.Name + ": " : "";
            switch (arg.Value)
            {
                case IInterpolatedStringHandlerArgumentPlaceholderOperation { PlaceholderKind: InterpolatedStringArgumentPlaceholderKind.TrailingValidityArgument }:
                    args.Add(name + "out " + ok);
                    break;
                case IInterpolatedStringHandlerArgumentPlaceholderOperation placeholder:
                    if (HandlerArgumentText(creation, placeholder, operands) is not { } text)
                    {
                        Report(DiagnosticDescriptors.Unsupported, e,
                            DiagnosticDescriptors.NotYet("An interpolated string handler argument ([InterpolatedStringHandlerArgument]) that is not an argument evaluated before the interpolated string"));
                        return RewriteExpr(e);
                    }
                    var refKind = arg.Parameter?.RefKind == RefKind.Ref ? "ref " : "";
                    args.Add(name + refKind + text);
                    break;
                case { ConstantValue: { HasValue: true } constant, Type: { } type }:
                    args.Add(name + SymbolFacts.ConstantText(type, constant.Value));
                    break;
                default:
                    Report(DiagnosticDescriptors.Unsupported, e, DiagnosticDescriptors.NotYet("This interpolated string handler constructor argument"));
                    return RewriteExpr(e);
            }
        }

        var handler = Temp(handlerType, e, "interpolated string handler");
        var done = NewLabel("handlerdone");
        Src(e);
        Stmt($"{handler} = new {handlerType.Fq()}({string.Join(", ", args)});");
        if (ok is not null && parts.Count > 0)
        {
            Hidden();
            Stmt($"if (!{ok}) goto {done};");
        }
        foreach (var part in parts)
        {
            if (part.AppendCall is not IInvocationOperation call)
            {
                Report(DiagnosticDescriptors.Unsupported, part.Syntax, DiagnosticDescriptors.NotYet("This interpolated string part (a dynamic hole)"));
                return RewriteExpr(e);
            }
            var hole = part.Syntax is InterpolationSyntax interpolation ? interpolation.Expression : null;
            var holeText = hole is null ? null : LowerExpression(hole);
            var callArgs = new List<string>();
            foreach (var arg in call.Arguments)
            {
                if (arg.ArgumentKind == ArgumentKind.DefaultValue) continue;
                var name = arg.Parameter is { } p && arg.Parameter.Ordinal > 0 ? p.Name + ": " : "";
                if (hole is not null && arg.Parameter?.Ordinal == 0) callArgs.Add(holeText!);
                else if (arg.Value is { ConstantValue: { HasValue: true } constant, Type: { } type }) callArgs.Add(name + SymbolFacts.ConstantText(type, constant.Value));
                else if (arg.Value.ConstantValue is { HasValue: true, Value: null } && arg.Parameter is { } np) callArgs.Add(name + SymbolFacts.ConstantText(np.Type, null));
                else
                {
                    Report(DiagnosticDescriptors.Unsupported, part.Syntax, DiagnosticDescriptors.NotYet("This interpolated string part"));
                    return RewriteExpr(e);
                }
            }
            var method = call.TargetMethod;
            var typeArgs = method.IsGenericMethod && !method.TypeArguments.Any(ContainsAnonymousType)
                ? "<" + string.Join(", ", method.TypeArguments.Select(t => t.Fq())) + ">"
                : "";
            var text = $"{handler}.{method.Name}{typeArgs}({string.Join(", ", callArgs)})";
            Src(part.Syntax);
            Stmt(creation.HandlerAppendCallsReturnBool ? $"if (!{text}) goto {done};" : text + ";");
        }
        Hidden();
        Label(done);
        _loweredHandlers.Add(e);
        // A handler passed to a ref parameter (StringBuilder.Append(ref AppendInterpolatedStringHandler)) is
        // passed by reference, as C# passes its handler temporary.
        return byRef ? "ref " + handler : handler;
    }

    /// <summary>The Append operations in order; <c>$"a" + $"{b}"</c> converted as one is the left's, then the right's.</summary>
    private static List<IInterpolatedStringAppendOperation>? Parts(IOperation content)
    {
        switch (content)
        {
            case IInterpolatedStringOperation s:
                var list = new List<IInterpolatedStringAppendOperation>();
                foreach (var part in s.Parts)
                {
                    if (part is not IInterpolatedStringAppendOperation append) return null;
                    list.Add(append);
                }
                return list;
            case IInterpolatedStringAdditionOperation add:
                return Parts(add.Left) is { } left && Parts(add.Right) is { } right ? left.Concat(right).ToList() : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// What a handler constructor receives for <c>[InterpolatedStringHandlerArgument]</c>: the receiver or an
    /// argument of the call, as already evaluated (spilled) by the call's lowering; null when it is not one that
    /// C# evaluated before the interpolated string.
    /// </summary>
    private string? HandlerArgumentText(IInterpolatedStringHandlerCreationOperation creation, IInterpolatedStringHandlerArgumentPlaceholderOperation placeholder, Dictionary<SyntaxNode, string>? operands)
    {
        if (creation.Parent is not IArgumentOperation { Parent: { } call }) return null;
        IOperation? source;
        if (placeholder.PlaceholderKind == InterpolatedStringArgumentPlaceholderKind.CallsiteReceiver)
        {
            source = call switch
            {
                IInvocationOperation i => i.Instance,
                IPropertyReferenceOperation p => p.Instance,
                _ => null,
            };
            switch (source)
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    UsesThis = true;
                    return "_this";
                case IConditionalAccessInstanceOperation:
                    // sb?.Append($"..."), o?[1, $"..."]: the receiver of the ?., in its temporary.
                    return BindingReceiver(call.Syntax);
            }
        }
        else
        {
            var arguments = call switch
            {
                IInvocationOperation i => i.Arguments,
                IObjectCreationOperation o => o.Arguments,
                IPropertyReferenceOperation p => p.Arguments,
                _ => default,
            };
            // ArgumentIndex counts the call's arguments as written (IOperation lists them in that order, which is
            // the order they are evaluated in), not its parameters.
            source = arguments.IsDefault || placeholder.ArgumentIndex < 0 || placeholder.ArgumentIndex >= arguments.Length ? null
                : arguments[placeholder.ArgumentIndex].Value;
        }
        if (source is null) return null;
        // The value is wrapped in an implicit conversion to the parameter's type: the source is its operand's syntax.
        var syntax = source.Syntax;
        while (syntax.Parent is ParenthesizedExpressionSyntax) syntax = syntax.Parent;
        if (operands is not null && operands.TryGetValue(syntax, out var text)) return text;
        if (operands is not null && source.Syntax is ArgumentSyntax a && operands.TryGetValue(a.Expression, out text)) return text;
        return syntax is ExpressionSyntax expr && IsTrivial(expr) ? RewriteExpr(expr) : null;
    }
}
