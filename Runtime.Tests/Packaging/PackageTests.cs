using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using Xunit;

namespace GoSharp.Runtime.Tests.Packaging;

/// <summary>
/// docs/design.md, Packaging: one NuGet package carries the runtime and the generator. Packs the built projects,
/// then builds and runs a program against the package from a local folder feed, with its own NuGet cache
/// so no earlier package can stand in for this one.
/// </summary>
public class PackageTests
{
    [Fact]
    public void AProgramBuiltAgainstThePackedPackageRunsItsGoroutines()
    {
        string root = Repository.Root;
        string work = Path.Combine(Path.GetTempPath(), "gosharp-pack-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(work, "feed");
        string app = Path.Combine(work, "app");
        Directory.CreateDirectory(app);
        try
        {
            // The version the projects were built with (Directory.Build.props): the generator inside the package
            // stamps it on the code it generates, and the program below prints what it finds.
            string version = typeof(Go).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
            ChildProcess.Run(root, "dotnet", $"pack Runtime/Runtime.csproj -c {Repository.Configuration} --no-build -o \"{feed}\"");
            string package = Path.Combine(feed, $"GoSharp.Goroutines.{version}.nupkg");
            Assert.True(File.Exists(package), $"no {Path.GetFileName(package)} in the feed");
            Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), "no symbols package beside the package");
            using (var zip = ZipFile.OpenRead(package))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
                // The generator with its analyzer, and the code fixes, where the compiler and the IDE look for them.
                Assert.Subset(entries, new HashSet<string> { "LICENSE", "README.md", "lib/net10.0/GoSharp.dll", "lib/net10.0/GoSharp.xml",
                    "analyzers/dotnet/cs/GoSharp.Generator.dll", "analyzers/dotnet/cs/GoSharp.Generator.CodeFixes.dll",
                    "build/GoSharp.Goroutines.targets", "buildTransitive/GoSharp.Goroutines.targets" });
                using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
                string text = readme.ReadToEnd();
                // A package page cannot follow a link into the repository's folders.
                Assert.DoesNotMatch(@"\]\((?!https?://)[^)]*\)", text);
            }

            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            // A default console project: implicit usings (System.Threading among them) and `using GoSharp;`.
            File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="GoSharp.Goroutines" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            // The GOSH diagnostics are the compiler's analyzer diagnostics: an .editorconfig severity and a #pragma
            // silence the two blocking calls below, which TreatWarningsAsErrors would otherwise turn into errors.
            File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n[Program.cs]\ndotnet_diagnostic.GOSH0009.severity = none\n");
            File.WriteAllText(Path.Combine(app, "Blocking.cs"), """
                using GoSharp;
                public static partial class Blocking
                {
                    [Goroutine]
                    public static int Wait(Task<int> t)
                    {
                #pragma warning disable GOSH0009 // a deliberate blocking wait
                        return t.Result;
                #pragma warning restore GOSH0009
                    }
                }
                """);
            // A GOSH0009 that the package's code fix (in analyzers/dotnet/cs beside the generator) repairs: applied
            // below with `dotnet format`, as the IDE's light bulb would; unfixed, it fails this warnings-as-errors build.
            File.WriteAllText(Path.Combine(app, "Fixme.cs"), """
                using GoSharp;
                public static partial class Fixme
                {
                    [Goroutine]
                    public static int Size(string path) => System.IO.File.ReadAllText(path).Length;
                }
                """);
            File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using GoSharp;

                public static partial class Program
                {
                    public static void Main()
                    {
                        StartInAsync().GetAwaiter().GetResult();
                        Console.WriteLine("sum " + GoRun(10).Join() + " " + Blocking.GoWait(Task.FromResult(1)).Join());
                        var generated = typeof(Program).GetNestedTypes(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
                            .Select(t => t.GetCustomAttributes(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), false))
                            .SelectMany(a => a).Cast<System.CodeDom.Compiler.GeneratedCodeAttribute>().Select(a => a.Version).Distinct();
                        Console.WriteLine("generated by " + string.Join(",", generated));
                        // The package's build/GoSharp.Goroutines.targets: the runtime tiers up without its 100 ms delay.
                        Console.WriteLine("tiering delay " + (AppContext.GetData("System.Runtime.TieredCompilation.CallCountingDelayMs") ?? "unset"));
                    }

                    [Goroutine]
                    static int Run(int n)
                    {
                        var results = new Chan<int>();
                        var wg = new WaitGroup();
                        for (var i = 1; i <= n; i++) { wg.Add(1); GoSquare(i, results, wg); }
                        GoCloseWhenDone(wg, results);
                        var sum = 0;
                        foreach (var r in results) sum += r;
                        return sum;
                    }

                    [Goroutine]
                    static void Square(int x, Chan<int> results, WaitGroup wg)
                    {
                        try { results.Send(x * x); } finally { wg.Done(); }
                    }

                    // A bare launcher in an async method: CS4014 would fail this warnings-as-errors build, but
                    // the package's suppressor knows it is `go Noop()`.
                    static async Task StartInAsync()
                    {
                        GoNoop();
                        await Task.Yield();
                    }

                    [Goroutine]
                    static void Noop() { }

                    [Goroutine]
                    static void Nap() => Task.Delay(1).Wait();

                    [Goroutine]
                    static void CloseWhenDone(WaitGroup wg, Chan<int> results)
                    {
                        wg.Wait();
                        results.Close();
                    }
                }
                """);
            var packages = ("NUGET_PACKAGES", Path.Combine(work, "packages"));
            ChildProcess.Run(app, "dotnet", "format analyzers --diagnostics GOSH0009 --severity warn --include Fixme.cs", packages);
            Assert.Contains("Go.Blocking(() => System.IO.File.ReadAllText(path))", File.ReadAllText(Path.Combine(app, "Fixme.cs")));
            string output = ChildProcess.Run(app, "dotnet", $"run -c {Repository.Configuration}", packages);
            Assert.Contains("sum 385 1", output);
            Assert.Contains($"generated by {version}\n", output);
            Assert.Contains("tiering delay 0\n", output);
            // GoSharpCallCountingDelayMs=default leaves the runtime's own setting alone.
            string optedOut = ChildProcess.Run(app, "dotnet", "msbuild -getItem:RuntimeHostConfigurationOption -p:GoSharpCallCountingDelayMs=default", packages);
            Assert.DoesNotContain("CallCountingDelayMs", optedOut);
            Assert.Contains("CallCountingDelayMs", ChildProcess.Run(app, "dotnet", "msbuild -getItem:RuntimeHostConfigurationOption", packages));
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
