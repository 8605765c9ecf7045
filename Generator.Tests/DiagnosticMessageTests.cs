using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Lowering;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// Every runtime name a diagnostic quotes (the catalogue's messages and GOSH0009's suggestions) resolves in the
/// runtime assembly: a message never sends a user to a type or member that does not exist.
/// </summary>
public class DiagnosticMessageTests
{
    private static readonly Assembly Runtime = typeof(GoSharp.Go).Assembly;

    public static IEnumerable<object[]> QuotedNames()
    {
        var texts = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Microsoft.CodeAnalysis.DiagnosticDescriptor))
            .Select(f => ((Microsoft.CodeAnalysis.DiagnosticDescriptor)f.GetValue(null)!).MessageFormat.ToString())
            .Concat(typeof(BlockingReplacements).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!));
        // Candidate names: dotted identifiers (with a type argument list) whose first segment is GoSharp or a public
        // type of namespace GoSharp; "Monitor" or "Thread.Sleep" are .NET's and are not checked.
        return texts.SelectMany(t => Regex.Matches(t, @"\b[A-Z]\w*(<\w+>)?(\.[A-Z]\w*(<\w+>)?)*").Select(m => m.Value))
            .Where(n => n.StartsWith("GoSharp.", StringComparison.Ordinal) || ResolveType(("GoSharp." + n).Split('.').Take(2).ToArray()) is not null)
            .Select(n => n.StartsWith("GoSharp.", StringComparison.Ordinal) ? n : "GoSharp." + n)
            .Distinct().Select(n => new object[] { n });
    }

    [Fact]
    public void MessagesQuoteRuntimeNames() => Assert.True(QuotedNames().Count() >= 5, "no GoSharp.* names found in the messages");

    [Theory]
    [MemberData(nameof(QuotedNames))]
    public void QuotedNameResolves(string name) => Assert.True(Resolves(name), $"'{name}' is quoted in a diagnostic but is not a public type or member of the runtime");

    /// <summary>GoSharp.Sync.Mutex (a nested type), GoSharp.Chan&lt;T&gt; (generic), GoSharp.Go.Sleep (a member).</summary>
    private static bool Resolves(string name)
    {
        var parts = name.Split('.');
        for (int typeParts = parts.Length; typeParts >= 2; typeParts--)
        {
            var type = ResolveType(parts.Take(typeParts).ToArray());
            if (type is null) continue;
            if (typeParts == parts.Length) return true;
            return typeParts == parts.Length - 1 && type.GetMember(parts[^1], BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Length > 0;
        }
        return false;
    }

    private static Type? ResolveType(string[] parts)
    {
        // The namespace is GoSharp; the rest are a type and its nested types.
        string Clean(string p) => Regex.Replace(p, @"<\w+>$", m => "`" + (m.Value.Count(c => c == ',') + 1));
        var type = Runtime.GetType("GoSharp." + Clean(parts[1]));
        for (int i = 2; type is not null && i < parts.Length; i++) type = type.GetNestedType(Clean(parts[i]), BindingFlags.Public);
        return type is { IsPublic: true } or { IsNestedPublic: true } ? type : null;
    }
}
