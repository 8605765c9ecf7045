using System;
using System.Diagnostics;
using Xunit;

namespace GoSharp.Generator.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI (a build, a built program) to its end and returns what it printed; a failure or a hang fails the test.</summary>
internal static class DotnetCli
{
    public static string Run(string directory, string arguments)
    {
        var psi = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        // A hang guard, not a timing assertion: a build here takes well under a minute.
        if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {arguments} did not finish");
        }
        var all = (stdout + stderr.GetAwaiter().GetResult()).Replace("\r\n", "\n");
        Assert.True(p.ExitCode == 0, $"dotnet {arguments} failed ({p.ExitCode}):\n{all}");
        return all;
    }
}
