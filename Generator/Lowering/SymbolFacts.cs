using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>What a call inside a goroutine is.</summary>
internal enum CallKind
{
    Plain,
    SuspensionPoint,
    GoroutineCall,
}

/// <summary>Symbol questions the rewriter asks; all by metadata name, none special-cases a primitive.</summary>
internal static partial class SymbolFacts
{
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
            | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public static string Fq(this ITypeSymbol type) =>
        HiddenOuterTypeParameters.Current is { } hidden && hidden.Mentions(type) ? hidden.Write(type)
        : ShadowedTypeParameterNames.Current is null ? type.ToDisplayString(FullyQualified) : ShadowedTypeParameterNames.Display(type, FullyQualified);

    /// <summary>
    /// The type as an array creation names it, <c>new object?[] { ... }</c>: without the top-level <c>?</c> of a
    /// nullable array (<c>params object?[]? args</c>, NUnit; <c>new object?[]?</c> is CS8386).
    /// </summary>
    public static string CreatableFq(this ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).Fq();

    /// <summary>
    /// The method as declared: a reduced extension call's static form; a member of a C# 14 extension block, its
    /// implementation method (<see cref="ExtensionBlocks"/>): one frame for both ways of calling it.
    /// </summary>
    public static IMethodSymbol Definition(this IMethodSymbol m)
    {
        var d = (m.ReducedFrom ?? m).OriginalDefinition;
        return ExtensionBlocks.Implementation(d)?.OriginalDefinition ?? d;
    }

    public static string? SuspensionAwaiterName(IMethodSymbol m)
    {
        foreach (var attr in m.Definition().GetAttributes())
        {
            if (IsRuntimeType(attr.AttributeClass, RuntimeContract.SuspensionPointAttribute.MetadataName)
                && attr.ConstructorArguments.Length == 1
                && attr.ConstructorArguments[0].Value is string name)
                return name;
        }
        return null;
    }

    /// <summary>
    /// The <c>[Goroutine]</c> methods a launcher name (<c>GoX</c>) may start, looked up at <paramref name="position"/>
    /// (on <paramref name="receiver"/> when given, extension methods included). Launchers are this generator's own
    /// output, so the model binds the name itself to nothing; the method it starts is what can be checked.
    /// </summary>
    public static System.Collections.Generic.IEnumerable<IMethodSymbol> LaunchedBy(SemanticModel model, int position, ITypeSymbol? receiver, string launcherName)
    {
        if (launcherName.Length <= 2 || !launcherName.StartsWith("Go", System.StringComparison.Ordinal)) yield break;
        var target = launcherName.Substring(2);
        var candidates = receiver is null
            ? model.LookupSymbols(position, null, target)
            : model.LookupSymbols(position, receiver, target, includeReducedExtensionMethods: true);
        foreach (var c in candidates)
            if (c is IMethodSymbol m && HasGoroutineAttribute(m)) yield return m;
    }

    /// <summary>
    /// An instance method of a struct whose <c>this</c> is a readonly reference: a <c>readonly</c> member, or a member of
    /// a <c>readonly struct</c>. A mutating member called on it, or on one of its fields, runs on an implicit copy.
    /// </summary>
    public static bool HasReadOnlyThis(IMethodSymbol m) =>
        !m.IsStatic && m.ContainingType is { IsValueType: true } type && (m.IsReadOnly || type.IsReadOnly);

    public static bool HasGoroutineAttribute(IMethodSymbol m)
    {
        foreach (var a in m.Definition().GetAttributes())
            if (IsRuntimeType(a.AttributeClass, RuntimeContract.GoroutineAttribute.MetadataName))
                return true;
        return false;
    }

