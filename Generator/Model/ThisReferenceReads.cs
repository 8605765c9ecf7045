using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Model;

/// <summary>
/// Whether a writable reference to a struct's instance, made by <c>Unsafe</c>'s reinterpreting helpers, is only read:
/// the exception <see cref="StructThisWrites"/> makes to "<c>this</c> passed to a method returning a writable
/// <c>ref</c> may write".
/// </summary>
/// <remarks>
/// <para>
/// Hashing and comparing code reads a struct's bytes through such a reference (Ulid's <c>GetHashCode</c>: <c>ref int
/// rA = ref Unsafe.As&lt;Ulid, int&gt;(ref Unsafe.AsRef(in this)); return rA ^ Unsafe.Add(ref rA, 1) ^ ...</c>). On the
/// frame's copy it computes what it would on the caller's variable, as an async method does; refusing it (GOSH0014)
/// refused a method that never writes.
/// </para>
/// <para>
/// The reference is followed only through what is known not to write: <c>Unsafe.AsRef</c>, <c>As</c>, <c>Add</c>,
/// <c>AddByteOffset</c>, <c>Subtract</c>, <c>SubtractByteOffset</c> (pointer arithmetic on the reference), and
/// <c>ref</c> or <c>ref readonly</c> locals it initializes or is ref-assigned to, every use of which is followed
/// in turn. It ends in a read where its value is taken: an operand, a conversion, a by-value argument, the value of a
/// plain assignment or of a by-value local's initializer, a by-value return, an <c>in</c> argument of a method that
/// does not return by <c>ref</c>. Anything else (an assignment to it, a
/// <c>ref</c> argument of any other method, a member called or a field reached through it, <c>&amp;</c>) may write.
/// </para>
/// </remarks>
internal static class ThisReferenceReads
{
    private static readonly HashSet<string> Reinterpreting = new()
    {
        "AsRef", "As", "Add", "AddByteOffset", "Subtract", "SubtractByteOffset",
    };

    /// <summary>Whether <paramref name="call"/> is one of <c>Unsafe</c>'s helpers that return the reference they are given, moved or retyped.</summary>
    public static bool IsReinterpreting(IInvocationOperation call) =>
        call.TargetMethod is { ReturnsByRef: true, Name: var name, ContainingType: { Name: "Unsafe", ContainingNamespace: { Name: "CompilerServices", ContainingNamespace: { Name: "Runtime", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } }
        && Reinterpreting.Contains(name);

    /// <summary>Whether every use of the reference <paramref name="call"/> returns only reads through it.</summary>
    public static bool OnlyRead(IInvocationOperation call) => OnlyRead(call, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default));

    private static bool OnlyRead(IOperation reference, HashSet<ILocalSymbol> followed)
    {
        switch (reference.Parent)
        {
            // Moved or retyped again: follow the new reference.
            case IArgumentOperation { Parent: IInvocationOperation next } arg when arg.Value == reference && IsReinterpreting(next):
                return OnlyRead(next, followed);
            // Kept in a ref local: every use of the local is a use of the reference.
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { RefKind: RefKind.Ref or RefKind.RefReadOnly } local } }:
                return LocalOnlyRead(local, reference, followed);
            case ISimpleAssignmentOperation { IsRef: true, Target: ILocalReferenceOperation target } assign when assign.Value == reference:
                return LocalOnlyRead(target.Local, reference, followed);
            // Its value taken.
            case IBinaryOperation or IUnaryOperation or IConversionOperation or IInterpolationOperation:
                return true;
            case IArgumentOperation { Parameter.RefKind: RefKind.None }:
                return true;
            // An `in` argument the callee cannot write (Ulid's ToGuid: MemoryMarshal.Write(buf, in upper)), as `this`
            // passed `in` is a read in StructThisWrites, unless the callee hands it back as a writable ref.
            case IArgumentOperation { Parameter.RefKind: RefKind.In or RefKind.RefReadOnlyParameter, Parent: IInvocationOperation { TargetMethod.ReturnsByRef: false } }:
                return true;
            case IVariableInitializerOperation:
                return true;
            case ISimpleAssignmentOperation { IsRef: false } plain when plain.Value == reference:
                return true;
            case IReturnOperation:
                return ContainingMethod(reference) is { ReturnsByRef: false, ReturnsByRefReadonly: false };
            default:
                return false;
        }
    }

    private static bool LocalOnlyRead(ILocalSymbol local, IOperation anyUse, HashSet<ILocalSymbol> followed)
    {
        if (!followed.Add(local)) return true;
        var root = anyUse;
        while (root.Parent is { } p) root = p;
        foreach (var use in root.Descendants().OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local)))
        {
            // `r = ref other` points the local elsewhere; it writes nothing.
            if (use.Parent is ISimpleAssignmentOperation { IsRef: true } rebind && rebind.Target == use) continue;
            if (!OnlyRead(use, followed)) return false;
        }
        return true;
    }

    private static IMethodSymbol? ContainingMethod(IOperation op)
    {
        while (op.Parent is { } p) op = p;
        return op.SemanticModel?.GetEnclosingSymbol(op.Syntax.SpanStart) as IMethodSymbol;
    }
}
