// Go's classic mistake, and what GoSharp does with it: main waits for the workers before it receives their
// results, but each worker is blocked sending its result on an unbuffered channel. Go stops the program
// with "fatal error: all goroutines are asleep - deadlock!"; so does GoSharp, with the same goroutine dump,
// when main runs as the main goroutine (Go.Run) and nothing outside the goroutines could still wake them
// (docs/deadlocks.md). Run with "fixed" to receive first and see it end normally.
using System;
using GoSharp;

public static partial class Program
{
    public static int Main(string[] args)
    {
        try
        {
            Go.Run(() => GoRun(fixedOrder: args.Length > 0 && args[0] == "fixed"));
            return 0;
        }
        catch (DeadlockException e)
        {
            Console.Error.WriteLine("fatal error: " + e.Message);
            return 2; // Go's exit status for a fatal error
        }
    }

    [Goroutine]
    static void Run(bool fixedOrder)
    {
        var results = new Chan<int>();
        var wg = new WaitGroup();
        for (var id = 1; id <= 3; id++)
        {
            wg.Add(1);
            GoWorker(id, results, wg);
        }
        if (fixedOrder)
        {
            var sum = 0;
            for (var i = 0; i < 3; i++) sum += results.Recv();
            wg.Wait();
            Console.WriteLine($"sum of squares 1..3 = {sum}");
            return;
        }
        wg.Wait();                      // the bug: nobody receives until every worker is done
        for (var i = 0; i < 3; i++) Console.WriteLine(results.Recv());
    }

    [Goroutine]
    static void Worker(int id, Chan<int> results, WaitGroup wg)
    {
        results.Send(id * id);          // blocks until main receives
        wg.Done();
    }
}
