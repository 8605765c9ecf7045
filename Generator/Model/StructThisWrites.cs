using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GoSharp.Generator.Model;

/// <summary>
/// Whether an instance method of a struct may write to the instance, and where: the test behind GOSH0014.
/// </summary>
/// <remarks>
/// <para>
/// A plain call of a struct's instance method runs on the caller's variable itself (<c>this</c> is a <c>ref</c>). A
/// goroutine frame outlives the caller's stack, so it holds a copy of the value, as an async method's state machine
/// does; async accepts every such method and lets its writes go to the copy. A method that never writes to the
/// instance computes the same on the copy as on the variable, so the generator accepts it, readonly or not, and
/// refuses (GOSH0014, at the write) one that may write, where the two would differ silently.
/// </para>
/// <para>
/// "May write" is decided on the bound body, conservatively: <c>this</c> (explicit or implicit), or a chain of its
/// value-typed, non-readonly fields (<c>this.a.b</c>), used where C# does not copy it: as an assignment, increment
/// or deconstruction target; as a <c>ref</c> or <c>out</c> argument (or <c>in</c> to a method returning a writable
/// <c>ref</c>, <c>Unsafe.AsRef</c>, unless the reference it returns is only read: <c>ThisReferenceReads</c>); as a writable <c>ref</c> local's referent; under <c>&amp;</c>; as the receiver
/// of a member that is not readonly (a field-like event's accessors included), unless that member is a method or
/// accessor of a struct declared in this compilation whose own body never writes to its instance (checked the same
/// way, a cycle assumed not to write); as the collection of a <c>foreach</c> (a struct that is not readonly); or as anything of an inline-array
/// type (it converts to a <c>Span</c> in place). Every other use reads the value: an argument by value, a boxing conversion, a method group, a field of
/// reference type read through it (what that object does is not the struct's state).
/// </para>
/// <para>
/// Because the verdict reads the bodies of the struct's other members, a non-readonly struct's member bodies are
/// part of the compilation surface (<c>Finding.TreeSurface</c>): editing one re-lowers what may have read it.
/// </para>
/// </remarks>
internal static class StructThisWrites
{
    /// <summary>
    /// The first place in <paramref name="method"/>'s body that may write to the instance, or null. In a readonly
    /// member (or a readonly struct's) that is only an escape such as <c>Unsafe.AsRef(in this) = ...</c> (NodaTime's
    /// <c>ReadXml</c>): the write would go to the frame's copy.
    /// </summary>
    public static SyntaxNode? FirstWrite(IMethodSymbol method, Compilation compilation, CancellationToken ct) =>
        new Walk(compilation, ct).FirstWrite(method);

    /// <summary>A struct marked [InlineArray]: its elements are its storage, so a span of it is made over the variable.</summary>
    internal static bool IsInlineArray(ITypeSymbol? type) =>
        type is { IsValueType: true } && type.GetAttributes().Any(a =>
            a.AttributeClass is { Name: "InlineArrayAttribute", ContainingNamespace: { Name: "CompilerServices" } });

    private sealed class Walk
    {
        private readonly Compilation _compilation;
        private readonly CancellationToken _ct;
        // Methods being or already checked, with their verdict (true: may write). A method in progress counts as
        // not writing: a cycle adds no write of its own.
        private readonly Dictionary<IMethodSymbol, bool> _verdicts = new(SymbolEqualityComparer.Default);

        public Walk(Compilation compilation, CancellationToken ct)
        {
            _compilation = compilation;
            _ct = ct;
        }

        // A readonly member's `this` is a readonly reference: C# copies it before calling anything that is not
        // readonly and refuses assignments, so only an escape through a call returning a writable ref can write.
        private bool _readonlyThis;

        public SyntaxNode? FirstWrite(IMethodSymbol method)
        {
            _readonlyThis = method.IsReadOnly || method.ContainingType.IsReadOnly;
            _verdicts[method.OriginalDefinition] = false;
            return Bodies(method).Select(FirstWriteIn).FirstOrDefault(w => w is not null);
        }

        private bool MayWrite(IMethodSymbol? member)
        {
            if (member is null || member.IsStatic || member.IsReadOnly) return false;
            if (member.ContainingType is not { IsValueType: true } type || type.IsReadOnly) return false;
            var def = member.OriginalDefinition;
            if (def.IsPartialDefinition && def.PartialImplementationPart is { } impl) def = impl;
            if (_verdicts.TryGetValue(def, out var known)) return known;
            var bodies = Bodies(def).ToList();
            // Metadata, or a member without a body in source (abstract cannot be; extern, a partial without one):
            // nothing to read, so it may write.
            if (bodies.Count == 0) return _verdicts[def] = true;
            _verdicts[def] = false;
            return _verdicts[def] = bodies.Any(b => FirstWriteIn(b) is not null);
        }

