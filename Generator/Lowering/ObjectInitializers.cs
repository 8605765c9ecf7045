using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Object creations whose arguments or initializers suspend: <c>new T(args) { X = v, [k] = v, I = { ... }, Items =
/// { a, b } }</c> becomes the creation into a temporary and one statement per member, in C#'s order; an initializer
/// that sets init-only or required members is one expression over values spilled first.
/// <code>
/// before:  var o = new Obj { X = Tw(1), D = { ["k"] = Tw(2) } };
/// after:   _t0 = new Obj(); ...Tw(1)...; _t0.X = _r1; _t2 = _t0.D; ...Tw(2)...; _t2["k"] = _r3; _l0_o = _t0;
/// </code>
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// <c>I = { X = v, Items = { a, b } }</c> inside an object initializer: members of the object that <c>o.I</c>
    /// returns are assigned, and its collection added to, in order; like C#, <c>o.I</c> is read again for each
    /// element.
    /// </summary>
    private void LowerNestedInitializer(string member, InitializerExpressionSyntax nested)
    {
        var isCollection = nested.IsKind(SyntaxKind.CollectionInitializerExpression);
        foreach (var init in nested.Expressions)
        {
            if (!isCollection && init is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } asg)
            {
                if (asg.Right is InitializerExpressionSyntax deeper)
                {
                    LowerNestedInitializer($"{member}.{name.Identifier.Text}", deeper);
                    continue;
                }
                var v = LowerExpression(asg.Right);
                Src(init);
                Stmt($"{member}.{name.Identifier.Text} = {v};");
            }
            else if (!isCollection && init is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax index, Right: not InitializerExpressionSyntax } ia
                && nested.Parent is AssignmentExpressionSyntax { Left: var owner } && TypeOf(owner) is { } ownerType)
            {
                // D = { [k] = v }: C# evaluates the index arguments, then reads o.D, then the value, then calls the setter.
                var indexes = SpilledIndexes(index);
                string receiver;
                if (ownerType.IsValueType)
                {
                    // S = { [k] = v } of a struct field (C# refuses it on a property, CS1918): the field's own indexer,
                    // the variable itself, as C# sets it.
                    receiver = member;
                }
                else
                {
                    receiver = Temp(ownerType, owner, "receiver of a nested index initializer");
                    Src(init);
                    Stmt($"{receiver} = {member};");
                    // A type parameter's field may hold either: the variable for a struct, the object read first for a class.
                    if (!ownerType.IsReferenceType) receiver = $"(default({ownerType.Fq()}) == null ? ref {receiver} : ref {member})";
                }
                var v = LowerExpression(ia.Right);
                Src(init);
                Stmt($"{receiver}[{indexes}] = {v};");
            }
            else if (!isCollection && init is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax elementIndex, Right: InitializerExpressionSyntax elementInit })
            {
                // A = { [k] = { X = v } }: the indexes once, then the members of the element, each through it.
                LowerNestedInitializer($"{member}[{SpilledIndexes(elementIndex)}]", elementInit);
            }
            else if (isCollection)
            {
                LowerAddedElement(member, init);
            }
            else
            {
                Report(DiagnosticDescriptors.Unsupported, init, DiagnosticDescriptors.NotYet("This nested initializer member"));
            }
        }
    }

    /// <summary>
    /// The indexes of an index initializer (<c>[k] = ...</c>), each spilled unless trivial, as the text between its
    /// brackets: C# evaluates them once, before it reads the receiver and before the value or nested members.
    /// </summary>
    private string SpilledIndexes(ImplicitElementAccessSyntax index)
    {
        var r = new Dictionary<SyntaxNode, string>();
        foreach (var arg in ValueArguments(index.ArgumentList))
        {
            // Every index before the read of o.D (LowerOperands would leave the last one to the residual).
            var value = LowerExpression(arg);
            if (!IsTrivial(arg))
            {
                var (t, read) = ValueTemp(TypeOf(arg), arg, "index of a nested index initializer");
                Src(arg);
                Stmt($"{t} = {value};");
                value = read;
            }
            r[arg] = value;
        }
        return string.Join(", ", index.ArgumentList.Arguments.Select(a => ArgumentText(r, a))) + CallerInfoSuffix(CallerInfo.ArgumentsOf(Model, index));
    }

    // `Tags = { ... }` sets nothing (it reads Tags and adds to it), even when Tags is init-only.
    private bool SetsInitOnlyOrRequired(InitializerExpressionSyntax init) =>
        init.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Right: not InitializerExpressionSyntax }
            && Model.GetSymbolInfo(name, _ct).Symbol is var s
            && (s is IPropertySymbol { SetMethod.IsInitOnly: true } or IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }));

    /// <summary>
    /// An initializer that sets init-only or required members can only be written as one expression, so the
    /// member values are evaluated (spilled, in source order) first and the object is then created with them:
    /// <c>t1 = v1; ...suspend...; o = new T(args) { X = t1, Y = v2 };</c>. C# evaluates the values after the
    /// constructor runs; that is the same only when the constructor runs no user code (an implicit constructor
    /// over initializers without calls, or a record's primary constructor), else this is refused (GOSH0010).
    /// </summary>
    private string LowerInitOnlyCreation(BaseObjectCreationExpressionSyntax oc, ITypeSymbol? type, Dictionary<SyntaxNode, string> argRepl, string args, string? notFirst)
    {
        // Why the object is not created first (then each member set in order), which the refusals below name.
        var because = notFirst is null ? "" : $" (it cannot be created before its members here: {notFirst})";
        var members = new List<(string Name, ExpressionSyntax Value)>();
        // Nested initializers (`Tags = { Tw(1) }`) after every member assignment run on the created object, in order.
        // Nested initializers (`Tags = { Tw(1) }`) and index initializers (`["k"] = Tw(1)`) after every member
        // assignment run on the created object, in order, as they would after those assignments.
        var after = new List<ExpressionSyntax>();
        foreach (var init in oc.Initializer!.Expressions)
        {
            if (init is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } asg && asg.Right is not InitializerExpressionSyntax && after.Count == 0)
                members.Add((name.Identifier.Text, asg.Right));
            else if (init is AssignmentExpressionSyntax { Left: IdentifierNameSyntax or ImplicitElementAccessSyntax } later
                && (later.Right is InitializerExpressionSyntax || later.Left is ImplicitElementAccessSyntax))
                after.Add(init);
            else
                Report(DiagnosticDescriptors.Unsupported, init, init is AssignmentExpressionSyntax { Left: IdentifierNameSyntax }
                    ? DiagnosticDescriptors.NotSupported("An init-only or required member set after a nested or index initializer (`Tags = { ... }`, `[k] = v`) in an initializer with a suspension point",
                        $"the object must be created with its init-only members before the nested or index initializer runs{because}; set those members first")
                    : DiagnosticDescriptors.NotYet("This object initializer member"));
        }
        if (SetterBeforeSuspendingValue(oc.Initializer!) is { } setter)
            Report(DiagnosticDescriptors.Unsupported, setter,
                DiagnosticDescriptors.NotSupported("A member whose accessor runs code, set before a suspending value in an initializer of an object that cannot be created before its members (a required member the constructor does not set, or an init accessor no [UnsafeAccessor] here can reach)",
                    $"C# runs that accessor before the later values, and the object can only be created with all of them computed{because}; take the suspending values into locals first"));
        if (!ConstructorRunsNoUserCode(oc))
            Report(DiagnosticDescriptors.Unsupported, oc.Initializer!,
                DiagnosticDescriptors.NotSupported("An object initializer that sets init-only or required members, with a suspension point, after a constructor that runs code",
                    $"the values would be computed before the constructor runs{because}; take the suspending values into locals first"));
        var values = LowerOperands(members.Select(m => m.Value).ToList());
        var text = $"new {type?.Fq()}({args}) {{ {string.Join(", ", members.Select(m => m.Name + " = " + Operand(values, m.Value)))} }}";
        var o = Temp(type, oc, "object under construction");
        Src(oc);
        Stmt($"{o} = {text};");
        foreach (var init in after) LowerInitializerMember(o, init, isCollection: false);
        return o;
    }

    private const string InitConstruct = "An object initializer that sets init-only members, with a suspension point, after a constructor that runs code";
    private const string InitScheme = "the object is created first, then each member is set in order, an init-only one through an [UnsafeAccessor]";

    // `new T { Tags = { ... }, Age = 3 }`, `new T { ["k"] = v, Age = 3 }`: a member set after a nested or index
    // initializer, which C# runs first, so the one expression over spilled values cannot keep the order.
    private bool InitOnlyAfterNestedInitializer(InitializerExpressionSyntax init)
    {
        var nestedSeen = false;
        foreach (var e in init.Expressions)
        {
            if (e is AssignmentExpressionSyntax { Right: InitializerExpressionSyntax } or AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax }) nestedSeen = true;
            else if (nestedSeen && e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax }) return true;
        }
        return false;
    }

    // `new R { A = a, B = Tw(b) }` where A's accessor has a body: C# runs it after `a` and before `Tw(b)`, the one
    // expression over spilled values after both (the values after the last suspending one stay in place, after the
    // setters before them). A field or an auto-implemented accessor (no body in source, [CompilerGenerated] from
    // metadata) runs none of the user's code, so only a setter with code before a suspending value tells.
    private bool SetterRunsCodeBeforeLaterValue(InitializerExpressionSyntax init) => SetterBeforeSuspendingValue(init) is not null;

    private AssignmentExpressionSyntax? SetterBeforeSuspendingValue(InitializerExpressionSyntax init)
    {
        var sets = init.Expressions.OfType<AssignmentExpressionSyntax>()
            .Where(e => e is { Left: IdentifierNameSyntax, Right: not InitializerExpressionSyntax }).ToList();
        var lastSuspending = sets.FindLastIndex(e => HasSuspension(e.Right));
        for (var i = 0; i < lastSuspending; i++)
            if (Model.GetSymbolInfo(sets[i].Left, _ct).Symbol is IPropertySymbol { SetMethod: { } setter } && !IsAutoAccessor(setter))
                return sets[i];
        return null;
    }

    private bool IsAutoAccessor(IMethodSymbol accessor)
    {
        if (accessor.DeclaringSyntaxReferences.Length == 0)
            return accessor.GetAttributes().Any(a => a.AttributeClass is { Name: "CompilerGeneratedAttribute" });
        return accessor.DeclaringSyntaxReferences.All(r => r.GetSyntax(_ct) is AccessorDeclarationSyntax { Body: null, ExpressionBody: null }
            // A positional record's property: its init accessor is generated, no body.
            or ParameterSyntax);
    }

    /// <summary>
    /// Why the object cannot be created before its members, each init-only one then set through an
    /// <c>[UnsafeAccessor]</c> to its init accessor, as C#'s own lowering calls it after the constructor and after each
    /// earlier member's value; null when it can: a class or struct whose required members, if any, the constructor
    /// sets (<c>[SetsRequiredMembers]</c>), or whose constructor an <c>[UnsafeAccessor]</c> can call without them, or
    /// a struct made by its implicit constructor, its zeroed value (RequiredMemberConstructors.cs); a struct's
    /// accessor is given the variable by reference.
    /// </summary>
    private string? CreationRefusal(BaseObjectCreationExpressionSyntax oc, ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named) return "the type is no class or struct";
        if (Model.GetOperation(oc, _ct) is not IObjectCreationOperation { Constructor: { } ctor }) return "the constructor is not known";
        if (LeavesRequiredMembers(ctor, named) && ConstructorAccessorRefusal(oc, ctor, named) is { } why)
            return $"its constructor, which leaves required members, cannot be called through an [UnsafeAccessor]: {why}";
        foreach (var e in oc.Initializer!.Expressions)
            if (e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Right: not InitializerExpressionSyntax }
                && Model.GetSymbolInfo(name, _ct).Symbol is IPropertySymbol { SetMethod.IsInitOnly: true } p
                && InitAccessorRefusal(p) is { } accessorWhy)
                return $"the init accessor of {p.Name} cannot be called through an [UnsafeAccessor]: {accessorWhy}";
        return null;
    }

    private bool ConstructorRunsNoUserCode(BaseObjectCreationExpressionSyntax oc)
    {
        if (Model.GetOperation(oc, _ct) is not IObjectCreationOperation { Constructor: { } ctor }) return false;
        if (ctor.ContainingType.IsValueType && ctor.Parameters.Length == 0 && ctor.IsImplicitlyDeclared) return true;
        var primaryRecord = ctor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(_ct) is RecordDeclarationSyntax);
        if (!ctor.IsImplicitlyDeclared && !primaryRecord) return false;
        for (var t = ctor.ContainingType; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType)
        {
            if (t.DeclaringSyntaxReferences.Length == 0) return false;
            foreach (var r in t.DeclaringSyntaxReferences)
                foreach (var node in r.GetSyntax(_ct).DescendantNodes(n => n is not (MethodDeclarationSyntax or AccessorListSyntax or ArrowExpressionClauseSyntax)))
                    if (node is EqualsValueClauseSyntax eq && eq.Value.DescendantNodesAndSelf().Any(x => x is InvocationExpressionSyntax))
                        return false;
            if (!SymbolEqualityComparer.Default.Equals(t, ctor.ContainingType) && t.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared)) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether an object initializer that sets init-only or required members is lowered as one expression over values
    /// spilled first (LowerInitOnlyCreation), so that the constructor runs after the member values; else the object is
    /// created first, its arguments evaluated as C# does, before any member value.
    /// </summary>
    private bool MadeWithItsMembers(BaseObjectCreationExpressionSyntax oc, ITypeSymbol? type) =>
        (ConstructorRunsNoUserCode(oc) && !InitOnlyAfterNestedInitializer(oc.Initializer!) && !SetterRunsCodeBeforeLaterValue(oc.Initializer!))
        || CreationRefusal(oc, type) is not null;

    /// <summary>
    /// Whether the constructor of <paramref name="oc"/>, whose initializer suspends, is called with its arguments
    /// before the initializer's first suspension point, as C# calls it (`new P(sp) { A = Tw(1) }`): the object is
    /// created into a temporary first and the arguments, none suspending, are not spilled (LowerObjectCreation), so a
    /// stack-only local among them is read before the suspension, as in an async method.
    /// </summary>
    private bool ConstructedBeforeItsInitializer(BaseObjectCreationExpressionSyntax oc) =>
        oc.Initializer is { } init && !HasSuspension(oc.ArgumentList)
        && (init.IsKind(SyntaxKind.CollectionInitializerExpression) || !SetsInitOnlyOrRequired(init) || !MadeWithItsMembers(oc, TypeOf(oc)));

    private string LowerObjectCreation(BaseObjectCreationExpressionSyntax oc)
    {
        if (InitOnlyIndexerSet(oc.Initializer!) is { } initIndexer)
        {
            Report(DiagnosticDescriptors.Unsupported, initIndexer,
                DiagnosticDescriptors.NotSupported("An index initializer of an indexer with an init accessor (`[k] = v`) in an initializer with a suspension point",
                    "C# calls that accessor only inside the initializer, and each member is set on the created object after its value; take the suspending values into locals first"));
            return RewriteExpr(oc);
        }
        var type = TypeOf(oc);
        var isCollectionInit = oc.Initializer!.IsKind(SyntaxKind.CollectionInitializerExpression);
        var setsInitOnly = !isCollectionInit && SetsInitOnlyOrRequired(oc.Initializer!);
        // One expression over values spilled first where that keeps C#'s order; else, where the object can be
        // made without its members, it is, and each init-only member is set in turn through its accessor.
        var oneExpression = setsInitOnly && MadeWithItsMembers(oc, type);
        // In the one expression the arguments would run after the member values: with a suspending member value,
        // each is spilled first, as C# evaluates them before the initializer (`new R(o.P) { Y = Tw(o.Q) }`).
        var spillArguments = oneExpression && HasSuspension(oc.Initializer);
        var repl = oc.ArgumentList is null ? new Dictionary<SyntaxNode, string>()
            : LowerOperands(ValueArguments(oc.ArgumentList).ToList(), spillAll: spillArguments, spillEvery: spillArguments);
        var args = oc.ArgumentList is null ? "" : string.Join(", ", oc.ArgumentList.Arguments.Select(a => ArgumentText(repl, a)));
        // An omitted [CallerMemberName] or [CallerArgumentExpression] argument is the user's, passed by name: in the
        // frame the compiler would give the frame's method and the generated text (the line and file follow #line).
        if (CallerInfo.Named(CallerInfo.ArgumentsOf(Model, oc)) is { } callerInfo)
            args = string.Join(", ", new[] { args }.Where(a => a.Length > 0).Concat(callerInfo));
        Dictionary<SyntaxNode, string>? initAccessors = null;
        if (setsInitOnly)
        {
            if (oneExpression)
                return LowerInitOnlyCreation(oc, type, repl, args, CreationRefusal(oc, type));
            initAccessors = new Dictionary<SyntaxNode, string>();
            foreach (var init in oc.Initializer!.Expressions)
                if (init is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Right: not InitializerExpressionSyntax }
                    && Model.GetSymbolInfo(name, _ct).Symbol is IPropertySymbol { SetMethod.IsInitOnly: true } p)
                {
                    if (InitAccessor(p, init, InitConstruct, InitScheme) is not { } accessor) return RewriteExpr(oc);
                    initAccessors[init] = accessor;
                }
        }
        var o = Temp(type, oc, "object under construction");
        Src(oc);
        // `new T(args)` alone does not compile where the initializer sets required members: the constructor is then
        // called through an [UnsafeAccessor], as C#'s own lowering calls it before setting them.
        Stmt(Model.GetOperation(oc, _ct) is IObjectCreationOperation { Constructor: { } created } && type is INamedTypeSymbol createdType
            && LeavesRequiredMembers(created, createdType)
            ? $"{o} = {ConstructorCall(created, createdType, args)};"
            : $"{o} = new {type?.Fq()}({args});");
        var isCollection = oc.Initializer!.IsKind(SyntaxKind.CollectionInitializerExpression);
        foreach (var init in oc.Initializer!.Expressions) LowerInitializerMember(o, init, isCollection, initAccessors);
        return o;
    }

    /// <summary>
    /// The first index initializer of <paramref name="init"/> (nested ones included) that sets through an <c>init</c>
    /// accessor: the lowering sets each member on the created object, where C# refuses such an accessor (CS8852).
    /// </summary>
    private ImplicitElementAccessSyntax? InitOnlyIndexerSet(InitializerExpressionSyntax init)
    {
        foreach (var e in init.Expressions)
        {
            if (e is not AssignmentExpressionSyntax asg) continue;
            if (asg.Right is InitializerExpressionSyntax nested)
            {
                if (InitOnlyIndexerSet(nested) is { } inner) return inner;
            }
            else if (asg.Left is ImplicitElementAccessSyntax index && Model.GetSymbolInfo(index, _ct).Symbol is IPropertySymbol { SetMethod.IsInitOnly: true })
                return index;
        }
        return null;
    }

    /// <summary>One member of the initializer of the object in <paramref name="o"/>: an assignment, a nested or index initializer, an element to add.</summary>
    private void LowerInitializerMember(string o, ExpressionSyntax init, bool isCollection, Dictionary<SyntaxNode, string>? initAccessors = null)
    {
        if (!isCollection && init is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } asg && asg.Right is not InitializerExpressionSyntax)
        {
            var v = LowerExpression(asg.Right);
            Src(init);
            // An init-only member, set after the object is made, goes through its init accessor (above).
            Stmt(initAccessors is not null && initAccessors.TryGetValue(init, out var accessor) ? InitCall(accessor, o, v) : $"{o}.{name.Identifier.Text} = {v};");
        }
        else if (!isCollection && init is AssignmentExpressionSyntax { Left: IdentifierNameSyntax nestedName, Right: InitializerExpressionSyntax nested })
        {
            LowerNestedInitializer($"{o}.{nestedName.Identifier.Text}", nested);
        }
        else if (!isCollection && init is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax index } ia && ia.Right is not InitializerExpressionSyntax)
        {
            // ["k"] = value: the index arguments, then the value, then the indexer's setter.
            var parts = ValueArguments(index.ArgumentList).ToList();
            parts.Add(ia.Right);
            var r = LowerOperands(parts);
            Src(init);
            Stmt($"{o}[{string.Join(", ", index.ArgumentList.Arguments.Select(a => ArgumentText(r, a)))}{CallerInfoSuffix(CallerInfo.ArgumentsOf(Model, index))}] = {Operand(r, ia.Right)};");
        }
        else if (!isCollection && init is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax elementIndex, Right: InitializerExpressionSyntax elementInit })
        {
            // [k] = { X = v }: the indexes once, then the members of the element, each through it.
            LowerNestedInitializer($"{o}[{SpilledIndexes(elementIndex)}]", elementInit);
        }
        else if (isCollection)
        {
            LowerAddedElement(o, init);
        }
        else
        {
            Report(DiagnosticDescriptors.Unsupported, init, DiagnosticDescriptors.NotYet("This object initializer member"));
        }
    }

    /// <summary>An element of a collection initializer, <c>{ a }</c> or <c>{ { k, v } }</c>: its values in order, then its <c>Add</c>.</summary>
    private void LowerAddedElement(string target, ExpressionSyntax init)
    {
        if (init is InitializerExpressionSyntax complex)
        {
            var r = LowerOperands(complex.Expressions.ToList());
            Src(init);
            Stmt($"{target}.Add({string.Join(", ", complex.Expressions.Select(x => Operand(r, x)))}{AddCallerInfo(init)});");
        }
        else
        {
            var v = LowerExpression(init);
            Src(init);
            Stmt($"{target}.Add({v}{AddCallerInfo(init)});");
        }
    }

    /// <summary>The omitted caller-info arguments of the Add call an initializer element is, as ", m: ...", or "" (CallerInfo.cs).</summary>
    private string AddCallerInfo(ExpressionSyntax element) => CallerInfoSuffix(CallerInfo.ArgumentsOfElement(Model, element));

    private static string CallerInfoSuffix(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments) =>
        CallerInfo.Named(arguments) is { } extra ? ", " + string.Join(", ", extra) : "";
}
