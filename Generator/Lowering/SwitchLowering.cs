using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// switch statements and switch expressions with a suspension point. A statement switch becomes a real
/// switch that only jumps to section labels (or, when a case guard suspends, a sequence of tests in source
/// order); a switch expression whose arms suspend becomes tests in order into a result temporary.
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// A pattern variable as code reads it, which the arm's copy into its frame field names: <c>@sbyte</c> for one named
    /// by a keyword (Rationals' <c>case sbyte @sbyte:</c>); the Renamer's name for one named <c>_this</c>, whose
    /// designation in the rewritten pattern it renames (RenamerThisNames.cs), since <c>_this</c> there is the frame's
    /// field.
    /// </summary>
    private static string VariableName(ISymbol variable) =>
        variable.Name == Renamer.ThisField ? Renamer.UserThisName
        : SyntaxFacts.GetKeywordKind(variable.Name) == SyntaxKind.None ? variable.Name : "@" + variable.Name;

    private void LowerSwitch(SwitchStatementSyntax sw)
    {
        HoistDesignations(sw.Expression);
        var gov = LowerExpression(sw.Expression);
        EnterEnvironment(sw);
        var guardsSuspend = sw.Sections.SelectMany(x => x.Labels).OfType<CasePatternSwitchLabelSyntax>()
            .Any(l => l.WhenClause is not null && HasSuspension(l.WhenClause.Condition));
        // A ref struct value is matched as made, once, by the switch below (StackOnlyPatternVariables.cs): only
        // guards that suspend test it again.
        if (guardsSuspend || HasSuspension(sw.Expression) && !SymbolFacts.IsRefLike(TypeOf(sw.Expression)))
        {
            // A governing value of an anonymous type waits in an object field, read back by example (AnonymousTypes.cs).
            var (t, read) = ValueTemp(TypeOf(sw.Expression), sw.Expression, "switch value");
            // Under the switch head's directive, the value on its own line (ArgumentLines.Lead): the user's calls in
            // it were in hidden text, their [CallerLineNumber] and sequence points lost.
            Src(sw.Expression);
            Stmt($"{t} = {ArgumentLines.Lead(sw.Expression, sw.CloseParenToken.RawKind != 0 ? sw.SwitchKeyword.SpanStart : sw.Expression.SpanStart, "")}{gov};");
            gov = read;
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

        if (guardsSuspend)
        {
            var govType = TypeOf(sw.Expression);
            WithDagCache(sw.Expression, cache => EmitSequentialDispatch(sw, gov, govType, sectionLabels, target, brk, cache));
        }
        else
        {
            // A span governing value a section reads as its case's variable (`case var sp when ...: x += sp[0] +
            // Tw(1);`) is made into a local of Resume first, which that variable then is (StackOnlyPatternVariables.cs).
            var wholeValues = SymbolFacts.IsRefLike(TypeOf(sw.Expression)) ? SectionsReadingTheValue(sw) : new List<ILocalSymbol>();
            if (wholeValues.Count > 0)
            {
                var made = "_l" + (_nextLocal++) + "_switch";
                Src(sw.Expression);
                Stmt($"{TypeOf(sw.Expression)!.Fq()} {made} = {gov};");
                gov = made;
                foreach (var v in wholeValues)
                {
                    _stackLocals[v] = made;
                    _hoisted[v] = made;
                    _rewriteNames.Add(v.Name);
                }
            }
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
                            var designations = ArmDesignations(cpl.Pattern);
                            var guardVariables = GuardVariables(cpl.WhenClause);
                            var excluded = new HashSet<ISymbol>(designations.Concat(guardVariables), SymbolEqualityComparer.Default);
                            designations.AddRange(UsedAfterGuard(guardVariables, sw.Sections[i].Statements));
                            // A span variable only the label reads is not copied out; one a section without a
                            // suspension point reads too has the section run in the case (StackOnlyPatternVariables.cs).
                            var section = sw.Sections[i];
                            var runsInCase = section.Labels.Count == 1 && !section.Statements.Any(Suspends);
                            var inPlace = StackOnlyTestVariables(cpl.Pattern, cpl.WhenClause?.Condition, runsInCase ? cpl : section);
                            runsInCase &= inPlace.Any(v => MentionsLocal(section, v));
                            designations.RemoveAll(d => inPlace.Contains(d) || wholeValues.Contains(d, SymbolEqualityComparer.Default));
                            var pattern = Rewrite(cpl.Pattern, cpl, null, excluded);
                            var when = cpl.WhenClause is null ? "" : " when (" + MappedExpression(cpl.WhenClause.Condition, InContext(Rewrite(cpl.WhenClause.Condition, cpl, null, excluded))) + ")";
                            var copies = string.Concat(designations.Select(d => $"{Hoist(d, cpl)} = {VariableName(d)}; "));
                            if (!runsInCase)
                            {
                                _w.Line($"case {pattern}{when}: {copies}goto {sectionLabels[i]};");
                                break;
                            }
                            _w.Open($"case {pattern}{when}:");
                            if (copies.Length > 0) Stmt(copies);
                            _targets.Add(target);
                            LowerBlock(section.Statements, 0);
                            _targets.RemoveAt(_targets.Count - 1);
                            _w.Close();
                            Hidden();
                            Stmt($"goto {brk};");
                            sectionLabels[i] = null!;
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
            if (sectionLabels[i] is null) continue; // run in its case
            Label(sectionLabels[i]);
            LowerBlock(sw.Sections[i].Statements, 0);
        }
        _targets.RemoveAt(_targets.Count - 1);
        Hidden();
        Label(brk);
    }

    /// <summary>
    /// The dispatch of a switch whose case guards suspend: the labels are tested one by one, in source order
    /// (a guard runs only when its pattern matched, as in C#), over C#'s DAG values read once
    /// (DecisionDagLowering.cs); default applies when nothing matched.
    /// </summary>
    private void EmitSequentialDispatch(SwitchStatementSyntax sw, string gov, ITypeSymbol? govType, List<string> sectionLabels, JumpTarget target, string brk, DagCache cache)
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
                        Src(cpl);
                        if (govType is not null)
                            MatchArm(cache, cpl.Pattern, (Model.GetOperation(cpl) as IPatternCaseClauseOperation)?.Pattern, gov, govType, cpl, next);
                        else
                            RefuseDag(cache, cpl, "a label the generator cannot see");
                        if (cpl.WhenClause is not null)
                        {
                            // Variables the guard declares (x is int y && Tw(y) > 2) live across its suspension and
                            // into the section: frame fields.
                            HoistDesignations(cpl.WhenClause.Condition);
                            var guard = Truth(cpl.WhenClause.Condition, LowerExpression(cpl.WhenClause.Condition));
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

    /// <summary>
    /// A switch expression whose arms suspend. The value is kept in a temporary. When no guard suspends, C#'s own
    /// pattern matching picks the arm, once: a plain <c>switch</c> statement whose cases (patterns and guards as
    /// written) only copy the pattern variables into their frame fields and jump to the arm, so every property,
    /// <c>Deconstruct</c>, <c>Length</c> and indexer is read as C#'s one decision DAG reads it.
    /// <code>
    /// before: r = p switch { { X: 2 } => Tw("two"), { X: var a } when a > 0 => "pos", _ => "other" };
    /// after:  _v = p;
    ///         switch (_v) { case { X: 2 }: goto __arm1_0; case { X: var a } when (a > 0): _l3_a = a; goto __arm1_1;
    ///                       case var _: goto __arm1_2; }
    ///         throw new SwitchExpressionException((object)_v);
    ///         __arm1_0: _t = Tw("two") (lowered, may suspend); goto end; __arm1_1: _t = "pos"; goto end; ...
    /// </code>
    /// When a guard suspends, the arms are tested one by one (SwitchGuardLowering.cs).
    /// </summary>
    private string LowerSwitchExpression(SwitchExpressionSyntax se)
    {
        // A value whose type holds an anonymous type (the governing value, the result) waits in an object field
        // and is read back by example (AnonymousTypes.cs).
        var inPlace = MatchesStackOnlyValueInPlace(se);
        var g = LowerExpression(se.GoverningExpression);
        string v, govRead;
        if (inPlace) v = govRead = g;
        else
        {
            (v, govRead) = ValueTemp(TypeOf(se.GoverningExpression), se.GoverningExpression, "switch expression value");
            Src(se.GoverningExpression);
            Stmt($"{v} = {g};");
        }
        // Its arms' variables are made afresh each time it runs: captured in a lowered loop, they live in an
        // environment of this evaluation (ClosureEnvironments.cs).
        EnterEnvironment(se);
        var (result, read) = ValueTemp(TypeOf(se), se, "value of the switch expression");
        var end = NewLabel("switchexprend");
        if (!se.Arms.Any(a => a.WhenClause is not null && HasSuspension(a.WhenClause.Condition)))
        {
            var armLabels = se.Arms.Select(_ => NewLabel("arm")).ToList();
            Src(se);
            _w.Open($"switch ({govRead})");
            for (var i = 0; i < se.Arms.Count; i++)
            {
                var arm = se.Arms[i];
                // The pattern's variables and the guard's (when x is int y) are copied out of the case: the arm's value
                // may suspend before it uses them.
                var designations = ArmDesignations(arm.Pattern);
                var guardVariables = GuardVariables(arm.WhenClause);
                var excluded = new HashSet<ISymbol>(designations.Concat(guardVariables), SymbolEqualityComparer.Default);
                designations.AddRange(UsedAfterGuard(guardVariables, arm.Expression));
                designations.RemoveAll(StackOnlyTestVariables(arm.Pattern, arm.WhenClause?.Condition, arm).Contains);
                var pattern = arm.Pattern is DiscardPatternSyntax ? "var _" : Rewrite(arm.Pattern, arm, null, excluded);
                var when = arm.WhenClause is null ? "" : " when (" + MappedExpression(arm.WhenClause.Condition, InContext(Rewrite(arm.WhenClause.Condition, arm, null, excluded))) + ")";
                var copies = string.Concat(designations.Select(d => $"{Hoist(d, arm)} = {VariableName(d)}; "));
                _w.Line($"case {pattern}{when}: {copies}goto {armLabels[i]};");
            }
            _w.Close();
            Hidden();
            // C# throws without the value when it is a ref struct (it cannot be boxed).
            Stmt(inPlace ? "throw new global::System.Runtime.CompilerServices.SwitchExpressionException();"
                : $"throw new global::System.Runtime.CompilerServices.SwitchExpressionException((object){v});");
            for (var i = 0; i < se.Arms.Count; i++)
            {
                Label(armLabels[i]);
                HoistDesignations(se.Arms[i].Expression); // (o is int q && Tw(q) > 1) ? "q" + q : ..., out var u
                var value = LowerExpression(se.Arms[i].Expression);
                Src(se.Arms[i].Expression);
                Stmt($"{result} = {value};");
                Hidden();
                Stmt($"goto {end};");
            }
            Label(end);
            return read;
        }
        WithDagCache(se.GoverningExpression, cache => LowerSwitchExpressionArmByArm(se, v, govRead, result, end, cache));
        return read;
    }

    private List<ILocalSymbol> ArmDesignations(SyntaxNode pattern) =>
        pattern.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>()
            .Select(d => Model.GetDeclaredSymbol(d)).OfType<ILocalSymbol>().ToList();

    private List<ILocalSymbol> GuardVariables(WhenClauseSyntax? when) =>
        when is null ? new List<ILocalSymbol>() : Designations(when.Condition).Select(d => Model.GetDeclaredSymbol(d)).OfType<ILocalSymbol>().ToList();

    /// <summary>
    /// The variables a guard declares that the arm or section reads before writing them, which are the ones worth
    /// copying out of the case. Unlike a pattern's, a guard's variable need not be assigned when the guard is true
    /// (<c>when w > (c ? (x is var v ? v : 1) : 2)</c>): a copy of every one would read an unassigned variable
    /// (CS0165), and C# has already proved that a variable flowing into the arm is assigned.
    /// </summary>
    private IEnumerable<ILocalSymbol> UsedAfterGuard(List<ILocalSymbol> guardVariables, SyntaxNode armExpression) =>
        UsedAfterGuard(guardVariables, Model.AnalyzeDataFlow(armExpression));

    private IEnumerable<ILocalSymbol> UsedAfterGuard(List<ILocalSymbol> guardVariables, SyntaxList<StatementSyntax> section) =>
        section.Count == 0 ? Enumerable.Empty<ILocalSymbol>() : UsedAfterGuard(guardVariables, Model.AnalyzeDataFlow(section.First(), section.Last()));

    private static IEnumerable<ILocalSymbol> UsedAfterGuard(List<ILocalSymbol> guardVariables, DataFlowAnalysis? flow) =>
        flow is { Succeeded: true } ? guardVariables.Where(v => flow.DataFlowsIn.Contains(v, SymbolEqualityComparer.Default)) : guardVariables;

    private void LowerSwitchExpressionArmByArm(SwitchExpressionSyntax se, string v, string govRead, string result, string end, DagCache cache)
    {
        var govType = TypeOf(se.GoverningExpression);
        foreach (var arm in se.Arms)
        {
            var next = NewLabel("nextarm");
            HoistDesignations(arm.Pattern);
            Src(arm);
            if (govType is not null)
                MatchArm(cache, arm.Pattern, (Model.GetOperation(arm) as ISwitchExpressionArmOperation)?.Pattern, govRead, govType, arm, next);
            else
                RefuseDag(cache, arm, "an arm the generator cannot see");
            if (arm.WhenClause is not null)
            {
                HoistDesignations(arm.WhenClause.Condition);
                var guard = Truth(arm.WhenClause.Condition, LowerExpression(arm.WhenClause.Condition));
                Src(arm.WhenClause);
                Stmt($"if (!({guard})) goto {next};");
            }
            HoistDesignations(arm.Expression);
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
    }
}
