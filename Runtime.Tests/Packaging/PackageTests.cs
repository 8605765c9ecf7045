using System;
using System.Diagnostics;
using System.IO;
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
            string version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            Run(root, "dotnet", $"pack Runtime/Runtime.csproj -c {Repository.Configuration} --no-build -o \"{feed}\" -p:PackageVersion={version}");
            string package = Path.Combine(feed, $"GoSharp.Goroutines.{version}.nupkg");
            Assert.True(File.Exists(package));
            using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
            {
                // The generator with its analyzer, and the code fixes, where the compiler and the IDE look for them.
                Assert.NotNull(zip.GetEntry("analyzers/dotnet/cs/GoSharp.Generator.dll"));
                Assert.NotNull(zip.GetEntry("analyzers/dotnet/cs/GoSharp.Generator.CodeFixes.dll"));
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
            File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using GoSharp;

                public static partial class Program
                {
                    public static void Main() => Console.WriteLine("sum " + GoRun(10).Join() + " " + Blocking.GoWait(Task.FromResult(1)).Join());

                    [Goroutine]
                    static void Nap() => Task.Delay(1).Wait();

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

                    [Goroutine]
                    static void CloseWhenDone(WaitGroup wg, Chan<int> results)
                    {
                        wg.Wait();
                        results.Close();
                    }
                }
                """);
            string output = Run(app, "dotnet", $"run -c {Repository.Configuration}", ("NUGET_PACKAGES", Path.Combine(work, "packages")));
            Assert.Contains("sum 385 1", output);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Run(string dir, string file, string args, params (string Name, string Value)[] env)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in env) psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} {args} did not finish");
        string all = stdout + stderr.GetAwaiter().GetResult();
        Assert.True(p.ExitCode == 0, $"{file} {args} failed ({p.ExitCode}):\n{all}");
        return all;
    }
}
