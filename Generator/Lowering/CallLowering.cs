using System;
using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Calls, and the only writer of the suspension protocol with the runtime (docs/frame-contract.md):
/// <list type="bullet">
/// <item>a [SuspensionPoint] call becomes its awaiter: <c>aw = Awaiter(args); if (!aw.IsCompleted) { State = n;
/// return aw.Suspend(__g, this); } resume: aw.GetResult();</c></item>
/// <item>a nested [Goroutine] call becomes a child frame run by <c>__g.Invoke(this, child)</c>, whose result
/// is read with <c>GetResult()</c> / <c>ThrowIfFailed()</c> after it completes;</item>
/// <item>a loop back-edge becomes <c>if (__g.Preempt) { State = n; return __g.Yield(this); }</c>.</item>
/// </list>
/// Invariant: <c>State</c> is set just before every return that suspends and reset to -1 right after
/// every resume label, so a finally guarded by <c>State &lt; 0</c> runs only when the frame is not suspending.
/// </summary>
internal sealed partial class MethodLowerer
{
    private string LowerInvocation(InvocationExpressionSyntax inv, bool discard)
    {
        // A call of a [Conditional] method whose symbol is not defined here, or of a partial method without an
        // implementation, is left out with its arguments, suspension points included, as the compiler leaves it
        // out of the plain method.
        if (Model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol omitted && SymbolFacts.IsOmittedCall(omitted, inv.SyntaxTree))
            return "";
        var kind = Classify(inv);
        if (kind == CallKind.Plain)
        {
            if (_launchers.LaunchedMethod(inv) is { } launched) CheckLauncherHandlers(inv, launched);
            var operands = Operands(inv)!;
            return RewriteExpr(inv, LowerOperands(operands));
        }
        var method = _launchers.ResolveMethod(inv)!;
        if (inv.ArgumentList.Arguments.Any(a => a.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || a.RefKindKeyword.IsKind(SyntaxKind.OutKeyword)))
            Report(DiagnosticDescriptors.Unsupported, inv, DiagnosticDescriptors.NotYet("A ref or out argument to a suspension point"));

        var receiver = Receiver(inv);
        // base.M() of a [Goroutine] M runs the base's own frame on this (see IsBaseCall); a plain base call
        // stays refused (GOSH0012): only the type itself can call its base non-virtually.
        var baseCall = IsBaseCall(inv) && kind == CallKind.GoroutineCall;
        if (baseCall) receiver = null;
        var ops = new List<ExpressionSyntax>();
        if (receiver is not null) ops.Add(receiver);
        ops.AddRange(ValueArguments(inv.ArgumentList));
        // A nested goroutine call passes its arguments to the frame's constructor in parameter order; named
        // arguments out of position are evaluated in source order, so then every argument is spilled first.
        // An interpolated string given to a handler parameter becomes the handler here, as C# makes it: the frame's
        // constructor has no [InterpolatedStringHandlerArgument] to make it from the string.
        var repl = LowerOperands(ops, spillAll: kind == CallKind.GoroutineCall && HasReorderedArguments(inv), handlersInPlace: true);
        string? recvText = null;
        if (receiver is not null) recvText = Operand(repl, receiver);
        else if (inv.Expression is MemberBindingExpressionSyntax binding) recvText = BindingReceiver(binding);
        else if (baseCall || !method.IsStatic && method.ReducedFrom is null && !ExtensionBlocks.IsBlock(method.ContainingType)) { recvText = "_this"; UsesThis = true; }

        if (kind == CallKind.SuspensionPoint)
            return LowerSuspensionCall(inv, method, recvText, repl, discard);
        return LowerGoroutineCall(inv, method, recvText, repl, discard);
    }

