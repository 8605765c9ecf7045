using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoSharp.CompilerServices;
using Xunit;

namespace GoSharp.Runtime.Tests.Faults;

/// <summary>
/// The fault suite runs its classes one at a time (they start many threads and Ps; the CI machine has 2 cores).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}

/// <summary>
/// Sizes of the fault suite. Default mode fits CI; <c>GOSHARP_FAULTS_ROUNDS=N</c> multiplies rounds and sizes
/// (long mode, see run-long.sh), and <c>GOSHARP_FAULTS_PROCS=P</c> replaces every real-P count by P.
/// </summary>
internal static class FaultEnv
{
    public static readonly int Rounds = Read("GOSHARP_FAULTS_ROUNDS", 1);
    private static readonly int ProcsOverride = Read("GOSHARP_FAULTS_PROCS", 0);

    /// <summary>Hang guard: generous, never a timing assertion.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>The number of Ps a theory row asks for, unless long mode pins one.</summary>
    public static int Procs(int requested) => ProcsOverride > 0 ? ProcsOverride : requested;

    private static int Read(string name, int fallback)
    {
        string? s = Environment.GetEnvironmentVariable(name);
        return int.TryParse(s, out int v) && v > 0 ? v : fallback;
    }

    /// <summary>Starts a background thread (entered into <paramref name="rt"/> when given).</summary>
    public static Thread Start(Action body, GoRuntime? rt = null, string name = "fault")
    {
        var t = new Thread(() =>
        {
            if (rt is null) body();
            else using (rt.Enter()) body();
        }) { IsBackground = true, Name = name };
        t.Start();
        return t;
    }

    public static void Joined(Thread t, string what) => Assert.True(t.Join(Guard), $"hang: {what}");

    public static void Done(Task t, string what) => Assert.True(((IAsyncResult)t).AsyncWaitHandle.WaitOne(Guard), $"hang: {what}");

    /// <summary>Runs <paramref name="body"/> on a thread and fails (instead of hanging the run) if it does not end.</summary>
    public static void Guarded(string what, Action body, GoRuntime? rt = null)
    {
        Exception? error = null;
        var t = Start(() => { try { body(); } catch (Exception ex) { error = ex; } }, rt, what);
        Joined(t, what);
        if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
    }

    /// <summary>Joins and returns what Join threw (null if nothing), under a hang guard.</summary>
    public static Exception? JoinError(Goroutine h, string what)
    {
        Exception? error = null;
        Guarded(what, () => { try { h.Join(); } catch (Exception ex) { error = ex; } });
        return error;
    }

    /// <summary>Waits (hang guard) until <paramref name="n"/> goroutines of <paramref name="rt"/> show <paramref name="status"/> in the dump.</summary>
    public static void WaitParked(GoRuntime rt, string status, int n = 1) =>
        Assert.True(SpinWait.SpinUntil(() => Dumps.CountInStatus(rt, status) >= n, Guard),
            $"expected {n} goroutine(s) in {status}:\n{rt.DumpGoroutines()}");

    /// <summary>The runtime still works: fresh goroutines run, talk over a channel and can be joined.</summary>
    public static void AssertHealthy(GoRuntime rt)
    {
        var c = new Chan<int>();
        int sum = 0;
        IEnumerable<Op> Producer() { for (int i = 1; i <= 10; i++) yield return Ops.Send(c, i); c.Close(); }
        IEnumerable<Op> Consumer()
        {
            while (true)
            {
                var r = Ops.RecvOk(c);
                yield return r;
                if (!r.Result.Ok) yield break;
                sum += r.Result.Value;
            }
        }
        Guarded("health check", () =>
        {
            var p = rt.Go(Producer());
            var q = rt.Go(Consumer());
            p.Join();
            q.Join();
        });
        Assert.Equal(55, sum);
    }

    /// <summary>Asserts <paramref name="errors"/> is empty, showing the first few.</summary>
    public static void NoErrors(IEnumerable<Exception> errors, string what)
    {
        var list = errors.ToList();
        Assert.True(list.Count == 0, $"{what}: {list.Count} exception(s), first: {string.Join("\n---\n", list.Take(3))}");
    }
}

/// <summary>A goroutine that runs plain code and completes (the fault suite's own, to stay inside Faults/).</summary>
internal sealed class PlainFrame : Frame
{
    private readonly Action _action;
    public PlainFrame(Action action) => _action = action;
    public override FrameResult Resume(G g)
    {
        _action();
        return FrameResult.Completed;
    }
}
