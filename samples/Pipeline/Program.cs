using System;
using GoSharp;
using GoSharp.Samples;

// A three-stage pipeline. Each stage is a goroutine; the per-item work is a nested [Goroutine] call
// (Parse -> Validate), which runs on the caller's goroutine and suspends it when it waits.
public static partial class Program
{
    public static void Main()
    {
        var lines = new[] { "12", "7", "x", "30", "-4", "99" };
        var result = GoRun(lines).Join();
        Console.WriteLine($"accepted sum: {result}");
    }

    [Goroutine]
    static int Run(string[] lines)
    {
        var raw = new Pipe<string?>();
        var parsed = new Pipe<int?>();
        GoParseStage(raw, parsed);
        foreach (var line in lines) raw.Put(line);
        raw.Put(null);

        var sum = 0;
        while (parsed.Take() is int value)
        {
            Console.WriteLine($"  accepted {value}");
            sum += value;
        }
        return sum;
    }

    [Goroutine]
    static void ParseStage(Pipe<string?> input, Pipe<int?> output)
    {
        try
        {
            for (var line = input.Take(); line is not null; line = input.Take())
            {
                try
                {
                    output.Put(Parse(line));       // nested goroutine call
                }
                catch (FormatException e)
                {
                    Console.WriteLine($"  rejected '{line}': {e.Message}");
                }
            }
        }
        finally
        {
            output.Put(null);
        }
    }

    [Goroutine]
    static int Parse(string text)
    {
        Go.Yield();
        if (!int.TryParse(text, out var n)) throw new FormatException("not a number");
        return Validate(n);                        // nested again
    }

    [Goroutine]
    static int Validate(int n)
    {
        if (n < 0) throw new FormatException("negative");
        Go.Yield();
        return n;
    }
}
