using System;
using System.IO;
using GoSharp.Generator.Tests.Infrastructure;
using GoSharp.Runtime.Tests;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// A real two-project build (docs/frame-contract.md, Calls across assemblies): a library of goroutines and an
/// application that references it by project, both built by the SDK with this generator and runtime, the
/// application compiled against the library's reference assembly and with warnings as errors (so GOSH0020, a
/// library call left plain, fails it). One build: it is slow; CrossAssemblyTests covers the shapes in memory.
/// </summary>
public class CrossAssemblyBuildTests
{
    [Fact]
    public void AnApplicationCallsTheGoroutinesOfALibraryProject()
    {
        var work = Path.Combine(Path.GetTempPath(), "gosharp-xasm-" + Guid.NewGuid().ToString("N"));
        var lib = Path.Combine(work, "lib");
        var app = Path.Combine(work, "app");
        Directory.CreateDirectory(lib);
        Directory.CreateDirectory(app);
        try
        {
            // The runtime and the generator this test was built with, referenced as built (no package, no restore from a feed).
            var references = $"""
                  <ItemGroup>
                    <Reference Include="GoSharp" HintPath="{typeof(Go).Assembly.Location}" />
                    <Analyzer Include="{typeof(GoroutineGenerator).Assembly.Location}" />
                  </ItemGroup>
                """;
            const string properties = """
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                """;
            File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />");
            Directory.CreateDirectory(Path.Combine(work, "feed"));
            File.WriteAllText(Path.Combine(work, "nuget.config"), """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="empty" value="feed" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(lib, "GoLib.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                {properties}
                  </PropertyGroup>
                {references}
                </Project>
                """);
            File.WriteAllText(Path.Combine(lib, "Pipes.cs"), """
                using GoSharp;

                namespace GoLib;

                public static partial class Pipes
                {
                    [Goroutine]
                    public static int RecvTwice(Chan<int> c) => c.Recv() + c.Recv();

                    [Goroutine]
                    public static int Square(Chan<int> c)
                    {
                        var v = c.Recv();
                        return v * v;
                    }

                    [Goroutine]
                    public static void Fail(Chan<int> c)
                    {
                        c.Recv();
                        throw new InvalidOperationException("thrown by the library");
                    }
                }

                public static partial class ChanExtensions
                {
                    extension(Chan<int> c)
                    {
                        [Goroutine]
                        public int RecvSum() => c.Recv() + c.Recv();
                    }
                }
                """);
            File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                {properties}
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../lib/GoLib.csproj" />
                  </ItemGroup>
                {references}
                </Project>
                """);
            // One P and one thread: a library call that blocked its thread instead of suspending could not wait
            // for the goroutines that send to it (ThreadExhaustionException).
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using GoSharp;
                using GoLib;

                public static partial class Program
                {
                    public static void Main()
                    {
                        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 1, MaxThreads = 1, DetectDeadlocks = true });
                        using (rt.Enter())
                        {
                            Console.WriteLine(GoRun().Join());
                            var c = new Chan<int>(1);
                            c.Send(9);
                            Console.WriteLine("launched " + Pipes.GoSquare(c).Join());
                        }
                    }

                    [Goroutine]
                    static void Send(Chan<int> c, int v) => c.Send(v);

                    [Goroutine]
                    static string Run()
                    {
                        var c = new Chan<int>();
                        GoSend(c, 1);
                        GoSend(c, 2);
                        var sum = Pipes.RecvTwice(c);
                        try
                        {
                            GoSend(c, 0);
                            Pipes.Fail(c);
                            return "not reached";
                        }
                        catch (InvalidOperationException e)
                        {
                            return "sum " + sum + ", " + e.Message;
                        }
                    }
                }
                """);

            ChildProcess.Run(work, "dotnet", "build app/App.csproj -c Release --disable-build-servers");
            // The application was compiled against the library's reference assembly, as a project reference is.
            Assert.True(File.Exists(Path.Combine(lib, "obj", "Release", "net10.0", "ref", "GoLib.dll")), "no reference assembly was produced for the library");
            var output = ChildProcess.Run(app, "dotnet", $"\"{Path.Combine(app, "bin", "Release", "net10.0", "App.dll")}\"");
            Assert.Equal("sum 3, thrown by the library\nlaunched 81\n", output);

            // C# 14 extension blocks, which the generator's own Roslyn (4.14) predates: the SDK's compiler has them, and
            // the generator reads them by reflection. A member of the library's block and of the application's are
            // nested goroutine calls (one thread: the library's receives must suspend), and the launchers are
            // extension members too.
            File.WriteAllText(Path.Combine(app, "Extensions.cs"), """
                using GoSharp;

                public static partial class Extensions
                {
                    extension(int x)
                    {
                        [Goroutine]
                        public int Twice() { Go.Yield(); return x * 2; }

                        [Goroutine]
                        public static int Make(int n) { Go.Yield(); return n + 100; }
                    }
                }
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using GoSharp;
                using GoLib;

                public static partial class Program
                {
                    public static void Main()
                    {
                        using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = 1, MaxThreads = 1, DetectDeadlocks = true });
                        using (rt.Enter())
                        {
                            Console.WriteLine(GoRun().Join());
                            Console.WriteLine("launched " + 21.GoTwice().Join() + " " + int.GoMake(4).Join());
                        }
                    }

                    [Goroutine]
                    static void Send(Chan<int> c, int v) => c.Send(v);

                    [Goroutine]
                    static string Run()
                    {
                        var c = new Chan<int>();
                        GoSend(c, 1);
                        GoSend(c, 2);
                        var sum = c.RecvSum();
                        return "sum " + sum + ", twice " + sum.Twice() + ", made " + int.Make(sum);
                    }
                }
                """);
            ChildProcess.Run(work, "dotnet", "build app/App.csproj -c Release --disable-build-servers");
            Assert.Equal("sum 3, twice 6, made 103\nlaunched 42 104\n", ChildProcess.Run(app, "dotnet", $"\"{Path.Combine(app, "bin", "Release", "net10.0", "App.dll")}\""));
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
