using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Loops (while, do, for, foreach) flattened into labels and gotos. Every back-edge is a suspension point
/// (the preemption check), so a loop suspends even without a call in it. foreach over a one-dimensional
/// array walks an index; otherwise the enumerator is a frame field disposed by a guarded finally.
/// </summary>
internal sealed partial class MethodLowerer
{
    private void LowerWhile(WhileStatementSyntax w)
    {
        var top = NewLabel("while");
        var cont = NewLabel("continue");
        var brk = NewLabel("break");
        Hidden();
        Label(top);
        EnterEnvironment(w.Condition);
        string? body = null;
        var c = LeadingCondition(w, w.Condition, brk, () => body ??= NewLabel("body"), StackOnlyTestVariables(w.Condition, null, w));
        Src(w.Condition);
        // The span directive starts at the `while`: a condition on a later line keeps its line.
        Stmt($"if (!({ArgumentLines.Lead(w.Condition, w.WhileKeyword.SpanStart, "")}{c})) goto {brk};");
        if (body is not null) Label(body);
        LowerLoopBody(w, w.Statement, brk, cont);
        BackEdge(w, top, brk);
    }

    private void LowerDo(DoStatementSyntax d)
    {
        var top = NewLabel("do");
        var cont = NewLabel("continue");
        var brk = NewLabel("break");
        Hidden();
        Label(top);
        LowerLoopBody(d, d.Statement, brk, cont);
        EnterEnvironment(d.Condition);
        var c = Condition(d.Condition, StackOnlyTestVariables(d.Condition, null, d));
        Src(d.Condition);
        // The span directive starts at the `while`: a condition on a later line keeps its line.
        Stmt($"if (!({ArgumentLines.Lead(d.Condition, d.WhileKeyword.SpanStart, "")}{c})) goto {brk};");
        BackEdge(d, top, brk);
    }

