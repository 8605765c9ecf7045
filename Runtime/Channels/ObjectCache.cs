using System;
using System.Threading;

namespace GoSharp.Channels;

/// <summary>
/// A per-thread cache with a shared central list behind it (Go: the per-P sudog cache and sched.sudogcache).
/// A waiter is often taken on one M and given back on another (the goroutine resumes elsewhere); the
/// central list moves the surplus back, so steady state allocates nothing. Items must be reset by the caller.
/// </summary>
internal static class ObjectCache<T> where T : class, new()
{
    private const int LocalSize = 32;
    private const int Batch = LocalSize / 2;
    private const int CentralMax = 4096;

    [ThreadStatic] private static T?[]? t_local;
    [ThreadStatic] private static int t_count;

    private static readonly Lock s_lock = new();
    private static T?[] s_central = new T?[64];
    private static int s_count;

    public static T Rent()
    {
        var local = t_local ??= new T?[LocalSize];
        if (t_count == 0 && Volatile.Read(ref s_count) > 0)
        {
            // Refill half the local cache from the central list.
            s_lock.Enter();
            int n = Math.Min(Batch, s_count);
            for (int i = 0; i < n; i++)
            {
                local[t_count++] = s_central[--s_count];
                s_central[s_count] = null;
            }
            s_lock.Exit();
        }
        if (t_count > 0)
        {
            int i = --t_count;
            var item = local[i]!;
            local[i] = null;
            return item;
        }
        return new T();
    }

    public static void Return(T item)
    {
        var local = t_local ??= new T?[LocalSize];
        if (t_count == LocalSize)
        {
            // Move half the local cache to the central list.
            s_lock.Enter();
            for (int i = 0; i < Batch; i++)
            {
                var x = local[--t_count];
                local[t_count] = null;
                if (s_count < CentralMax)
                {
                    if (s_count == s_central.Length) Array.Resize(ref s_central, s_count * 2);
                    s_central[s_count++] = x;
                }
            }
            s_lock.Exit();
        }
        local[t_count++] = item;
    }
}