    /// <summary>
    /// True if <paramref name="type"/> is the top-level type of this metadata name. Compares name by name,
    /// namespaces included, without building the type's display string: it runs for every attribute of every
    /// method a goroutine calls.
    /// </summary>
    private static bool IsRuntimeType(INamedTypeSymbol? type, string metadataName)
    {
        if (type is null || type.ContainingType is not null) return false;
        var end = metadataName.Length;
        var dot = metadataName.LastIndexOf('.');
        if (!IsSegment(type.MetadataName, metadataName, dot + 1, end)) return false;
        var ns = type.ContainingNamespace;
        for (end = dot; end > 0; end = dot)
        {
            if (ns is null || ns.IsGlobalNamespace) return false;
            dot = metadataName.LastIndexOf('.', end - 1);
            if (!IsSegment(ns.Name, metadataName, dot + 1, end)) return false;
            ns = ns.ContainingNamespace;
        }
        return ns is { IsGlobalNamespace: true };
    }

    private static bool IsSegment(string name, string text, int start, int end) =>
        name.Length == end - start && string.CompareOrdinal(name, 0, text, start, name.Length) == 0;

    /// <summary>A [Goroutine] method of this compilation whose frame the generator emits.</summary>
    public static bool IsGeneratedGoroutine(IMethodSymbol m)
    {
        var def = m.Definition();
        if (def.MethodKind != MethodKind.Ordinary || !HasGoroutineAttribute(def)) return false;
        if (def.DeclaringSyntaxReferences.Length == 0) return false;
        // A partial method's frame is made from its implementing declaration; one without an implementation has none.
        if (def.IsPartialDefinition) def = def.PartialImplementationPart ?? def;
        if (def.IsPartialDefinition) return false;
        // The method-level refusals of FrameModelBuilder.BuildCore: a method refused there has no frame, so a call
        // to it is a plain call (its own diagnostic tells the user why).
        // An abstract [Goroutine] method has no frame, but a factory its overrides and implementations replace
        // (AbstractGoroutines.cs): its callers make frames through it.
        if (def.IsAbstract && !IsAbstractGoroutine(def) && !IsStaticInterfaceGoroutine(def)) return false;
        if (def.IsAsync || def.IsExtern || def.ReturnsByRef || def.ReturnsByRefReadonly || IsRefLike(def.ReturnType)) return false;
        if (def.IsVararg || def.ReturnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer) return false;
        if (def.Parameters.Any(p => p.RefKind != RefKind.None || CannotLiveInFrame(p.Type))) return false;
        for (var t = def.ContainingType; t is not null; t = t.ContainingType)
            if (!IsPartial(t) || t.IsFileLocal || VariantInterfaceRefuses(t, def)) return false;
        if (!def.IsStatic && IsRefLike(def.ContainingType)) return false;
        if (!def.IsStatic && RefStructInterfaces.Implementer(def.ContainingType) is not null) return false;
        if (CovariantReturnOf(def) is not null) return false;
        // A C# 14 extension block member whose implementation method the compiler does not show (a Roslyn before 5.0).
        if (ExtensionBlocks.IsBlock(def.ContainingType) && ExtensionBlocks.Implementation(def) is null) return false;
        return !def.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is MethodDeclarationSyntax decl && IsIterator(decl));
    }

    /// <summary>
    /// The method's type parameters named like one of its containing types' (CS0693), each with the innermost such
    /// type: the frame, nested in that type, gives them other names (Lowering.ShadowedTypeParameterNames).
    /// </summary>
    public static IEnumerable<(ITypeParameterSymbol Inner, INamedTypeSymbol Outer)> ShadowedTypeParameters(IMethodSymbol m) =>
        from tp in m.TypeParameters
        let outer = ContainingTypes(m).FirstOrDefault(t => t.TypeParameters.Any(c => c.Name == tp.Name))
        where outer is not null
        select (tp, outer);

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(IMethodSymbol m)
    {
        for (var t = m.ContainingType; t is not null; t = t.ContainingType) yield return t;
    }

    /// <summary>
    /// A member declared only in files this generator wrote (FrameEmitter's header). The generator's own
    /// compilation never holds them; the analyzer's does, and must see the user's members as the generator saw them.
    /// </summary>
    public static bool IsGeneratedHere(ISymbol member) =>
        member.DeclaringSyntaxReferences.Length > 0 && member.DeclaringSyntaxReferences.All(r => IsGeneratedHere(r.SyntaxTree));

    private static bool IsGeneratedHere(SyntaxTree tree)
    {
        var text = tree.GetText();
        return text.Length > 0 && text.ToString(new Microsoft.CodeAnalysis.Text.TextSpan(0, System.Math.Min(text.Length, 200)))
            .Contains(Emit.FrameEmitter.HeaderMark);
    }

    /// <summary>A yield statement outside lambdas and local functions: the method is an iterator (GOSH0004).</summary>
    public static bool IsIterator(MethodDeclarationSyntax decl) =>
        ((SyntaxNode?)decl.Body ?? decl.ExpressionBody)?
            .DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<YieldStatementSyntax>().Any() == true;

    /// <summary>A type no frame field can hold: ref structs (Span&lt;T&gt;), pointers, function pointers (CS4012, CS4005 for async).</summary>
    public static bool CannotLiveInFrame(ITypeSymbol type) =>
        IsRefLike(type) || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer;

    /// <summary>
    /// A ref struct, or a type parameter that may be one (C# 13's <c>where T : allows ref struct</c>): C# treats a
    /// value of such a T as a ref struct wherever it could be stored on the heap, and so does every frame check.
    /// </summary>
    public static bool IsRefLike(ITypeSymbol? type) =>
        type is not null && (type.IsRefLikeType || type is ITypeParameterSymbol { AllowsRefLikeType: true });

    /// <summary>
    /// A local whose value points into the thread's stack or is one: a <c>ref</c> local, a ref struct, or a pointer
    /// (<c>int* p = stackalloc int[4];</c>, <c>&amp;x</c> of a local of Resume). No frame field can keep it across a
    /// suspension, so a loop in its scope stays plain code (StackOnlyLoops.cs) and the rest of a block after its
    /// declaration is copied as it is when nothing there suspends (StatementLowering.cs). A pointer can only be
    /// declared in an unsafe context, where a real suspension point is refused (GOSH0006): the loops' preemption
    /// states were the only ones it could cross.
    /// </summary>
    public static bool IsStackOnlyLocal(ILocalSymbol local) =>
        local.IsRef || IsRefLike(local.Type) || local.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol;

    /// <summary>An interface with <c>in</c>/<c>out</c> type parameters: C# forbids nested classes in it (CS8427), so no frame.</summary>
    public static bool IsVariantInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface && type.TypeParameters.Any(tp => tp.Variance != VarianceKind.None);

    /// <summary>
    /// Whether <paramref name="type"/>, holding the [Goroutine] method <paramref name="m"/>, refuses it: a variant
    /// interface holds no frame (CS8427), but a member without a body gets none, only default methods (its factory and
    /// launcher, AbstractGoroutines), which C# allows there as long as their signatures keep the variance: their
    /// parameters are the member's own, and their results, <c>Frame&lt;R&gt;</c> and <c>Goroutine&lt;R&gt;</c>, are
    /// classes, invariant in R, so R must not name a variant type parameter (as async's <c>Task&lt;R&gt;</c>, CS1961).
    /// So <c>interface ISink&lt;in T&gt; { [Goroutine] void Put(T x); }</c> is accepted.
    /// </summary>
    public static bool VariantInterfaceRefuses(INamedTypeSymbol type, IMethodSymbol m) =>
        IsVariantInterface(type)
        && !(IsAbstractGoroutine(m) && SymbolEqualityComparer.Default.Equals(m.ContainingType, type) && !NamesVariantTypeParameter(m.ReturnType));

    /// <summary>Whether <paramref name="type"/> mentions an <c>in</c> or <c>out</c> type parameter anywhere in it.</summary>
    public static bool NamesVariantTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol tp => tp.Variance != VarianceKind.None,
        IArrayTypeSymbol array => NamesVariantTypeParameter(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(NamesVariantTypeParameter)
            || (named.ContainingType is { } outer && NamesVariantTypeParameter(outer)),
        _ => false,
    };

    /// <summary>The name of <paramref name="m"/>'s launcher: <c>GoWork</c> for <c>Work</c>.</summary>
    public static string LauncherName(IMethodSymbol m) => "Go" + IdentifierName(m);

    /// <summary>
    /// The method's name as a C# identifier: an explicit interface implementation's metadata name is <c>I.M</c>
    /// (or <c>NS.I&lt;T&gt;.M</c>), which cannot name a frame class or a launcher.
    /// </summary>
    public static string IdentifierName(IMethodSymbol m)
    {
        var name = m.Name;
        if (m.ExplicitInterfaceImplementations.Length == 0) return name;
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        return new string(chars);
    }

    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax td && td.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>What a call to <paramref name="m"/> is in a goroutine of the assembly <paramref name="here"/>.</summary>
    public static CallKind Classify(IMethodSymbol? m, IAssemblySymbol here)
    {
        if (m is null) return CallKind.Plain;
        if (SuspensionAwaiterName(m) is not null) return CallKind.SuspensionPoint;
        // A static virtual interface member is only called through a type parameter (T.M(), CS8926 otherwise), which
        // runs T's implementation: through the member's generic factory (AbstractGoroutines.StaticFactory) when it is
        // [Goroutine] here, else a plain call, as C# makes it (the default body's frame would ignore T's).
        if (m.IsStatic && (m.IsVirtual || m.IsAbstract) && m.ContainingType.TypeKind == TypeKind.Interface)
            return IsStaticInterfaceGoroutine(m.Definition()) && IsInAssembly(m, here) && IsGeneratedGoroutine(m) ? CallKind.GoroutineCall : CallKind.Plain;
        // A method with syntax of another compilation (an IDE's project reference) is of another assembly all
        // the same: its frame is internal there, so it is reached through its factory like a metadata method.
        if (IsInAssembly(m, here)) return IsGeneratedGoroutine(m) ? CallKind.GoroutineCall : CallKind.Plain;
        return ImportedFrameFactory(m) is not null ? CallKind.GoroutineCall : CallKind.Plain;
    }

    private static bool IsInAssembly(IMethodSymbol m, IAssemblySymbol here) =>
        SymbolEqualityComparer.Default.Equals(m.Definition().ContainingAssembly, here);

    /// <summary>Equal types, where method type parameters match by position (the awaiter's or factory's T is the method's T).</summary>
    public static bool SameShape(ITypeSymbol a, ITypeSymbol b)
    {
        if (a is ITypeParameterSymbol ta && b is ITypeParameterSymbol tb)
            return ta.TypeParameterKind == tb.TypeParameterKind && ta.Ordinal == tb.Ordinal;
        if (a is INamedTypeSymbol na && b is INamedTypeSymbol nb)
        {
            if (!SymbolEqualityComparer.Default.Equals(na.OriginalDefinition, nb.OriginalDefinition) || na.TypeArguments.Length != nb.TypeArguments.Length) return false;
            for (var i = 0; i < na.TypeArguments.Length; i++)
                if (!SameShape(na.TypeArguments[i], nb.TypeArguments[i])) return false;
            return true;
        }
        if (a is IArrayTypeSymbol aa && b is IArrayTypeSymbol ab) return aa.Rank == ab.Rank && SameShape(aa.ElementType, ab.ElementType);
        return SymbolEqualityComparer.Default.Equals(a, b);
    }

    /// <summary>
    /// True when code of another assembly may call the method: neither it nor a type around it is private (an
    /// internal one counts: a friend assembly, [InternalsVisibleTo], may call it), and it is not an explicit
    /// interface implementation. Such a method gets a frame factory for those callers.
    /// </summary>
    public static bool MayBeCalledFromAnotherAssembly(IMethodSymbol m)
    {
        if (m.ExplicitInterfaceImplementations.Length > 0 || m.MethodKind != MethodKind.Ordinary) return false;
        for (ISymbol? s = m; s is IMethodSymbol or INamedTypeSymbol; s = s.ContainingType)
            if (s.DeclaredAccessibility is Accessibility.Private or Accessibility.NotApplicable) return false;
        return true;
    }

    /// <summary>Frame class name of a [Goroutine] method: <c>M_Frame</c>, or <c>M_Frame_k</c> among overloads.</summary>
    public static string FrameName(IMethodSymbol m)
    {
        var def = m.Definition();
        var overloads = def.ContainingType.GetMembers(def.Name).OfType<IMethodSymbol>()
            .Where(HasGoroutineAttribute)
            .OrderBy(o => o.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? "", System.StringComparer.Ordinal)
            .ThenBy(o => o.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0)
            .ToList();
        var name = IdentifierName(def) + "_Frame";
        if (overloads.Count > 1) name += "_" + overloads.FindIndex(o => SymbolEqualityComparer.Default.Equals(o, def));
        // A member of the user's type with this name already (the generator's own frames are not visible to
        // its semantic model): suffixes until free, deterministic from the symbol alone so callers agree.
        // The analyzer's compilation does hold those frames: members this generator wrote do not count.
        var taken = name;
        for (var i = 2; def.ContainingType.GetMembers(taken).Any(x => !IsGeneratedHere(x)); i++) taken = name + "_" + i;
        return taken;
    }

    /// <summary>
    /// A [Goroutine] method that an override may replace: a nested call of it must dispatch on the receiver's
    /// runtime type, so its frame is made by a virtual factory method (<see cref="FrameFactoryName"/>) that
    /// every [Goroutine] override overrides.
    /// </summary>
    /// <summary>
    /// An interface's instance method with a body (a default implementation) that a class may implement instead: its
    /// launcher and nested calls make the frame through its factory, which runs the receiver's implementation
    /// plainly when it is not this body (DispatchingFactory).
    /// </summary>
    public static bool IsOverridableInterfaceMethod(IMethodSymbol m) =>
        m.ContainingType.TypeKind == TypeKind.Interface && !m.IsStatic && !m.IsSealed && (!m.IsAbstract || IsAbstractGoroutine(m))
        && m.DeclaredAccessibility != Accessibility.Private && m.ExplicitInterfaceImplementations.IsEmpty;

    /// <summary>
    /// An abstract instance method of a class, or an interface method without a body, marked [Goroutine]
    /// (AbstractGoroutines.cs): called through it, the receiver's [Goroutine] override or implementation runs as a
    /// nested goroutine call.
    /// </summary>
    public static bool IsAbstractGoroutine(IMethodSymbol m) =>
        m.IsAbstract && !m.IsStatic && m.MethodKind == MethodKind.Ordinary && HasGoroutineAttribute(m)
        && m.ExplicitInterfaceImplementations.IsEmpty && m.DeclaredAccessibility != Accessibility.Private
        && m.ContainingType.TypeKind is TypeKind.Class or TypeKind.Interface && !IsComImport(m.ContainingType);

    /// <summary>
    /// A [ComImport] type: every member it declares must be abstract or extern (CS0423), so it takes no launcher or
    /// frame factory, and its abstract methods are called plainly (dnlib's COM interfaces of the PDB writer).
    /// </summary>
    public static bool IsComImport(INamedTypeSymbol type) => type.IsComImport;

    /// <summary>
    /// A static abstract or static virtual interface member marked [Goroutine] (AbstractGoroutines.StaticFactory):
    /// called through a type parameter (<c>T.Hello(n)</c>), T's [Goroutine] implementation runs as a nested goroutine call.
    /// </summary>
    public static bool IsStaticInterfaceGoroutine(IMethodSymbol m) =>
        m.IsStatic && (m.IsAbstract || m.IsVirtual) && m.MethodKind == MethodKind.Ordinary && HasGoroutineAttribute(m)
        && m.ContainingType.TypeKind == TypeKind.Interface && m.DeclaredAccessibility != Accessibility.Private
        && !IsComImport(m.ContainingType);

    public static bool IsVirtualGoroutine(IMethodSymbol m) =>
        !m.IsStatic && (m.IsVirtual || m.IsOverride || m.IsAbstract) && m.ContainingType.TypeKind == TypeKind.Class
        // A sealed override in a sealed chain needs no factory of its own (a sealed type cannot declare a
        // virtual one) unless it overrides a base's factory.
        && (!(m.IsSealed || m.ContainingType.IsSealed) || OverridesFrameFactory(m));

    /// <summary>The frame factory of a [Goroutine] method: one name for a virtual method's whole override chain, and
    /// for overloads (which differ by parameters, as their factories do).</summary>
    public static string FrameFactoryName(IMethodSymbol m) => "__GoFrame_" + m.Name;

    /// <summary>
    /// Beside a virtual factory, the type's own frame of the method, not virtual: <c>base.M()</c> of a derived
    /// [Goroutine] method calls it (through a proxy), since the virtual factory would dispatch to the receiver.
    /// </summary>
    public static string OwnFrameName(IMethodSymbol m) => "__GoFrameOf_" + m.Name;

    /// <summary>A base type declares the same own-frame method (the generated one hides it: <c>new</c>).</summary>
    public static bool HidesOwnFrame(IMethodSymbol m)
    {
        for (var b = m.ContainingType.BaseType; b is not null; b = b.BaseType)
            if (b.GetMembers(OwnFrameName(m)).OfType<IMethodSymbol>().Any(o => o.Parameters.Length == m.Parameters.Length
                && o.Parameters.Zip(m.Parameters, (x, y) => SymbolEqualityComparer.Default.Equals(x.Type, y.Type)).All(e => e)))
                return true;
        return false;
    }

    /// <summary>True when the method overrides one whose frame factory exists (generated here, or in the base's assembly).</summary>
    public static bool OverridesFrameFactory(IMethodSymbol m)
    {
        if (!m.IsOverride) return false;
        // Up the chain past plain overrides (which declare no factory): a [Goroutine] override below a plain one
        // overrides the factory above it, rather than hiding it with a new virtual one that base-typed calls miss.
        for (var o = m.OverriddenMethod; o is not null; o = o.OverriddenMethod)
        {
            var od = o.OriginalDefinition;
            if (od.DeclaringSyntaxReferences.Length > 0)
            {
                if (IsGeneratedGoroutine(od) && IsVirtualGoroutine(od)) return true;
                continue;
            }
            // In metadata: an overridable factory of the overridden method's own signature (an overload's factory, which
            // every non-private [Goroutine] method now has, is not one; a factory from before [GoroutineFrameFactory] is).
            if (od.ContainingType.GetMembers(FrameFactoryName(od)).OfType<IMethodSymbol>()
                .Any(f => (f.IsVirtual || f.IsOverride || f.IsAbstract) && !f.IsSealed && HasSignatureOf(f, od)))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The where clauses of a generic method's type parameters, from its symbol: an override declares none in
    /// source (it inherits them), but its launcher and frame are new declarations that must restate them.
    /// </summary>
    public static string ConstraintClauses(IMethodSymbol m) =>
        ConstraintClauses(m.TypeParameters, tp => ShadowedTypeParameterNames.NewName(tp) ?? tp.Name);

    /// <summary>The where clauses of <paramref name="typeParameters"/>, each named by <paramref name="name"/>.</summary>
    public static string ConstraintClauses(System.Collections.Generic.IEnumerable<ITypeParameterSymbol> typeParameters, System.Func<ITypeParameterSymbol, string> name)
    {
        var clauses = new System.Collections.Generic.List<string>();
        foreach (var tp in typeParameters)
        {
            var c = new System.Collections.Generic.List<string>();
            if (tp.HasUnmanagedTypeConstraint) c.Add("unmanaged");
            else if (tp.HasValueTypeConstraint) c.Add("struct");
            else if (tp.HasReferenceTypeConstraint) c.Add(tp.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            else if (tp.HasNotNullConstraint) c.Add("notnull");
            c.AddRange(tp.ConstraintTypes.Select(t => t.Fq()));
            if (tp.HasConstructorConstraint) c.Add("new()");
            if (c.Count > 0) clauses.Add($"where {name(tp)} : {string.Join(", ", c)}");
        }
        return string.Join(" ", clauses);
    }

    /// <summary>
    /// What C# passes for an optional parameter a call leaves out: its default value; for <c>[Optional]</c>
    /// without one, <c>Type.Missing</c> to an object (or dynamic) parameter, else the type's default.
    /// </summary>
    public static string OmittedArgumentText(IParameterSymbol p)
    {
        if (p.HasExplicitDefaultValue && p.ExplicitDefaultValue is not null) return ConstantText(p.Type, p.ExplicitDefaultValue);
        if (!p.HasExplicitDefaultValue && p.IsOptional && (p.Type.SpecialType == SpecialType.System_Object || p.Type.TypeKind == TypeKind.Dynamic))
            return "global::System.Type.Missing";
        return $"default({p.Type.Fq()})";
    }

    /// <summary>A C# expression for a constant of the given type (casts keep the type; NaN and infinities spelled out).</summary>
    public static string ConstantText(ITypeSymbol type, object? value)
    {
        var t = type.Fq();
        switch (value)
        {
            case null: return $"(({t})null)";
            case double d when double.IsNaN(d): return "double.NaN";
            case double d when double.IsPositiveInfinity(d): return "double.PositiveInfinity";
            case double d when double.IsNegativeInfinity(d): return "double.NegativeInfinity";
            case float f when float.IsNaN(f): return "float.NaN";
            case float f when float.IsPositiveInfinity(f): return "float.PositiveInfinity";
            case float f when float.IsNegativeInfinity(f): return "float.NegativeInfinity";
            // [DateTimeConstant] (an optional DateTime's default): what the compiler passes, a DateTime of those ticks.
            case System.DateTime dt: return $"new global::System.DateTime({dt.Ticks}L)";
        }
        return $"(({t}){LiteralText(value)})";
    }

    /// <summary>
    /// A literal of the value's own type (<c>7L</c>, <c>7U</c>, <c>(short)7</c>): cast to another type (object, a
    /// nullable, an enum) it keeps its type, as the constant C# passes does (a boxed long stays a long). A
    /// negative one is parenthesized (<c>((nint)-3)</c> is not a cast to the parser: CS0075), and a negative zero
    /// keeps its sign.
    /// </summary>
    private static string LiteralText(object value)
    {
        var text = SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
        switch (value)
        {
            case double d:
                if (d == 0 && System.BitConverter.DoubleToInt64Bits(d) < 0) return "(-0.0)";
                if (!text.Contains(".") && !text.Contains("E")) text += ".0";
                break;
            case float f:
                if (f == 0 && System.BitConverter.DoubleToInt64Bits(f) < 0) return "(-0.0f)";
                text += "f";
                break;
            case decimal: text += "m"; break;
            case long: text += "L"; break;
            case ulong: text += "UL"; break;
            case uint: text += "U"; break;
            case short: return $"((short){Parenthesized(text)})";
            case ushort: return $"((ushort){text})";
            case byte: return $"((byte){text})";
            case sbyte: return $"((sbyte){Parenthesized(text)})";
        }
        return Parenthesized(text);
    }

    private static string Parenthesized(string literal) => literal.StartsWith("-", System.StringComparison.Ordinal) ? "(" + literal + ")" : literal;

    /// <summary>
    /// A call the compiler leaves out, arguments and all: a partial method declared without an implementation,
    /// or a method marked <c>[Conditional("X")]</c> (an override inherits it) where none of its symbols is defined
    /// in the calling file (the project's symbols, then the file's active <c>#define</c>/<c>#undef</c>, which all
    /// stand before its first token).
    /// </summary>
    public static bool IsOmittedCall(IMethodSymbol method, SyntaxTree tree)
    {
        var m = method.Definition();
        if (m.IsPartialDefinition && m.PartialImplementationPart is null) return true;
        while (m.OverriddenMethod is { } overridden) m = overridden.OriginalDefinition;
        if (!m.ReturnsVoid) return false;
        var symbols = m.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.ConditionalAttribute" && a.ConstructorArguments.Length == 1)
            .Select(a => a.ConstructorArguments[0].Value as string).ToList();
        if (symbols.Count == 0) return false;
        var defined = new System.Collections.Generic.HashSet<string>(tree.Options.PreprocessorSymbolNames);
        foreach (var trivia in tree.GetRoot().GetFirstToken(includeZeroWidth: true).LeadingTrivia)
        {
            if (trivia.GetStructure() is DefineDirectiveTriviaSyntax { IsActive: true } define) defined.Add(define.Name.ValueText);
            else if (trivia.GetStructure() is UndefDirectiveTriviaSyntax { IsActive: true } undef) defined.Remove(undef.Name.ValueText);
        }
        return !symbols.Any(s => s is not null && defined.Contains(s));
    }
}