        private IEnumerable<IOperation> Bodies(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(_ct);
                if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree)) continue;
                if (_compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, _ct) is { } body) yield return body;
            }
        }

        private SyntaxNode? FirstWriteIn(IOperation body)
        {
            foreach (var op in body.DescendantsAndSelf())
            {
                _ct.ThrowIfCancellationRequested();
                if (op is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } self
                    && self.Type is { IsValueType: true } && WritingUse(self) is { } use)
                    return use.Syntax;
            }
            return null;
        }

        // The operation that may write to `this` through `self`, or null: the diagnostic's span is its syntax.
        private IOperation? WritingUse(IInstanceReferenceOperation self)
        {
            IOperation place = self;
            // Climb through this.a.b while each step is a writable field holding a value: writing it writes `this`.
            while (place.Parent is IFieldReferenceOperation field && field.Instance == place)
            {
                if (field.Field.IsReadOnly || field.Field.IsStatic) return null;
                if (IsInlineArray(field.Type)) return field;
                if (field.Type is not { IsValueType: true } && field.Type is not ITypeParameterSymbol { IsReferenceType: false })
                    // A field that holds a reference: using the object it points to (this.list.Add(x), this.node.X = 1)
                    // leaves `this` as it was, but storing into the field itself writes `this` (R3's
                    // SerialDisposableCore.Dispose, `Interlocked.Exchange(ref current, DisposedSentinel.Instance)`,
                    // which the goroutine's copy lost).
                    return StoresInto(field) ? Whole(field.Parent!) : null;
                place = field;
            }
            return IsWritingUse(place) ? Whole(place.Parent!) : null;
        }

        // The field itself is written where it stands (assigned, incremented, passed or bound by writable reference,
        // its address taken), not merely the object it refers to used.
        private bool StoresInto(IFieldReferenceOperation field) =>
            field.Parent is not (IInvocationOperation or IPropertyReferenceOperation or IEventReferenceOperation
                or IFieldReferenceOperation or IForEachLoopOperation or IConversionOperation)
            && IsWritingUse(field);

        // A member reference or a tuple of targets, widened to the assignment it is the target of.
        private static IOperation Whole(IOperation use)
        {
            while (use.Parent is { } p && (p is IAssignmentOperation a && a.Target == use
                || p is IIncrementOrDecrementOperation i && i.Target == use
                || p is IEventAssignmentOperation e && e.EventReference == use
                || use is ITupleOperation && p is ITupleOperation or IDeconstructionAssignmentOperation))
                use = p;
            return use;
        }

        private bool IsWritingUse(IOperation place)
        {
            var parent = place.Parent;
            // A member of a type parameter's value (this.t.M()) is called in place on a struct argument (a
            // constrained call), and nothing says what it does.
            var unknownStruct = place.Type is ITypeParameterSymbol { IsReferenceType: false };
            if (_readonlyThis)
                return parent is IArgumentOperation { Parameter.RefKind: RefKind.In or RefKind.RefReadOnlyParameter, Parent: IInvocationOperation { TargetMethod.ReturnsByRef: true } escape }
                    && !OnlyReadThrough(escape);
            switch (parent)
            {
                case IAssignmentOperation a when a.Target == place:
                    return true;
                case ISimpleAssignmentOperation { IsRef: true } a when a.Value == place:
                    return !IsReadonlyRef(a.Target);
                case IIncrementOrDecrementOperation i when i.Target == place:
                    return true;
                case ITupleOperation when IsDeconstructionTarget(parent):
                    return true;
                case IArgumentOperation { Parent: IInvocationOperation escape } when OnlyReadThrough(escape):
                    return false;
                case IArgumentOperation arg:
                    return arg.Parameter is { RefKind: RefKind.Ref or RefKind.Out }
                        || arg.Parameter is { RefKind: RefKind.In or RefKind.RefReadOnlyParameter }
                            && arg.Parent is IInvocationOperation { TargetMethod: { ReturnsByRef: true } };
                case IVariableInitializerOperation init:
                    return init.Parent is IVariableDeclaratorOperation { Symbol.RefKind: RefKind.Ref };
                case IAddressOfOperation:
                    return true;
                case IInvocationOperation call when call.Instance == place:
                    return unknownStruct ? !call.TargetMethod.IsReadOnly : MayWrite(call.TargetMethod);
                case IPropertyReferenceOperation prop when prop.Instance == place:
                    return unknownStruct || Accessors(prop).Any(MayWrite);
                case IEventReferenceOperation ev when ev.Instance == place:
                    return unknownStruct || MayWrite(ev.Event.AddMethod) || MayWrite(ev.Event.RemoveMethod);
                // foreach over a struct that is not readonly: its GetEnumerator may be called on the variable.
                case IForEachLoopOperation loop when loop.Collection == place:
                case IConversionOperation { Parent: IForEachLoopOperation } conversion when conversion.Operand == place:
                    return place.Type is not { IsReadOnly: true };
                default:
                    return false;
            }
        }

        // `this` handed to Unsafe's reinterpreting helpers (Unsafe.As<S, int>(ref Unsafe.AsRef(in this))) escapes as a
        // writable reference; when that reference is only read, nothing is written (ThisReferenceReads).
        private static bool OnlyReadThrough(IInvocationOperation escape) =>
            ThisReferenceReads.IsReinterpreting(escape) && ThisReferenceReads.OnlyRead(escape);

        // The accessors a property (or indexer) reference calls where it stands.
        private static IEnumerable<IMethodSymbol?> Accessors(IPropertyReferenceOperation prop)
        {
            var parent = prop.Parent;
            var written = parent is IAssignmentOperation a && a.Target == prop
                || parent is IIncrementOrDecrementOperation i && i.Target == prop
                || parent is ITupleOperation && IsDeconstructionTarget(parent);
            var read = !(parent is ISimpleAssignmentOperation s && s.Target == prop) && !(parent is ITupleOperation && written);
            if (read) yield return prop.Property.GetMethod;
            if (written) yield return prop.Property.SetMethod;
        }

        private static bool IsDeconstructionTarget(IOperation tuple)
        {
            var op = tuple;
            while (op.Parent is ITupleOperation outer) op = outer;
            return op.Parent is IDeconstructionAssignmentOperation d && d.Target == op;
        }

        private static bool IsReadonlyRef(IOperation target) =>
            target is ILocalReferenceOperation { Local.RefKind: RefKind.RefReadOnly }
                or IParameterReferenceOperation { Parameter.RefKind: RefKind.In or RefKind.RefReadOnlyParameter };
    }
}
