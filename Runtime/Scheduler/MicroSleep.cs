using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace GoSharp.Scheduler;

/// <summary>
/// A sleep shorter than a millisecond, which .NET's <see cref="Thread.Sleep(int)"/> cannot give: the
/// C library's <c>usleep</c> where there is one (Linux, macOS, the BSDs), else a yield of the time slice
/// (what Go does on Windows). Go: usleep, osyield.
/// </summary>
/// <remarks>
/// On Linux a 3 us <c>usleep</c> returns after about 50-60 us, the kernel's default timer slack; Go's
/// scheduler sleeps the same way in the same place (runqgrab), and that length is part of what keeps
/// its spinning Ms cheap: the thread is off the CPU, yet still counts as spinning, so nobody wakes
/// another M meanwhile. If the library or the symbol cannot be found (an unusual C library, a platform
/// that forbids the call) the first call falls back to yielding for good.
/// </remarks>
internal static class MicroSleep
{
    private static volatile bool s_noUsleep = OperatingSystem.IsWindows();

    [DllImport("libc", EntryPoint = "usleep")]
    private static extern int Usleep(uint microseconds);

    /// <summary>True where the C library's <c>usleep</c> is not used (Windows, or it could not be bound).</summary>
    public static bool YieldsInstead => s_noUsleep;

    /// <summary>Sleeps about <paramref name="microseconds"/> (at least; see the remarks), or yields.</summary>
    public static void Sleep(uint microseconds)
    {
        if (!s_noUsleep)
        {
            try
            {
                Usleep(microseconds);
                return;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException)
            {
                s_noUsleep = true;
            }
        }
        Thread.Yield();
    }
}
