using System.IO;
using System.Text;
using System.Threading;

namespace GoSharp.Scheduler;

// The scheduler trace (Go: GODEBUG=schedtrace=ms, schedtrace() in proc.go), printed by sysmon.
internal sealed partial class Sched
{
    private void MaybeSchedTrace(long now)
    {
        if (_schedTraceTicks == 0 || now - _lastTrace < _schedTraceTicks) return;
        _lastTrace = now;
        string line = SchedTraceLine(now);
        lock (_traceWriter) _traceWriter.WriteLine(line);
    }

    /// <summary>
    /// <c>SCHED 2013ms: gomaxprocs=8 idleprocs=6 threads=12 spinningthreads=1 needspinning=0 idlethreads=5 runqueue=0 [0 2 0 0 0 0 0 0]</c>
    /// </summary>
    internal string SchedTraceLine(long now)
    {
        long ms = (now - StartTimestamp) * 1000 / System.Diagnostics.Stopwatch.Frequency;
        var sb = new StringBuilder();
        lock (_lock)
        {
            sb.Append("SCHED ").Append(ms).Append("ms: gomaxprocs=").Append(_gomaxprocs)
              .Append(" idleprocs=").Append(_npidle)
              .Append(" threads=").Append(_allm.Count)
              .Append(" spinningthreads=").Append(Volatile.Read(ref _nmspinning))
              .Append(" needspinning=0")
              .Append(" idlethreads=").Append(_nmidle)
              .Append(" runqueue=").Append(_runqsize)
              .Append(" [");
            P[] allp = _allp;
            for (int i = 0; i < allp.Length; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(allp[i].RunQueue.Count);
            }
            sb.Append(']');
        }
        return sb.ToString();
    }
}
