using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading;
using Xunit;

namespace GoSharp.Runtime.Tests;

/// <summary>
/// A sample server run as a child process: started with port 0, found through the "listening on
/// HOST:PORT" line it prints, stopped with SIGINT as Ctrl+C would. A hang fails the test (a guard of
/// minutes, not a timing assertion); the process never outlives the test.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);
    private readonly Process _p;
    private readonly BlockingCollection<string> _lines = new();
    private readonly System.Text.StringBuilder _all = new();

    private ServerProcess(Process p)
    {
        _p = p;
        p.OutputDataReceived += (_, e) => Add(e.Data);
        p.ErrorDataReceived += (_, e) => Add(e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_all) _all.Append(line).Append('\n');
        _lines.Add(line);
    }

    /// <summary>Starts samples/NAME with the port argument 0 and waits for its "listening on" line.</summary>
    public static ServerProcess Start(string name, out IPEndPoint listening)
    {
        string dir = System.IO.Path.Combine(Repository.Root, "samples", name);
        string dll = System.IO.Path.Combine(dir, "bin", Repository.Configuration, "net10.0", name + ".dll");
        Assert.True(System.IO.File.Exists(dll), $"{dll} was not built: is the sample referenced by Runtime.Tests.csproj?");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" 0")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var server = new ServerProcess(Process.Start(psi)!);
        string line = server.NextLine(l => l.StartsWith("listening on ", StringComparison.Ordinal));
        listening = IPEndPoint.Parse(line["listening on ".Length..]);
        return server;
    }

    /// <summary>The next line printed that matches; fails the test if the server exits or hangs first.</summary>
    public string NextLine(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + HangGuard;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out string? line, left))
                throw new Xunit.Sdk.XunitException($"the server printed no matching line; its output:\n{Output}");
            if (match(line)) return line;
        }
    }

    /// <summary>Sends SIGINT (Ctrl+C) and waits for the exit; returns the exit code.</summary>
    public int Interrupt()
    {
        Assert.Equal(0, Kill(_p.Id, SigInt));
        if (!_p.WaitForExit(HangGuard)) throw new Xunit.Sdk.XunitException($"the server did not stop on SIGINT; its output:\n{Output}");
        _p.WaitForExit(); // drains the output events
        return _p.ExitCode;
    }

    public string Output
    {
        get { lock (_all) return _all.ToString(); }
    }

    public void Dispose()
    {
        if (!_p.HasExited) _p.Kill(entireProcessTree: true);
        _p.Dispose();
    }

    private const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int sig);
}
