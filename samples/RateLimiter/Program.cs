// Go by Example: rate limiting with a ticker, and a bursty limiter (a buffered channel refilled by a ticker).
// Main blocks its thread; the [Goroutine] methods it starts (GoX launchers) run as goroutines.
using GoSharp;

public static partial class Program
{
    public static void Main()
    {
        var start = DateTime.UtcNow;
        string Elapsed() => $"{(DateTime.UtcNow - start).TotalMilliseconds,6:F0} ms";

        // Five requests, one every 200 ms.
        var requests = new Chan<int>(5);
        for (var i = 1; i <= 5; i++) requests.Send(i);
        requests.Close();
        var limiter = Go.NewTicker(TimeSpan.FromMilliseconds(200));
        foreach (var req in requests)
        {
            limiter.C.Recv();
            Console.WriteLine($"request {req} at {Elapsed()}");
        }
        limiter.Stop();

        // Bursts of up to three, then one every 200 ms.
        var bursty = new Chan<DateTime>(3);
        for (var i = 0; i < 3; i++) bursty.Send(DateTime.UtcNow);
        var refill = Go.NewTicker(TimeSpan.FromMilliseconds(200));
        var stop = new Chan<Empty>();
        var refiller = GoRefill(refill, bursty, stop);

        var burstyRequests = new Chan<int>(5);
        for (var i = 1; i <= 5; i++) burstyRequests.Send(i);
        burstyRequests.Close();
        foreach (var req in burstyRequests)
        {
            bursty.Recv();
            Console.WriteLine($"bursty request {req} at {Elapsed()}");
        }
        stop.Close();
        refiller.Join();
        refill.Stop();

        // A counting semaphore bounds concurrency instead of rate.
        var sem = new Sync.Semaphore(2);
        var wg = new WaitGroup();
        for (var i = 1; i <= 4; i++)
        {
            var id = i;
            wg.Add(1);
            GoLimited(id, sem, wg);
        }
        wg.Wait();
    }

    [Goroutine]
    static void Refill(Go.Ticker ticker, Chan<DateTime> bucket, Chan<Empty> stop)
    {
        while (true)
        {
            var s = Go.Select(ticker.C.RecvCase(), stop.RecvCase());
            if (s.Index == 1) return;
            Go.Select(bucket.SendCase(s.Value1), Go.Default); // a full bucket drops the token
        }
    }

    [Goroutine]
    static void Limited(int id, Sync.Semaphore sem, WaitGroup wg)
    {
        try
        {
            sem.Acquire();
            try
            {
                Console.WriteLine($"worker {id} running ({sem.Held} of {sem.Capacity} slots)");
                Go.Sleep(TimeSpan.FromMilliseconds(100));
            }
            finally { sem.Release(); }
        }
        finally { wg.Done(); }
    }

}
