using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// The generated code's <c>[GeneratedCode]</c> version is the package version: the generator and the runtime are
/// built from one version (Directory.Build.props), and the package carries both.
/// </summary>
public class GeneratedVersionTests
{
    [Fact]
    public void GeneratedCodeNamesTheRuntimesPackageVersion()
    {
        var r = GeneratorHarness.Run("""
            using GoSharp;
            public static partial class P { [Goroutine] static int F(int x) => x + 1; }
            """);
        var versions = Regex.Matches(GeneratorHarness.GeneratedText(r), "GeneratedCode\\(\"GoSharp.Generator\", \"([^\"]*)\"\\)")
            .Select(m => m.Groups[1].Value).Distinct().ToArray();

        string runtime = typeof(GoSharp.Go).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        int plus = runtime.IndexOf('+');
        string expected = plus < 0 ? runtime : runtime[..plus];
        Assert.Equal(new[] { expected }, versions);
        Assert.DoesNotContain("1.0.0", expected);
    }
}
