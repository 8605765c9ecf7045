using System;
using GoSharp;

// Go's concurrent prime sieve (go.dev/doc/play/sieve.go): a generator goroutine sends 2, 3, 4, ... into a
// channel; each prime found adds a filter goroutine to the chain. Every channel is unbuffered, so the
// whole chain runs in lock-step hand-offs. Usage: dotnet run -c Release --project samples/Sieve [count]
public static partial class Program
{
    public static void Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 2000;
        var (sum, last) = Go.Run(() => GoSieve(count));
        Console.WriteLine($"the {count}th prime is {last}; the first {count} primes add up to {sum}");
    }

    [Goroutine]
    static (long Sum, int Last) Sieve(int count)
    {
        var ch = new Chan<int>();
        GoGenerate(ch);
        long sum = 0;
        var prime = 0;
        for (var i = 0; i < count; i++)
        {
            prime = ch.Recv();
            if (i < 10) Console.Write(prime + " ");
            sum += prime;
            var next = new Chan<int>();
            GoFilter(ch, next, prime);
            ch = next;
        }
        Console.WriteLine("...");
        return (sum, prime);   // like Go's main returning: the chain is left blocked and the process ends
    }

    [Goroutine]
    static void Generate(Chan<int> ch)
    {
        for (var i = 2; ; i++) ch.Send(i);
    }

    [Goroutine]
    static void Filter(Chan<int> input, Chan<int> output, int prime)
    {
        while (true)
        {
            var i = input.Recv();
            if (i % prime != 0) output.Send(i);
        }
    }
}
