using System;
using GoSharp;
using GoSharp.Samples;

// Go's concurrent prime sieve: a generator goroutine feeds numbers into a chain of filter goroutines,
// one per prime found so far. Pipe<T> (samples/Shared) stands in for a channel.
public static partial class Program
{
    private const int Stop = -1;

    public static void Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 100;
        var sum = GoSieve(count).Join();
        Console.WriteLine($"sum of the first {count} primes: {sum}");
    }

    [Goroutine]
    static long Sieve(int count)
    {
        var ch = new Pipe<int>();
        GoGenerate(ch, count * count / 2 + 1000);
        long sum = 0;
        for (var i = 0; i < count; i++)
        {
            var prime = ch.Take();
            if (i < 10) Console.Write(prime + " ");
            sum += prime;
            var next = new Pipe<int>();
            GoFilter(ch, next, prime);
            ch = next;
        }
        Console.WriteLine("...");
        while (ch.Take() != Stop) { }   // let the chain drain and end
        return sum;
    }

    [Goroutine]
    static void Generate(Pipe<int> ch, int limit)
    {
        for (var i = 2; i <= limit; i++)
        {
            ch.Put(i);
            if (i % 64 == 0) Go.Yield();  // an unbounded pipe never blocks the sender: let the filters run
        }
        ch.Put(Stop);
    }

    [Goroutine]
    static void Filter(Pipe<int> input, Pipe<int> output, int prime)
    {
        while (true)
        {
            var i = input.Take();
            if (i == Stop) { output.Put(Stop); return; }
            if (i % prime != 0) output.Put(i);
        }
    }
}
