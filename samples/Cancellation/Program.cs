// Cancellation both ways: a CancellationToken as a select case (Go: <-ctx.Done()), a done channel as a
// CancellationToken for Task-based APIs, and channels consumed from async code.
// Main blocks its thread; the [Goroutine] methods it starts (GoX launchers) run as goroutines.
using GoSharp;

public static partial class Program
{
    public static async Task Main()
    {
        // 1. A worker that stops when the token is cancelled.
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(550));
        var results = new Chan<int>();
        var worker = GoCounter(results, cts.Token);
        await foreach (var n in results.ReadAllAsync())   // async consumer of a channel
            Console.WriteLine($"tick {n}");
        worker.Join();
        Console.WriteLine("worker stopped: token cancelled");

        // 2. A done channel handed to a Task-based API as a token.
        var done = new Chan<Empty>();
        var token = done.ToCancellationToken();
        var delay = Task.Delay(Timeout.Infinite, token);
        done.Close();
        try { await delay; }
        catch (TaskCanceledException) { Console.WriteLine("Task.Delay cancelled by closing the done channel"); }

        // 3. Go.Await: a goroutine waits for a Task without holding a thread.
        var answer = Go.Await(Task.Run(() => 42));
        Console.WriteLine($"awaited {answer}");

        // 4. SendAsync with cancellation: nobody receives, so the send is withdrawn.
        var unbuffered = new Chan<string>();
        using var shortCts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        try { await unbuffered.SendAsync("lost", shortCts.Token); }
        catch (OperationCanceledException) { Console.WriteLine("send withdrawn after 50 ms"); }

        // 5. The blocking operations take a token too: a receive nobody answers gives up when it is cancelled.
        using var later = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        try { GoWaitForJob(new Chan<int>(), later.Token).Join(); }
        catch (OperationCanceledException) { Console.WriteLine("receive cancelled after 50 ms"); }
    }

    [Goroutine]
    static int WaitForJob(Chan<int> jobs, CancellationToken ct)
    {
        var job = jobs.Recv(ct);                          // select { case job := <-jobs: case <-ctx.Done(): }
        return job * 2;
    }

    [Goroutine]
    static void Counter(Chan<int> output, CancellationToken ct)
    {
        var done = Go.Done(ct);                           // the token as a channel (the same one at every call)
        var tick = Go.NewTicker(TimeSpan.FromMilliseconds(100));
        try
        {
            for (var i = 1; ; i++)
            {
                var s = Go.Select(tick.C.RecvCase(), done.RecvCase());
                if (s.Index == 1) return;
                output.Send(i, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // cancelled while the consumer was not receiving: stop as on the done case
        }
        finally
        {
            tick.Stop();
            output.Close();
        }
    }

}
