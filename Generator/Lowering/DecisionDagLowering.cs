using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Emit;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// The patterns of a switch whose <c>when</c> clauses suspend, matched arm by arm over C#'s cached DAG values.
///
/// C# builds one decision DAG for all the arms of a switch (DecisionDagBuilder): a value of the DAG (a temp) is
/// the switch's value or the result of an evaluation of another value (a member read, a <c>Deconstruct</c>,
/// <c>ITuple</c>'s <c>Length</c> and indexer, a list pattern's <c>Length</c>/<c>Count</c>, element or slice, a
/// type conversion), and two evaluations are one when they have the same kind, symbol (index, slice bounds) and
/// input, type conversions aside: <c>object o</c> matched as <c>Derived { X: 1 }</c>, then as
/// <c>Base { X: 0 }</c>, reads <c>X</c> once (the compiler this project builds with does so; the differential
/// case DagStatementWithConstants checks it). The DAG makes the first remaining arm's tests and evaluations in
/// order, each evaluation at most once on the path taken, and an evaluation whose value nothing tests or binds is
/// dropped (<c>{ X: _ }</c> does not read <c>X</c>). A failed guard continues with the next arm and the values
/// read so far.
///
/// Arm by arm that is: each evaluation gets a frame field (it survives a guard's suspension) and a "read yet"
/// flag, both keyed as C# keys the evaluation (<see cref="DagValue.Key"/>); an arm's pattern becomes statements
/// that make its null and type tests on those values, read an evaluation the first time an arm needs it and reuse
/// it after, and jump to the next arm on failure. The flags are cleared when the switch starts. A subpattern that
/// reads nothing with a side effect and no mutable state (constants, relational and type patterns, auto-properties
/// of structs, init-only and get-only ones, strings, tuples) is C#'s own <c>is</c> on the cached value: reading
/// it again can change nothing.
/// <code>
/// before: p switch { { X: var a } when Tw(a) > 5 => "big", { X: 1, Y: 2 } => "one", _ => "other" }
/// after:  _f1 = false; _f2 = false;                                   // X read yet, Y read yet
///         if (_v is null) goto __nextarm1;
///         if (!_f1) { _t1 = _v.X; _f1 = true; }   { if (!(_t1 is var a)) goto __nextarm1; _l2_a = a; }
///         if (!(Tw(_l2_a) > 5 (lowered))) goto __nextarm1;  _r = "big"; goto end;
///         __nextarm1: if (_v is null) goto __nextarm2;
///         if (!_f1) { ... }   { if (!(_t1 is 1)) goto __nextarm2; }   // X as read before the guard
///         if (!_f2) { _t2 = _v.Y; _f2 = true; }   { if (!(_t2 is 2)) goto __nextarm2; } ...
/// </code>
/// One difference is left: C# drops an arm whose later test repeats a test an earlier arm failed on the same value
/// (or one the values tested so far rule out), before that arm's earlier evaluations; arm by arm those run (seen
/// only through a getter with a side effect that the dropped arm is the first to read). docs/generator.md, Known
/// limits.
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// A value of the DAG: how to read it, its type, its identity (Roslyn's BoundDagTemp: the path of evaluations
    /// from the switch's value), the value a type conversion made it from, and whether C# takes it as never null
    /// (a slice).
    /// </summary>
    private sealed record DagValue(string Read, ITypeSymbol Type, string Key, DagValue? ConvertedFrom, bool NeverNull = false);

    /// <summary>The cached evaluations of one switch: their fields (by key) and the flags to clear when it starts.</summary>
    private sealed class DagCache
    {
        public readonly Dictionary<string, (string[] Write, string[] Read, string Flag)> Values = new();
        public readonly List<string> Flags = new();
        public bool Refused;

        /// <summary>
        /// The switch's value, where only launcher inference types it: the arms' patterns are then bound over an
        /// example of that type (<see cref="LauncherTypeInference.PatternOverExample"/>), not read from the model.
        /// </summary>
        public ExpressionSyntax? OverExample;

        /// <summary>
        /// Per list (its length's key): the elements read so far, by index (negative from the end), with the field
        /// that holds the list's length when the arm that read the element fixed it (-1 when that arm has a slice).
        /// </summary>
        public readonly Dictionary<string, List<(int Index, string Read, string Flag, string Known)>> Elements = new();
    }

    /// <summary>
    /// Runs <paramref name="dispatch"/> (the arms, their guards) into its own text, then writes the clearing of the
    /// flags it used before it: the switch starts with nothing read.
    /// </summary>
    private void WithDagCache(ExpressionSyntax governing, System.Action<DagCache> dispatch)
    {
        var cache = new DagCache();
        // C#'s decision DAG is read from the patterns' binding: over a value whose type only launcher inference
        // knows, the model's names types it could not see, so each arm's pattern is bound again over an example.
        if (Model.GetTypeInfo(governing, _ct).Type is not { } seen || LauncherTypeInference.HasErrorType(seen) || LauncherTypeInference.HasForeignTypeParameter(seen, governing))
            cache.OverExample = governing;
        var outer = _w;
        _w = new IndentedWriter();
        dispatch(cache);
        var text = _w.ToString().TrimEnd('\n');
        _w = outer;
        if (cache.Flags.Count > 0)
        {
            Hidden();
            Stmt(string.Concat(cache.Flags.Select(f => f + " = false; ")).TrimEnd());
        }
        if (text.Length > 0) _w.Lines(text);
    }

    /// <summary>
    /// Writes the tests of <paramref name="pattern"/> on the switch's value: they fall through when it matches
    /// (its variables copied into their fields) and jump to <paramref name="fail"/> otherwise.
    /// </summary>
    private void MatchArm(DagCache cache, PatternSyntax syntax, IPatternOperation? pattern, string value, ITypeSymbol type, SyntaxNode arm, string fail)
    {
        _dagArm = arm;
        _dagOriginal = n => n;
        if (cache.OverExample is { } governing)
        {
            if (_launchers.PatternOverExample(syntax) is not var (speculated, original))
            {
                if (!cache.Refused)
                    Report(DiagnosticDescriptors.Unsupported, governing, DiagnosticDescriptors.NotSupported(
                        "A 'when' clause with a suspension point in a switch over a value whose type comes from a GoX(...) launcher's result or another generator's output",
                        "the generator reads what C# tests from the patterns' binding, which cannot see that type; give the value an explicit type"));
                cache.Refused = true;
                return;
            }
            (pattern, _dagOriginal) = (speculated, original);
        }
        if (pattern is null)
        {
            RefuseDag(cache, arm, "a label the generator cannot see");
            return;
        }
        Match(cache, pattern, new DagValue(value, type, "v", null), arm, fail);
    }

    private SyntaxNode? _dagArm;

    /// <summary>The node written where the arm's pattern operation has its syntax: itself, or, over an example, the source's.</summary>
    private System.Func<SyntaxNode, SyntaxNode> _dagOriginal = n => n;

    /// <summary>
    /// The local a pattern declares, as the model knows it (the lowering hoists the model's locals; a pattern bound
    /// over an example declares a copy of its own).
    /// </summary>
    private ILocalSymbol? DeclaredLocal(IPatternOperation p, ISymbol? declared)
    {
        if (declared is not ILocalSymbol local) return null;
        var written = _dagOriginal(p.Syntax);
        if (written == p.Syntax) return local;
        var designation = written switch
        {
            DeclarationPatternSyntax d => d.Designation,
            VarPatternSyntax v => v.Designation,
            RecursivePatternSyntax r => r.Designation,
            ListPatternSyntax l => l.Designation,
            // (`var (a, b)`: each variable's pattern is bound at its designation.)
            SingleVariableDesignationSyntax itself => itself,
            _ => null,
        };
        return designation is SingleVariableDesignationSyntax single ? Model.GetDeclaredSymbol(single, _ct) as ILocalSymbol : null;
    }

    /// <summary>A statement of an arm's tests, mapped to the arm (each one: a mapping runs on to the user's next lines).</summary>
    private void DagStmt(string text)
    {
        if (_dagArm is not null) Src(_dagArm);
        Stmt(text);
    }

    private void Match(DagCache cache, IPatternOperation p, DagValue input, SyntaxNode arm, string fail)
    {
        if (cache.Refused) return;
        input = As(input, p.InputType);
        if (_dagOriginal(p.Syntax) is PatternSyntax syntax && IsPureForDag(p))
        {
            var designations = syntax.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>()
                .Select(d => Model.GetDeclaredSymbol(d)).OfType<ILocalSymbol>().ToList();
            var excluded = new HashSet<ISymbol>(designations, SymbolEqualityComparer.Default);
            var copies = string.Concat(designations.Select(d => $" {Hoist(d, arm)} = {VariableName(d)};"));
            var text = syntax is DiscardPatternSyntax ? "var _" : Rewrite(syntax, arm, null, excluded);
            DagStmt($"{{ if (!({input.Read} is {text})) goto {fail};{copies} }}");
            return;
        }
        switch (p)
        {
            case IDiscardPatternOperation:
                return;
            case IDeclarationPatternOperation d:
                if (!d.MatchesNull) input = ConvertTo(input, d.MatchedType ?? input.Type, fail);
                if (DeclaredLocal(d, d.DeclaredSymbol) is { } local) DagStmt($"{Hoist(local, arm)} = {input.Read};");
                return;
            case ITypePatternOperation t:
                ConvertTo(input, t.MatchedType, fail);
                return;
            case INegatedPatternOperation n:
            {
                var matched = NewLabel("dagnot");
                Match(cache, n.Pattern, input, arm, matched);
                DagStmt($"goto {fail};");
                Label(matched);
                return;
            }
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and:
                Match(cache, and.LeftPattern, input, arm, fail);
                Match(cache, and.RightPattern, input, arm, fail);
                return;
            case IBinaryPatternOperation or:
            {
                var right = NewLabel("dagor");
                var done = NewLabel("dagor");
                Match(cache, or.LeftPattern, input, arm, right);
                DagStmt($"goto {done};");
                Label(right);
                Match(cache, or.RightPattern, input, arm, fail);
                Label(done);
                return;
            }
            case IRecursivePatternOperation r:
                MatchRecursive(cache, r, input, arm, fail);
                return;
            case IListPatternOperation l:
                MatchList(cache, l, input, arm, fail);
                return;
            default:
                RefuseDag(cache, arm, $"a pattern of kind {p.Kind}");
                return;
        }
    }

    private void RefuseDag(DagCache cache, SyntaxNode at, string what)
    {
        if (cache.Refused) return;
        cache.Refused = true;
        Report(DiagnosticDescriptors.Unsupported, at,
            DiagnosticDescriptors.NotSupported($"A 'when' clause with a suspension point in a switch whose patterns hold {what}",
                "C# reads what the patterns test once for all the arms, and the generator cannot cache this value across the suspension; compute it into a local before the switch and match on that"));
    }

    /// <summary>The value as <paramref name="type"/>, already tested by the pattern that narrowed it: a conversion, no test.</summary>
    private static DagValue As(DagValue v, ITypeSymbol type)
    {
        if (SymbolEqualityComparer.Default.Equals(v.Type, type)) return v;
        if (v.ConvertedFrom is { } from && SymbolEqualityComparer.Default.Equals(from.Type, type)) return from;
        // A conversion keeps the key: C# shares an evaluation of one symbol on one value whatever types it was
        // tested as (object o: DagDerived { X: 1 } then DagBase { X: 0 } read X once).
        return new DagValue($"(({type.Fq()})(object){v.Read})", type, v.Key, v);
    }

    /// <summary>C#'s null test (when the value can be null) and type test (when no built-in implicit conversion gives the type), then the conversion.</summary>
    private DagValue ConvertTo(DagValue v, ITypeSymbol type, string fail)
    {
        if (CanBeNull(v.Type) && !v.NeverNull) DagStmt($"if ({v.Read} is null) goto {fail};");
        if (SymbolEqualityComparer.Default.Equals(v.Type, type)) return v;
        var source = v.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? ((INamedTypeSymbol)v.Type).TypeArguments[0] : v.Type;
        var conversion = ((CSharpCompilation)Model.Compilation).ClassifyConversion(source, type);
        if (!(conversion.IsImplicit && !conversion.IsUserDefined)) DagStmt($"if (!({v.Read} is {type.Fq()})) goto {fail};");
        return As(v, type);
    }

    private static bool CanBeNull(ITypeSymbol t) =>
        !t.IsValueType || t.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    /// <summary>
    /// The value a member is read from: back through conversions whose source already has the member (Roslyn's
    /// OriginalInput), so the receiver is the least converted value that has it (the key is the same either way).
    /// </summary>
    private DagValue MemberInput(DagValue v, ISymbol member)
    {
        var compilation = (CSharpCompilation)Model.Compilation;
        while (v.ConvertedFrom is { } from)
        {
            var c = compilation.ClassifyConversion(from.Type, member.ContainingType);
            if (!(c.IsIdentity || (c.IsImplicit && c.IsReference))) break;
            v = from;
        }
        return v;
    }

    /// <summary>
    /// An evaluation, read at most once per run of the switch: <c>if (!flag) { field = expr; flag = true; }</c>.
    /// <paramref name="make"/> gives the statement that fills the fields it is given.
    /// </summary>
    private string[] Evaluate(DagCache cache, string key, ITypeSymbol[] types, SyntaxNode at, System.Func<string[], string> make)
    {
        if (!cache.Values.TryGetValue(key, out var e))
        {
            var writes = new string[types.Length];
            var reads = new string[types.Length];
            for (var i = 0; i < types.Length; i++)
            {
                if (SymbolFacts.IsRefLike(types[i]))
                {
                    RefuseDag(cache, at, $"a value of the ref struct type '{types[i].ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'");
                    return reads.Select(_ => "default").ToArray();
                }
                if (ContainsAnonymousType(types[i]) && types.Length > 1)
                {
                    RefuseDag(cache, at, "a Deconstruct with an out parameter of an anonymous type");
                    return reads.Select(_ => "default").ToArray();
                }
                (writes[i], reads[i]) = ValueTemp(types[i], at, "switch value read");
            }
            var flag = AddField("bool", "_t" + (_nextTemp++), "whether the switch read it yet, line " + Line(at));
            e = (writes, reads, flag);
            cache.Values[key] = e;
            cache.Flags.Add(flag);
        }
        DagStmt($"if (!{e.Flag}) {{ {make(e.Write)} {e.Flag} = true; }}");
        return e.Read;
    }

    private DagValue ReadMember(DagCache cache, DagValue input, ISymbol member, ITypeSymbol type, SyntaxNode at)
    {
        input = MemberInput(input, member);
        var name = SyntaxFacts.GetKeywordKind(member.Name) != SyntaxKind.None ? "@" + member.Name : member.Name;
        if (member is IFieldSymbol { ContainingType.IsTupleType: true } f)
        {
            // A tuple's element of the cached copy: nothing to read twice.
            var element = f.CorrespondingTupleField ?? f;
            return new DagValue($"{input.Read}.{element.Name}", type, input.Key + "." + element.Name, null);
        }
        var key = input.Key + "." + member.ToDisplayString();
        var read = Evaluate(cache, key, new[] { type }, at, w => $"{w[0]} = {input.Read}.{name};");
        return new DagValue(read[0], type, key, null);
    }
    private void MatchRecursive(DagCache cache, IRecursivePatternOperation r, DagValue input, SyntaxNode arm, string fail)
    {
        if (r.DeconstructSymbol is ITypeSymbol iTuple)
        {
            // ITuple: a type test (which fails on null), Length, its test, then this[i] for each element used.
            DagStmt($"if (!({input.Read} is {iTuple.Fq()})) goto {fail};");
            var t = As(input, iTuple);
            var lengthProperty = iTuple.GetMembers("Length").OfType<IPropertySymbol>().First();
            var length = ReadMember(cache, t, lengthProperty, lengthProperty.Type, _dagOriginal(r.Syntax));
            DagStmt($"if ({length.Read} != {r.DeconstructionSubpatterns.Length}) goto {fail};");
            var indexer = iTuple.GetMembers().OfType<IPropertySymbol>().First(p => p.IsIndexer);
            for (var i = 0; i < r.DeconstructionSubpatterns.Length; i++)
            {
                var sub = r.DeconstructionSubpatterns[i];
                if (!UsesInput(sub)) continue;
                var receiver = MemberInput(t, indexer);
                var key = receiver.Key + "." + indexer.ToDisplayString() + "[" + i + "]";
                var index = i;
                var read = Evaluate(cache, key, new[] { indexer.Type }, _dagOriginal(sub.Syntax), w => $"{w[0]} = {receiver.Read}[{index}];");
                Match(cache, sub, new DagValue(read[0], indexer.Type, key, null), arm, fail);
            }
            if (DeclaredLocal(r, r.DeclaredSymbol) is { } tupleLocal) DagStmt($"{Hoist(tupleLocal, arm)} = {As(t, r.MatchedType).Read};");
            return;
        }
        var v = ConvertTo(input, r.MatchedType, fail);
        if (r.DeconstructSymbol is IMethodSymbol m)
        {
            if (r.DeconstructionSubpatterns.Any(UsesInput))
            {
                var isStaticCall = m.IsStatic || m.ReducedFrom is not null;
                var outs = m.Parameters.Skip(m.IsStatic ? 1 : 0).Select(p => p.Type).ToArray();
                var receiver = MemberInput(v, m);
                var key = receiver.Key + "." + m.ToDisplayString();
                var reads = Evaluate(cache, key, outs, _dagOriginal(r.Syntax), w =>
                {
                    var args = string.Join(", ", w.Select(x => "out " + x));
                    return isStaticCall
                        ? $"{m.ContainingType.Fq()}.{m.Name}({receiver.Read}, {args});"
                        : $"{receiver.Read}.{m.Name}({args});";
                });
                for (var i = 0; i < r.DeconstructionSubpatterns.Length && i < outs.Length; i++)
                    Match(cache, r.DeconstructionSubpatterns[i], new DagValue(reads[i], outs[i], key + "#" + i, null), arm, fail);
            }
        }
        else if (v.Type.IsTupleType && v.Type is INamedTypeSymbol tuple)
        {
            for (var i = 0; i < r.DeconstructionSubpatterns.Length && i < tuple.TupleElements.Length; i++)
            {
                var sub = r.DeconstructionSubpatterns[i];
                if (UsesInput(sub)) Match(cache, sub, ReadMember(cache, v, tuple.TupleElements[i], tuple.TupleElements[i].Type, _dagOriginal(sub.Syntax)), arm, fail);
            }
        }
        else if (r.DeconstructionSubpatterns.Length > 0)
        {
            RefuseDag(cache, _dagOriginal(r.Syntax), "a positional pattern on a type it cannot deconstruct");
            return;
        }
        foreach (var ps in r.PropertySubpatterns)
        {
            var chain = MemberChain(ps.Member);
            if (chain is null)
            {
                RefuseDag(cache, _dagOriginal(ps.Syntax), "a property pattern on a member it cannot read");
                return;
            }
            var used = ChainUses(chain, ps.Pattern);
            var current = v;
            for (var k = 0; k < chain.Count; k++)
            {
                if (k > 0)
                {
                    // { A.B: p } is { A: { B: p } }: A's null test, a nullable A unwrapped, even when B is not read.
                    if (!used[k] && !CanBeNull(chain[k - 1].Type!)) break;
                    current = ConvertTo(current, Stripped(chain[k - 1].Type), fail);
                }
                if (!used[k]) break;
                current = ReadMember(cache, current, chain[k].Member, chain[k].Type!, _dagOriginal(ps.Syntax));
            }
            if (used[chain.Count - 1]) Match(cache, ps.Pattern, current, arm, fail);
        }
        if (DeclaredLocal(r, r.DeclaredSymbol) is { } local) DagStmt($"{Hoist(local, arm)} = {v.Read};");
    }

    private void MatchList(DagCache cache, IListPatternOperation l, DagValue input, SyntaxNode arm, string fail)
    {
        var v = ConvertTo(input, l.NarrowedType, fail);
        var patterns = l.Patterns;
        var onlySlice = patterns.Length == 1 && patterns[0] is ISlicePatternOperation { Pattern: null };
        if (!onlySlice)
        {
            if (l.LengthSymbol is not IPropertySymbol lengthProperty)
            {
                RefuseDag(cache, _dagOriginal(l.Syntax), "a list pattern without a Length or Count property");
                return;
            }
            var lengthKey = v.Key + "." + lengthProperty.ToDisplayString();
            var length = Evaluate(cache, lengthKey, new[] { lengthProperty.Type }, _dagOriginal(l.Syntax), w => $"{w[0]} = {v.Read}.{lengthProperty.Name};")[0];
            var hasSlice = patterns.Any(p => p is ISlicePatternOperation);
            DagStmt(hasSlice ? $"if ({length} < {patterns.Length - 1}) goto {fail};" : $"if ({length} != {patterns.Length}) goto {fail};");
            var index = 0;
            var indexer = l.IndexerSymbol as IPropertySymbol;
            var byIndex = indexer is { Parameters.Length: 1 } && indexer.Parameters[0].Type.Name == "Index" && indexer.Parameters[0].Type.ContainingNamespace?.ToDisplayString() == "System";
            foreach (var sub in patterns)
            {
                if (sub is ISlicePatternOperation slice)
                {
                    var start = index;
                    index -= patterns.Length - 1;
                    if (slice.Pattern is { } slicePattern && UsesInput(slicePattern))
                    {
                        var end = -index;
                        var key = v.Key + "[" + (slice.SliceSymbol?.ToDisplayString() ?? "range") + ":" + start + ".." + end + "]";
                        var sliceType = slicePattern.InputType;
                        var read = Evaluate(cache, key, new[] { sliceType }, _dagOriginal(slice.Syntax), w => slice.SliceSymbol is IMethodSymbol method
                            ? $"{w[0]} = {v.Read}.{method.Name}({start}, {length} - {start + end});"
                            : $"{w[0]} = {v.Read}[{start}..^{end}];");
                        Match(cache, slicePattern, new DagValue(read[0], sliceType, key, null, NeverNull: true), arm, fail);
                    }
                    continue;
                }
                var i = index++;
                if (!UsesInput(sub)) continue;
                var elementKey = v.Key + "[" + (indexer?.ToDisplayString() ?? "element") + ":" + i + "]";
                var argument = i >= 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : byIndex ? "^" + (-i).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : $"{length} - {-i}";
                var element = EvaluateElement(cache, lengthKey, elementKey, i, hasSlice ? -1 : patterns.Length, sub.InputType, _dagOriginal(sub.Syntax), $"{v.Read}[{argument}]");
                Match(cache, sub, new DagValue(element, sub.InputType, elementKey, null), arm, fail);
            }
        }
        if (DeclaredLocal(l, l.DeclaredSymbol) is { } local) DagStmt($"{Hoist(local, arm)} = {v.Read};");
    }

    /// <summary>
    /// A list element, read at most once per run of the switch, as <see cref="Evaluate"/>; and one read for an element
    /// from the start and one from the end that are the same element, where C#'s DAG makes them one: when the arm
    /// that read the first of them has no slice, its length test fixed the length on that path, and a later arm's
    /// element from the other end at that length is the value read (<c>[1, var b] when G =&gt; ..., [.., var last]
    /// =&gt; ...</c> on a list of two reads <c>[1]</c> once). Each read keeps that length (-1 after an arm with a
    /// slice) in a field, which the later read tests. Where only several arms' tests together fix the length the
    /// DAG's merged states decide, and the element is read again (docs/generator.md, Known limits).
    /// </summary>
    private string EvaluateElement(DagCache cache, string lengthKey, string key, int index, int fixedLength, ITypeSymbol type, SyntaxNode at, string readExpression)
    {
        if (!cache.Elements.TryGetValue(lengthKey, out var elements)) cache.Elements[lengthKey] = elements = new();
        var existing = elements.FirstOrDefault(e => e.Index == index);
        string? known = existing.Read is null ? null : existing.Known;
        var read = Evaluate(cache, key, new[] { type }, at, w =>
        {
            known ??= AddField("int", "_t" + (_nextTemp++), "the length the arm that read the element fixed, line " + Line(at));
            var text = "";
            foreach (var other in elements.Where(e => (e.Index < 0) != (index < 0)))
            {
                var same = index < 0 ? other.Index - index : index - other.Index;
                text += $"if ({other.Flag} && {other.Known} == {same}) {{ {w[0]} = {other.Read}; {known} = {same}; }} else ";
            }
            return text + $"{{ {w[0]} = {readExpression}; {known} = {fixedLength}; }}";
        });
        if (existing.Read is null && known is not null && cache.Values.TryGetValue(key, out var value))
            elements.Add((index, read[0], value.Flag, known));
        return read[0];
    }

    private static ITypeSymbol Stripped(ITypeSymbol? t) =>
        t is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n ? n.TypeArguments[0] : t!;

    /// <summary>The members of <c>{ A.B.C: p }</c>, A first; null when one is not a member reference.</summary>
    private static List<IMemberReferenceOperation>? MemberChain(IOperation member)
    {
        var chain = new List<IMemberReferenceOperation>();
        var m = member;
        while (m is IMemberReferenceOperation r)
        {
            chain.Insert(0, r);
            m = r.Instance;
            if (m is null or IInstanceReferenceOperation) return chain;
        }
        return null;
    }

    /// <summary>
    /// Which members of the chain C# reads: the last when <paramref name="pattern"/> tests or binds its value, an
    /// earlier one also when its value is tested for null before the next is read (Roslyn drops an evaluation
    /// nothing uses).
    /// </summary>
    private static bool[] ChainUses(List<IMemberReferenceOperation> chain, IPatternOperation pattern)
    {
        var used = new bool[chain.Count];
        used[chain.Count - 1] = UsesInput(pattern);
        for (var k = chain.Count - 2; k >= 0; k--) used[k] = used[k + 1] || CanBeNull(chain[k].Type!);
        return used;
    }

    /// <summary>
    /// Whether C# reads the value a pattern tests: a pattern that neither tests nor binds it (<c>_</c>,
    /// <c>var _</c>, <c>{ }</c> on a struct) leaves the evaluation that makes it out of the DAG.
    /// </summary>
    private static bool UsesInput(IPatternOperation p) => p switch
    {
        IDiscardPatternOperation => false,
        IDeclarationPatternOperation d => d.DeclaredSymbol is not null || (!d.MatchesNull && TestsType(d.InputType, d.MatchedType)),
        ITypePatternOperation t => TestsType(t.InputType, t.MatchedType),
        INegatedPatternOperation n => UsesInput(n.Pattern),
        IBinaryPatternOperation b => UsesInput(b.LeftPattern) || UsesInput(b.RightPattern),
        IRecursivePatternOperation r => r.DeclaredSymbol is not null || r.DeconstructSymbol is ITypeSymbol
            || TestsType(r.InputType, r.MatchedType) || r.DeconstructionSubpatterns.Any(UsesInput)
            || r.PropertySubpatterns.Any(ps => MemberChain(ps.Member) is not { } chain || ChainUses(chain, ps.Pattern)[0]),
        IListPatternOperation l => l.DeclaredSymbol is not null || TestsType(l.InputType, l.NarrowedType)
            || !(l.Patterns.Length == 1 && l.Patterns[0] is ISlicePatternOperation { Pattern: null }),
        _ => true,
    };

    /// <summary>A null test or a type test: the value can be null, or the type is not the input's own.</summary>
    private static bool TestsType(ITypeSymbol input, ITypeSymbol? matched) =>
        CanBeNull(input) || (matched is not null && !SymbolEqualityComparer.Default.Equals(input, matched) && !IsImplicitReferenceOrIdentity(input, matched));

    private static bool IsImplicitReferenceOrIdentity(ITypeSymbol from, ITypeSymbol to)
    {
        // A type test is needed unless the input's type already is the matched type or derives from it.
        if (SymbolEqualityComparer.Default.Equals(from, to) || to.SpecialType == SpecialType.System_Object) return true;
        for (var b = from.BaseType; b is not null; b = b.BaseType)
            if (SymbolEqualityComparer.Default.Equals(b, to)) return true;
        return from.AllInterfaces.Contains(to, SymbolEqualityComparer.Default);
    }
}
