using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// <c>with</c> expressions whose member values suspend. C# evaluates the receiver, clones it (a record class through
/// its <c>&lt;Clone&gt;$</c>, which runs the copy constructor; a struct by copying), then evaluates and assigns each
/// member in order, so a value that changes the receiver is not seen by the clone, and the copy constructor runs
/// once, before any value.
/// <code>
/// before:  var b2 = b with { A = Tw(1), C = n };
/// after (a record class without a copy constructor of its own):
///          _t1 = b; _t1 = _t1 with { };           // the clone, before the values
///          ... _t2 = Tw(1) (lowered) ...
///          _l0_b2 = _t1 with { A = _t2, C = _p_n };   // cloned again: the same values, no user code runs
/// after (a record class whose copy constructor is its own, or a base record's: a second clone would run it again;
/// or one whose set member has an accessor with a body, which C# runs before the later values):
///          _t1 = b; _t1 = _t1 with { };           // the clone, once
///          ... _t2 = Tw(1) (lowered) ...
///          __GoInit_F_Frame_0(_t1, _t2);           // an init accessor, called through [UnsafeAccessor]
///          _t1.C = _p_n;                            // a settable member, assigned
///          _l0_b2 = _t1;
/// after (a struct that sets a member whose accessor has a body before a suspending value; else its copy is made
/// with all the values at the end, as for a record class without a copy constructor):
///          _t1 = s;                                 // the copy, its clone
///          __GoInit_F_Frame_0(ref _t1, _p_a);       // Y's init accessor, on the copy itself
///          ... _t2 = Tw(b) (lowered) ...
///          _t1.X = _t2;
///          _l0_s2 = _t1;
/// </code>
/// C# can name an <c>init</c> accessor only in an initializer; the <c>[UnsafeAccessor(Method, Name = "set_A")]</c>
/// the user's type gets calls it as the compiler's lowering does (a virtual or abstract one virtually, as C# does;
/// refused before .NET 10, whose JIT fixed a crash on such calls). A generic record's accessor is a member of a
/// generic class nested in the user's type, with the record's type parameters and constraints (the runtime's rule for generic
/// targets, .NET 9 on), called with the record's type arguments: <c>__GoInit_F_Frame_0&lt;int&gt;.Call(_t1, _t2)</c>;
/// in a generic user type, whose type parameters the nested class would carry too, one declaring only the record's
/// own for a record nested in the user's type, else a <c>file</c> class beside the user's type in the frame's file
/// (refused where neither can name the record; <see cref="AccessorHome"/>); refused on a target without the attribute.
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>The <c>[UnsafeAccessor]</c>s to init accessors the user's type gets, as declarations.</summary>
    public List<string> InitAccessors { get; } = new();

    /// <summary>
    /// The <c>[UnsafeAccessor]</c>s to init accessors of a generic type set in a generic user type, as file-local
    /// classes of the frame's file: nested in the user's type, the class would carry its type parameters too, which
    /// the runtime's rule for a generic target (the declaring class has exactly the target's type parameters) refuses.
    /// </summary>
    public List<string> FileInitAccessors { get; } = new();

    /// <summary>The accessors declared, by the property's definition and where the accessor is (<see cref="AccessorKey"/>).</summary>
    private readonly Dictionary<string, string> _initAccessorNames = new();

    /// <summary>
    /// One accessor per member and home: a type used in a generic user's type with its own type parameters, and
    /// with others, gets a nested class for the first and a <c>file</c> class for the second.
    /// </summary>
    private string AccessorKey(ISymbol definition, INamedTypeSymbol target)
    {
        var (declared, _, level) = AccessorHome(target);
        return $"{definition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}|{definition.ToDisplayString()}|{declared.Count}|{level}";
    }

    private string LowerWith(WithExpressionSyntax w)
    {
        var type = TypeOf(w.Expression);
        var operands = new List<ExpressionSyntax> { w.Expression };
        foreach (var init in w.Initializer.Expressions)
        {
            if (init is AssignmentExpressionSyntax asg) operands.Add(asg.Right);
            else { Report(DiagnosticDescriptors.Unsupported, init, DiagnosticDescriptors.NotYet("This with expression member")); return RewriteExpr(w); }
        }
        if (type is INamedTypeSymbol { IsRecord: true, IsReferenceType: true } record && operands.Skip(1).Any(HasSuspension))
        {
            if (HasOwnCopyConstructor(record) || SetsThroughCode(w)) return LowerWithThroughOneClone(w, record);
            var recv = LowerExpression(w.Expression);
            var (clone, cloneRead) = ValueTemp(type, w.Expression, "clone of the with expression's receiver");
            Src(w.Expression);
            Stmt($"{clone} = {recv};");
            Stmt($"{clone} = {cloneRead} with {{ }};");
            var rest = LowerOperands(operands.Skip(1).ToList());
            rest[w.Expression] = cloneRead;
            return RewriteExpr(w, rest);
        }
        // A struct copied with all the values at the end would run that accessor after the later values, where C#
        // runs it between them: the copy is made first and each member set on it in turn, as C# does.
        if (type is INamedTypeSymbol { IsValueType: true } structType && StructSetterBeforeSuspendingValue(w) is not null)
            return LowerWithThroughOneClone(w, structType);
        var repl = LowerOperands(operands);
        return RewriteExpr(w, repl);
    }

    // `s with { Y = a, X = Tw(b) }` of a struct whose Y accessor has a body (see SetterBeforeSuspendingValue).
    private AssignmentExpressionSyntax? StructSetterBeforeSuspendingValue(WithExpressionSyntax w)
    {
        if (TypeOf(w.Expression) is not { IsValueType: true }) return null;
        var sets = w.Initializer.Expressions.OfType<AssignmentExpressionSyntax>().ToList();
        var lastSuspending = sets.FindLastIndex(e => HasSuspension(e.Right));
        for (var i = 0; i < lastSuspending; i++)
            if (Model.GetSymbolInfo(sets[i].Left, _ct).Symbol is IPropertySymbol { SetMethod: { } accessor } && !IsAutoAccessor(accessor))
                return sets[i];
        return null;
    }

    /// <summary>Whether cloning <paramref name="record"/> runs a copy constructor the user wrote (its own or a base record's).</summary>
    private static bool HasOwnCopyConstructor(INamedTypeSymbol record)
    {
        for (var t = record; t is { IsRecord: true }; t = t.BaseType)
            if (t.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, t)))
                return true;
        return false;
    }

    /// <summary>
    /// Whether a member the with expression sets has an accessor with a body in the source (an init or set accessor
    /// that logs, validates or computes): C# runs it right after its value, before the later values, so the members
    /// are set one by one on the one clone; cloned again with all the values at the end, every accessor ran after
    /// every value (an init that logs came after a later value's suspension point and its side effects).
    /// </summary>
    private bool SetsThroughCode(WithExpressionSyntax w) =>
        w.Initializer.Expressions.OfType<AssignmentExpressionSyntax>().Any(init =>
            Model.GetSymbolInfo(init.Left, _ct).Symbol is IPropertySymbol { SetMethod: { } setter }
            && setter.DeclaringSyntaxReferences.Any(r => r.GetSyntax(_ct) is AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null }));

    /// <summary>The clone made once, then each member assigned in order (see the class comment).</summary>
    private string LowerWithThroughOneClone(WithExpressionSyntax w, INamedTypeSymbol record)
    {
        // Each member's assignment, given the clone and the value: an init accessor through its [UnsafeAccessor],
        // anything else assigned as written.
        var setters = new List<(ExpressionSyntax Value, string Member, string? Accessor)>();
        foreach (var init in w.Initializer.Expressions.Cast<AssignmentExpressionSyntax>())
        {
            string? accessor = null;
            if (Model.GetSymbolInfo(init.Left, _ct).Symbol is IPropertySymbol { SetMethod.IsInitOnly: true } p)
            {
                accessor = record.IsValueType ? InitAccessor(p, init, StructWithConstruct, StructWithScheme)
                    // Named by why the clone is made once: its copy constructor, else a member's accessor with a body.
                    : HasOwnCopyConstructor(record) ? InitAccessor(p, init) : InitAccessor(p, init, WithSetterConstruct, WithScheme);
                if (accessor is null) return RewriteExpr(w);
            }
            setters.Add((init.Right, init.Left.ToString().Trim(), accessor));
        }
        var recv = LowerExpression(w.Expression);
        var clone = Temp(record, w.Expression, "clone of the with expression's receiver");
        Src(w.Expression);
        Stmt($"{clone} = {recv};");
        // A struct's copy into the temporary is its clone.
        if (!record.IsValueType) Stmt($"{clone} = {clone} with {{ }};");
        foreach (var (value, member, accessor) in setters)
        {
            var v = LowerExpression(value);
            Src(value.Parent!);
            Stmt(accessor is null ? $"{clone}.{member} = {v};" : InitCall(accessor, clone, v));
        }
        return clone;
    }

    private const string StructWithConstruct = "A with expression on a struct that sets a member whose accessor runs code before a suspending value";
    private const string StructWithScheme = "the struct is copied first, then each member is set on the copy in order, an init-only one through an [UnsafeAccessor]";

    private const string WithConstruct = "A with expression with a suspension point on a record with its own copy constructor";
    private const string WithSetterConstruct = "A with expression with a suspension point on a record that sets a member whose accessor runs code";
    private const string WithScheme = "the record is cloned once, before the values, then each init-only member is set through an [UnsafeAccessor]";

    /// <summary>
    /// What calls <paramref name="property"/>'s init accessor on an object (a method of the user's type, or of a
    /// generic class nested in it for a generic type: the runtime matches a generic type's accessor by the type
    /// parameters of the class that declares it); null when refused (reported at <paramref name="at"/> as
    /// <paramref name="construct"/>, lowered by <paramref name="scheme"/>, which the reason follows).
    /// </summary>
    private string? InitAccessor(IPropertySymbol property, SyntaxNode at, string construct = WithConstruct, string scheme = WithScheme)
    {
        var definition = property.OriginalDefinition;
        if (InitAccessorRefusal(property) is { } why)
        {
            Report(DiagnosticDescriptors.Unsupported, at,
                DiagnosticDescriptors.NotSupported(construct, $"{scheme}, and here {why}; take the suspending values into locals first"));
            return null;
        }
        var key = AccessorKey(definition, property.ContainingType);
        if (!_initAccessorNames.TryGetValue(key, out var name))
        {
            name = $"__GoInit_{SymbolFacts.FrameName(_method)}_{_initAccessorNames.Count}";
            var attributeText = $"[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = \"{definition.SetMethod!.MetadataName}\")]";
            // A struct's accessor sets the variable it is given: its `this` is passed by reference, as the runtime
            // asks of an instance member of a value type.
            var byRef = definition.ContainingType.IsValueType ? "ref " : "";
            var signature = $"static extern void {{0}}({byRef}{definition.ContainingType.Fq()} @this, {definition.Type.Fq()} value);";
            name = DeclareAccessor(name, definition.ContainingType, attributeText, signature);
            _initAccessorNames[key] = name;
        }
        var call = AccessorCall(name, property.ContainingType);
        if (property.ContainingType.IsValueType) _byRefInitAccessors.Add(call);
        return call;
    }

    /// <summary>The init accessors (as <see cref="InitAccessor"/> names them) that take a struct's variable by reference.</summary>
    private readonly HashSet<string> _byRefInitAccessors = new();

    /// <summary>A call of the init accessor <paramref name="accessor"/> that sets <paramref name="target"/>'s member to <paramref name="value"/>.</summary>
    private string InitCall(string accessor, string target, string value) =>
        $"{accessor}({(_byRefInitAccessors.Contains(accessor) ? "ref " : "")}{target}, {value});";

    /// <summary>Why <paramref name="property"/>'s init accessor cannot be called through an [UnsafeAccessor] here; null when it can.</summary>
    private string? InitAccessorRefusal(IPropertySymbol property) =>
        AccessorHomeRefusal(property.ContainingType, new[] { property.OriginalDefinition.Type })
            // A virtual accessor is called virtually, as C# calls it; .NET 8 and 9's JIT could crash on such a
            // call (dotnet/runtime#101643).
            ?? ((property.IsVirtual || property.IsAbstract || property.IsOverride) && UnsafeAccessorRuntime() < 10 ? "the property is virtual and [UnsafeAccessor] calls a virtual accessor reliably only from .NET 10 on"
            : property.SetMethod is null || property.IsStatic ? "the member has no init accessor"
            : null);
}
