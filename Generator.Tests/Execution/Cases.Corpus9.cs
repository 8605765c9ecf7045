using System;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle's ninth round of new codebases, each reduced to a differential case.
public static partial class Cases
{
    // Hashids.net's EncodeLong under --suspend: `var result = S(numbersLength) < MAX_STACKALLOC_SIZE ? stackalloc
    // char[numbersLength] : new char[numbersLength];`, a span made by a conditional whose condition suspends. Async
    // accepts it (it spills only the condition; the span is made after it). The generator refused it (GOSH0008 at the
    // conditional), as it wrote every suspending ?: into a frame field, which cannot hold a span. A ref struct
    // conditional whose branches do not suspend is written in place now, after its lowered condition.
    [Goroutine]
    public static string C9StackallocBehindASuspendingCondition(Log log, int n)
    {
        int len = n % 3 + 1;
        Span<int> r = log.L("cond", Tw(len) > 1) ? stackalloc int[len] : new int[len];
        for (int i = 0; i < r.Length; i++) r[i] = i * 2 + 1;
        int sum = 0;
        foreach (var v in r) sum += v;
        var s = "round nine";
        ReadOnlySpan<char> part = Tw(n) % 2 == 0 ? s.AsSpan(log.L("from", 1), 4) : s.AsSpan(log.L("to", 6));
        return sum + ":" + part.ToString() + ":" + Tw(part.Length);
    }
}
