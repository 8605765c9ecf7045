using System;
using System.Collections.Generic;
using GoSharp;
using GoSharp.Samples;

// A worker pool: jobs go to a shared pipe, workers take them, results come back on another pipe.
public static partial class Program
{
    public static void Main()
    {
        var total = GoRun(workers: 4, jobs: 1000).Join();
        Console.WriteLine($"sum of squares 1..1000 = {total}");
    }

    [Goroutine]
    static long Run(int workers, int jobs)
    {
        var jobQueue = new Pipe<int>();
        var results = new Pipe<long>();
        var handles = new List<Goroutine<int>>();
        for (var w = 1; w <= workers; w++) handles.Add(GoWorker(w, jobQueue, results));

        for (var j = 1; j <= jobs; j++) jobQueue.Put(j);
        for (var w = 0; w < workers; w++) jobQueue.Put(0);   // one stop signal per worker

        long total = 0;
        for (var j = 0; j < jobs; j++) total += results.Take();
        foreach (var h in handles)
        {
            var done = h.Join();
            Console.WriteLine($"worker finished {done} jobs");
        }
        return total;
    }

    [Goroutine]
    static int Worker(int id, Pipe<int> jobs, Pipe<long> results)
    {
        var done = 0;
        try
        {
            while (true)
            {
                var job = jobs.Take();
                if (job == 0) return done;
                results.Put(Square(job));
                done++;
                if (done % 50 == 0) Go.Yield();
            }
        }
        finally
        {
            Console.WriteLine($"worker {id} stops");
        }
    }

    static long Square(int x) => (long)x * x;   // ordinary code stays ordinary
}
