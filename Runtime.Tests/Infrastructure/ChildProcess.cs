using System;
using System.Diagnostics;
using Xunit;

namespace GoSharp.Runtime.Tests;

/// <summary>
/// Runs a program to its end and returns what it printed; a failure or a hang fails the test. Generator.Tests
/// compiles this file too (a link), for its two-project build.
/// </summary>
internal static class ChildProcess
{
    public static string Run(string dir, string file, string args, params (string Name, string Value)[] env) =>
        Run(dir, file, args, expectSuccess: true, env);

    /// <summary>As <see cref="Run(string, string, string, (string Name, string Value)[])"/>, for a program that must fail (a build with an error).</summary>
    public static string RunFailing(string dir, string file, string args, params (string Name, string Value)[] env) =>
        Run(dir, file, args, expectSuccess: false, env);

    private static string Run(string dir, string file, string args, bool expectSuccess, params (string Name, string Value)[] env)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in env) psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        // A hang guard, not a timing assertion: a program here takes seconds, a build under a minute.
        if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {args} did not finish");
        }
        string all = (stdout + stderr.GetAwaiter().GetResult()).Replace("\r\n", "\n");
        Assert.True(p.ExitCode == 0 == expectSuccess, $"{file} {args} {(expectSuccess ? "failed" : "succeeded, but should have failed")} ({p.ExitCode}):\n{all}");
        return all;
    }
}
