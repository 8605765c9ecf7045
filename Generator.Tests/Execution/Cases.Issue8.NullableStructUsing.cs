using System;

namespace GoSharp.Generator.Tests.Execution;

/// <summary>A disposable struct that logs each Dispose (on the copy it runs on).</summary>
public struct LoggedStructResource : IDisposable
{
    public Log Log;
    public int Count;
    public void Dispose() { Count++; Log.Add("dispose" + Count); }
}

// Issue 8 (red team): a using over a nullable disposable struct disposes the value when there is one, as C# does
// (boxed); with a suspension in the body the goroutine never disposed it.
public static partial class Cases
{
    [Goroutine]
    public static string UsingNullableStructResource(Log log, int n)
    {
        LoggedStructResource? s = new LoggedStructResource { Log = log };
        using (s) { Tw(0); }
        using (LoggedStructResource? t = n == 1 ? null : new LoggedStructResource { Log = log }) { Tw(1); }
        using LoggedStructResource? u = n == 3 ? null : new LoggedStructResource { Log = log };
        Tw(2);
        return "ok" + s.Value.Count + GenericNullableUsing<LoggedStructResource>(new LoggedStructResource { Log = log });
    }

    private static string GenericNullableUsing<T>(T? value) where T : struct, IDisposable
    {
        using (value) { }
        return value.HasValue ? "v" : "-";
    }

    [Goroutine]
    public static string UsingNullableGenericStructResource(Log log, int n) => NullableUsingOf(new LoggedStructResource { Log = log }, n);

    [Goroutine]
    private static string NullableUsingOf<T>(T value, int n) where T : struct, IDisposable
    {
        T? v = n == 1 ? null : value;
        using (v) { Tw(n); }
        return v.HasValue ? "v" : "-";
    }
}