    private void LowerFor(ForStatementSyntax f)
    {
        EnterEnvironment(f);
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
            EmitDiscarded(init, LowerExpression(init, discard: true));
        }
        var top = NewLabel("for");
        var cont = NewLabel("continue");
        var brk = NewLabel("break");
        Hidden();
        Label(top);
        if (f.Condition is not null)
        {
            EnterEnvironment(f.Condition);
            string? body = null;
            var c = LeadingCondition(f, f.Condition, brk, () => body ??= NewLabel("body"), StackOnlyTestVariables(f.Condition, null, f));
            Src(f.Condition);
            Stmt($"if (!({c})) goto {brk};");
            if (body is not null) Label(body);
        }
        LowerLoopBody(f, f.Statement, brk, cont);
        foreach (var inc in f.Incrementors)
        {
            HoistDesignations(inc);
            EmitDiscarded(inc, LowerExpression(inc, discard: true));
        }
        BackEdge(f, top, brk);
    }

    private void LowerForEach(CommonForEachStatementSyntax fe)
    {
        if (fe.AwaitKeyword.RawKind != 0) { Report(DiagnosticDescriptors.Unsupported, fe, DiagnosticDescriptors.NotYet("await foreach")); return; }
        var info = Model.GetForEachStatementInfo(fe);
        if (IsPlainAmongStackOnly(fe))
        {
            // Only the collection suspends, and the loop's variable or enumerator lives on the stack: lower the
            // collection, then copy the loop over its value (StackOnlyLoops.cs).
            HoistDesignations(fe.Expression);
            var collection = LowerExpression(fe.Expression);
            EmitVerbatim(fe, new Dictionary<SyntaxNode, string> { [fe.Expression] = collection });
            return;
        }
        if (fe is ForEachStatementSyntax { Type: RefTypeSyntax }) { Report(DiagnosticDescriptors.RefAcrossSuspension, fe, ((ForEachStatementSyntax)fe).Identifier.ValueText); return; }
        var collType = Model.GetTypeInfo(fe.Expression).Type;
        // Over a launcher's result, which the model cannot see: the statement as bound over the inferred type.
        if (collType is null || LauncherTypeInference.HasErrorType(collType))
        {
            var inferred = _launchers.InferForEach(fe);
            if (inferred is not null) info = inferred.Value;
            if (_launchers.InferType(fe.Expression) is { } inferredType && !LauncherTypeInference.HasErrorType(inferredType)) collType = inferredType;
            if (inferred is null && collType is not IArrayTypeSymbol { Rank: 1 })
            {
                Report(DiagnosticDescriptors.Unsupported, fe.Expression,
                    DiagnosticDescriptors.NotSupported("A foreach with a suspension point over a value whose type the generator cannot see or cannot enumerate here",
                        "its type depends on a GoX(...) launcher or another generator's output; take it into a local of an explicit type first, a named type for an anonymous one"));
                return;
            }
        }
        HoistDesignations(fe.Expression);
        var inlineLength = InlineArrayLength(collType);
        var coll = inlineLength is null ? LowerExpression(fe.Expression) : InlineArrayCollection(fe, collType!);
        if (coll is null) return;
        string variable;
        string elementType;
        SyntaxNode variableNode;
        if (fe is ForEachStatementSyntax single)
        {
            var local = (ILocalSymbol)Model.GetDeclaredSymbol(single)!;
            variable = Hoist(local, fe);
            elementType = LocalType(local).Fq();
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
            // An array of an anonymous type waits in an object field, read back by example (AnonymousTypes.cs); its
            // elements are the variable's type then (no cast can name it).
            var anonymousElements = ContainsAnonymousType(arrayType) && ExampleOf(arrayType) is not null;
            string arr, arrRead;
            if (anonymousElements) (arr, arrRead) = ValueTemp(arrayType, fe.Expression, "array of the foreach");
            else arr = arrRead = AddField(TypeText(arrayType, fe.Expression), "_t" + (_nextTemp++), "array of the foreach on line " + Line(fe));
            var idx = AddField("int", "_t" + (_nextTemp++), "index of the foreach on line " + Line(fe));
            Src(fe.Expression);
            Stmt($"{arr} = {coll};");
            Hidden();
            Stmt($"{idx} = 0;");
            Label(top);
            Stmt($"if ({idx} >= {arrRead}.Length) goto {brk};");
            EnterEnvironment(fe);
            Src(variableNode);
            // The iteration variable's conversion is the foreach's: checked in a checked block (only the value: an
            // assignment in checked(...) is no statement).
            Stmt(anonymousElements ? $"{variable} = {arrRead}[{idx}];" : $"{variable} = {InContext($"({elementType}){arr}[{idx}]")};");
            LowerLoopBody(fe, fe.Statement, brk, cont);
            Stmt($"{idx}++;");
            BackEdge(fe, top, brk);
            Stmt($"{arr} = null;");
            return;
        }

        if (inlineLength is { } length)
        {
            // An inline array: C# walks its elements by index (async too), reading each from the collection's
            // variable as the iteration reaches it, so the body's writes to later elements are seen.
            var at = AddField("int", "_t" + (_nextTemp++), "index of the foreach on line " + Line(fe));
            Hidden();
            Stmt($"{at} = 0;");
            Label(top);
            Stmt($"if ({at} >= {length}) goto {brk};");
            EnterEnvironment(fe);
            Src(variableNode);
            Stmt($"{variable} = {InContext($"({elementType}){coll}[{at}]")};");
            LowerLoopBody(fe, fe.Statement, brk, cont);
            Stmt($"{at}++;");
            BackEdge(fe, top, brk);
            return;
        }

        if (info.GetEnumeratorMethod is null || info.MoveNextMethod is null || info.CurrentProperty is null)
        {
            Report(DiagnosticDescriptors.Unsupported, fe.Expression, DiagnosticDescriptors.NotYet("This foreach collection"));
            return;
        }
        var enumType = info.GetEnumeratorMethod.ReturnType;
        if (SymbolFacts.IsRefLike(enumType)) { Report(DiagnosticDescriptors.RefAcrossSuspension, fe.Expression, "the enumerator of " + fe.Expression); return; }
        // Elements of an anonymous type (a List of them): no field can name the enumerator's type, and a struct
        // enumerator held as object would be copied at every read. Enumerate through IEnumerator<T> instead (a
        // reference, held as object and read back by example: AnonymousTypes.cs), as foreach over the interface would.
        string? enumeratorExample = null;
        if (ContainsAnonymousType(enumType) && Model.Compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerator_T) is { } ienumerator
            && info.ElementType is { } element && ExampleOf(ienumerator.Construct(element)) is { } example)
        {
            enumType = ienumerator.Construct(element);
            enumeratorExample = example;
            UseEnumeratorHelper();
        }
        var e = AddField(enumeratorExample is null ? TypeText(enumType, fe.Expression) : "object", "_e" + (_nextTemp++), "enumerator of the foreach on line " + Line(fe));
        var eRead = enumeratorExample is null ? e : AnonymousRead(e, enumeratorExample);
        Src(fe.Expression);
        // C# may find GetEnumerator on an interface the collection implements explicitly (JToken's
        // IEnumerable<JToken>.GetEnumerator): the member is not callable on the class, so call it through
        // the interface, which is what foreach does.
        var viaInterface = info.GetEnumeratorMethod.ContainingType is { TypeKind: TypeKind.Interface } iface
            && collType is { TypeKind: not (TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Dynamic) }
            ? $"(({iface.Fq()})({coll}))" : null;
        var getEnum = enumeratorExample is not null ? $"__GoEnumerator({coll})"
            : info.GetEnumeratorMethod.IsExtensionMethod
            ? $"{info.GetEnumeratorMethod.ContainingType.Fq()}.{info.GetEnumeratorMethod.Name}({coll})"
            : $"{viaInterface ?? $"({coll})"}.GetEnumerator()";
        Stmt($"{e} = {getEnum};");
        var moveNextAwaiter = SymbolFacts.SuspensionAwaiterName(info.MoveNextMethod);
        EmitTryFinallyText(() =>
        {
            Hidden();
            Label(top);
            if (moveNextAwaiter is not null)
            {
                var r = EmitSuspension(fe.Expression, $"{eRead}.{moveNextAwaiter}()", info.MoveNextMethod.ContainingType.GetMembers(moveNextAwaiter).OfType<IMethodSymbol>().FirstOrDefault()?.ReturnType, info.MoveNextMethod.ReturnType, discard: false, "MoveNext of the foreach");
                Stmt($"if (!{r}) goto {brk};");
            }
            else
            {
                Stmt($"if (!{eRead}.MoveNext()) goto {brk};");
            }
            EnterEnvironment(fe);
            Src(variableNode);
            // Over a dynamic value C# converts each element dynamically (an int into a long variable), where a cast of
            // the object would unbox.
            var current = collType is { TypeKind: TypeKind.Dynamic } ? $"(dynamic){e}.Current" : $"{e}.Current";
            Stmt(enumeratorExample is null ? $"{variable} = {InContext($"({elementType}){current}")};" : $"{variable} = {eRead}.Current;");
            LowerLoopBody(fe, fe.Statement, brk, cont);
            BackEdge(fe, top, brk);
        }, enumeratorExample is null ? DisposeText(e, enumType, alwaysCheck: true) : $"if ({e} != null) ((global::System.IDisposable){e}).Dispose();");
        Stmt($"{e} = default;");
    }

    /// <summary>The body of a loop, with break and continue bound to its labels; ends at the continue label.</summary>
    private void LowerLoopBody(SyntaxNode loop, StatementSyntax body, string brk, string cont)
    {
        _targets.Add(new JumpTarget(loop, brk, cont, _pending.Count));
        LowerStatement(body);
        _targets.RemoveAt(_targets.Count - 1);
        Hidden();
        Label(cont);
    }

    /// <summary>The back-edge: a preemption check (a state, or a hand-off of the P), the jump to the top, then the break label.</summary>
    private void BackEdge(SyntaxNode loop, string top, string brk)
    {
        // A stack-only local alive across the back-edge stays on the thread's stack (StackOnlyCompounds.LoopStatement).
        if (BackEdgeStaysOnThread(loop))
        {
            Hidden();
            Stmt($"if ({GoroutineParameter}.{RuntimeContract.G.Preempt}) {GoroutineParameter}.{RuntimeContract.G.PreemptPlainCode}();");
        }
        else PreemptCheck(loop);
        Stmt($"goto {top};");
        Label(brk);
    }

    /// <summary>The length an [InlineArray(n)] struct declares, or null for any other type.</summary>
    private static int? InlineArrayLength(ITypeSymbol? type) =>
        global::GoSharp.Generator.Model.StructThisWrites.IsInlineArray(type)
            ? type!.GetAttributes().First(a => a.AttributeClass is { Name: "InlineArrayAttribute" }).ConstructorArguments.FirstOrDefault().Value as int?
            : null;

    /// <summary>
    /// What a foreach with a suspension point walks over an inline array: a variable (local, parameter, field,
    /// array element) is walked in place, its location's parts spilled once, as C# takes the reference once; any
    /// other value is copied into a frame field first, as C# copies it into a temporary. Null when refused.
    /// </summary>
    private string? InlineArrayCollection(CommonForEachStatementSyntax fe, ITypeSymbol collType)
    {
        if (IsRefReturningProperty(fe.Expression)
            || fe.Expression is InvocationExpressionSyntax call && _launchers.ResolveMethod(call) is { ReturnsByRef: true } or { ReturnsByRefReadonly: true })
        {
            // The walk reads the elements through the reference the getter or call returns, around the body's
            // suspension points, where the frame cannot hold it (async refuses it likewise, CS8178). LowerLocation's
            // message speaks of one expression, which a foreach is not.
            Report(DiagnosticDescriptors.CannotLiveInFrame, fe.Expression,
                $"This foreach walks the inline array that '{fe.Expression}' returns by reference, reading each element through that reference after the body's suspension points, and the frame cannot hold a reference (async methods: CS8178); copy the inline array into a local first (var items = {fe.Expression};) and walk the copy, or walk it with a for loop that reads {fe.Expression}[i]");
            return null;
        }
        if (IsStructVariable(fe.Expression)) return LowerLocation(fe.Expression, spillAll: true);
        var value = LowerExpression(fe.Expression);
        var copy = AddField(TypeText(collType, fe.Expression), "_t" + (_nextTemp++), "inline array of the foreach on line " + Line(fe));
        Src(fe.Expression);
        Stmt($"{copy} = {value};");
        return copy;
    }
}
