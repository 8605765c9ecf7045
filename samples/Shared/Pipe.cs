using System.Collections.Generic;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Samples;

/// <summary>
/// A small unbounded many-to-many queue written against the public suspension-point protocol
/// (docs/frame-contract.md), standing in for a channel: <see cref="Take"/> suspends the goroutine when the
/// queue is empty; on an ordinary thread it blocks.
/// </summary>
public sealed class Pipe<T> : IParkCommit
{
    private readonly object _lock = new();
    private readonly Queue<T> _values = new();
    private readonly Queue<Waiter> _waiters = new();

    private sealed class Waiter
    {
        public G? G;
        public T Value = default!;
    }

    public void Put(T value)
    {
        G? ready = null;
        lock (_lock)
        {
            if (_waiters.Count > 0)
            {
                var w = _waiters.Dequeue();
                w.Value = value;
                ready = w.G;
            }
            else
            {
                _values.Enqueue(value);
                Monitor.Pulse(_lock);
            }
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
        var w = (Waiter)arg!;
        lock (_lock)
        {
            if (_values.Count > 0)
            {
                w.Value = _values.Dequeue();
                return false;
            }
            w.G = g;
            _waiters.Enqueue(w);
            return true;
        }
    }

    public struct TakeAwaiter
    {
        private readonly Pipe<T> _pipe;
        private Waiter? _waiter;
        private T _value;

        public TakeAwaiter(Pipe<T> pipe) { _pipe = pipe; _waiter = null; _value = default!; }

        public bool IsCompleted
        {
            get
            {
                lock (_pipe._lock)
                {
                    if (_pipe._values.Count == 0) return false;
                    _value = _pipe._values.Dequeue();
                    return true;
                }
            }
        }

        public FrameResult Suspend(G g, Frame frame)
        {
            _waiter = new Waiter();
            return g.Park(frame, _pipe, _waiter, WaitReason.Other);
        }

        public T GetResult() => _waiter is null ? _value : _waiter.Value;
    }
}
