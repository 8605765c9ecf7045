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
/// A left operand of a static type is tested as C# binds that test at compile time: a <c>bool</c>, or a value of a
/// type with an implicit conversion to <c>bool</c>, as a bool (through the conversion); else with its type's
/// <c>operator true</c> (<c>if (x)</c> calls it) or <c>operator false</c> (through an <c>[UnsafeAccessor]</c>,
/// FalseOperators.cs, with its limits). As the condition of an <c>if</c>,
/// <c>while</c>, <c>do</c>, <c>for</c>, <c>?:</c> or a <c>when</c> clause, C# tests <c>x || y</c> as <c>IsTrue(x) || IsTrue(Or(x, y))</c>
/// (x is not tested a second time when it is true), so there the value is that bool. A static operand whose type
/// names a type parameter of the method makes the combining helper generic (the user's type cannot name the
/// method's type parameters). An operand of an anonymous type is refused (GOSH0010): the frame keeps it as
/// <c>object</c>, and the binder would see that type instead of its own.
/// </summary>
internal sealed partial class MethodLowerer
{
    private const string CallSiteType = "global::System.Runtime.CompilerServices.CallSite";
    private const string RuntimeBinder = "global::Microsoft.CSharp.RuntimeBinder";

    private string LowerDynamicLogical(BinaryExpressionSyntax b, ITypeSymbol type)
    {
        var or = b.IsKind(SyntaxKind.LogicalOrExpression);
        var op = or ? "||" : "&&";
        var construct = $"A dynamically bound {op} whose right operand has a suspension point";
        var leftType = TypeOf(b.Left);
        var rightType = TypeOf(b.Right);
        var why = leftType is null || rightType is null ? "an operand has no type the generator can name"
            : new[] { leftType, rightType }.Any(ContainsAnonymousType)
                ? "an operand's type is or holds an anonymous type, which the call site the generator makes cannot name"
            : null;
        if (why is not null)
        {
            Report(DiagnosticDescriptors.Unsupported, b.Right,
                DiagnosticDescriptors.NotSupported(construct, $"{why}; take the right operand into a local first if evaluating it every time is right"));
            return RewriteExpr(b);
        }
        var leftDynamic = leftType!.TypeKind == TypeKind.Dynamic;
        var l = LowerExpression(b.Left);
        var left = Temp(leftType, b.Left, "left of " + op);
        Src(b.Left);
        Stmt($"{left} = {l};");
        // The left operand's test as C# binds it: the runtime binder's for a dynamic one; for a static one a bool,
        // through its implicit conversion where it has one, else its operator true (what `if (x)` calls) or false.
        var boolean = Model.Compilation.GetSpecialType(SpecialType.System_Boolean);
        var test = or || leftDynamic ? (leftDynamic && !or ? $"{DynamicFalseHelper()}((object?){left})" : left)
            : leftType.SpecialType == SpecialType.System_Boolean ? "!" + left
            : Model.Compilation.ClassifyConversion(leftType, boolean).IsImplicit ? $"!(bool){left}"
            : FalseOperatorCall(StaticFalseOperator(leftType), b, left, construct);
        if (test is null) return RewriteExpr(b);
        var condition = IsTruthTested(b) && or;
        var result = condition ? Temp(boolean, b, "value of " + op) : Temp(type, b, "value of " + op);
        var skip = NewLabel("logic");
        Hidden();
        Stmt($"{result} = {(condition ? "true" : left)};");
        Stmt($"if ({test}) goto {skip};");
        var r = LowerExpression(b.Right);
        Src(b.Right);
        // (A dynamic operand goes to the helper as object, so that the call is bound here, not by the runtime binder;
        // the helper's result is dynamic, as the operation's is.)
        string Argument(ITypeSymbol t, string value) => t.TypeKind == TypeKind.Dynamic ? $"(object?)({value})" : value;
        var combined = $"{DynamicLogicHelper(or, leftType, rightType!)}({Argument(leftType, left)}, {Argument(rightType!, r)})";
        // IsTrue(Or(x, y)): `?:` over a dynamic value is the binder's IsTrue, as C#'s condition does.
        Stmt(condition ? $"{result} = ({combined}) ? true : false;" : $"{result} = {combined};");
        Hidden();
        Label(skip);
        return result;
    }

    /// <summary>
    /// The <c>operator false</c> C# calls on a left operand of the static type <paramref name="type"/>: its own or
    /// a base class's (for a type parameter, its class constraint's); null when there is none.
    /// </summary>
    private static IMethodSymbol? StaticFalseOperator(ITypeSymbol type)
    {
        var t = type is ITypeParameterSymbol p ? p.ConstraintTypes.FirstOrDefault(c => c.TypeKind == TypeKind.Class) : type;
        for (; t is not null; t = t.BaseType)
            if (t.GetMembers("op_False").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 1
                    && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type.OriginalDefinition, t.OriginalDefinition)) is { } found)
                return found;
        return null;
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

    /// <summary>
    /// The helper that combines the operands with the runtime binder's logical <c>Or</c> or <c>And</c>. A static
    /// operand whose type names a type parameter of the method, which the user's type cannot name, is the helper's
    /// own type parameter, inferred at the call from the frame's temporary; its call site then lives in a generic
    /// class, one per instantiation, as the compiler's own call site in a generic method is.
    /// </summary>
    private string DynamicLogicHelper(bool or, ITypeSymbol left, ITypeSymbol right)
    {
        var generic = new List<string>();
        string Param(ITypeSymbol t, string name)
        {
            if (t.TypeKind == TypeKind.Dynamic) return "object?";
            if (!NamesMethodTypeParameter(t)) return t.Fq();
            generic.Add(name);
            return name;
        }
        var leftParam = Param(left, "TLeft");
        var rightParam = Param(right, "TRight");
        var signature = $"{CallSiteType}<global::System.Func<{CallSiteType}, {leftParam}, {rightParam}, object?>>";
        var typeParameters = generic.Count == 0 ? "" : "<" + string.Join(", ", generic) + ">";
        return DynamicHelper((or ? "or " : "and ") + leftParam + " " + rightParam, name =>
        {
            var site = generic.Count == 0 ? name + "_site" : $"{name}_sites{typeParameters}.Site";
            var holder = generic.Count == 0 ? $"private static {signature}? {name}_site;\n"
                : $"private static class {name}_sites{typeParameters}\n{{\n    internal static {signature}? Site;\n}}\n";
            return holder +
                $"private static dynamic? {name}{typeParameters}({leftParam} left, {rightParam} right)\n{{\n" +
                $"    var site = {site} ??= {signature}.Create({RuntimeBinder}.Binder.BinaryOperation(" +
                $"{RuntimeBinder}.CSharpBinderFlags.BinaryOperationLogical, global::System.Linq.Expressions.ExpressionType.{(or ? "Or" : "And")}, typeof({ContextType()}), " +
                $"new[] {{ {ArgumentInfo(left)}, {ArgumentInfo(right)} }}));\n" +
                "    return site.Target(site, left, right);\n}";
        });
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
