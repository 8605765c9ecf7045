using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Every runtime name the generator emits (<see cref="RuntimeContract"/>) resolves, by reflection, to a public type or
/// member of the runtime assembly: renaming one breaks this test, not the users' generated code.
/// </summary>
public class RuntimeContractTests
{
    private static readonly Assembly Runtime = typeof(GoSharp.Go).Assembly;

    private const BindingFlags PublicMembers = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;

    public static IEnumerable<object[]> Entries() =>
        typeof(RuntimeContract).GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Select(t => new object[] { t.Name });

    [Fact]
    public void TheContractIsNotEmpty() => Assert.True(Entries().Count() >= 10, "RuntimeContract's nested classes were not found by reflection");

    [Theory]
    [MemberData(nameof(Entries))]
    public void EntryResolvesInTheRuntime(string entry)
    {
        var contract = typeof(RuntimeContract).GetNestedType(entry, BindingFlags.Public | BindingFlags.NonPublic)!;
        var constants = contract.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => f.GetRawConstantValue());

        if (contract.Name == nameof(RuntimeContract.SuspensionAwaiter))
        {
            // No type of its own: checked against every awaiter the runtime names, below.
            Assert.Empty(constants.Keys.Intersect(new[] { "Type", "MetadataName" }));
            return;
        }

        Type? type = null;
        if (constants.TryGetValue("Type", out var emitted))
        {
            var text = (string)emitted!;
            Assert.StartsWith("global::", text);
            var name = text.Substring("global::".Length) + (constants.TryGetValue("Arity", out var arity) ? "`" + arity : "");
            type = Runtime.GetType(name);
            Assert.True(type is { IsPublic: true }, $"{contract.Name}.Type: no public type {name} in {Runtime.GetName().Name}");
        }
        if (constants.TryGetValue("MetadataName", out var metadataName))
        {
            var byMetadata = Runtime.GetType((string)metadataName!);
            Assert.True(byMetadata is { IsPublic: true }, $"{contract.Name}.MetadataName: no public type {metadataName} in {Runtime.GetName().Name}");
            if (type is not null) Assert.Equal(type, byMetadata);
            type = byMetadata;
        }
        Assert.True(type is not null, $"{contract.Name} names neither a Type nor a MetadataName, so nothing checks it");

        foreach (var (field, value) in constants)
        {
            if (field is "Type" or "MetadataName" or "Arity") continue;
            var member = (string)value!;
            Assert.True(type!.GetMember(member, PublicMembers).Length > 0, $"{contract.Name}.{field}: {type} has no public member {member}");
        }
    }

    [Fact]
    public void EveryAwaiterOfASuspensionPointHasTheAwaiterMembers()
    {
        var members = typeof(RuntimeContract.SuspensionAwaiter).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(members);
        var checkedPoints = 0;
        foreach (var type in Runtime.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var attribute = method.GetCustomAttributesData()
                    .FirstOrDefault(a => a.AttributeType.FullName == RuntimeContract.SuspensionPointAttribute.MetadataName);
                if (attribute is null) continue;
                var awaiterName = (string)attribute.ConstructorArguments[0].Value!;
                var awaiters = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Where(m => m.Name == awaiterName).ToList();
                Assert.True(awaiters.Count > 0, $"{type}.{method.Name}: no public awaiter method {awaiterName}");
                foreach (var awaiter in awaiters)
                    foreach (var member in members)
                        Assert.True(awaiter.ReturnType.GetMember(member, PublicMembers).Length > 0,
                            $"{type}.{awaiterName} returns {awaiter.ReturnType}, which has no public member {member}");
                checkedPoints++;
            }
        }
        Assert.True(checkedPoints > 0, "no [SuspensionPoint] method found in the runtime: the attribute's name is wrong");
    }
}
