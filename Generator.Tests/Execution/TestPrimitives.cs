using System;
using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

/// <summary>A side-effect log; compared between the plain run and the goroutine run.</summary>
public sealed class Log
{
    private readonly List<string> _items = new();

    public void Add(string item) { lock (_items) _items.Add(item); }

    /// <summary>Logs and returns <paramref name="value"/>: marks when an operand is evaluated.</summary>
    public T L<T>(string tag, T value) { Add(tag + "=" + value); return value; }

    public override string ToString() { lock (_items) return string.Join(",", _items); }
}

/// <summary>
/// Test-only suspension points. Inside a goroutine each one suspends (yield) or takes the fast path;
/// outside, the blocking method runs as ordinary code.
/// </summary>
public static class Sp
{
    /// <summary>Suspends (yields), then returns <paramref name="value"/>.</summary>
    [SuspensionPoint(nameof(GetValAwaiter))]
    public static T Val<T>(T value) => value;

    public static ValAwaiter<T> GetValAwaiter<T>(T value) => new(value, completed: false);

    /// <summary>Completes at once (the fast path, no suspension), returning <paramref name="value"/>.</summary>
    [SuspensionPoint(nameof(GetFastAwaiter))]
    public static T Fast<T>(T value) => value;

    public static ValAwaiter<T> GetFastAwaiter<T>(T value) => new(value, completed: true);

    /// <summary>Suspends, then throws <see cref="InvalidOperationException"/> from GetResult.</summary>
    [SuspensionPoint(nameof(GetFailAwaiter))]
    public static int Fail(string message) => throw new InvalidOperationException(message);

    public static FailAwaiter GetFailAwaiter(string message) => new(message);

    /// <summary>Suspends; void result.</summary>
    [SuspensionPoint(nameof(GetPauseAwaiter))]
    public static void Pause() { }

    public static ValAwaiter<int> GetPauseAwaiter() => new(0, completed: false);

    public readonly struct ValAwaiter<T>
    {
        private readonly T _value;
        public ValAwaiter(T value, bool completed) { _value = value; IsCompleted = completed; }
        public bool IsCompleted { get; }
        public FrameResult Suspend(G g, Frame frame) => g.Yield(frame);
        public T GetResult() => _value;
    }

    public readonly struct FailAwaiter
    {
        private readonly string _message;
        public FailAwaiter(string message) => _message = message;
        public bool IsCompleted => false;
        public FrameResult Suspend(G g, Frame frame) => g.Yield(frame);
        public int GetResult() => throw new InvalidOperationException(_message);
    }
}

/// <summary>A one-slot hand-off cell: Take parks the goroutine until another goroutine Puts (uses IParkCommit).</summary>
public sealed class Cell<T> : IParkCommit
{
    private readonly object _lock = new();
    private readonly Queue<T> _values = new();
    private G? _waiter;

    public void Put(T value)
    {
        G? ready;
        lock (_lock)
        {
            _values.Enqueue(value);
            ready = _waiter;
            _waiter = null;
            Monitor.PulseAll(_lock);
        }
        ready?.Ready();
    }

    [SuspensionPoint(nameof(GetTakeAwaiter))]
    public T Take()
    {
        lock (_lock)
        {
            while (_values.Count == 0) Monitor.Wait(_lock);
            return _values.Dequeue();
        }
    }

    public TakeAwaiter GetTakeAwaiter() => new(this);

    bool IParkCommit.Commit(G g, object? arg)
    {
        lock (_lock)
        {
            if (_values.Count > 0) return false;
            _waiter = g;
            return true;
        }
    }

    public readonly struct TakeAwaiter
    {
        private readonly Cell<T> _cell;
        public TakeAwaiter(Cell<T> cell) => _cell = cell;
        public bool IsCompleted { get { lock (_cell._lock) return _cell._values.Count > 0; } }
        public FrameResult Suspend(G g, Frame frame) => g.Park(frame, _cell, null, WaitReason.Other);
        public T GetResult() { lock (_cell._lock) return _cell._values.Dequeue(); }
    }
}

/// <summary>A disposable that logs its disposal.</summary>
public sealed class Res : IDisposable
{
    private readonly Log _log;
    private readonly string _name;
    public Res(Log log, string name) { _log = log; _name = name; log.Add("open " + name); }
    public void Dispose() => _log.Add("dispose " + _name);
}

public static class Seqs
{
    /// <summary>An iterator whose disposal is logged.</summary>
    public static IEnumerable<int> Count(Log log, int n)
    {
        try
        {
            for (var i = 0; i < n; i++) yield return i;
        }
        finally
        {
            log.Add("seq disposed");
        }
    }
}

public sealed class Box
{
    public int Value { get; set; }
    public int Field;
    public List<int> Items { get; } = new();
    public string? Name { get; set; }
}

/// <summary>A suspension point declared as an extension method.</summary>
public static class BoxExtensions
{
    [SuspensionPoint(nameof(GetTagAwaiter))]
    public static T Tag<T>(this Box box, T value) { box.Field++; return value; }

    public static Sp.ValAwaiter<T> GetTagAwaiter<T>(this Box box, T value) { box.Field++; return new(value, completed: false); }
}
