using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Closure environments: per-iteration variables captured by lambdas in a loop that is lowered.
/// </summary>
/// <remarks>
/// In C# each entry into a scope makes its variables afresh, so a lambda created in one iteration of a loop
/// keeps that iteration's variable (a body local, the foreach variable; a <c>for</c> variable is one variable
/// for the whole loop, made afresh only when the <c>for</c> statement itself is entered again). A lowered loop
/// is a goto loop in <c>Resume</c>, and a hoisted local is one frame field: every lambda would share it. So a
/// per-iteration variable that a lambda captures lives in an environment object, as Roslyn's closures do:
/// <list type="bullet">
/// <item>one generated class <c>__Env&lt;k&gt;</c> per scope that declares such variables (the block, the
/// foreach statement for its variables, the for and using statements for their declared variables, the switch
/// statement for the locals of its sections (one scope for all sections), a switch expression whose arms suspend
/// for its arms' variables (one scope for all arms, entered each time it runs), a moved
/// catch clause for its exception variable, a while, do or for condition and an embedded if, expression, return or
/// throw statement for their out and pattern variables), nested
/// in the frame, with one field per captured variable and <c>__parent</c>, the environment of the nearest enclosing
/// such scope (for the body and incrementors of a loop whose condition has one, the condition's);</item>
/// <item>the frame field <c>_env&lt;k&gt;</c> holds the environment of the current entry of the scope; it is
/// allocated where the scope is entered (at the top of the block, before the foreach variable is assigned
/// each iteration, before the for initializers and the using resources, after a switch's governing expression, before a moved handler stores its
/// exception, before each evaluation of a loop's condition, where an embedded statement starts), so suspensions
/// inside the scope keep it;</item>
/// <item>every use in the frame's own code goes through the field (<c>_env3._l0_x</c>: its hoisted name);</item>
/// <item>an outermost lambda (or query expression, whose clauses are lambdas) that uses such variables
/// captures the environment of its own entry, not the
/// frame field: it becomes <c>((Func&lt;__Env3, D&gt;)(__env0 =&gt; lambda))(_env3)</c>, where <c>D</c> is
/// the lambda's delegate type, the environment is the innermost one it uses, and inside it (and in lambdas
/// nested in it) uses read <c>__env0._l0_x</c> or <c>__env0.__parent._l1_y</c>.</item>
/// </list>
/// Before (a foreach over a list, with a suspension in the body):
/// <code>
/// foreach (var x in xs) { var y = x * 2; Go.Yield(); fs.Add(() => x + y); }
/// </code>
/// After (sketch):
/// <code>
/// __foreach1: if (!_e0.MoveNext()) goto __break3;
/// _env0 = new __Env0();                       // the foreach variable's scope: each iteration
/// _env0._l0_x = (int)_e0.Current;
/// _env1 = new __Env1 { __parent = _env0 };    // the body block's scope
/// _env1._l1_y = _env0._l0_x * 2;
/// ...suspension...
/// _l2_fs.Add(((Func&lt;__Env1, Func&lt;int&gt;&gt;)(__env4 =&gt; () =&gt; __env4.__parent._l0_x + __env4._l1_y))(_env1));
/// </code>
/// Out vars and pattern variables of a statement directly in a block belong to that block's environment.
/// A local function (declared in the loop) that uses such variables takes the innermost environment it needs
/// as a first parameter, <c>int L(__Env1 __env5, int a) =&gt; __env5._l2_y + a;</c>, and each call passes the
/// environment of the caller's entry: <c>L(_env1, 3)</c> in the frame's code, <c>L(__env0, 3)</c> (or
/// <c>__env0.__parent</c>) in a lambda. Converted to a delegate, such a local function is bound to the environment
/// of the conversion's entry, made once per entry and delegate type and kept there (a field of the environment:
/// <see cref="LocalFunctionDelegateField"/>), so conversions in one entry are equal and those of two entries are
/// not, as in C# (RenamerClosures.cs).
/// </remarks>
internal sealed partial class MethodLowerer
{
    /// <summary>The environment of one scope: its class, the frame field that holds the current one, its variables.</summary>
    internal sealed class ClosureEnvironment
    {
        public ClosureEnvironment(int id, ClosureEnvironment? parent, string line)
        {
            TypeName = "__Env" + id;
            Parent = parent;
            Line = line;
            Depth = parent is null ? 0 : parent.Depth + 1;
        }

        public string TypeName { get; }
        public string Field { get; set; } = "";
        public ClosureEnvironment? Parent { get; }
        public int Depth { get; }
        public string Line { get; }
        public List<(string Type, string Name, string Comment)> Variables { get; } = new();
    }

