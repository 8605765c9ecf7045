using System;
using GoSharp;

// The pipeline of Go's blog post "Go Concurrency Patterns: Pipelines and cancellation": Gen -> Sq (fanned
// out to two goroutines) -> Merge (fan-in) -> a consumer. The consumer stops early and closes `done`,
// which tells every stage to return. Sum and Stats are [Goroutine] methods called directly: nested calls
// that run on the calling goroutine and suspend it when they block. As in the post, each stage takes
// receive-only (RecvChan, Go's <-chan) and send-only (SendChan, chan<-) views: only the owner closes.
public static partial class Program
{
    public static void Main()
    {
        var (sum, count) = Go.Run(() => GoRun(100));
        Console.WriteLine($"received {count} squares, sum {sum}");
    }

    [Goroutine]
    static (long Sum, int Count) Run(int n)
    {
        var done = new Chan<Empty>();
        var input = Gen(done, n);
        var c1 = Sq(done, input);            // two goroutines read from the same channel (fan-out)
        var c2 = Sq(done, input);
        var merged = Merge(done, c1, c2);
        var result = Stats(merged, limit: n / 2);   // a nested goroutine call
        done.Close();                        // cancel: every stage still running sees `done` and returns
        return result;
    }

    // Stats runs on the caller's goroutine: a nested call, not a new goroutine.
    [Goroutine]
    static (long Sum, int Count) Stats(RecvChan<int> squares, int limit)
    {
        long sum = 0;
        var count = 0;
        while (count < limit)
        {
            var (v, ok) = squares.RecvOk();
            if (!ok) break;
            sum += Add(v);
            count++;
        }
        return (sum, count);
    }

    [Goroutine]
    static long Add(int v)
    {
        if (v % 1000 == 0) Go.Yield();       // may suspend: the caller (Stats) suspends with it
        return v;
    }

    static RecvChan<int> Gen(RecvChan<Empty> done, int n)
    {
        var output = new Chan<int>();
        GoGenerate(done, output, n);
        return output;
    }

    [Goroutine]
    static void Generate(RecvChan<Empty> done, SendChan<int> output, int n)
    {
        try
        {
            for (var i = 1; i <= n; i++)
            {
                var s = Go.Select(output.SendCase(i), done.RecvCase());
                if (s.Index == 1) return;
            }
        }
        finally
        {
            output.Close();
        }
    }

    static RecvChan<int> Sq(RecvChan<Empty> done, RecvChan<int> input)
    {
        var output = new Chan<int>();
        GoSquare(done, input, output);
        return output;
    }

    [Goroutine]
    static void Square(RecvChan<Empty> done, RecvChan<int> input, SendChan<int> output)
    {
        try
        {
            foreach (var x in input)
            {
                var s = Go.Select(output.SendCase(x * x), done.RecvCase());
                if (s.Index == 1) return;
            }
        }
        finally
        {
            output.Close();
        }
    }

    static RecvChan<int> Merge(RecvChan<Empty> done, RecvChan<int> a, RecvChan<int> b)
    {
        var output = new Chan<int>();
        var wg = new WaitGroup();
        wg.Add(2);
        GoForward(done, a, output, wg);
        GoForward(done, b, output, wg);
        GoCloseAfter(wg, output);
        return output;
    }

    [Goroutine]
    static void Forward(RecvChan<Empty> done, RecvChan<int> input, SendChan<int> output, WaitGroup wg)
    {
        try
        {
            foreach (var v in input)
            {
                var s = Go.Select(output.SendCase(v), done.RecvCase());
                if (s.Index == 1) return;
            }
        }
        finally
        {
            wg.Done();
        }
    }

    [Goroutine]
    static void CloseAfter(WaitGroup wg, SendChan<int> output)
    {
        wg.Wait();
        output.Close();
    }
}