    /// <summary>
    /// A launcher's argument that C# converts to an interpolated string handler (the launcher keeps the method's
    /// parameter), with a suspension point in a hole. C# makes the handler first, then evaluates each hole as its
    /// Append call's argument; the launcher is this generator's own output, which its semantic model cannot see,
    /// so the string binds as a string here and a lowered hole would run before the handler is made. Likewise
    /// with a suspension point in a later argument: the string would be spilled before it, as a string, which the
    /// launcher does not take (CS1503). GOSH0010 instead (without either the string is passed as written and C#
    /// makes the handler).
    /// </summary>
    private void CheckLauncherHandlers(InvocationExpressionSyntax inv, IMethodSymbol launched)
    {
        var arguments = inv.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var parameter = argument.NameColon is { } nc
                ? launched.Parameters.FirstOrDefault(p => p.Name == nc.Name.Identifier.ValueText)
                : i < launched.Parameters.Length ? launched.Parameters[i] : null;   // (a reduced extension's parameters start after its receiver, as the call's arguments do)
            if (parameter is null || !IsInterpolatedString(argument.Expression)) continue;
            var inHole = HasSuspension(argument.Expression);
            var later = arguments.Skip(i + 1).FirstOrDefault(a => HasSuspension(a.Expression));
            if (!inHole && later is null) continue;
            if (!parameter.Type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InterpolatedStringHandlerAttribute")) continue;
            Report(DiagnosticDescriptors.Unsupported, argument.Expression, inHole
                ? DiagnosticDescriptors.NotSupported($"An interpolated string with a suspension point in a hole, passed to the launcher '{MethodNameOf(inv)}' whose parameter '{parameter.Name}' is an interpolated string handler,",
                    "C# makes the handler before the holes, and the generator cannot see its own launchers' parameters; take the suspending value into a local first")
                : DiagnosticDescriptors.NotSupported($"An interpolated string passed to the launcher '{MethodNameOf(inv)}' (whose parameter '{parameter.Name}' is an interpolated string handler) before an argument with a suspension point ('{later!.Expression}')",
                    "C# makes the handler before that argument runs, and the generator cannot see its own launchers' parameters, so it would keep the string as a string; take the suspending value into a local first"));
        }
    }

