using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace GoSharp.Waiting;

/// <summary>
/// A per-thread cache with a shared central list behind it (Go: the per-P sudog cache and sched.sudogcache).
/// A waiter is often taken on one M and given back on another (the goroutine resumes elsewhere); the
/// central list moves the surplus back, so steady state allocates nothing. Items must be reset by the caller.
/// </summary>
/// <remarks>
/// The per-thread part lives in one non-generic thread-static array (<see cref="ThreadCacheSlots"/>),
/// one slot per cached type: a [ThreadStatic] field of a generic class instantiated over reference types
/// is reached through a runtime helper (~8 ns an access, measured), a non-generic one inline (~1 ns).
/// </remarks>
internal static class ObjectCache<T> where T : class, new()
{
    private const int LocalSize = 32;
    private const int Batch = LocalSize / 2;
    private const int CentralMax = 4096;

    private static readonly int s_slot = ThreadCacheSlots.Allocate();
    private static readonly Lock s_lock = new();
    private static T?[] s_central = new T?[64];
    private static int s_count;

    private sealed class Local
    {
        public readonly T?[] Items = new T?[LocalSize];
        public int Count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Local GetLocal()
    {
        object?[]? slots = ThreadCacheSlots.t_slots;
        int slot = s_slot;
        if (slots is not null && (uint)slot < (uint)slots.Length && slots[slot] is object o)
            return Unsafe.As<Local>(o);
        return CreateLocal(slot);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Local CreateLocal(int slot)
    {
        object?[] slots = ThreadCacheSlots.Ensure(slot);
        var local = new Local();
        slots[slot] = local;
        return local;
    }

    public static T Rent()
    {
        Local local = GetLocal();
        T?[] items = local.Items;
        int count = local.Count;
        if (count == 0 && Volatile.Read(ref s_count) > 0)
        {
            // Refill half the local cache from the central list.
            s_lock.Enter();
            int n = Math.Min(Batch, s_count);
            for (int i = 0; i < n; i++)
            {
                items[count++] = s_central[--s_count];
                s_central[s_count] = null;
            }
            s_lock.Exit();
        }
        if (count > 0)
        {
            count--;
            var item = items[count]!;
            items[count] = null;
            local.Count = count;
            return item;
        }
        local.Count = count;
        return new T();
    }

    public static void Return(T item)
    {
        Local local = GetLocal();
        T?[] items = local.Items;
        int count = local.Count;
        if (count == LocalSize)
        {
            // Move half the local cache to the central list.
            s_lock.Enter();
            for (int i = 0; i < Batch; i++)
            {
                var x = items[--count];
                items[count] = null;
                if (s_count < CentralMax)
                {
                    if (s_count == s_central.Length) Array.Resize(ref s_central, s_count * 2);
                    s_central[s_count++] = x;
                }
            }
            s_lock.Exit();
        }
        items[count++] = item;
        local.Count = count;
    }
}

/// <summary>The per-thread slot array behind every <see cref="ObjectCache{T}"/>.</summary>
internal static class ThreadCacheSlots
{
    [ThreadStatic] internal static object?[]? t_slots;
    private static int s_next;

    public static int Allocate() => Interlocked.Increment(ref s_next) - 1;

    public static object?[] Ensure(int slot)
    {
        object?[]? slots = t_slots;
        if (slots is null || slot >= slots.Length)
        {
            var bigger = new object?[Math.Max(16, Math.Max(slot + 1, (slots?.Length ?? 0) * 2))];
            slots?.CopyTo(bigger, 0);
            t_slots = slots = bigger;
        }
        return slots;
    }
}
