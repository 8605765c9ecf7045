using System;
using GoSharp;

// A worker pool (go by example, "Worker Pools" and "WaitGroups"): jobs go out on a buffered channel, three
// workers take them, results come back on another; a WaitGroup says when every worker is done.
public static partial class Program
{
    public static void Main() => Go.Run(() => GoRun(workers: 3, jobs: 9));

    [Goroutine]
    static void Run(int workers, int jobs)
    {
        var jobQueue = new Chan<int>(100);
        var results = new Chan<int>(100);
        var wg = new WaitGroup();
        for (var w = 1; w <= workers; w++)
        {
            wg.Add(1);
            GoWorker(w, jobQueue, results, wg);          // Go: go worker(w, jobs, results, &wg)
        }
        for (var j = 1; j <= jobs; j++) jobQueue.Send(j);
        jobQueue.Close();
        wg.Wait();                                       // suspends the goroutine, never the thread
        results.Close();
        var sum = 0;
        foreach (var r in results) sum += r;             // Go: for r := range results
        Console.WriteLine($"sum of squares 1..{jobs} = {sum}");
    }

    [Goroutine]
    static void Worker(int id, Chan<int> jobs, Chan<int> results, WaitGroup wg)
    {
        try
        {
            foreach (var j in jobs)
            {
                Console.WriteLine($"worker {id} started  job {j}");
                Go.Sleep(TimeSpan.FromMilliseconds(100)); // a sleeping goroutine holds no thread
                Console.WriteLine($"worker {id} finished job {j}");
                results.Send(Square(j));
            }
        }
        finally
        {
            wg.Done();
        }
    }

    static int Square(int x) => x * x;                   // ordinary code stays ordinary
}