    private static bool IsInterpolatedString(ExpressionSyntax e) => e switch
    {
        ParenthesizedExpressionSyntax p => IsInterpolatedString(p.Expression),
        InterpolatedStringExpressionSyntax => true,
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression) => IsInterpolatedString(b.Left) && IsInterpolatedString(b.Right),
        _ => false,
    };

    private static string MethodNameOf(InvocationExpressionSyntax inv) => inv.Expression switch
    {
        MemberAccessExpressionSyntax ma => ma.Name.ToString(),
        _ => inv.Expression.ToString(),
    };

    /// <summary>
    /// <c>base.M(...)</c>: C# calls the base's M non-virtually, so the nested call constructs the frame of that
    /// very method (not through the virtual frame factory, which would run this type's override again).
    /// </summary>
    private bool IsBaseCall(InvocationExpressionSyntax inv) =>
        inv.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax }
        // Except where C# itself calls virtually: a handler argument made from the receiver (BaseAccess.BaseProxy).
        && !(Model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol { IsVirtual: true } or IMethodSymbol { IsOverride: true } && HandlerTakesReceiver(inv));

    private string LowerSuspensionCall(InvocationExpressionSyntax inv, IMethodSymbol method, string? recvText, Dictionary<SyntaxNode, string> repl, bool discard)
    {
        var awaiterName = SymbolFacts.SuspensionAwaiterName(method)!;
        // A suspension point declared in a C# 14 extension block: its awaiter factory is a static method of the
        // static class with the implementation's shape (receiver first, the block's type parameters first).
        var implementation = ExtensionBlocks.Implementation(method);
        if (implementation is not null) method = implementation;
        var owner = method.ReducedFrom?.ContainingType ?? method.ContainingType;
        var def = method.ReducedFrom ?? method;
        var awaiter = FindAwaiter(owner, awaiterName, method, def);
        // The frame is nested in the goroutine's type: a factory it cannot reach (a private one of another type) would
        // be a CS0122 at the user's call, with nothing saying the primitive is at fault.
        if (awaiter is null || !Model.Compilation.IsSymbolAccessibleWithin(awaiter.OriginalDefinition, _method.ContainingType))
        {
            Report(DiagnosticDescriptors.AwaiterNotFound, inv, method.Name, awaiterName);
            return discard ? "" : "default";
        }
        var typeArgs = "";
        if (method.IsGenericMethod)
        {
            var ta = method.TypeArguments;
            if (awaiter.IsGenericMethod && awaiter.Arity == ta.Length) awaiter = awaiter.Construct(ta.ToArray());
            // Anonymous type arguments cannot be written; the caller inferred them from its arguments, and the
            // awaiter getter takes the same ones, so the compiler infers them again.
            typeArgs = ta.Any(ContainsAnonymousType) ? "" : "<" + string.Join(", ", ta.Select(t => t.Fq())) + ">";
        }
        var args = inv.ArgumentList.Arguments.Select(a => ((SyntaxNode?)a, ArgumentText(repl, a))).ToList();
        // Arguments the call omits (optional, caller information): the factory gets the values the compiler
        // computed for the user's call, by name, so in the frame a [CallerMemberName] is not "Resume" and a factory
        // whose parameter is required still gets it.
        if (OmittedSuspensionArguments(inv, awaiter) is { Length: > 0 } omitted) args.Add((null, omitted));
        string head;
        if (method.ReducedFrom is not null || implementation is { IsExtensionMethod: true })
        {
            // A `this ref` receiver (a struct variable) is passed by reference, as the reduced call passes it: its
            // location, as spilled or written, without the checked(...) a value would get.
            if (awaiter.Parameters.Length > 0 && awaiter.Parameters[0].RefKind == RefKind.Ref && Receiver(inv) is { } receiver)
                recvText = "ref " + (repl.TryGetValue(receiver, out var location) ? location : Rewrite(receiver));
            head = $"{owner.Fq()}.{awaiterName}{typeArgs}(";
            args.Insert(0, (null, recvText ?? ""));
        }
        else if (method.IsStatic)
            head = $"{owner.Fq()}.{awaiterName}{typeArgs}(";
        else
            head = $"{recvText}.{awaiterName}{typeArgs}(";
        var call = ArgumentLines.Join(inv, head, args) + ")";
        return EmitSuspension(inv, call, awaiter.ReturnType, method.ReturnType, discard, method.ContainingType.Name + "." + method.Name);
    }

    /// <summary>
    /// The awaiter factory of a suspension point: same parameter count, static-ness and arity, and among
    /// overloads (<c>Go.Await(Task)</c> and <c>Go.Await(ValueTask)</c> share one awaiter name) the one whose
    /// parameter types are the suspension point's own.
    /// </summary>
    private static IMethodSymbol? FindAwaiter(INamedTypeSymbol owner, string awaiterName, IMethodSymbol method, IMethodSymbol def)
    {
        var candidates = owner.GetMembers(awaiterName).OfType<IMethodSymbol>()
            .Where(m => m.Parameters.Length == def.Parameters.Length && m.IsStatic == def.IsStatic && m.Arity == def.Arity)
            .ToList();
        if (candidates.Count <= 1) return candidates.FirstOrDefault();
        var target = def.OriginalDefinition;
        foreach (var c in candidates)
        {
            var same = true;
            for (var i = 0; i < c.Parameters.Length && same; i++)
                same = SymbolFacts.SameShape(c.Parameters[i].Type, target.Parameters[i].Type);
            if (same) return c;
        }
        return candidates[0];
    }

    private string OmittedSuspensionArguments(InvocationExpressionSyntax inv, IMethodSymbol awaiter)
    {
        var (op, original) = _launchers.OperationOf(inv);
        if (op is null) return "";
        var parts = new List<string>();
        foreach (var a in op.Arguments)
        {
            if (a.ArgumentKind != ArgumentKind.DefaultValue || a.Parameter is not { } p) continue;
            if (!a.Value.ConstantValue.HasValue) continue;
            if (!awaiter.Parameters.Any(x => x.Name == p.Name)) continue;
            parts.Add(CallerInfo.ArgumentName(p) + ": " + SymbolFacts.ConstantText(p.Type, _launchers.DefaultArgumentValue(op, a, original)));
        }
        return string.Join(", ", parts);
    }

    private string EmitSuspension(SyntaxNode at, string call, ITypeSymbol? awaiterType, ITypeSymbol resultType, bool discard, string description)
    {
        var n = NewState(at, description);
        // An awaiter whose type holds an anonymous type: an object field used through its typed cell (a struct
        // awaiter is then used in place, never copied; AnonymousTypes.cs).
        string aw, awReset;
        if (awaiterType is not null && ContainsAnonymousType(awaiterType) && ExampleOf(awaiterType) is { } awaiterExample)
        {
            var awField = AddField("object", "_aw" + n, $"awaiter of {description} (line {Line(at)})");
            aw = AnonymousVariable(awField, awaiterExample);
            awReset = $"{awField} = null;";
        }
        else
        {
            aw = AwaiterField(awaiterType is null ? "object" : TypeText(awaiterType, at), n, $"awaiter of {description} (line {Line(at)})");
            awReset = $"{aw} = default;";
        }
        Src(at);
        Stmt($"{aw} = {call};");
        Hidden();
        Stmt($"// state {n}: {description} (line {Line(at)})");
        Stmt($"if (!{aw}.{RuntimeContract.SuspensionAwaiter.IsCompleted}) {{ {RuntimeContract.Frame.State} = {n}; return {aw}.{RuntimeContract.SuspensionAwaiter.Suspend}({GoroutineParameter}, this); }}");
        ResumeLabel(n);
        Src(at);
        var result = "";
        if (resultType.SpecialType == SpecialType.System_Void || discard)
        {
            Stmt($"{aw}.{RuntimeContract.SuspensionAwaiter.GetResult}();");
        }
        else if (ContainsAnonymousType(resultType) && ExampleOf(resultType) is { } resultExample)
        {
            var field = AddField("object", "_r" + n, "result of state " + n);
            Stmt($"{field} = {aw}.{RuntimeContract.SuspensionAwaiter.GetResult}();");
            result = AnonymousRead(field, resultExample);
        }
        else
        {
            result = AddField(TypeText(resultType, at), "_r" + n, "result of state " + n);
            Stmt($"{result} = {aw}.{RuntimeContract.SuspensionAwaiter.GetResult}();");
        }
        Hidden();
        Stmt(awReset);
        return result;
    }

    /// <summary>
    /// The frame field that holds an awaiter of type <paramref name="type"/>: one per awaiter type, as Roslyn's
    /// async lowering keeps one <c>&lt;&gt;u__k</c> per awaiter type. Sharing is sound because an awaiter lives
    /// only from its creation to its <c>GetResult</c> (its factory's arguments are lowered before it is created),
    /// and nothing of the frame runs in between, so two awaiters of one frame are never live at once. A frame
    /// with several waits of one kind (skynet's two sends) is that much smaller: what every parked goroutine
    /// holds.
    /// </summary>
    private string AwaiterField(string type, int state, string comment)
    {
        if (_awaiterFields.TryGetValue(type, out var index))
        {
            var shared = Fields[index];
            Fields[index] = shared with { Comment = shared.Comment + (shared.Comment.EndsWith(")") ? "; also states " : ", ") + state };
            return shared.Name;
        }
        var name = AddField(type, "_aw" + state, comment);
        _awaiterFields[type] = Fields.Count - 1;
        return name;
    }

    /// <summary>
    /// The argument as written around an operation's syntax: Roslyn has no operation for <c>checked(e)</c>,
    /// <c>unchecked(e)</c> or <c>(e)</c>, so an argument written <c>unchecked((uint)-3)</c> comes with the syntax of
    /// <c>(uint)-3</c>, which copied alone is a compile error (CS0221) or changes the context at run time.
    /// </summary>
    private static ExpressionSyntax AsWritten(ExpressionSyntax x)
    {
        while (x.Parent is CheckedExpressionSyntax or ParenthesizedExpressionSyntax) x = (ExpressionSyntax)x.Parent;
        return x;
    }

    private string LowerGoroutineCall(InvocationExpressionSyntax inv, IMethodSymbol method, string? recvText, Dictionary<SyntaxNode, string> repl, bool discard)
    {
        var def = method.Definition();
        var (op, original) = _launchers.OperationOf(inv);
        var target = op?.TargetMethod ?? method.ReducedFrom ?? method;   // extension calls: the static form, receiver first
        // A member of a C# 14 extension block: its implementation, the receiver (of an instance member) its first
        // parameter, the member's own parameters (those the call's arguments name) after it.
        var blockReceiver = 0;
        if (ExtensionBlocks.Implementation(target) is { } implementation)
        {
            blockReceiver = target.IsStatic ? 0 : 1;
            target = implementation;
        }
        // A method of another assembly: its frame class is internal there, so the frame comes from the factory
        // it carries beside the method (SymbolFacts.ImportedFrameFactory), typed as the runtime's Frame base.
        var imported = !SymbolEqualityComparer.Default.Equals(def.ContainingAssembly, Model.Compilation.Assembly);
        var frameType = imported ? "" : target.ContainingType.Fq() + "." + SymbolFacts.FrameName(def)
            + (target.IsGenericMethod ? "<" + string.Join(", ", target.TypeArguments.Select(t => t.Fq())) + ">" : "");
        var ctorArgs = new List<string>();
        if (!def.IsStatic) ctorArgs.Add(recvText ?? "_this");
        foreach (var p in target.Parameters)
        {
            if (blockReceiver == 1 && p.Ordinal == 0)
            {
                ctorArgs.Add(recvText ?? "default");
                continue;
            }
            var arg = op?.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == p.Ordinal - blockReceiver);
            if (arg is null && op is null && method.ReducedFrom is not null && p.Ordinal == 0)
            {
                ctorArgs.Add(recvText ?? "default");
            }
            else if (arg is not null && arg.ArgumentKind == ArgumentKind.DefaultValue && _launchers.DefaultArgumentValue(op!, arg, original) is { } given)
            {
                // What the compiler passes at this call site: the default, or for [CallerMemberName],
                // [CallerLineNumber], [CallerFilePath] and [CallerArgumentExpression] the caller's information.
                ctorArgs.Add(SymbolFacts.ConstantText(p.Type, given));
            }
            else if (arg is null || arg.ArgumentKind == ArgumentKind.DefaultValue)
            {
                ctorArgs.Add(SymbolFacts.OmittedArgumentText(p));
            }
            else if (arg.ArgumentKind == ArgumentKind.ParamArray && arg.Value is IArrayCreationOperation ac && ac.IsImplicit)
            {
                // Each element keeps its line after the first (ArgumentLines.JoinElements).
                var elems = ac.Initializer?.ElementValues.Select(v => ((SyntaxNode?)original(v.Syntax), original(v.Syntax) is ExpressionSyntax x ? Operand(repl, AsWritten(x)) : original(v.Syntax).ToString())) ?? Enumerable.Empty<(SyntaxNode?, string)>();
                ctorArgs.Add($"new {p.Type.CreatableFq()} {{ {ArgumentLines.JoinElements(elems)} }}");
            }
            else if (arg.ArgumentKind == ArgumentKind.ParamCollection && arg.Value is ICollectionExpressionOperation pc && pc.IsImplicit)
            {
                // C# 13 params collection (List<T>, IEnumerable<T>, ...): the compiler builds the collection at
                // the call site; the frame's constructor takes it as a collection expression of the same elements.
                var elems = pc.Elements.Select(v => original(v.Syntax) is ExpressionSyntax x ? Operand(repl, AsWritten(x)) : original(v.Syntax).ToString());
                ctorArgs.Add($"[{string.Join(", ", elems)}]");
            }
            else if (original(arg.Syntax) is ArgumentSyntax a)
            {
                ctorArgs.Add(Operand(repl, a.Expression));
            }
            else if (method.ReducedFrom is not null && p.Ordinal == 0)
            {
                ctorArgs.Add(recvText ?? Operand(repl, AsWritten((ExpressionSyntax)original(arg.Syntax))));
            }
            else
            {
                ctorArgs.Add(original(arg.Syntax) is ExpressionSyntax x ? Operand(repl, AsWritten(x)) : original(arg.Syntax).ToString());
            }
        }
        ArgumentLines.Place(inv, ctorArgs, ctorArgs.Select((_, i) => ArgumentSourceOf(op, original, target, i - (def.IsStatic ? 0 : 1), blockReceiver)).ToList());
        var creation = $"new {frameType}({string.Join(", ", ctorArgs)})";
        // base.M(): the body base names, never the receiver's override. A method with a frame factory (virtual,
        // or of another assembly) gets its frame from base's factory, called non-virtually through a proxy
        // (BaseAccess.cs); any other has one body, so its frame is made directly, as below.
        var anonymousArguments = target.TypeArguments.Any(ContainsAnonymousType);
        if (anonymousArguments && SymbolFacts.IsStaticInterfaceGoroutine(def))
        {
            Report(DiagnosticDescriptors.Unsupported, inv, DiagnosticDescriptors.NotYet("A call of a static abstract [Goroutine] interface member whose type arguments hold anonymous types"));
            anonymousArguments = false;
        }
        if (anonymousArguments)
        {
            // Made by a generic helper below.
        }
        else if (SymbolFacts.IsStaticInterfaceGoroutine(def))
        {
            // T.Hello(n): the factory of the type called through, which runs its implementation (AbstractGoroutines.StaticFactory).
            frameType = def.ReturnsVoid ? RuntimeContract.Frame.Type : RuntimeContract.Generic(RuntimeContract.FrameOfT.Type, TypeText(method.ReturnType, inv));
            var through = op?.ConstrainedToType ?? target.ContainingType;
            var typeArgs = "<" + string.Join(", ", new[] { through }.Concat(target.TypeArguments).Select(t => t.Fq())) + ">";
            creation = $"{through.Fq()}.{SymbolFacts.FrameFactoryName(def)}{typeArgs}({FactoryArguments(def, target, ctorArgs, inv)})";
        }
        else if (IsBaseCall(inv) && (imported || SymbolFacts.IsVirtualGoroutine(def)))
        {
            frameType = def.ReturnsVoid ? RuntimeContract.Frame.Type : RuntimeContract.Generic(RuntimeContract.FrameOfT.Type, TypeText(method.ReturnType, inv));
            creation = BaseFactoryCall(inv, target, SymbolFacts.FrameFactoryName(def), frameType, ctorArgs.Skip(1));
        }
        else if (imported || (SymbolFacts.IsVirtualGoroutine(def) || SymbolFacts.IsOverridableInterfaceMethod(def)) && method.ReducedFrom is null)
        {
            // Virtual dispatch: the receiver's frame factory makes the frame of its own override. A method of
            // another assembly: its factory, on the receiver (instance) or the type (static, extension's static form).
            frameType = def.ReturnsVoid ? RuntimeContract.Frame.Type : RuntimeContract.Generic(RuntimeContract.FrameOfT.Type, TypeText(method.ReturnType, inv));
            var typeArgs = target.IsGenericMethod ? "<" + string.Join(", ", target.TypeArguments.Select(t => t.Fq())) + ">" : "";
            var factory = SymbolFacts.FrameFactoryName(def) + typeArgs;
            var factoryArgs = FactoryArguments(def, target, def.IsStatic ? ctorArgs : ctorArgs.Skip(1).ToList(), inv);
            creation = def.IsStatic
                ? $"{target.ContainingType.Fq()}.{factory}({factoryArgs})"
                : $"{AsOperand(ctorArgs[0])}.{factory}({factoryArgs})";
        }
        // Type arguments that hold anonymous types: no field can name the callee's frame. Its frame is made by a
        // generic helper that infers them from examples and held as the runtime's Frame (AnonymousTypes.cs).
        string? anonymousResultExample = null;
        if (anonymousArguments)
        {
            var how = IsBaseCall(inv) && (imported || SymbolFacts.IsVirtualGoroutine(def)) ? AnonymousFrameSource.BaseFactory
                : imported || (SymbolFacts.IsVirtualGoroutine(def) || SymbolFacts.IsOverridableInterfaceMethod(def)) && method.ReducedFrom is null ? AnonymousFrameSource.Factory
                : AnonymousFrameSource.Constructor;
            if (how == AnonymousFrameSource.BaseFactory && NamesMethodTypeParameters(target))
            {
                // As without anonymous types: the proxy, a member of the type, cannot name the method's type parameters.
                Report(DiagnosticDescriptors.BaseAccess, ((MemberAccessExpressionSyntax)inv.Expression).Expression);
            }
            else if (AnonymousFrameFactory(target, def, ctorArgs, how) is not { } made)
            {
                Report(DiagnosticDescriptors.Unsupported, inv, DiagnosticDescriptors.NotYet("A nested goroutine call whose type arguments hold anonymous types inside a pointer or another type no example can build"));
            }
            else
            {
                creation = made;
                frameType = RuntimeContract.Frame.Type;
                if (!method.ReturnsVoid && ContainsAnonymousType(method.ReturnType)) anonymousResultExample = ExampleOf(method.ReturnType);
            }
        }
        var n = NewState(inv, "call to " + method.Name);
        var call = AddField(frameType, "_call" + n, $"frame of the nested call to {method.Name} (line {Line(inv)})");
        _callFields.Add((n, call));
        _usesFrameResultLocal = true;
        Src(inv);
        Stmt($"{call} = {creation};");
        Hidden();
        Stmt($"// state {n}: nested goroutine call to {method.Name} (line {Line(inv)})");
        Src(inv);
        Stmt($"if (({FrameResultLocal} = {GoroutineParameter}.{RuntimeContract.G.Invoke}(this, {call})) != {CompletedResult}) {{ {RuntimeContract.Frame.State} = {n}; return {FrameResultLocal}; }}");
        Hidden();
        ResumeLabel(n);
        Src(inv);
        var result = "";
        if (method.ReturnsVoid) Stmt($"{call}.{RuntimeContract.Frame.ThrowIfFailed}();");
        else if (discard) Stmt($"{call}.{RuntimeContract.FrameOfT.GetResult}();");
        else if (anonymousResultExample is not null)
        {
            var field = AddField("object", "_r" + n, "result of state " + n);
            Stmt($"{field} = __GoFrameResult({call}, {anonymousResultExample});");
            result = AnonymousRead(field, anonymousResultExample);
        }
        else
        {
            result = AddField(TypeText(method.ReturnType, inv), "_r" + n, "result of state " + n);
            var typed = anonymousArguments ? $"(({RuntimeContract.Generic(RuntimeContract.FrameOfT.Type, method.ReturnType.Fq())}){call})" : call;
            Stmt($"{result} = {typed}.{RuntimeContract.FrameOfT.GetResult}();");
        }
        Hidden();
        Stmt($"{call} = null;");
        return result;
    }

    /// <summary>True when a named argument stands where another parameter's argument would (source order is not parameter order).</summary>
    private bool HasReorderedArguments(InvocationExpressionSyntax inv)
    {
        if (!inv.ArgumentList.Arguments.Any(a => a.NameColon is not null)) return false;
        var (op, original) = _launchers.OperationOf(inv);
        if (op is null) return true;
        var last = -1;
        foreach (var a in inv.ArgumentList.Arguments)
        {
            // (An argument written checked(...) comes with the syntax inside it: AsWritten.)
            var ordinal = op.Arguments.FirstOrDefault(x => original(x.Syntax) == a || original(x.Syntax) is ExpressionSyntax e && AsWritten(e).Parent == a)?.Parameter?.Ordinal ?? -1;
            if (ordinal < last) return true;
            last = ordinal;
        }
        return false;
    }

    /// <summary>A loop back-edge: yields the thread when the scheduler asked this goroutine to (Go's async preemption, cooperatively).</summary>
    private void PreemptCheck(SyntaxNode loop, string where = "the back-edge of the loop")
    {
        var n = NewState(loop, "loop back-edge (preemption check)");
        Hidden();
        Stmt($"// state {n}: preemption check at {where} on line {Line(loop)}");
        Stmt($"if ({GoroutineParameter}.{RuntimeContract.G.Preempt}) {{ {RuntimeContract.Frame.State} = {n}; return {GoroutineParameter}.{RuntimeContract.G.Yield}(this); }}");
        ResumeLabel(n);
    }

    /// <summary>Where the frame of a nested call with anonymous type arguments comes from.</summary>
    private enum AnonymousFrameSource
    {
        /// <summary>Its frame class, made directly (a static or non-virtual method of this assembly, an extension's static form).</summary>
        Constructor,
        /// <summary>Its frame factory: the receiver's (virtual dispatch, an instance method of another assembly) or its type's (static).</summary>
        Factory,
        /// <summary>The base's own factory, called non-virtually through a generic proxy of the user's type (BaseAccess.cs).</summary>
        BaseFactory,
    }

    /// <summary>
    /// <c>__GoFrameK(examples, arguments)</c>: the frame of a nested call whose type arguments hold anonymous types,
    /// made by a generic helper of the frame whose type parameters the compiler infers from the examples (the
    /// arguments follow, in the frame constructor's order). The helper makes it as the call would without anonymous
    /// types (<paramref name="source"/>): <c>new C.M_Frame&lt;T0&gt;(a0, a1)</c>, <c>a0.__GoFrame_M&lt;T0&gt;(a1)</c>,
    /// <c>C.__GoFrame_M&lt;T0&gt;(a0)</c>; through base, the helper is a proxy of the user's type,
    /// <c>_this.__GoBase_M_Frame_0(examples, arguments)</c> calling <c>base.__GoFrame_M&lt;T0&gt;(...)</c>. The
    /// arguments were evaluated (and spilled) before, in order, so the helper changes no order. Null when some type
    /// cannot be written.
    /// </summary>
    /// <summary>The user's text of the argument for the frame constructor's parameter <paramref name="ordinal"/>, or null.</summary>
    private static SyntaxNode? ArgumentSourceOf(IInvocationOperation? op, Func<SyntaxNode, SyntaxNode> original, IMethodSymbol target, int ordinal, int blockReceiver)
    {
        if (op is null || ordinal < blockReceiver || ordinal >= target.Parameters.Length) return null;
        var arg = op.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal - blockReceiver);
        return arg switch
        {
            null or { ArgumentKind: ArgumentKind.DefaultValue } => null,
            { Value: IArrayCreationOperation { IsImplicit: true, Initializer.ElementValues: { Length: > 0 } elements } } => original(elements[0].Syntax),
            { Value: ICollectionExpressionOperation { IsImplicit: true, Elements: { Length: > 0 } items } } => original(items[0].Syntax),
            { IsImplicit: true } => null,
            _ => original(arg.Syntax),
        };
    }

    private string? AnonymousFrameFactory(IMethodSymbol target, IMethodSymbol def, List<string> ctorArgs, AnonymousFrameSource source = AnonymousFrameSource.Constructor)
    {
        var anonymous = new List<ITypeSymbol>();
        var parameterTypes = new List<string>();
        if (!def.IsStatic)
        {
            if (Substituted(target.ContainingType, anonymous) is not { } receiver) return null;
            parameterTypes.Add(receiver);
        }
        foreach (var p in target.Parameters)
        {
            if (Substituted(p.Type, anonymous) is not { } pt) return null;
            parameterTypes.Add(pt);
        }
        var typeArguments = new List<string>();
        foreach (var t in target.TypeArguments)
        {
            if (Substituted(t, anonymous) is not { } ta) return null;
            typeArguments.Add(ta);
        }
        if (Substituted(target.ContainingType, anonymous) is not { } containing) return null;
        var examples = new List<string>();
        foreach (var a in anonymous)
        {
            if (ExampleOf(a) is not { } e) return null;
            examples.Add(e);
        }
        if (parameterTypes.Count != ctorArgs.Count) return null;
        var typeParameters = string.Join(", ", anonymous.Select((_, i) => "T" + i));
        var typeArgumentList = typeArguments.Count > 0 ? "<" + string.Join(", ", typeArguments) + ">" : "";
        var argumentNames = parameterTypes.Select((_, i) => "a" + i).ToList();
        var factory = SymbolFacts.FrameFactoryName(def) + typeArgumentList;
        string made;
        switch (source)
        {
            case AnonymousFrameSource.BaseFactory:
            {
                // A proxy of the user's type (only there can base be named); the receiver is this.
                var proxyParameters = anonymous.Select((_, i) => $"T{i} e{i}").Concat(parameterTypes.Skip(1).Select((t, i) => $"{t} a{i + 1}"));
                var own = SymbolFacts.OwnFrameName(target) + typeArgumentList;
                var proxy = ProxyFor(_baseFrameProxyNames, target, n =>
                    $"private {RuntimeContract.Frame.Type} {n}<{typeParameters}>({string.Join(", ", proxyParameters)}) => base.{own}({string.Join(", ", argumentNames.Skip(1))});");
                UsesThis = true;
                EnsureFrameResultHelper();
                return $"_this.{proxy}({string.Join(", ", examples.Concat(ctorArgs.Skip(1)))})";
            }
            case AnonymousFrameSource.Factory:
                made = def.IsStatic
                    ? $"{containing}.{factory}({string.Join(", ", argumentNames)})"
                    : $"a0.{factory}({string.Join(", ", argumentNames.Skip(1))})";
                break;
            default:
                made = $"new {containing}.{SymbolFacts.FrameName(def)}{typeArgumentList}({string.Join(", ", argumentNames)})";
                break;
        }
        var name = "__GoFrame" + ExampleHelpers.Count;
        var parameters = anonymous.Select((_, i) => $"T{i} e{i}").Concat(parameterTypes.Select((t, i) => $"{t} a{i}"));
        ExampleHelpers.Add($"private static {RuntimeContract.Frame.Type} {name}<{typeParameters}>({string.Join(", ", parameters)}) => {made};");
        EnsureFrameResultHelper();
        return $"{name}({string.Join(", ", examples.Concat(ctorArgs))})";
    }

    private void EnsureFrameResultHelper()
    {
        if (_exampleHelperNames.ContainsKey("frameresult")) return;
        _exampleHelperNames["frameresult"] = "__GoFrameResult";
        ExampleHelpers.Add($"private static T __GoFrameResult<T>({RuntimeContract.Frame.Type} frame, T example) => (({RuntimeContract.Generic(RuntimeContract.FrameOfT.Type, "T")})frame).{RuntimeContract.FrameOfT.GetResult}();");
    }

    /// <summary>
    /// The arguments of a call of <paramref name="def"/>'s frame factory, <c>__GoFrame_M(...)</c>, one for each of
    /// <paramref name="target"/>'s parameters. The factories mirror the method's overloads but not their
    /// [OverloadResolutionPriority] (an override's factory could not say it), so where some overload of the name has
    /// one, the call that picked <c>Pick(object)</c> over <c>Pick(int)</c> for an int by priority would find
    /// <c>__GoFrame_Pick(int)</c>: each argument is then converted to its parameter's type, and the factory of the
    /// user's overload is the best of those that take them (identity conversions).
    /// </summary>
    private string FactoryArguments(IMethodSymbol def, IMethodSymbol target, IReadOnlyList<string> args, SyntaxNode at)
    {
        if (!SymbolFacts.HasPriorityAmongOverloads(def) || args.Count != target.Parameters.Length) return string.Join(", ", args);
        return string.Join(", ", args.Select((a, i) => target.Parameters[i].RefKind == RefKind.None
            ? $"({TypeText(target.Parameters[i].Type, at)})({a})"
            : a));
    }
}
