using System.ComponentModel;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp;

/// <summary>Go's runtime functions that a goroutine calls directly.</summary>
public static partial class Go
{
    /// <summary>
    /// Gives up the processor so other goroutines run; this one continues later (Go: runtime.Gosched).
    /// Inside a <c>[Goroutine]</c> method it suspends the goroutine; on an ordinary thread it is
    /// <see cref="Thread.Yield"/>.
    /// </summary>
    [SuspensionPoint(nameof(GetYieldAwaiter))]
    public static void Yield() => Thread.Yield();

    /// <summary>The awaiter behind <see cref="Yield"/> (generated code calls it).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static YieldAwaiter GetYieldAwaiter() => default;

    /// <summary>
    /// Runs <paramref name="main"/> as the program's main goroutine on the current runtime and waits for it
    /// (Go: <c>func main</c>): <c>public static void Main() =&gt; Go.Run(GoMain);</c>. A deadlock throws
    /// <see cref="DeadlockException"/> with the goroutine dump; see <see cref="GoRuntime.Run(System.Func{Goroutine})"/>.
    /// </summary>
    public static void Run(System.Func<Goroutine> main) => GoRuntime.Current.Run(main);

    /// <summary>Runs <paramref name="main"/> as the main goroutine and returns its result; see <see cref="Run(System.Func{Goroutine})"/>.</summary>
    public static T Run<T>(System.Func<Goroutine<T>> main) => GoRuntime.Current.Run(main);

    /// <summary>
    /// Sets the number of Ps of the current runtime (Go: runtime.GOMAXPROCS(n)) and returns the previous
    /// value; see <see cref="GoRuntime.SetMaxProcs"/>.
    /// </summary>
    public static int SetMaxProcs(int n) => GoRuntime.Current.SetMaxProcs(n);

    /// <summary>
    /// Sets the most threads the current runtime may use (Go: debug.SetMaxThreads) and returns the previous
    /// limit; see <see cref="GoRuntime.SetMaxThreads"/>.
    /// </summary>
    public static int SetMaxThreads(int n) => GoRuntime.Current.SetMaxThreads(n);

    /// <summary>The current runtime's number of Ps (Go: runtime.GOMAXPROCS(0)).</summary>
    public static int MaxProcs => GoRuntime.Current.MaxProcs;

    /// <summary>The number of goroutines of the current runtime (Go: runtime.NumGoroutine).</summary>
    public static int NumGoroutine => GoRuntime.Current.NumGoroutine;

    /// <summary>The id of the goroutine running on this thread, or 0 on an ordinary thread.</summary>
    public static long CurrentId => G.Current?.Id ?? 0;
}

/// <summary>The suspension-point awaiter of <see cref="Go.Yield"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct YieldAwaiter
{
    /// <summary>Always false: a yield always suspends.</summary>
    public bool IsCompleted => false;

    /// <summary>Yields <paramref name="g"/>; <paramref name="frame"/> resumes later.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Yield(frame);

    /// <summary>Nothing to return.</summary>
    public void GetResult() { }
}
