using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Emit;
using GoSharp.Generator.Lowering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Model;

/// <summary>Checks a [Goroutine] method, lowers it, and packs everything into a value-equatable model (the body's
/// method-wide checks: FrameModelBuilder.BodyScan.cs).</summary>
internal static partial class FrameModelBuilder
{
    /// <summary>Test hook: makes the builder throw for chosen methods, to prove a failure becomes GOSH0001.</summary>
    internal static Func<IMethodSymbol, bool>? InjectFailure;

    /// <param name="lineBase">-1: line numbers in the text as they are; else the 0-based line they are written relative to
    /// (<see cref="Emit.LineMarkers"/>; the generator's pipeline, so that the output does not depend on where the method is).</param>
    public static GoroutineResult Build(MethodDeclarationSyntax decl, IMethodSymbol method, SemanticModel model, CancellationToken ct, int lineBase = -1)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            // [Goroutine] on the defining declaration of a partial method (attributes of the two parts merge, as for
            // async): the frame is the implementing declaration's, wherever it is. Its lines are written as they
            // are, not relative to the definition; TreeSurface keeps partial implementations whole, so an edit of
            // one lowers again.
            if (decl.Body is null && decl.ExpressionBody is null && method.PartialImplementationPart is { } impl
                && impl.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct) is MethodDeclarationSyntax implementation)
            {
                decl = implementation;
                method = impl;
                model = model.SyntaxTree == implementation.SyntaxTree ? model : model.Compilation.GetSemanticModel(implementation.SyntaxTree);
                lineBase = -1;
            }
            GoroutineMethodModel? m;
            // BuildCore opens the frame's renames (ShadowedTypeParameterNames) where it writes the frame: closed here
            // whatever happens inside.
            using (ShadowedTypeParameterNames.Guard())
            using (HiddenOuterTypeParameters.Enter(method))
                m = BuildCore(decl, method, model, diagnostics, lineBase, ct);
            return new GoroutineResult(m, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (HiddenOuterTypeParameters.UnnameableTypeException ex)
        {
            // A type the frame would name but cannot from inside a nested type that hides a type parameter of its
            // container (HiddenOuterTypeParameters): refused rather than written to mean another type.
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.Unsupported.Id, LocationInfo.From(decl.Identifier.GetLocation()),
                new[] { HiddenOuterTypeParameters.Refusal(ex) }.ToEquatableArray()));
            return new GoroutineResult(null, diagnostics.ToEquatableArray());
        }
        catch (InsufficientExecutionStackException)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.Unsupported.Id, LocationInfo.From(decl.Identifier.GetLocation()),
                new[] { DiagnosticDescriptors.NotSupported("An expression nested too deeply (thousands of operators or calls inside one another, with a suspension point deep inside)", "lowering it would overflow the compiler's stack; split it into statements with locals") }.ToEquatableArray()));
            return new GoroutineResult(null, diagnostics.ToEquatableArray());
        }
        catch (Exception ex)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.InternalError.Id, LocationInfo.From(decl.Identifier.GetLocation()),
                new[] { method.Name, ex.GetType().Name + ": " + ex.Message.Replace('\n', ' ').Replace('\r', ' ') }.ToEquatableArray()));
            return new GoroutineResult(null, diagnostics.ToEquatableArray());
        }
    }

    /// <summary>
    /// The factory's constraint clauses. An override inherits its constraints and may only restate
    /// <c>class</c>, <c>struct</c> or <c>default</c>, which decide what <c>T?</c> means in its signature (without
    /// <c>default</c>, <c>T?</c> of an unconstrained T in an override is <c>Nullable&lt;T&gt;</c>): the user's own
    /// clauses on the overriding method are exactly those, so they are copied.
    /// </summary>
    private static string FactoryConstraints(MethodDeclarationSyntax decl, bool overrides, string constraints)
    {
        if (!overrides) return constraints.Length == 0 ? "" : " " + constraints;
        return decl.ConstraintClauses.Count == 0 ? "" : " " + string.Join(" ", decl.ConstraintClauses.Select(c => DeclarationText.Of(c)));
    }

    /// <summary>
    /// The lowered body, or null when it would name a type the code inside a nested type cannot
    /// (HiddenOuterTypeParameters): GOSH0010 at the method's name, and the frame that only throws that callers name.
    /// </summary>
    private static string? LowerNameable(MethodLowerer lowerer, MethodDeclarationSyntax decl, Location nameLocation, List<DiagnosticInfo> diags)
    {
        try
        {
            return lowerer.Lower(decl);
        }
        catch (HiddenOuterTypeParameters.UnnameableTypeException ex)
        {
            Add(diags, DiagnosticDescriptors.Unsupported, nameLocation, HiddenOuterTypeParameters.Refusal(ex));
            return null;
        }
    }

    private static void Add(List<DiagnosticInfo> list, DiagnosticDescriptor d, Location at, params string[] args) =>
        list.Add(new DiagnosticInfo(d.Id, LocationInfo.From(at), args.ToEquatableArray()));

    private static GoroutineMethodModel? BuildCore(MethodDeclarationSyntax decl, IMethodSymbol method, SemanticModel model, List<DiagnosticInfo> diags, int lineBase, CancellationToken ct)
    {
        if (InjectFailure?.Invoke(method) == true) throw new InvalidOperationException("injected failure");
        var nameLocation = decl.Identifier.GetLocation();
        // An abstract [Goroutine] method: no frame, only a factory its overrides replace and a launcher (AbstractGoroutines).
        var isAbstract = decl.Body is null && decl.ExpressionBody is null && (SymbolFacts.IsAbstractGoroutine(method) || SymbolFacts.IsStaticInterfaceGoroutine(method));
        if (decl.Body is null && decl.ExpressionBody is null && !isAbstract && SymbolFacts.IsComImport(method.ContainingType))
        {
            Add(diags, DiagnosticDescriptors.CannotLiveInFrame, nameLocation,
                $"'{method.ContainingType.Name}' is a [ComImport] type, whose members must all be abstract or extern (CS0423), so it cannot take the launcher and frame factory of '{method.Name}'; calls through it run the implementation plainly. Remove [Goroutine] and mark the implementations");
            return null;
        }
        if (decl.Body is null && decl.ExpressionBody is null && !isAbstract)
        {
            Add(diags, DiagnosticDescriptors.NoBody, nameLocation, method.Name);
            return null;
        }
        // A member of a C# 14 extension block (`extension(int x) { ... }`) is lowered as its implementation method, a
        // static method of the static class whose first parameter is the receiver of an instance member
        // (ExtensionBlocks); only its launcher goes into a generated block. `member` is the method as declared.
        var member = method;
        TypeDeclarationSyntax? block = null;
        ParameterSyntax? receiverSyntax = null;
        if (ExtensionBlocks.IsBlock(method.ContainingType))
        {
            if (ExtensionBlocks.Implementation(method) is not { } implementation || decl.Parent is not TypeDeclarationSyntax { ParameterList.Parameters.Count: 1 } blockDeclaration)
            {
                Add(diags, DiagnosticDescriptors.CannotLiveInFrame, nameLocation,
                    $"'{method.Name}' is a member of a C# 14 extension block whose implementation method the compiler does not show; declare it as a classic extension method (static, with a 'this' parameter) in a static partial class");
                return null;
            }
            block = blockDeclaration;
            if (!method.IsStatic && ExtensionBlocks.Receiver(method.ContainingType) is { } receiver)
            {
                receiverSyntax = blockDeclaration.ParameterList.Parameters[0];
                // The receiver is the implementation's first parameter: what async refuses of a parameter it refuses
                // of the receiver, at the member's name (CS1988, CS4012), and so does this.
                if (receiver.RefKind != RefKind.None)
                    Add(diags, DiagnosticDescriptors.RefParameter, nameLocation, receiver.Name);
                else if (SymbolFacts.CannotLiveInFrame(receiver.Type))
                    Add(diags, DiagnosticDescriptors.CannotLiveInFrame, nameLocation,
                        $"The receiver '{receiver.Name}' of '{method.Name}' is of type '{receiver.Type.ToDisplayString()}', which lives on the thread's stack and cannot be stored in the goroutine frame (async members: CS4012); pass an array, Memory<T> or an index instead");
            }
            method = implementation;
        }
        for (var t = method.ContainingType; t is not null; t = t.ContainingType)
        {
            if (!SymbolFacts.IsPartial(t))
            {
                Add(diags, DiagnosticDescriptors.NotPartial, t.Locations.FirstOrDefault(l => l.IsInSource && l.SourceTree == decl.SyntaxTree) ?? nameLocation, t.Name);
            }
        }
        for (var t = method.ContainingType; t is not null; t = t.ContainingType)
        {
            // A file-local type's other parts must be in the same file, which a generator cannot add to.
            if (t.IsFileLocal)
                Add(diags, DiagnosticDescriptors.CannotLiveInFrame, t.Locations.FirstOrDefault(l => l.IsInSource && l.SourceTree == decl.SyntaxTree) ?? nameLocation,
                    $"'{t.Name}' is a file-local type: the frame and launcher of '{method.Name}' would be declared in another file, where the type is not visible; make the type internal (or private, nested in another partial type)");
            if (SymbolFacts.VariantInterfaceRefuses(t, method))
                Add(diags, DiagnosticDescriptors.CannotLiveInFrame, nameLocation, SymbolFacts.IsAbstractGoroutine(method) && isAbstract
                    ? $"'{t.Name}' has in/out type parameters, and the launcher and frame factory of '{method.Name}', default members of the interface, would return Goroutine<{method.ReturnType.ToDisplayString()}> and Frame<{method.ReturnType.ToDisplayString()}>, which are invariant in the result (an async member's Task<{method.ReturnType.ToDisplayString()}> is refused likewise, CS1961); return a type that names no in/out type parameter, or remove [Goroutine] and mark the implementations"
                    : isAbstract
                    ? $"'{t.Name}' has in/out type parameters, and the frame factory of the static member '{method.Name}', generic in the type a call goes through, would constrain that type to '{t.ToDisplayString()}', which such an interface cannot do (CS1961); remove [Goroutine] and mark the implementations"
                    : $"'{t.Name}' has in/out type parameters, and C# allows no nested class (the frame of '{method.Name}') in such an interface (CS8427), and a frame outside the interface could not reach its private and protected members; write the body as a [Goroutine] static method of a partial class that takes the interface as a parameter (an extension method of another name: an instance call binds to the interface's own member) and call that from goroutines");
        }
        if (!method.IsStatic && RefStructInterfaces.Implementer(method.ContainingType) is { } refStruct)
            Add(diags, DiagnosticDescriptors.CannotLiveInFrame, nameLocation,
                $"'{method.ContainingType.Name}' is implemented by the ref struct '{refStruct.Name}', which takes no default implementation of an interface member (CS9245), so the interface cannot get the goroutine factory and launcher of '{method.Name}'; calls through it run the implementation plainly. Call a [Goroutine] method of the implementing type instead");
        foreach (var p in decl.ParameterList.Parameters)
        {
            if (p.Modifiers.Any(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword)))
                Add(diags, DiagnosticDescriptors.RefParameter, p.GetLocation(), p.Identifier.ValueText);
            else if (model.GetDeclaredSymbol(p, ct) is { } ps && SymbolFacts.CannotLiveInFrame(ps.Type))
                Add(diags, DiagnosticDescriptors.CannotLiveInFrame, p.GetLocation(),
                    $"Parameter '{ps.Name}' is of type '{ps.Type.ToDisplayString()}', which lives on the thread's stack and cannot be stored in the goroutine frame (async methods: CS4012/CS4005); pass an array, Memory<T> or an index instead");
        }
        if (method.IsVararg)
            Add(diags, DiagnosticDescriptors.CannotLiveInFrame, decl.ParameterList.Parameters.LastOrDefault()?.GetLocation() ?? nameLocation,
                $"'{method.Name}' takes __arglist, whose arguments live on the caller's stack and cannot be stored in the goroutine frame (async methods: CS4006); take a params object[] instead");
        if (method.ReturnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            Add(diags, DiagnosticDescriptors.CannotLiveInFrame, decl.ReturnType.GetLocation(),
                $"'{method.Name}' returns the pointer type '{method.ReturnType.ToDisplayString()}', which cannot be a goroutine's result (the frame and the launcher's Goroutine<T> take the result type as a type argument; async methods: CS1983); return nint or an index instead");
        // A covariant return (C# 9): the override's factory must return the overridden method's Frame<Base>, which its
        // Frame<Derived> is not (classes are invariant); async has no such override either (Task<T> is invariant).
        // Nothing is generated for it (a factory typed either way would not compile).
        if (SymbolFacts.CovariantReturnOf(method) is { } overriddenReturn)
        {
            Add(diags, DiagnosticDescriptors.CannotLiveInFrame, decl.ReturnType.GetLocation(),
                $"'{method.Name}' overrides a method returning '{overriddenReturn.ToDisplayString()}' with the covariant return type '{method.ReturnType.ToDisplayString()}': its goroutine frame, a Frame<{method.ReturnType.ToDisplayString()}>, cannot stand for the overridden method's Frame<{overriddenReturn.ToDisplayString()}> (an async override cannot return Task<{method.ReturnType.ToDisplayString()}> either); return '{overriddenReturn.ToDisplayString()}' from the override");
            return null;
        }
        if (!method.IsStatic && method.ContainingType.IsRefLikeType)
            Add(diags, DiagnosticDescriptors.CannotLiveInFrame, nameLocation,
                $"'{method.Name}' is an instance method of the ref struct '{method.ContainingType.Name}', whose value cannot be stored in the goroutine frame; make the method static");
        // A plain call of a struct's method changes the caller's variable (ref this); the frame can only hold a
        // copy, so a method that may write to the instance would silently lose its writes (StructThisWrites).
        if (!method.IsStatic && method.ContainingType.IsValueType
            && !method.ContainingType.IsRefLikeType && StructThisWrites.FirstWrite(method, model.Compilation, ct) is { } write)
            Add(diags, DiagnosticDescriptors.MutableStructInstance, write.GetLocation(), method.Name, method.ContainingType.Name);
        foreach (var (through, how) in AbstractGoroutines.PlainAbstractions(method))
            Add(diags, DiagnosticDescriptors.PlainThroughAbstraction, nameLocation,
                method.ExplicitInterfaceImplementations.Length > 0 ? method.ContainingType.Name + "." + through.ContainingType.Name + "." + through.Name : method.Name, how,
                through.ContainingType.Name + "." + through.Name);
        if (method.IsAsync)
            Add(diags, DiagnosticDescriptors.AsyncOrIterator, nameLocation, method.Name, "async");
        // [MethodImpl(Synchronized)] makes the runtime hold a Monitor on the instance (or the type) for the whole
        // plain call; the frame's Resume is another method, so a goroutine would run unlocked, and a Monitor could
        // not be held across a suspension anyway (GOSH0005). Async refuses it too (CS4015), at the name.
        if ((method.MethodImplementationFlags & System.Reflection.MethodImplAttributes.Synchronized) != 0)
            Add(diags, DiagnosticDescriptors.CannotLiveInFrame, nameLocation,
                $"'{method.Name}' is [MethodImpl(MethodImplOptions.Synchronized)], a Monitor held on the thread for the whole call, which a goroutine's frame does not take and could not hold across a suspension (async methods: CS4015); lock a Sync.Mutex in the body instead");
        var body = (SyntaxNode?)decl.Body ?? decl.ExpressionBody ?? (SyntaxNode)decl.ParameterList;
        // The iterator check (a yield outside lambdas and local functions) rides on ScanBody's walk of the body;
        // its diagnostic goes here, in front of the ones added meanwhile.
        var iteratorDiagnosticAt = diags.Count;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly || SymbolFacts.IsRefLike(method.ReturnType))
            Add(diags, DiagnosticDescriptors.CannotLiveInFrame, decl.ReturnType.GetLocation(),
                "A [Goroutine] method cannot return by reference or return a ref struct: its result is stored in its frame, where a reference or a ref struct cannot live (async methods: CS1996/CS4012); return by value (an array, Memory<T>, or an index) instead");
        var filePath = decl.SyntaxTree.FilePath;
        // From here to the frame's constructor, types are written as the frame names them.
        var renames = ShadowedTypeParameterNames.Of(method);
        var frameScope = ShadowedTypeParameterNames.Enter(renames);
        var lowerer = new MethodLowerer(model, method, filePath, diags, ct, lineBase);
        if (block is not null)
        {
            var shift = method.Parameters.Length - member.Parameters.Length;
            if (shift == 1 && ExtensionBlocks.Receiver(member.ContainingType) is { } receiverParameter) lowerer.AliasParameter(receiverParameter, method.Parameters[0]);
            for (var i = 0; i < member.Parameters.Length; i++) lowerer.AliasParameter(member.Parameters[i], method.Parameters[shift + i]);
        }
        // An unsafe method (or type) is an unsafe context throughout: no suspension point in it (CS4004 for await).
        var unsafeContext = decl.Modifiers.Any(SyntaxKind.UnsafeKeyword)
            || decl.Ancestors().OfType<TypeDeclarationSyntax>().Any(t => t.Modifiers.Any(SyntaxKind.UnsafeKeyword));
        // (A method of a file-local type is refused as a whole above.)
        if (FileLocalTypes.DeclaredIn(decl.SyntaxTree) && FileLocalTypes.Owner(method.ContainingType) is null) ReportFileLocalUses(body, model, diags, ct);
        if (!isAbstract && ScanBody(body, model, lowerer, diags, unsafeContext, ct))
            diags.Insert(iteratorDiagnosticAt, new DiagnosticInfo(DiagnosticDescriptors.AsyncOrIterator.Id, LocationInfo.From(nameLocation),
                new[] { method.Name, "an iterator" }.ToEquatableArray()));
        // An error in the body leaves the method a frame that only throws (EmitStubBody) when callers will name its
        // frame (SymbolFacts.IsGeneratedGoroutine): their code must still compile, and the build fails on the
        // GOSH error anyway. A method-level error leaves it no frame: callers call it as a plain method.
        // The generator's own member names in the user's type (its output is not in this compilation, so a member of
        // that name is the user's): the frame factories would be declared twice (CS0111 in generated code).
        var factoryNameTaken = false;
        foreach (var reserved in new[] { SymbolFacts.FrameFactoryName(method), SymbolFacts.OwnFrameName(method) })
            if (!method.ContainingType.GetMembers(reserved).IsEmpty && (factoryNameTaken = true))
                Add(diags, DiagnosticDescriptors.CannotLiveInFrame, nameLocation,
                    $"'{method.ContainingType.Name}' already has a member '{reserved}', a name the generator gives a frame factory of '{method.Name}' (names that start with __Go are the generator's); rename that member");
        var refused = HasErrors(diags);
        if (refused && !SymbolFacts.IsGeneratedGoroutine(method)) return null;

        // A body the compiler rejects is not copied into a frame: its errors would be reported twice.
        var resumeBody = refused || isAbstract || BodyErrors.Has(decl, model, ct) ? null : LowerNameable(lowerer, decl, nameLocation, diags);
        var frameBaseType = method.ReturnsVoid ? RuntimeContract.Frame.Type : RuntimeContract.Generic(RuntimeContract.FrameOfT.Type, method.ReturnType.Fq());
        var frameParameterTypes = method.Parameters.Select(p => p.Type.Fq()).ToList();
        var frameConstraintsRenamed = renames.Count == 0 ? null : SymbolFacts.ConstraintClauses(method);
        frameScope.Dispose();
        if (!refused && HasErrors(diags))
        {
            if (!SymbolFacts.IsGeneratedGoroutine(method)) return null;
            refused = true;
            resumeBody = null;
        }

        // ---- containing declarations
        var types = new List<ContainingTypeModel>();
        foreach (var td in decl.Ancestors().OfType<TypeDeclarationSyntax>().Reverse())
        {
            if (td == block) continue;   // the frame is the static class's; the launcher's block is written apart
            var keyword = td switch
            {
                RecordDeclarationSyntax r => r.ClassOrStructKeyword.RawKind != 0 ? "record " + r.ClassOrStructKeyword.Text : "record",
                _ => td.Keyword.Text,
            };
            // Without the type parameters' attributes: the parts of a partial type merge them ([DynamicallyAccessedMembers]
            // on Scriban's ScriptLazy<T> twice is CS0579); variance is repeated as written, as C# asks.
            types.Add(new ContainingTypeModel(keyword, td.Identifier.Text + (td.TypeParameterList is { } tpl ? DeclarationText.Of(tpl, model, withoutAttributes: true) : ""), "",
                td.Modifiers.Any(SyntaxKind.UnsafeKeyword)));
        }
        var ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        var root = (CompilationUnitSyntax)decl.SyntaxTree.GetRoot(ct);
        // A using that names a file-local type would not compile in the generated file (FileLocalTypes).
        var fileLocals = FileLocalTypes.DeclaredIn(decl.SyntaxTree);
        // The file's #define and #undef lines (they stand before its first token) come first, so that a call of a
        // [Conditional] method copied into the frame is made or left out as in the user's file
        // (SymbolFacts.IsOmittedCall).
        var defines = root.GetFirstToken(includeZeroWidth: true).LeadingTrivia.Select(t => t.GetStructure())
            .Where(d => d is DefineDirectiveTriviaSyntax { IsActive: true } or UndefDirectiveTriviaSyntax { IsActive: true })
            .Select(d => d!.ToString().Trim());
        var fileUsings = defines.Concat(root.Usings.Where(u => u.GlobalKeyword.RawKind == 0 && !(fileLocals && FileLocalTypes.NamesOne(u, model))).Select(u => u.ToString())).ToEquatableArray();
        var nsUsings = decl.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().SelectMany(x => x.Usings).Where(u => !(fileLocals && FileLocalTypes.NamesOne(u, model))).Select(u => u.ToString()).ToEquatableArray();

        var frameName = SymbolFacts.FrameName(method);
        var launcherName = SymbolFacts.LauncherName(method);
        if (LauncherClash(method, launcherName) is { } clash)
        {
            Add(diags, DiagnosticDescriptors.LauncherNameTaken, nameLocation, method.ContainingType.Name, launcherName, method.Name);
            launcherName = null;
        }
        var launcherTypeParams = decl.TypeParameterList is { } typeParameterList ? DeclarationText.Of(typeParameterList, model) : "";
        // An override and an explicit interface implementation inherit their constraints (they may not restate them).
        var launcherConstraints = (method.IsOverride || !method.ExplicitInterfaceImplementations.IsEmpty) && method.IsGenericMethod
            ? SymbolFacts.ConstraintClauses(method)
            : string.Join(" ", decl.ConstraintClauses.Select(c => DeclarationText.Of(c)));
        // The frame and the factory of an extension block member have the implementation's type parameters: the
        // block's, then the member's.
        var typeParams = block?.TypeParameterList is { } blockTypeParameters
            ? (launcherTypeParams.Length == 0 ? DeclarationText.Of(blockTypeParameters, model)
                : DeclarationText.Of(blockTypeParameters, model).TrimEnd('>') + ", " + launcherTypeParams.Substring(1))
            : launcherTypeParams;
        var constraints = block is { ConstraintClauses.Count: > 0 }
            ? string.Join(" ", block.ConstraintClauses.Select(c => DeclarationText.Of(c)).Append(launcherConstraints).Where(c => c.Length > 0))
            : launcherConstraints;
        var baseType = method.ReturnsVoid ? RuntimeContract.Frame.Type : RuntimeContract.Generic(RuntimeContract.FrameOfT.Type, method.ReturnType.Fq());
        var thisType = method.IsStatic ? null : method.ContainingType.Fq();

        var ctorParams = new List<string>();
        var ctorAssign = new List<string>();
        if (thisType is not null)
        {
            ctorParams.Add(thisType + " @this");
            // A nested call made on a null receiver throws where C# throws, after the arguments (callvirt's null
            // check): the frame is made then, and a non-virtual body would otherwise run with no receiver at all.
            ctorAssign.Add(method.ContainingType.IsReferenceType
                ? "_this = @this ?? throw new global::System.NullReferenceException();"
                : "_this = @this;");
        }
        var fields = lowerer.Fields;
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var p = method.Parameters[i];
            ctorParams.Add($"{frameParameterTypes[i]} __a{i}");
            ctorAssign.Add($"_p_{p.Name} = __a{i};");
        }

        // An unsafe method's body is an unsafe context: so is its frame (the whole class, Resume and the fields).
        var frameAccessibility = FrameAccessibility(method) + (decl.Modifiers.Any(SyntaxKind.UnsafeKeyword) ? " unsafe" : "");
        var accessibility = string.Join(" ", decl.Modifiers.Where(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword)
            || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)).Select(m => m.Text));
        var modifiers = (accessibility + (member.IsStatic ? " static" : "")).Trim();
        // C# 13's [OverloadResolutionPriority] picks among a method's overloads: `go M(x)`, GoM(x), must pick as M(x) does.
        // An override's priority is its original's (C# reads that one): a launcher is no override, so it says it.
        modifiers = $"{SymbolFacts.OverloadResolutionPriorityAttribute(method)}{DeclarationText.UseAttributes(method)} {modifiers}".Trim();
        // Callers bind named arguments and defaults to a partial method's defining declaration: so does its launcher.
        var (launcherParameterList, launcherModel) = (decl.ParameterList, model);
        if (method.PartialDefinitionPart?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct) is MethodDeclarationSyntax definition)
            (launcherParameterList, launcherModel) = (definition.ParameterList,
                model.SyntaxTree == definition.SyntaxTree ? model : model.Compilation.GetSemanticModel(definition.SyntaxTree));
        var launcherParams = string.Join(", ", launcherParameterList.Parameters.Select(p =>
            DeclarationText.CallAttributes(launcherModel.GetDeclaredSymbol(p, ct)) + DeclarationText.Of(p, launcherModel, withoutAttributes: true)));
        var frameArgs = new List<string>();
        if (thisType is not null) frameArgs.Add("this");
        if (receiverSyntax is not null) frameArgs.Add(receiverSyntax.Identifier.Text);
        frameArgs.AddRange(launcherParameterList.Parameters.Select(p => p.Identifier.Text));
        var frameTypeParameterNames = (block?.TypeParameterList?.Parameters ?? default).Concat(decl.TypeParameterList?.Parameters ?? default).Select(p => p.Identifier.Text).ToList();
        var frameTypeArgs = frameTypeParameterNames.Count == 0 ? "" : "<" + string.Join(", ", frameTypeParameterNames) + ">";
        var returnType = method.ReturnsVoid ? RuntimeContract.Goroutine.Type : RuntimeContract.Generic(RuntimeContract.GoroutineOfT.Type, method.ReturnType.Fq());
        var spawn = method.ReturnsVoid ? RuntimeContract.GoRuntime.Spawn : RuntimeContract.Generic(RuntimeContract.GoRuntime.Spawn, method.ReturnType.Fq());

        // A virtual [Goroutine] method makes its frame through a virtual factory that [Goroutine] overrides
        // override: nested calls and the launcher then run the body of the receiver's runtime type.
        // (From the launcher's generated extension block, through the static class.)
        var frameNew = $"new {(block is null ? "" : method.ContainingType.Fq() + ".")}{frameName}{frameTypeArgs}({string.Join(", ", frameArgs)})";
        // The frame made through the method's factory, on this object (virtual, abstract or default interface method).
        var factoryCall = $"{SymbolFacts.FrameFactoryName(method)}{frameTypeArgs}({string.Join(", ", frameArgs.Skip(1))})";
        string? factory = null;
        // The method's own type parameters as type arguments, for the factories of abstract and static interface members.
        var ownTypeArgs = method.IsGenericMethod ? "<" + string.Join(", ", method.TypeParameters.Select(t => t.Name)) + ">" : "";
        if (isAbstract)
        {
            // An abstract override of a [Goroutine] method keeps the factory it inherits (which runs a plain override
            // plainly; a [Goroutine] one overrides it).
            if (method.IsStatic)
            {
                // A static abstract interface member: a factory generic in the type called through, and a launcher
                // that names it (IGreeter.GoHello<En>(n)).
                factory = AbstractGoroutines.StaticFactory(method, baseType, typeParams, launcherParams, constraints,
                    launcherParameterList.Parameters.Select(p => p.Identifier.ValueText), ownTypeArgs);
                frameNew = $"{AbstractGoroutines.Self}.{SymbolFacts.FrameFactoryName(method)}{AbstractGoroutines.WithSelf(ownTypeArgs)}({string.Join(", ", frameArgs)})";
                launcherTypeParams = AbstractGoroutines.WithSelf(launcherTypeParams);
                launcherConstraints = ($"where {AbstractGoroutines.Self} : {method.ContainingType.Fq()} " + launcherConstraints).Trim();
            }
            else
            {
                factory = SymbolFacts.OverridesFrameFactory(method) ? null
                    : AbstractGoroutines.Factory(method, accessibility, baseType, typeParams, launcherParams, constraints,
                        launcherParameterList.Parameters.Select(p => p.Identifier.ValueText), ownTypeArgs);
                frameNew = factoryCall;
            }
        }
        else if (SymbolFacts.IsVirtualGoroutine(method))
        {
            var factoryName = SymbolFacts.FrameFactoryName(method);
            var overrides = SymbolFacts.OverridesFrameFactory(method);
            // The type's own frame, non-virtually: what base.M() of a derived [Goroutine] method asks for (BaseAccess).
            var ownName = SymbolFacts.OwnFrameName(method);
            var ownClauses = SymbolFacts.ConstraintClauses(method);
            var ownModifiers = (accessibility + (SymbolFacts.HidesOwnFrame(method) ? " new" : "")).Trim();
            var own = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]\n"
                + $"{(ownModifiers.Length > 0 ? ownModifiers + " " : "")}{baseType} {ownName}{typeParams}({launcherParams}){(ownClauses.Length > 0 ? " " + ownClauses : "")} => {frameNew};";
            factory = $"{(accessibility + (overrides ? " override " : " virtual ")).TrimStart()}{baseType} {factoryName}{typeParams}({launcherParams})"
                + $"{FactoryConstraints(decl, overrides, constraints)} =>\n    {DispatchingFactory.Body(method, $"{ownName}{frameTypeArgs}({string.Join(", ", frameArgs.Skip(1))})", frameTypeArgs, decl)};\n\n"
                + own
                + (DispatchingFactory.Check(method) is { } check ? "\n\n" + check : "");
            frameNew = factoryCall;
        }
        string? interfaceCheck = null;
        if (!isAbstract && SymbolFacts.IsOverridableInterfaceMethod(method))
        {
            // A default interface method: the receiver's class may implement it (plainly, or as a [Goroutine] method
            // of its own), and then C# calls that. The launcher and the factory ask the same check as a virtual
            // method's factory, and run the implementation plainly when it is not this default body.
            frameNew = DispatchingFactory.Body(method, frameNew, frameTypeArgs, decl);
            interfaceCheck = DispatchingFactory.Check(method);
        }
        if (factory is null && !isAbstract && (SymbolFacts.MayBeCalledFromAnotherAssembly(method) || interfaceCheck is not null))
        {
            // Goroutines of other assemblies call the method through this (docs/frame-contract.md, Calls across
            // assemblies); so do those of this assembly, for a default interface method (the implementation may differ).
            var factoryParameters = receiverSyntax is null ? launcherParameterList.Parameters : launcherParameterList.Parameters.Prepend(receiverSyntax);
            factory = FrameFactories.Exported(method, accessibility, baseType, typeParams, factoryParameters, launcherModel, constraints, frameNew);
            // A default interface method's launcher goes through the factory too: a [Goroutine] implementation
            // implements it explicitly (AbstractGoroutines).
            if (interfaceCheck is not null) frameNew = factoryCall;
        }
        if (factoryNameTaken) factory = null;   // GOSH0017 above; the stub frame must still compile
        if (factory is not null) factory = FrameFactories.Attribute(method) + "\n" + factory;
        if (!isAbstract && SymbolFacts.IsStaticInterfaceGoroutine(method))
        {
            // A static virtual one with a default body: called through a type parameter, it runs that type's
            // implementation (a [Goroutine] one as a goroutine call; a plain one, or this body when the type has
            // none, plainly). Its launcher keeps starting this body.
            var dispatching = AbstractGoroutines.StaticFactory(method, baseType, typeParams, launcherParams, constraints,
                launcherParameterList.Parameters.Select(p => p.Identifier.ValueText), ownTypeArgs);
            factory = factory is null ? dispatching
                : factory + "\n\n[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]\n" + dispatching;
        }
        foreach (var implementation in AbstractGoroutines.InterfaceFactories(method, baseType, typeParams, launcherParams, AbstractGoroutines.RestatableConstraints(method), frameNew))
            factory = factory is null ? implementation : factory + "\n\n" + implementation;
        if (interfaceCheck is not null) factory = factory is null ? interfaceCheck : factory + "\n\n" + interfaceCheck;

        var typeChain = string.Join(".", method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "")
            .Split('.')) ;
        var hint = Sanitize(typeChain + "." + frameName) + ".g.cs";
        var display = method.ContainingType.ToDisplayString() + "." + method.Name;

        return new GoroutineMethodModel(
            HintName: hint,
            Namespace: ns,
            FileUsings: fileUsings,
            NamespaceUsings: nsUsings,
            ContainingTypes: types.ToEquatableArray(),
            MethodDisplayName: display,
            FilePath: filePath,
            FrameName: frameName,
            FrameAccessibility: frameAccessibility,
            FrameTypeParameters: renames.Count == 0 ? typeParams : ShadowedTypeParameterNames.FrameTypeParameterList(method, renames),
            FrameConstraints: frameConstraintsRenamed ?? constraints,
            FrameBaseType: frameBaseType,
            ThisType: thisType,
            ThisReadOnly: thisType is not null && SymbolFacts.HasReadOnlyThis(method),
            Fields: fields.ToEquatableArray(),
            ConstructorParameters: ctorParams.ToEquatableArray(),
            ConstructorAssignments: ctorAssign.ToEquatableArray(),
            States: lowerer.States.ToEquatableArray(),
            ResumeBody: resumeBody,
            ResumeParameter: lowerer.GoroutineParameter,
            FirstPassBody: resumeBody is null ? null : lowerer.FirstPassBody,
            BodyRefused: refused,
            LauncherModifiers: modifiers,
            LauncherName: launcherName,
            LauncherTypeParameters: launcherTypeParams,
            LauncherParameters: launcherParams,
            LauncherConstraints: launcherConstraints,
            LauncherExtensionBlock: block is null ? null : ExtensionBlockHeader(block, model),
            LauncherReturnType: returnType,
            LauncherFrameArguments: $"{RuntimeContract.GoRuntime.Type}.{RuntimeContract.GoRuntime.Current}.{spawn}({frameNew})",
            FrameFactory: factory,
            NeedsPatternHelpers: lowerer.NeedsPatternHelpers,
            NeedsAnonymousHelper: lowerer.NeedsAnonymousHelper,
            ExampleHelpers: lowerer.ExampleHelpers.ToEquatableArray(),
            Environments: lowerer.EnvironmentDeclarations.ToEquatableArray(),
            BaseProxies: lowerer.BaseProxies.ToEquatableArray(),
            PrimaryParameterAccessors: lowerer.PrimaryParameterAccessors.ToEquatableArray(),
            InitAccessors: lowerer.InitAccessors.ToEquatableArray(),
            FileInitAccessors: lowerer.FileInitAccessors.ToEquatableArray(),
            OuterAccessors: lowerer.OuterAccessors.ToEquatableArray(),
            OperatorAccessors: lowerer.OperatorAccessors.ToEquatableArray(),
            Diagnostics: EquatableArray<DiagnosticInfo>.Empty,
            HasFrame: !isAbstract,
            ObliviousSignature: !launcherModel.GetNullableContext(launcherParameterList.SpanStart).AnnotationsEnabled());
    }

    /// <summary>
    /// The header of the generated extension block that holds an extension block member's launcher: the user's block
    /// with its type parameters, receiver and constraints (<c>extension&lt;T&gt;(List&lt;T&gt; l) where T : class</c>), so
    /// that <c>l.GoCount()</c> calls the launcher as <c>l.Count()</c> calls the member.
    /// </summary>
    private static string ExtensionBlockHeader(TypeDeclarationSyntax block, SemanticModel model) =>
        "extension" + (block.TypeParameterList is { } tpl ? DeclarationText.Of(tpl, model) : "")
        + "(" + DeclarationText.Of(block.ParameterList!.Parameters[0], model) + ")"
        + string.Concat(block.ConstraintClauses.Select(c => " " + DeclarationText.Of(c)));

    /// <summary>
    /// The frame class is as accessible as the method (at most internal): nested goroutine calls that can see
    /// the method can make its frame, and a parameter of a private type stays legal in the frame's constructor.
    /// </summary>
    private static string FrameAccessibility(IMethodSymbol method) => method.DeclaredAccessibility switch
    {
        _ when method.ExplicitInterfaceImplementations.Length > 0 => "private",
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        _ => "internal",
    };

    /// <summary>A user member the launcher would clash with: a non-method of that name, or a method with the same parameter types.</summary>
    private static ISymbol? LauncherClash(IMethodSymbol method, string launcherName)
    {
        // `Step` of a class `GoStep`: no member may have its type's name (CS0542).
        if (method.ContainingType.Name == launcherName) return method.ContainingType;
        foreach (var member in method.ContainingType.GetMembers(launcherName))
        {
            // The analyzer analyses the compilation that already holds this generator's output: the launcher
            // it finds there is the one being named, not a clash.
            if (SymbolFacts.IsGeneratedHere(member)) continue;
            if (member is not IMethodSymbol other) return member;
            if (other.Arity == method.Arity && other.Parameters.Length == method.Parameters.Length
                && other.Parameters.Zip(method.Parameters, (a, b) => a.Type.OriginalDefinition.ToDisplayString() == b.Type.OriginalDefinition.ToDisplayString()).All(x => x))
                return member;
        }
        return null;
    }

    /// <summary>The static type of a call's receiver (<c>ms</c> in <c>ms.CopyTo(x)</c>), if it has one.</summary>
    private static ITypeSymbol? ReceiverType(InvocationExpressionSyntax inv, SemanticModel model, CancellationToken ct) =>
        inv.Expression is MemberAccessExpressionSyntax ma ? model.GetTypeInfo(ma.Expression, ct).Type : null;

    /// <summary>A hint name's characters: letters, digits, '.' and '_' (LineBases compares them ignoring case).</summary>
    internal static string Sanitize(string s)
    {
        var chars = s.Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_').ToArray();
        return new string(chars);
    }

    private static bool HasErrors(List<DiagnosticInfo> diags) =>
        diags.Any(d => DiagnosticDescriptors.Get(d.Id).DefaultSeverity == DiagnosticSeverity.Error);
}
