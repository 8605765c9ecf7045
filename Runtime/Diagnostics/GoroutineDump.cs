using System;
using System.Collections.Generic;
using System.Text;
using GoSharp.CompilerServices;
using GoSharp.Scheduler;

namespace GoSharp;

// Goroutine dumps in Go's format (Go: runtime.Stack(buf, true), the SIGQUIT traceback).
public sealed partial class GoRuntime
{
    /// <summary>
    /// Every live goroutine in Go's traceback format: a header with id, status and how long it has
    /// waited, then each frame's method and, for suspended frames, <c>file:line</c> of the suspension
    /// point, then <c>created by</c>. Taken without stopping the world: a goroutine that is running while
    /// the dump is taken may show a frame chain that is a moment out of date.
    /// </summary>
    public string DumpGoroutines()
    {
        G[] gs;
        lock (_allgsLock) gs = _allgs.ToArray();
        Array.Sort(gs, static (a, b) => a.Goid.CompareTo(b.Goid));
        var sb = new StringBuilder();
        foreach (G g in gs)
        {
            if (g.GetStatus() is GStatus.Dead or GStatus.Idle) continue;
            AppendGoroutine(sb, g);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>One goroutine's traceback; null if it is dead.</summary>
    internal static void AppendGoroutine(StringBuilder sb, G g)
    {
        GStatus status = g.GetStatus();
        sb.Append("goroutine ").Append(g.Goid).Append(" [").Append(StatusText(g, status)).Append("]:\n");
        int depth = 0;
        for (Frame? f = g.Top; f is not null && f is not GoExitFrame && depth < 1000; f = f.Caller, depth++)
        {
            sb.Append(f.MethodName).Append("(...)\n");
            int state = f.State;
            if (state >= 0 && f.GetSourceLocation(state) is SourceLocation loc)
                sb.Append('\t').Append(loc.File).Append(':').Append(loc.Line).Append('\n');
        }
        if (g.ParentGoid != 0 || g.CreatedBy is not null)
            sb.Append("created by ").Append(g.CreatedBy ?? "?").Append(" in goroutine ").Append(g.ParentGoid).Append('\n');
    }

    private static string StatusText(G g, GStatus status)
    {
        switch (status)
        {
            case GStatus.Running: return "running";
            case GStatus.Runnable: return "runnable";
            case GStatus.Syscall: return "syscall";
            case GStatus.Waiting:
                string reason = WaitReasonText.Text(g.WaitReason);
                long minutes = (Environment.TickCount64 / 1000 - g.WaitSinceSeconds) / 60;
                return minutes >= 1 ? $"{reason}, {minutes} minutes" : reason;
            default: return status.ToString().ToLowerInvariant();
        }
    }
}
