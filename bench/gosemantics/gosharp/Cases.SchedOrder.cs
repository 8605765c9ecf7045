// Run order on one P beyond a few goroutines: the local queue's overflow into the global queue, goroutines
// that start goroutines, a goroutine readied by a send (the twin of ../go/schedorder.go).
using System;
using System.Collections.Generic;
using GoSharp;

namespace GoSemantics;

public static partial class Cases
{
    private static void RegisterSchedOrder()
    {
        Register("sched-spawn-many", GoSchedSpawnMany);
        Register("sched-nested", GoSchedNested);
        Register("sched-ready-runnext", GoSchedReadyRunnext);
        Register("sched-buffered-pingpong", GoSchedBufferedPingPong);
    }

    /// <summary>
    /// A run order on one P where more goroutines were started than the local queue holds, in terms that do not
    /// depend on how many schedules the P made before: who ran first, whether the oldest 128 (the half the first
    /// overflow moves to the global queue) ran in order and after a newer one, and the most schedules between two
    /// of them (the P looks at the global queue once in 61 schedules while it has work of its own).
    /// </summary>
    private static string Overflow(List<int> xs)
    {
        bool inOrder = true, afterNewer = xs[0] >= 128;
        int last = -1, gap = 0, maxGap = 0;
        foreach (var x in xs)
        {
            gap++;
            if (x >= 128) continue;
            inOrder = inOrder && x == last + 1;
            last = x;
            maxGap = Math.Max(maxGap, gap);
            gap = 0;
        }
        return $"first {xs[0]} oldest in order {B(inOrder)} after a newer one {B(afterNewer)} most schedules between two {maxGap}";
    }

    [Goroutine]
    private static void SchedSpawnMany()
    {
        // As Go's warmUp: one P, ten schedules.
        Go.SetMaxProcs(1);
        for (var i = 0; i < 10; i++) Go.Yield();
        foreach (var n in new[] { 257, 300, 600 })
        {
            var wg = new WaitGroup();
            var output = new List<int>();
            for (var i = 0; i < n; i++)
            {
                wg.Add(1);
                GoAppendId(output, i, wg);
            }
            wg.Wait();
            Console.WriteLine(n == 257 ? $"{n} : {output[0]} {output[1]} {output[255]} {output[256]}" : $"{n} : {Overflow(output)}");
        }
    }

    [Goroutine]
    private static void AppendName(List<string> output, string name, WaitGroup wg)
    {
        output.Add(name);
        wg.Done();
    }

    [Goroutine]
    private static void Parent(List<string> output, string p, WaitGroup wg)
    {
        output.Add(p);
        foreach (var c in new[] { "1", "2" })
        {
            wg.Add(1);
            GoAppendName(output, p + c, wg);
        }
        output.Add(p + " done");
        wg.Done();
    }

    [Goroutine]
    private static void SchedNested()
    {
        Go.SetMaxProcs(1);
        var wg = new WaitGroup();
        var output = new List<string>();
        foreach (var p in new[] { "a", "b" })
        {
            wg.Add(1);
            GoParent(output, p, wg);
        }
        wg.Wait();
        Console.WriteLine(Join(output));
    }

    [Goroutine]
    private static void RecvAppend(Chan<int> ch, List<string> output, WaitGroup wg)
    {
        var v = ch.Recv();
        output.Add("recv" + v);
        wg.Done();
    }

    [Goroutine]
    private static void SchedReadyRunnext()
    {
        Go.SetMaxProcs(1);
        var wg = new WaitGroup();
        var output = new List<string>();
        var ch = new Chan<int>();
        wg.Add(1);
        GoRecvAppend(ch, output, wg);
        Go.Yield();
        for (var i = 0; i < 3; i++)
        {
            wg.Add(1);
            GoAppendName(output, "g" + i, wg);
        }
        ch.Send(7);
        output.Add("sent");
        wg.Wait();
        Console.WriteLine(Join(output));
    }

    [Goroutine]
    private static void BufferedSender(Chan<int> ch, List<string> output)
    {
        for (var i = 0; i < 6; i++)
        {
            ch.Send(i);
            output.Add("s" + i);
        }
        ch.Close();
    }

    [Goroutine]
    private static void BufferedReceiver(Chan<int> ch, List<string> output, Chan<bool> done)
    {
        foreach (var v in ch) output.Add("r" + v);
        done.Send(true);
    }

    [Goroutine]
    private static void SchedBufferedPingPong()
    {
        Go.SetMaxProcs(1);
        var output = new List<string>();
        var ch = new Chan<int>(2);
        var done = new Chan<bool>();
        GoBufferedSender(ch, output);
        GoBufferedReceiver(ch, output, done);
        done.Recv();
        Console.WriteLine(Join(output));
    }
}
