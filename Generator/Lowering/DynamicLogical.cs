using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// A dynamically bound <c>&amp;&amp;</c> or <c>||</c> (an operand is <c>dynamic</c>) whose right operand suspends.
/// C# means <c>x || y</c> as <c>IsTrue(x) ? x : Or(x, y)</c> and <c>x &amp;&amp; y</c> as
/// <c>IsFalse(x) ? x : And(x, y)</c>, where the test of a <c>dynamic</c> x and the combination are runtime-binder
/// operations, and the combination is bound as a logical one: for a type with <c>operator true</c>/<c>false</c>
/// the binder tests x again before calling <c>|</c> or <c>&amp;</c>. C# source can write neither alone
/// (<c>x | y</c> is bound as a bitwise operation, which skips that test; <c>x || y</c> would test x twice over), so
/// the user's type gets helpers that make those call sites as the compiler does
/// (<c>Binder.UnaryOperation(IsFalse)</c>, <c>Binder.BinaryOperation(BinaryOperationLogical, Or)</c>), with the
/// operands' static types where they are not <c>dynamic</c>:
/// <code>
/// before:  dynamic r = d || Tw(b);              dynamic s = d &amp;&amp; Tw(b);
/// after:   _t0 = d;                             _t2 = d;
///          _t1 = _t0;                           _t3 = _t2;
///          if (_t0) goto logic0;                if (__GoDynFalse_F_Frame_1(_t2)) goto logic1;
///          ...Tw(b)..., _r0                     ...Tw(b)..., _r1
///          _t1 = __GoDynLogic_F_Frame_0(_t0, _r0);   _t3 = __GoDynLogic_F_Frame_2(_t2, _r1);
///      logic0:                              logic1:
///          _l0_r = _t1;                         _l1_s = _t3;
/// </code>
/// A static <c>bool</c> left operand is tested as a bool, as C# does. As the condition of an <c>if</c>,
/// <c>while</c>, <c>do</c>, <c>for</c>, <c>?:</c> or a <c>when</c> clause, C# tests <c>x || y</c> as <c>IsTrue(x) || IsTrue(Or(x, y))</c>
/// (x is not tested a second time when it is true), so there the value is that bool. A left operand of another
/// static type (one with <c>operator false</c>) or an operand of a type the helper cannot name (an anonymous type,
/// a type parameter of the method) is refused (GOSH0010).
/// </summary>
internal sealed partial class MethodLowerer
{
    private const string CallSiteType = "global::System.Runtime.CompilerServices.CallSite";
    private const string RuntimeBinder = "global::Microsoft.CSharp.RuntimeBinder";

    private string LowerDynamicLogical(BinaryExpressionSyntax b, ITypeSymbol type)
    {
        var or = b.IsKind(SyntaxKind.LogicalOrExpression);
        var op = or ? "||" : "&&";
        var leftType = TypeOf(b.Left);
        var rightType = TypeOf(b.Right);
        var why = leftType is null || rightType is null ? "an operand has no type the generator can name"
            : leftType.TypeKind != TypeKind.Dynamic && leftType.SpecialType != SpecialType.System_Boolean
                ? $"its left operand is of the static type '{leftType.ToDisplayString()}', whose operator {(or ? "true" : "false")} the frame does not call"
            : new[] { leftType, rightType }.Any(t => ContainsAnonymousType(t) || NamesMethodTypeParameter(t))
                ? "an operand's type is an anonymous type or names a type parameter of the method, which the call site the generator makes cannot name"
            : null;
        if (why is not null)
        {
            Report(DiagnosticDescriptors.Unsupported, b.Right,
                DiagnosticDescriptors.NotSupported($"A dynamically bound {op} whose right operand has a suspension point",
                    $"{why}; take the right operand into a local first if evaluating it every time is right"));
            return RewriteExpr(b);
        }
        var leftDynamic = leftType!.TypeKind == TypeKind.Dynamic;
        var l = LowerExpression(b.Left);
        var left = Temp(leftType, b.Left, "left of " + op);
        Src(b.Left);
        Stmt($"{left} = {l};");
        var condition = IsTruthTested(b) && or;
        var result = condition ? Temp(Model.Compilation.GetSpecialType(SpecialType.System_Boolean), b, "value of " + op)
            : Temp(type, b, "value of " + op);
        var skip = NewLabel("logic");
        Hidden();
        Stmt($"{result} = {(condition ? "true" : left)};");
        var test = or ? left : leftDynamic ? $"{DynamicFalseHelper()}({left})" : "!" + left;
        Stmt($"if ({test}) goto {skip};");
        var r = LowerExpression(b.Right);
        Src(b.Right);
        var combined = $"{DynamicLogicHelper(or, leftType, rightType!)}({left}, {r})";
        // IsTrue(Or(x, y)): `?:` over a dynamic value is the binder's IsTrue, as C#'s condition does.
        Stmt(condition ? $"{result} = ({combined}) ? true : false;" : $"{result} = {combined};");
        Hidden();
        Label(skip);
        return result;
    }

