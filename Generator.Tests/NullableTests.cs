using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// The public API's nullable annotations: a receive can yield the zero value (a closed channel), so using it
/// unchecked gets CS8602, as ChannelReader&lt;T&gt;.TryRead's result does.
/// </summary>
public class NullableTests
{
    [Theory]
    [InlineData("string s = c.Recv(); return s.Length;")]
    [InlineData("if (!c.TryRecv(out var s)) return s.Length; return 0;")]
    public void AReceivedReferenceMayBeNull(string body)
    {
        var r = GeneratorHarness.Run("#nullable enable\nusing GoSharp;\npublic static class C { public static int M(Chan<string> c) { " + body + " } }");
        Assert.Contains(r.CompileDiagnostics, d => d.Id == "CS8602");
    }

    [Theory]
    [InlineData("if (c.TryRecv(out var s)) return s.Length; return 0;")]
    [InlineData("foreach (var s in c) return s.Length; return 0;")]
    public void AValueKnownToBeSentIsNotNull(string body)
    {
        var r = GeneratorHarness.Run("#nullable enable\nusing GoSharp;\npublic static class C { public static int M(Chan<string> c) { " + body + " } }");
        Assert.DoesNotContain(r.CompileDiagnostics, d => d.Id is "CS8602" or "CS8600");
    }
}
