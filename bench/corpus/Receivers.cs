using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace GoSharp.Corpus;

/// <summary>
/// <c>--run --instances</c>: receivers for instance methods. A method declared in a type that can be made without
/// arguments runs on a fresh instance for each run (the plain call, its repetition, the goroutine), so the three
/// start from the same state: a struct (its default), or a class with a public parameterless constructor. A
/// method of an abstract class (or of a class without one) runs on the first concrete subclass, by name, that has
/// one. Generic types are left out (their type arguments would be a guess).
///
/// After the call the receiver's state is part of the outcome: its fields (private and inherited included) and
/// public properties of simple types (numbers, strings, enums, arrays and lists of them), so a method that only
/// changes its object is compared too. A getter that throws is shown as what it threw.
/// </summary>
internal static class Receivers
{
    /// <summary>The concrete type to make for a receiver of <paramref name="declaring"/>'s instance methods, or null.</summary>
    public static Type? ConcreteFor(Type declaring, IReadOnlyList<Type> allTypes)
    {
        if (Makeable(declaring)) return declaring;
        if (declaring.IsValueType || declaring.IsInterface) return null;
        return allTypes.Where(t => t != declaring && declaring.IsAssignableFrom(t) && Makeable(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal).FirstOrDefault();
    }

    private static bool Makeable(Type t) =>
        !t.IsAbstract && !t.IsInterface && !t.ContainsGenericParameters && !typeof(Delegate).IsAssignableFrom(t)
        && !t.IsByRefLike && !t.IsPointer
        && (t.IsValueType || t.GetConstructor(BindingFlags.Instance | BindingFlags.Public, Type.EmptyTypes) is not null);

    /// <summary>A fresh receiver (a struct is boxed, so a call through reflection changes the box); false when its constructor throws.</summary>
    public static bool TryMake(Type t, out object? receiver)
    {
        try { receiver = Activator.CreateInstance(t); }
        catch (Exception) { receiver = null; }
        return receiver is not null;
    }

    /// <summary>The receiver's state after a call, as text; both runs render it the same way.</summary>
    public static string State(object receiver, Func<object?, string> render)
    {
        var parts = new List<string>();
        for (var t = receiver.GetType(); t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => Simple(f.FieldType)).OrderBy(f => f.Name, StringComparer.Ordinal))
                parts.Add(f.Name + "=" + Read(() => f.GetValue(receiver), render));
        }
        foreach (var p in receiver.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && Simple(p.PropertyType))
            .OrderBy(p => p.Name, StringComparer.Ordinal))
            parts.Add(p.Name + "=" + Read(() => p.GetValue(receiver), render));
        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Read(Func<object?> get, Func<object?, string> render)
    {
        try { return render(get()); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { return "throws " + e.InnerException.GetType().Name; }
        catch (Exception e) { return "throws " + e.GetType().Name; }
    }

    private static bool Simple(Type t)
    {
        if (t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal)) return true;
        if (Nullable.GetUnderlyingType(t) is { } u) return Simple(u);
        if (t.IsArray) return t.GetArrayRank() == 1 && Simple(t.GetElementType()!);
        return t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) && Simple(t.GetGenericArguments()[0]);
    }
}