    /// <summary>
    /// The expression is, through parentheses, the condition C# tests for truth (<c>if</c>, <c>while</c>, <c>do</c>,
    /// <c>for</c>, <c>?:</c>, and the <c>when</c> clause of a case label or a switch expression's arm, which C# binds
    /// as a condition too: taken as a value there, a true left operand was tested a second time).
    /// </summary>
    private static bool IsTruthTested(ExpressionSyntax e)
    {
        while (e.Parent is ParenthesizedExpressionSyntax p) e = p;
        return e.Parent switch
        {
            IfStatementSyntax i => i.Condition == e,
            WhileStatementSyntax w => w.Condition == e,
            DoStatementSyntax d => d.Condition == e,
            ForStatementSyntax f => f.Condition == e,
            ConditionalExpressionSyntax c => c.Condition == e,
            WhenClauseSyntax w => w.Condition == e,
            _ => false,
        };
    }

    private static bool NamesMethodTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol p => p.TypeParameterKind == TypeParameterKind.Method,
        IArrayTypeSymbol a => NamesMethodTypeParameter(a.ElementType),
        IPointerTypeSymbol p => NamesMethodTypeParameter(p.PointedAtType),
        INamedTypeSymbol n => n.TypeArguments.Any(NamesMethodTypeParameter) || n.ContainingType is { } c && NamesMethodTypeParameter(c),
        _ => false,
    };

    private readonly Dictionary<string, string> _dynamicHelperNames = new();

    /// <summary>The helper that tests a <c>dynamic</c> value with the runtime binder's <c>IsFalse</c>.</summary>
    private string DynamicFalseHelper() => DynamicHelper("false", name =>
        $"private static {CallSiteType}<global::System.Func<{CallSiteType}, object?, bool>>? {name}_site;\n" +
        $"private static bool {name}(object? value)\n{{\n" +
        $"    var site = {name}_site ??= {CallSiteType}<global::System.Func<{CallSiteType}, object?, bool>>.Create({RuntimeBinder}.Binder.UnaryOperation(" +
        $"{RuntimeBinder}.CSharpBinderFlags.None, global::System.Linq.Expressions.ExpressionType.IsFalse, typeof({ContextType()}), " +
        $"new[] {{ {ArgumentInfo(null)} }}));\n" +
        "    return site.Target(site, value);\n}");

    /// <summary>The helper that combines the operands with the runtime binder's logical <c>Or</c> or <c>And</c>.</summary>
    private string DynamicLogicHelper(bool or, ITypeSymbol left, ITypeSymbol right)
    {
        string Param(ITypeSymbol t) => t.TypeKind == TypeKind.Dynamic ? "object?" : t.Fq();
        var signature = $"{CallSiteType}<global::System.Func<{CallSiteType}, {Param(left)}, {Param(right)}, object?>>";
        return DynamicHelper((or ? "or " : "and ") + Param(left) + " " + Param(right), name =>
            $"private static {signature}? {name}_site;\n" +
            $"private static object? {name}({Param(left)} left, {Param(right)} right)\n{{\n" +
            $"    var site = {name}_site ??= {signature}.Create({RuntimeBinder}.Binder.BinaryOperation(" +
            $"{RuntimeBinder}.CSharpBinderFlags.BinaryOperationLogical, global::System.Linq.Expressions.ExpressionType.{(or ? "Or" : "And")}, typeof({ContextType()}), " +
            $"new[] {{ {ArgumentInfo(left)}, {ArgumentInfo(right)} }}));\n" +
            "    return site.Target(site, left, right);\n}");
    }

    /// <summary>A dynamic operand is bound by its runtime type; a static one by its compile-time type, as C# does.</summary>
    private static string ArgumentInfo(ITypeSymbol? type) =>
        $"{RuntimeBinder}.CSharpArgumentInfo.Create({RuntimeBinder}.CSharpArgumentInfoFlags.{(type is null || type.TypeKind == TypeKind.Dynamic ? "None" : "UseCompileTimeType")}, null)";

    /// <summary>The type whose members the binder may reach, as for the compiler's call sites: the method's type.</summary>
    private string ContextType() => _method.ContainingType.Fq();

    private string DynamicHelper(string key, System.Func<string, string> declaration)
    {
        if (_dynamicHelperNames.TryGetValue(key, out var name)) return name;
        name = $"__GoDyn_{SymbolFacts.FrameName(_method)}_{_dynamicHelperNames.Count}";
        _dynamicHelperNames[key] = name;
        OperatorAccessors.Add(declaration(name));
        return name;
    }
}
