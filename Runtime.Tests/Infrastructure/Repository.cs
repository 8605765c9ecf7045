using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace GoSharp.Runtime.Tests;

/// <summary>Where the sources are, and how this test assembly was built.</summary>
internal static class Repository
{
    /// <summary>The folder holding GoSharp.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The build configuration of this test assembly (Debug, Release, ...): steps that reuse the built
    /// projects (pack --no-build) must ask for the one that exists, whatever `dotnet test -c` was given.
    /// </summary>
    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c
            ? c
            : throw new InvalidOperationException("the test assembly has no AssemblyConfigurationAttribute");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (dir.EnumerateFiles("GoSharp.sln").Any()) return dir.FullName;
        throw new InvalidOperationException($"GoSharp.sln not found above the test assembly ({AppContext.BaseDirectory})");
    }
}
