using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GoSharp.CompilerServices;

/// <summary>
/// Which body a virtual <c>[Goroutine]</c> method's factory must run for a receiver whose runtime type is not the
/// factory's own type: its own frame, or a plain (not <c>[Goroutine]</c>) override declared below it, which has no
/// factory (docs/frame-contract.md, Nested goroutine calls). One instance per factory, in a static field of the
/// generated part of the type.
/// </summary>
/// <remarks>
/// <para>The answer depends on the receiver's type only, so it is found once per type and kept in a table that holds
/// neither the type nor anything of it strongly (a collectible assembly's types can still unload): after the first
/// call with a receiver type, the check allocates nothing.</para>
/// <para>Found, where C# can name the method, by binding it to the receiver as a delegate (virtual dispatch, as the
/// plain call does) and comparing the declaring type of the method bound; no reflection, so trimming and native AOT
/// keep it working. C# cannot name one method: a <c>protected</c> method that a non-override method of the same name
/// hides (on <c>this</c> C# binds to that one, through a base-typed reference not at all, CS1540). For that one the
/// check is built with the method's signature and finds the override by reflection: the method declared between
/// the receiver's type and the factory's type that overrides the same slot (the same base definition); a
/// <c>new virtual</c> method of the same name starts another slot, which a call through the factory's type never
/// reaches, as C# dispatches. <see cref="Invoke"/> then calls it.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PlainOverrideCheck
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private const string ReflectionReason = "A plain override of a protected [Goroutine] method hidden by a method of the same name is found by reflection; trimming may remove what it looks for.";

    // The table's value for a receiver type whose override is the factory's own method.
    private static readonly object Own = new();
    // In the delegate form, the value for a receiver type with a plain override (the reflection form keeps the method).
    private static readonly object Overridden = new();

    private readonly Type _declaringType;
    private readonly string? _name;
    private readonly int _genericParameterCount;
    private readonly Type[]? _parameterTypes;
    private readonly ConditionalWeakTable<Type, object> _byReceiverType = new();
    private MethodInfo? _baseDefinition;

    /// <summary>The check of a method of <paramref name="declaringType"/> that C# can bind (<see cref="IsOwn(object, Func{object, Delegate})"/>).</summary>
    public PlainOverrideCheck(Type declaringType) =>
        _declaringType = declaringType ?? throw new ArgumentNullException(nameof(declaringType));

    /// <summary>
    /// The check of the method <paramref name="name"/> of <paramref name="declaringType"/> with
    /// <paramref name="genericParameterCount"/> type parameters and these parameter types (a method type parameter
    /// as <see cref="Type.MakeGenericMethodParameter"/>), found by reflection (<see cref="IsOwn(object)"/>). Nothing
    /// is looked up until a receiver needs it.
    /// </summary>
    public PlainOverrideCheck(Type declaringType, string name, int genericParameterCount, Type[] parameterTypes)
        : this(declaringType)
    {
        _name = name ?? throw new ArgumentNullException(nameof(name));
        _genericParameterCount = genericParameterCount;
        _parameterTypes = parameterTypes ?? throw new ArgumentNullException(nameof(parameterTypes));
    }

    /// <summary>
    /// True when the override that a call on <paramref name="receiver"/> runs is the declaring type's own;
    /// <paramref name="bind"/> binds the method to a receiver as a delegate, and runs once per receiver type.
    /// </summary>
    public bool IsOwn(object receiver, Func<object, Delegate> bind)
    {
        var type = receiver.GetType();
        if (type == _declaringType) return true;
        if (!_byReceiverType.TryGetValue(type, out var found))
        {
            found = bind(receiver).Method.DeclaringType == _declaringType ? Own : Overridden;
            // Two threads may both look it up; they find the same answer.
            _byReceiverType.AddOrUpdate(type, found);
        }
        return found == Own;
    }

    /// <summary>True when the override that a call on <paramref name="receiver"/> runs is the declaring type's own (the reflection form).</summary>
    [RequiresUnreferencedCode(ReflectionReason)]
    public bool IsOwn(object receiver) => Resolve(receiver) is null;

    /// <summary>
    /// Calls the receiver's own override of the method (when <see cref="IsOwn(object)"/> is false) with these type
    /// arguments (null for a method without type parameters) and arguments; its exceptions propagate as they are.
    /// </summary>
    [RequiresUnreferencedCode(ReflectionReason)]
    [RequiresDynamicCode(ReflectionReason)]
    public object? Invoke(object receiver, Type[]? typeArguments, object?[] arguments)
    {
        var method = Resolve(receiver) ?? throw new InvalidOperationException(
            $"'{_declaringType}.{_name}' is not overridden by '{receiver.GetType()}' (a goroutine factory called the plain override without checking)");
        if (typeArguments is not null) method = method.MakeGenericMethod(typeArguments);
        return method.Invoke(receiver, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
    }

    /// <summary>The plain override a call on <paramref name="receiver"/> runs, or null when that is the declaring type's own method.</summary>
    [RequiresUnreferencedCode(ReflectionReason)]
    private MethodInfo? Resolve(object receiver)
    {
        var type = receiver.GetType();
        if (type == _declaringType) return null;
        if (!_byReceiverType.TryGetValue(type, out var found))
        {
            found = (object?)FindOverride(type) ?? Own;
            _byReceiverType.AddOrUpdate(type, found);
        }
        return found as MethodInfo;
    }

    [RequiresUnreferencedCode(ReflectionReason)]
    private MethodInfo? FindOverride(Type receiverType)
    {
        if (_name is null || _parameterTypes is null)
            throw new InvalidOperationException("This check was made without the method's signature; call IsOwn with a binding delegate.");
        var baseDefinition = _baseDefinition ??= (_declaringType.GetMethod(_name, _genericParameterCount, Declared, binder: null, _parameterTypes, modifiers: null)
            ?? throw new MissingMethodException(_declaringType.FullName, _name)).GetBaseDefinition();
        for (var t = receiverType; t is not null && t != _declaringType; t = t.BaseType)
        {
            foreach (var m in t.GetMethods(Declared))
            {
                if (m.Name != _name || !m.IsVirtual || m.IsAbstract || m.GetGenericArguments().Length != _genericParameterCount) continue;
                var b = m.GetBaseDefinition();
                if (b.DeclaringType == baseDefinition.DeclaringType && b.HasSameMetadataDefinitionAs(baseDefinition)) return m;
            }
        }
        return null;
    }
}
