using System;
using System.Collections.Generic;
using System.Text;
using GoSharp.CompilerServices;
using GoSharp.Scheduler;

namespace GoSharp.Diagnostics;

/// <summary>Goroutine dumps in Go's format (Go: runtime.Stack(buf, true), the SIGQUIT traceback).</summary>
internal static class GoroutineDump
{
    /// <summary>Every live goroutine of <paramref name="sched"/> (see <see cref="GoRuntime.DumpGoroutines"/>).</summary>
    public static string Format(Sched sched)
    {
        G[] gs = sched.AllGs();
        Array.Sort(gs, static (a, b) => a.Goid.CompareTo(b.Goid));
        var sb = new StringBuilder();
        foreach (G g in gs)
        {
            // The status read once: a goroutine that exits between a test and a second read was listed as [dead].
            GStatus status = g.GetStatus();
            if (status is GStatus.Dead or GStatus.Idle) continue;
            AppendGoroutine(sb, g, status);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>One goroutine's traceback, under the <paramref name="status"/> the caller read.</summary>
    internal static void AppendGoroutine(StringBuilder sb, G g, GStatus status)
    {
        sb.Append("goroutine ").Append(g.Goid).Append(" [").Append(StatusText(g, status)).Append("]:\n");
        int depth = 0;
        for (Frame? f = g.Top; f is not null && f is not GoExitFrame && depth < 1000; f = f.Caller, depth++)
        {
            sb.Append(f.MethodName).Append("(...)\n");
            int state = f.State;
            if (state >= 0 && f.GetSourceLocation(state) is SourceLocation loc)
                sb.Append('\t').Append(loc.File).Append(':').Append(loc.Line).Append('\n');
        }
        GOrigin origin = g.Origin;
        if (origin.ParentGoid != 0 || origin.CreatedBy is not null)
            sb.Append("created by ").Append(origin.CreatedBy ?? "?").Append(" in goroutine ").Append(origin.ParentGoid).Append('\n');
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
