using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Deterministic mode: a goroutine that comes back from the world outside the runtime (a Task's continuation, the
/// end of a <c>Go.Blocking</c> section, a plain thread's send) becomes runnable only when every goroutine is blocked,
/// as the virtual clock moves only then. It used to be queued whenever the real world got there, so the same seed
/// replayed another interleaving from run to run (runtime red team, round 3: a goroutine awaiting
/// <c>Task.Run(() =&gt; 42)</c> beside one that yields 30 times landed at a different place in the log in 3 of 20
/// seeds, and a two-millisecond <c>Go.Blocking</c> section beside 20,000 yields in 1 of 10).
/// </summary>
public class DeterministicArrivalTests
{
    private const int Yields = 200;

    private static IEnumerable<Op> Yielder(List<string> log, int n, Action? at10 = null)
    {
        for (int i = 0; i < n; i++)
        {
            lock (log) log.Add("y");
            if (i == 10) at10?.Invoke();
            yield return Yield();
        }
    }

    private static bool Logged(List<string> log, string entry)
    {
        lock (log) return log.Contains(entry);
    }

    /// <summary>Where the other goroutine's entry landed among the yielder's: <see cref="Yields"/> when after all of them.</summary>
    private static int YieldsBefore(List<string> log, string entry)
    {
        lock (log) return log.TakeWhile(e => e != entry).Count(e => e == "y");
    }

    /// <summary>
    /// Runs a main goroutine that starts <paramref name="first"/>, waits (yielding) until <paramref name="started"/>
    /// holds if given, starts <paramref name="second"/>, and joins both.
    /// </summary>
    private static void RunBoth(GoRuntime rt, IEnumerable<Op> first, Func<IEnumerable<Op>> second, Func<bool>? started = null)
    {
        IEnumerable<Op> Main()
        {
            var h1 = GoRuntime.Current.Go(first);
            while (started is not null && !started()) yield return Yield();
            var h2 = GoRuntime.Current.Go(second());
            yield return Join(h1);
            yield return Join(h2);
        }
        rt.Go(Main()).Join();
    }

    // The yielder completes the Task at its 10th iteration; the continuation (run synchronously, on the M) used to
    // ready the awaiter at once, and the seed let it run among the remaining yields.
    [Fact]
    public void A_task_continuation_runs_when_every_goroutine_is_blocked()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var log = new List<string>();
            var tcs = new TaskCompletionSource<int>();
            IEnumerable<Op> Awaiter()
            {
                var a = AwaitOps.Await(tcs.Task);
                yield return a;
                lock (log) log.Add("awaited " + a.Result);
            }
            RunBoth(rt, Awaiter(), () => Yielder(log, Yields, () => tcs.SetResult(1)));
            Assert.Equal(Yields, YieldsBefore(log, "awaited 1"));
        }
    }

    // A Task already complete when the goroutine looks at it: whether it is depends on the thread pool (Task.Run's
    // work may or may not have finished), so an await parks in this mode whatever the Task's state. It used to go
    // on at once when the Task was complete, and the interleaving depended on that.
    [Fact]
    public void An_await_of_a_completed_task_parks_until_every_goroutine_is_blocked()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var log = new List<string>();
            IEnumerable<Op> Awaiter()
            {
                var a = AwaitOps.Await(Task.FromResult(7));
                yield return a;
                lock (log) log.Add("awaited " + a.Result);
            }
            RunBoth(rt, Yielder(log, Yields), () => Awaiter());
            Assert.Equal(Yields, YieldsBefore(log, "awaited 7"));
        }
    }

    // The same from a goroutine's plain code (a Go.Await outside a [Goroutine] method's own body, which blocks the
    // thread): it went on at once when the Task was complete, so whether Task.Run's work had finished decided the
    // interleaving (review of the session's diff).
    [Fact]
    public void A_plain_code_await_of_a_completed_task_waits_until_every_goroutine_is_blocked()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var log = new List<string>();
            IEnumerable<Op> Awaiter()
            {
                var v = Go.Await(Task.FromResult(7)) + Go.Await(new ValueTask<int>(1));
                lock (log) log.Add("awaited " + v);
                yield break;
            }
            RunBoth(rt, Yielder(log, Yields), () => Awaiter());
            Assert.Equal(Yields, YieldsBefore(log, "awaited 8"));
        }
    }

    // The blocking section ends while the yielder runs (it releases the section at its 10th iteration and holds the
    // P until the blocker's M waits for one); a yield used to hand that M the P at once.
    [Fact]
    public void A_goroutine_back_from_a_blocking_section_runs_when_every_goroutine_is_blocked()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var log = new List<string>();
            using var gate = new ManualResetEventSlim();
            IEnumerable<Op> Blocker()
            {
                lock (log) log.Add("entering"); // and on into the section in the same run: nothing suspends between
                Go.Blocking(() => gate.Wait());
                lock (log) log.Add("unblocked");
                yield break;
            }
            void Release()
            {
                gate.Set();
                Assert.True(SpinWait.SpinUntil(() => rt.Sched.AnyExitWaiterForTest, BlockingTests.Guard));
            }
            RunBoth(rt, Blocker(), () => Yielder(log, Yields, Release), () => Logged(log, "entering"));
            Assert.Equal(Yields, YieldsBefore(log, "unblocked"));
        }
    }

    // A plain thread's send readies the receiver from outside the schedule too.
    [Fact]
    public void A_goroutine_readied_by_a_plain_thread_runs_when_every_goroutine_is_blocked()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            var log = new List<string>();
            var ch = new Chan<int>(1);
            IEnumerable<Op> Receiver()
            {
                lock (log) log.Add("receiving"); // and parks in the same run: nothing is sent yet
                var r = Recv(ch);
                yield return r;
                lock (log) log.Add("received");
            }
            void SendFromAThread()
            {
                var t = new Thread(() => ch.Send(1));
                t.Start();
                t.Join();
            }
            RunBoth(rt, Receiver(), () => Yielder(log, Yields, SendFromAThread), () => Logged(log, "receiving"));
            Assert.Equal(Yields, YieldsBefore(log, "received"));
        }
    }

    // A socket read whose data a plain socket sends at the yielder's 10th iteration: the poller (sysmon's poll,
    // as the yields take longer than its 10 ms) used to queue the reader at once, among the remaining yields
    // (review of the session's diff: the network's half of the arrivals).
    [Fact]
    public void A_socket_read_returns_when_every_goroutine_is_blocked()
    {
        const int SlowYields = 1000;
        for (int seed = 0; seed < 6; seed++)
        {
            using var rt = new GoRuntime(new GoRuntimeOptions { DeterministicSeed = seed });
            using GoSharp.Net.Listener l = GoSharp.Runtime.Tests.Net.NetOps.ListenLoopback();
            using var client = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork,
                System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            client.Connect(l.Addr);
            var log = new List<string>();
            IEnumerable<Op> Reader(GoSharp.Net.Conn c)
            {
                var r = GoSharp.Runtime.Tests.Net.NetOps.Read(c, new byte[1]);
                yield return r;
                lock (log) log.Add("read " + r.Result);
            }
            IEnumerable<Op> SlowYielder()
            {
                for (int i = 0; i < SlowYields; i++)
                {
                    lock (log) log.Add("y");
                    if (i == 10) client.Send(new byte[] { 1 });
                    Thread.SpinWait(20_000); // the yields outlast sysmon's 10 ms before it polls for the Ms
                    yield return Yield();
                }
            }
            IEnumerable<Op> Main()
            {
                var a = GoSharp.Runtime.Tests.Net.NetOps.Accept(l);
                yield return a;
                using var conn = a.Result;
                var h1 = GoRuntime.Current.Go(Reader(conn));
                var h2 = GoRuntime.Current.Go(SlowYielder());
                yield return Join(h1);
                yield return Join(h2);
            }
            rt.Go(Main()).Join();
            Assert.Equal(SlowYields, YieldsBefore(log, "read 1"));
        }
    }
}
