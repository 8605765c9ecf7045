using System;
using System.Threading;
using GoSharp.CompilerServices;
using GoSharp.Runtime.Tests.Frames;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

public class DumpTests
{
    /// <summary><c>void Wait(Signal s) { s.Wait(); /* Worker.cs:42 */ }</c> with a dump table.</summary>
    private sealed class LeafWait : Frame
    {
        private readonly Signal _s;
        private Signal.Awaiter _aw;
        public LeafWait(Signal s) => _s = s;
        public override string MethodName => "App.Worker.Wait";
        public override SourceLocation? GetSourceLocation(int state) => state == 0 ? new SourceLocation("Worker.cs", 42) : null;
        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; }
            _aw = _s.GetAwaiter2();
            if (!_aw.IsCompleted) { State = 0; return _aw.Suspend(g, this); }
        resume0:
            State = -1;
            return FrameResult.Completed;
        }
    }

    /// <summary><c>void Run(Signal s) { Wait(s); /* Main.cs:7 */ }</c>, spawning a child first.</summary>
    private sealed class Caller : Frame
    {
        private readonly Signal _s, _child;
        private LeafWait? _call;
        public Caller(Signal s, Signal child) { _s = s; _child = child; }
        public override string MethodName => "App.Program.Run";
        public override SourceLocation? GetSourceLocation(int state) => state == 0 ? new SourceLocation("Main.cs", 7) : null;
        public override FrameResult Resume(G g)
        {
            switch (State) { case 0: goto resume0; }
            GoRuntime.Current.Spawn(new LeafWait(_child));
            _call = new LeafWait(_s);
            var r = g.Invoke(this, _call);
            if (r != FrameResult.Completed) { State = 0; return r; }
        resume0:
            State = -1;
            _call!.ThrowIfFailed();
            return FrameResult.Completed;
        }
    }

    [Fact]
    public void ADumpShowsEveryParkedGoroutineWithItsFramesLinesAndCreator()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        var s = new Signal();
        var child = new Signal();
        var h = rt.Spawn(new Caller(s, child));
        Assert.True(SpinWait.SpinUntil(() =>
        {
            string d = rt.DumpGoroutines();
            return rt.NumGoroutine == 2 && !d.Contains("[running]") && !d.Contains("[runnable]");
        }, TimeSpan.FromSeconds(10)));
        string dump = rt.DumpGoroutines().Replace("\r", "");

        Assert.Contains($"goroutine {h.Id} [waiting]:\nApp.Worker.Wait(...)\n\tWorker.cs:42\nApp.Program.Run(...)\n\tMain.cs:7\n", dump);
        Assert.Contains($"App.Worker.Wait(...)\n\tWorker.cs:42\ncreated by App.Program.Run in goroutine {h.Id}\n", dump);
        Assert.DoesNotContain("goexit", dump);

        s.Set();
        child.Set();
        h.Join();
    }
}

public class SchedTraceTests
{
    [Fact]
    public void SchedTracePrintsGosSchedLine()
    {
        var lines = new System.Collections.Concurrent.BlockingCollection<string>();
        var writer = new LineWriter(lines.Add);
        using var rt = new GoRuntime(new GoRuntimeOptions
        {
            MaxProcs = 3,
            SchedTrace = TimeSpan.FromMilliseconds(5),
            TraceWriter = writer,
        });
        Assert.True(lines.TryTake(out var line, TimeSpan.FromSeconds(10)));
        Assert.Matches(@"^SCHED \d+ms: gomaxprocs=3 idleprocs=\d+ threads=\d+ spinningthreads=\d+ needspinning=0 idlethreads=\d+ runqueue=\d+ \[\d+ \d+ \d+\]$", line);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GoRuntime(new GoRuntimeOptions { SchedTrace = TimeSpan.Zero }));
    }

    private sealed class LineWriter(Action<string> onLine) : System.IO.TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void WriteLine(string? value) => onLine(value ?? "");
    }
}
