using System.Runtime.CompilerServices;

namespace GoSharp.Scheduler;

/// <summary>
/// The method options of the runtime's hottest paths: the schedule loop, park and ready, the run queue,
/// the channel operations and their wait records (<c>[MethodImpl(HotPath.Options)]</c>).
/// <para>
/// <see cref="MethodImplOptions.AggressiveOptimization"/>: compiled fully optimised at their first call
/// instead of starting in tier 0. With the JIT as users run it (tiered), a program's first few hundred
/// milliseconds otherwise run the scheduler and the channels unoptimised, with no inlining, while the tier-1
/// versions are compiled in the background: a sub-second program spent a third of its runtime samples there
/// (docs/performance.md, issue 13, The default JIT). The cost: these methods get no dynamic PGO and no
/// ReadyToRun code (crossgen skips them; they are JIT-compiled at their first call even in a ReadyToRun
/// image). Only the runtime's own code, never the user's goroutine bodies, and only methods measured hot.
/// </para>
/// </summary>
internal static class HotPath
{
    public const MethodImplOptions Options = MethodImplOptions.AggressiveOptimization;
}