    private readonly Dictionary<SyntaxNode, ClosureEnvironment> _environments = new();
    private readonly Dictionary<ISymbol, (ClosureEnvironment Env, string Name)> _environmentOf = new(SymbolEqualityComparer.Default);
    private int _nextEnvironment, _nextLambdaEnv;

    /// <summary>The class declarations of the environments, for the frame.</summary>
    public List<string> EnvironmentDeclarations { get; } = new();

    /// <summary>The environment that holds a captured per-iteration local, and its field there.</summary>
    public bool TryGetEnvironment(ISymbol local, out ClosureEnvironment env, out string field)
    {
        // (A variable the lowering never hoisted, e.g. a pattern variable used only inside the statement that is
        // copied as it is, stays a C# local of that statement, which C# makes afresh on each execution.)
        if (_environmentOf.TryGetValue(local, out var e) && e.Name.Length > 0) { env = e.Env; field = e.Name; return true; }
        env = null!;
        field = "";
        return false;
    }

    /// <summary>
    /// The innermost environment a closure (lambda or local function) reaches: of the variables it uses, and of
    /// the local functions it calls that reach one; null when none.
    /// </summary>
    public ClosureEnvironment? InnermostEnvironment(SyntaxNode closure, HashSet<IMethodSymbol>? visiting = null)
    {
        if (_environments.Count == 0) return null;   // the common case: no binding at all
        ClosureEnvironment? innermost = null;
        foreach (var id in closure.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            var symbol = Model.GetSymbolInfo(id, _ct).Symbol;
            ClosureEnvironment? env = null;
            if (symbol is ILocalSymbol local && TryGetEnvironment(local, out var e, out _)) env = e;
            else if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction } lf) env = LocalFunctionEnvironment(lf, visiting);
            if (env is not null && (innermost is null || env.Depth > innermost.Depth)) innermost = env;
        }
        return innermost;
    }

    /// <summary>The environment a local function declared in a lowered loop takes as its first parameter, or null.</summary>
    public ClosureEnvironment? LocalFunctionEnvironment(IMethodSymbol localFunction, HashSet<IMethodSymbol>? visiting = null)
    {
        if (_environments.Count == 0) return null;
        visiting ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!visiting.Add(localFunction.OriginalDefinition)) return null;
        if (localFunction.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct) is not LocalFunctionStatementSyntax decl) return null;
        if (decl.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)) return null;
        return InnermostEnvironment(decl, visiting);
    }

    private readonly Dictionary<(ClosureEnvironment, ISymbol, ITypeSymbol), string> _delegateFields = new(new DelegateKeyComparer());

    /// <summary>
    /// The field of <paramref name="env"/> that keeps the delegate of a local function converted to
    /// <paramref name="delegateType"/> in one entry (Renamer.LocalFunctionDelegate).
    /// </summary>
    public string LocalFunctionDelegateField(ClosureEnvironment env, IMethodSymbol localFunction, ITypeSymbol delegateType)
    {
        var key = (env, (ISymbol)localFunction, delegateType);
        if (_delegateFields.TryGetValue(key, out var name)) return name;
        name = $"__d{_delegateFields.Count}_{localFunction.Name}";
        _delegateFields[key] = name;
        env.Variables.Add((delegateType.Fq(), name, $"local function {localFunction.Name} as {delegateType.ToDisplayString()}, made once in this entry"));
        return name;
    }

    private sealed class DelegateKeyComparer : IEqualityComparer<(ClosureEnvironment Env, ISymbol Function, ITypeSymbol Type)>
    {
        public bool Equals((ClosureEnvironment Env, ISymbol Function, ITypeSymbol Type) x, (ClosureEnvironment Env, ISymbol Function, ITypeSymbol Type) y) =>
            x.Env == y.Env && SymbolEqualityComparer.Default.Equals(x.Function, y.Function) && SymbolEqualityComparer.Default.Equals(x.Type, y.Type);

        public int GetHashCode((ClosureEnvironment Env, ISymbol Function, ITypeSymbol Type) k) =>
            (k.Env.GetHashCode() * 31 + SymbolEqualityComparer.Default.GetHashCode(k.Function)) * 31 + SymbolEqualityComparer.Default.GetHashCode(k.Type);
    }

    /// <summary>A fresh parameter name for the environment an outermost lambda captures.</summary>
    public string LambdaEnvironmentParameter() => "__env" + (_nextLambdaEnv++);

    /// <summary>
    /// Finds the per-iteration locals that lambdas capture inside lowered loops, and gives each declaring scope
    /// an environment. Runs once, after the suspension index (a scope is lowered when it suspends).
    /// </summary>
    private void FindClosureEnvironments(SyntaxNode body)
    {
        var scopes = new HashSet<SyntaxNode>();
        var locals = new List<(ILocalSymbol Local, SyntaxNode Scope)>();
        // A goto (to a label, a case, default) can enter a nested scope again without any loop: each entry makes
        // its variables afresh in C#, so a method with one treats every nested scope as a loop body does. (The
        // method's own top block is never entered twice: a goto inside it keeps its variables.)
        bool reentered = body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<GotoStatementSyntax>().Any();
        foreach (var lambda in body.DescendantNodes().Where(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax))
        {
            if (lambda.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax)) continue;
            // Only closures in a lowered loop (a plain loop keeps C#'s own closures); binding is for those alone.
            if (!reentered && !lambda.Ancestors().Any(a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax && Suspends(a))) continue;
            // Calls and conversions of a local function in a loop are looked at by the Renamer.
            if (lambda is LocalFunctionStatementSyntax lfs) _rewriteNames.Add(lfs.Identifier.ValueText);
            foreach (var id in lambda.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (Model.GetSymbolInfo(id, _ct).Symbol is not ILocalSymbol local || local.IsConst || local.IsRef) continue;
                var decl = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct);
                if (decl is null || lambda.Span.Contains(decl.Span)) continue;
                if (ScopeOf(decl) is not { } scope || !Suspends(scope is ExpressionSyntax ? scope.Parent! : scope)) continue;
                // A switch expression whose arms do not suspend is copied as it is, its variables C#'s own.
                if (scope is SwitchExpressionSyntax se && !se.Arms.Any(a => Suspends(a))) continue;
                if (!IsPerIterationLocal(local) && !(reentered && scope != body)) continue;
                if (locals.Any(l => SymbolEqualityComparer.Default.Equals(l.Local, local))) continue;
                scopes.Add(scope);
                locals.Add((local, scope));
            }
        }
        if (scopes.Count == 0) return;
        // Outer scopes first, so that a parent environment exists before its children.
        foreach (var scope in scopes.OrderBy(s => s.SpanStart).ThenByDescending(s => s.Span.Length))
        {
            ClosureEnvironment? parent = null;
            foreach (var a in scope.Ancestors())
            {
                if (a == body) break;
                // Inside a loop whose condition has variables of its own: that entry's, nested in the loop's.
                if ((parent = ConditionEnvironmentAround(scope, a)) is not null) break;
                if (_environments.TryGetValue(a, out parent)) break;
            }
            var env = new ClosureEnvironment(_nextEnvironment++, parent, Line(scope));
            env.Field = AddField(env.TypeName, "_env" + (_nextEnvironment - 1), $"closure environment of the scope on line {env.Line} (current entry)");
            _environments[scope] = env;
        }
        foreach (var (local, scope) in locals)
            _environmentOf[local] = (_environments[scope], "");
    }

    /// <summary>The scope whose every entry makes the local afresh: its block, its foreach, its for. Else null (not supported).</summary>
    private static SyntaxNode? ScopeOf(SyntaxNode decl) => decl switch
    {
        ForEachStatementSyntax fe => fe,
        CatchDeclarationSyntax { Parent: CatchClauseSyntax c } => c,
        SingleVariableDesignationSyntax d when d.Ancestors().OfType<ForEachVariableStatementSyntax>().FirstOrDefault() is { } fv
            && fv.Variable.Span.Contains(d.Span) => fv,
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: ForStatementSyntax f } } => f,
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax b } } } => b,
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: UsingStatementSyntax u } } => u,
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax { Parent: SwitchSectionSyntax { Parent: SwitchStatementSyntax sw } } } } => sw,
        SingleVariableDesignationSyntax d => ExpressionVariableScope(d),
        _ => null,
    };

    /// <summary>
    /// An out var or pattern variable of a statement directly in a block (an expression statement, a local
    /// declaration, an if, a return): its scope is that block (C#'s wider scope for expression variables); of a
    /// case label, the switch statement; of a while, do or for loop's condition, that condition (one entry per
    /// evaluation); of an embedded statement (an if, expression, return or throw statement that is a loop's body or
    /// an if's branch), that statement; of a switch expression arm, the switch expression. Others (in a for's
    /// incrementors, a switch section) are not supported.
    /// </summary>
    private static SyntaxNode? ExpressionVariableScope(SingleVariableDesignationSyntax d)
    {
        // A pattern variable of a case label (its pattern or its when clause) is made afresh each time the switch
        // runs its labels: it belongs to the switch statement's environment, entered after the governing
        // expression, before the labels are tested (the dispatch copies the variables into it).
        if (d.Ancestors().OfType<CasePatternSwitchLabelSyntax>().FirstOrDefault() is { Parent: SwitchSectionSyntax { Parent: SwitchStatementSyntax sw } } label
            && !d.Ancestors().TakeWhile(a => a != label).Any(a => a is AnonymousFunctionExpressionSyntax or SwitchExpressionArmSyntax or QueryExpressionSyntax))
            return sw;
        // A switch expression arm's variable (its pattern's, its guard's, its value's) is made afresh each time the
        // switch expression runs: it belongs to the switch expression's environment, entered after the governing
        // value (SwitchLowering.LowerSwitchExpression), when its arms are lowered.
        if (d.Ancestors().FirstOrDefault(a => a is StatementSyntax or AnonymousFunctionExpressionSyntax or SwitchExpressionArmSyntax or QueryExpressionSyntax)
            is SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax se })
            return se;
        var statement = d.Ancestors().OfType<StatementSyntax>().FirstOrDefault();
        if (statement is null) return null;
        if (d.Ancestors().TakeWhile(a => a != statement).Any(a => a is AnonymousFunctionExpressionSyntax or SwitchExpressionArmSyntax or QueryExpressionSyntax)) return null;
        // A loop's condition: C# makes its variables afresh each time the condition is evaluated (each iteration);
        // the condition is a scope of its own, entered just before it is evaluated (LoopLowering).
        var condition = LoopCondition(statement);
        if (condition is not null && condition.Span.Contains(d.Span)) return condition;
        if (statement is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
            or SwitchStatementSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax) return null;
        return statement.Parent switch
        {
            BlockSyntax b => b,
            // An embedded statement (a loop's body, a branch of an if) is a scope of its own, entered each time it
            // runs (StatementLowering.LowerStatement).
            WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax or IfStatementSyntax or ElseClauseSyntax
                when IsEmbeddedScope(statement) => statement,
            _ => null,
        };
    }

    /// <summary>A statement that is a closure environment's scope of its own when embedded (not in a block): its expression variables'.</summary>
    private static bool IsEmbeddedScope(StatementSyntax s) =>
        s is IfStatementSyntax or ExpressionStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax && s.Parent is not BlockSyntax;

    /// <summary>The condition of a while, do or for loop, or null.</summary>
    private static ExpressionSyntax? LoopCondition(SyntaxNode loop) => loop switch
    {
        WhileStatementSyntax w => w.Condition,
        DoStatementSyntax d => d.Condition,
        ForStatementSyntax f => f.Condition,
        _ => null,
    };

    /// <summary>A loop condition's environment, for a scope inside that loop's body (or a for's incrementors), or null.</summary>
    private ClosureEnvironment? ConditionEnvironmentAround(SyntaxNode scope, SyntaxNode loop)
    {
        if (LoopCondition(loop) is not { } condition || !_environments.TryGetValue(condition, out var env)) return null;
        if (condition.Span.Contains(scope.Span)) return null;
        return loop switch
        {
            WhileStatementSyntax w when w.Statement.Span.Contains(scope.Span) => env,
            ForStatementSyntax f when f.Statement.Span.Contains(scope.Span) || f.Incrementors.Any(i => i.Span.Contains(scope.Span)) => env,
            _ => null,
        };
    }

    /// <summary>A local's place in its environment (<c>_env3._l0_x</c>), or null when it has none.</summary>
    private string? HoistIntoEnvironment(ILocalSymbol local, string type, string name, string comment)
    {
        if (!_environmentOf.TryGetValue(local, out var e)) return null;
        var env = e.Env;
        env.Variables.Add((type, name, comment));
        _environmentOf[local] = (env, name);
        return env.Field + "." + name;
    }

    /// <summary>Where a scope is entered: a fresh environment for this entry, chained to the enclosing one.</summary>
    private void EnterEnvironment(SyntaxNode scope)
    {
        if (!_environments.TryGetValue(scope, out var env)) return;
        Hidden();
        Stmt(env.Parent is null
            ? $"{env.Field} = new {env.TypeName}();"
            : $"{env.Field} = new {env.TypeName} {{ __parent = {env.Parent.Field} }};");
    }

    private void DeclareEnvironments()
    {
        foreach (var env in _environments.Values.OrderBy(e => e.TypeName.Length).ThenBy(e => e.TypeName, System.StringComparer.Ordinal))
        {
            var sb = new System.Text.StringBuilder();
            sb.Append($"/// <summary>Captured variables of one entry of the scope on line {env.Line} (generated closure environment).</summary>\n");
            sb.Append($"private sealed class {env.TypeName}\n{{\n");
            if (env.Parent is not null) sb.Append($"    public {env.Parent.TypeName} __parent;\n");
            foreach (var (type, name, comment) in env.Variables) sb.Append($"    public {type} {name}; // {comment}\n");
            sb.Append("}");
            EnvironmentDeclarations.Add(sb.ToString());
        }
    }
}
