using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>A flag one goroutine spins on and another sets.</summary>
public sealed class SpinFlag
{
    private volatile bool _set;
    public bool IsSet => _set;
    public void Set() => _set = true;
}

public static partial class PreemptionCases
{
    /// <summary>A loop made of a backward goto: its label carries the preemption check.</summary>
    [Goroutine]
    public static long SpinGoto(SpinFlag flag)
    {
        long n = 0;
    top:
        n++;
        if (!flag.IsSet) goto top;
        return n;
    }

    /// <summary>A loop that holds a lambda stays plain code; its thread hands the P off when preempted.</summary>
    [Goroutine]
    public static long SpinWithLambda(SpinFlag flag)
    {
        long n = 0;
        while (!flag.IsSet)
        {
            Func<long> seen = () => n;
            n = seen() + 1;
        }
        return n;
    }

    /// <summary>A loop in the scope of a span stays plain code (StackOnlyLoops.cs); its thread hands the P off when preempted.</summary>
    [Goroutine]
    public static long SpinAmongSpans(SpinFlag flag)
    {
        Span<long> s = stackalloc long[1];
        while (!flag.IsSet) s[0]++;
        return s[0];
    }

    // A loop made of a goto among spans, with no suspension point in it, hands the P off at its label instead of
    // yielding there (StackOnlyLoops.cs, FindPlainGotoLoops).
    [Goroutine]
    public static long SpinGotoAmongSpans(SpinFlag flag)
    {
        Span<long> s = stackalloc long[1];
    spin:
        s[0]++;
        if (!flag.IsSet) goto spin;
        return s[0];
    }

    [Goroutine]
    public static void SetFlag(SpinFlag flag) => flag.Set();
}

/// <summary>
/// On one P a goroutine that spins until another sets a flag finishes only if it is preempted: every loop
/// shape the generator emits must honour sysmon's request (no hang is the assertion; the guard is generous).
/// </summary>
public class PreemptionTests
{
    private static void SpinnerEnds(Func<SpinFlag, Goroutine<long>> spin)
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1, PreemptAfter = TimeSpan.FromMilliseconds(5) });
        var flag = new SpinFlag();
        using (rt.Enter())
        {
            var spinner = spin(flag);          // runs first and holds the only P
            var setter = PreemptionCases.GoSetFlag(flag);
            var joined = Task.Run(() => spinner.Join());
            bool ended = joined.Wait(TimeSpan.FromSeconds(60));
            if (!ended) flag.Set();            // let a stuck spinner go before failing, so nothing spins on
            Assert.True(ended, "the spinning goroutine was never preempted: the flag setter could not run on the only P");
            setter.Join();
            Assert.True(joined.Result > 0);
        }
    }

    [Fact]
    public void A_backward_goto_loop_is_preempted() => SpinnerEnds(PreemptionCases.GoSpinGoto);

    [Fact]
    public void A_loop_holding_a_lambda_is_preempted() => SpinnerEnds(PreemptionCases.GoSpinWithLambda);

    [Fact]
    public void A_loop_among_spans_is_preempted() => SpinnerEnds(PreemptionCases.GoSpinAmongSpans);

    [Fact]
    public void A_goto_loop_among_spans_is_preempted() => SpinnerEnds(PreemptionCases.GoSpinGotoAmongSpans);
}
