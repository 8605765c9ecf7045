// Written by generate.py in this folder (python3 generate.py): edit the script and rerun it, not this file.
using System;
using System.Threading;
using GoSharp.Channels;
using GoSharp.CompilerServices;
using GoSharp.Waiting;

namespace GoSharp.Selecting;

// Selects of 5 to 8 cases: the same algorithm as SelectOp.cs (whose header describes it), at arity 8.

/// <summary>
/// A select of up to 8 typed cases (Go: selectgo), pooled (per-thread cache with a central list). Unused
/// cases are <see cref="CaseKind.None"/>. Pass 1 (all channels locked in id order): the first ready case in
/// a random poll order wins, else default. Pass 2: a waiter on every channel, then park. A waker must win
/// <see cref="SelectParker.Done"/>. Pass 3: relock, unlink the losing waiters.
/// </summary>
internal sealed class SelectOp<T1, T2, T3, T4, T5, T6, T7, T8> : SelectParker, IParkCommit
{    public SelectCase<T1> C1;
    public SelectCase<T2> C2;
    public SelectCase<T3> C3;
    public SelectCase<T4> C4;
    public SelectCase<T5> C5;
    public SelectCase<T6> C6;
    public SelectCase<T7> C7;
    public SelectCase<T8> C8;
    private Waiter<T1>? _w1;
    private Waiter<T2>? _w2;
    private Waiter<T3>? _w3;
    private Waiter<T4>? _w4;
    private Waiter<T5>? _w5;
    private Waiter<T6>? _w6;
    private Waiter<T7>? _w7;
    private Waiter<T8>? _w8;

    // Results.
    public int Index = -1;
    public bool Ok;
    public bool SendOnClosed;
    public T1 V1 = default!;
    public T2 V2 = default!;
    public T3 V3 = default!;
    public T4 V4 = default!;
    public T5 V5 = default!;
    public T6 V6 = default!;
    public T7 V7 = default!;
    public T8 V8 = default!;

    private readonly int[] _poll = new int[8];
    private readonly ChanLock?[] _locks = new ChanLock?[8];
    private int _npoll, _nlocks, _default;

    public static SelectOp<T1, T2, T3, T4, T5, T6, T7, T8> Rent(in SelectCase<T1> c1, in SelectCase<T2> c2, in SelectCase<T3> c3, in SelectCase<T4> c4, in SelectCase<T5> c5, in SelectCase<T6> c6, in SelectCase<T7> c7, in SelectCase<T8> c8)
    {
        var op = ObjectCache<SelectOp<T1, T2, T3, T4, T5, T6, T7, T8>>.Rent();
        op.Init(c1, c2, c3, c4, c5, c6, c7, c8);
        return op;
    }

    public static void Return(SelectOp<T1, T2, T3, T4, T5, T6, T7, T8> op)
    {
        op.C1 = default; op.C2 = default; op.C3 = default; op.C4 = default; op.C5 = default; op.C6 = default; op.C7 = default; op.C8 = default;
        op.V1 = default!; op.V2 = default!; op.V3 = default!; op.V4 = default!; op.V5 = default!; op.V6 = default!; op.V7 = default!; op.V8 = default!;
        op.G = null;
        op.Winner = null;
        Array.Clear(op._locks);
        ObjectCache<SelectOp<T1, T2, T3, T4, T5, T6, T7, T8>>.Return(op);
    }

    public bool HasDefault => _default >= 0;
    public bool HasChannelCases => _npoll > 0;

    private void Init(in SelectCase<T1> c1, in SelectCase<T2> c2, in SelectCase<T3> c3, in SelectCase<T4> c4, in SelectCase<T5> c5, in SelectCase<T6> c6, in SelectCase<T7> c7, in SelectCase<T8> c8)
    {
        C1 = c1; C2 = c2; C3 = c3; C4 = c4; C5 = c5; C6 = c6; C7 = c7; C8 = c8;
        Index = -1;
        Ok = false;
        SendOnClosed = false;
        Done = 0;
        Winner = null;
        _default = -1;
        _npoll = 0;
        Span<long> ids = stackalloc long[8];
        Span<int> byId = stackalloc int[8];
        int n = 0;
        for (int i = 0; i < 8; i++)
        {
            CaseKind k = KindOf(i);
            if (k == CaseKind.Default)
            {
                if (_default >= 0) throw new ArgumentException("A select can have only one default case.");
                _default = i;
                continue;
            }
            long id = IdOf(i);
            if (k == CaseKind.None || id == 0) continue; // absent case or nil channel: never ready
            // Poll order: a random shuffle (inside-out Fisher-Yates).
            int j = SelectRand.Below(_npoll + 1);
            _poll[_npoll] = _poll[j];
            _poll[j] = i;
            _npoll++;
            // Lock order: by channel id, each channel once (insertion sort).
            bool dup = false;
            for (int m = 0; m < n; m++)
            {
                if (ids[m] == id) { dup = true; break; }
            }
            if (dup) continue;
            int pos = n;
            while (pos > 0 && ids[pos - 1] > id)
            {
                ids[pos] = ids[pos - 1];
                byId[pos] = byId[pos - 1];
                pos--;
            }
            ids[pos] = id;
            byId[pos] = i;
            n++;
        }
        for (int m = 0; m < n; m++) _locks[m] = LockOf(byId[m]);
        _nlocks = n;
    }

    private CaseKind KindOf(int i) => i switch { 0 => C1.Kind, 1 => C2.Kind, 2 => C3.Kind, 3 => C4.Kind, 4 => C5.Kind, 5 => C6.Kind, 6 => C7.Kind, _ => C8.Kind };
    private long IdOf(int i) => i switch { 0 => C1.H?.Id ?? 0, 1 => C2.H?.Id ?? 0, 2 => C3.H?.Id ?? 0, 3 => C4.H?.Id ?? 0, 4 => C5.H?.Id ?? 0, 5 => C6.H?.Id ?? 0, 6 => C7.H?.Id ?? 0, _ => C8.H?.Id ?? 0 };
    private ChanLock LockOf(int i) => i switch { 0 => C1.H!.Lock, 1 => C2.H!.Lock, 2 => C3.H!.Lock, 3 => C4.H!.Lock, 4 => C5.H!.Lock, 5 => C6.H!.Lock, 6 => C7.H!.Lock, _ => C8.H!.Lock };

    public void LockAll()
    {
        for (int i = 0; i < _nlocks; i++) _locks[i]!.Enter();
    }

    public void UnlockAll()
    {
        for (int i = _nlocks - 1; i >= 0; i--) _locks[i]!.Exit();
    }

    /// <summary>Pass 1, all channels locked: true if a case (or default) was taken.</summary>
    public bool Pass1(out Waiter? wake)
    {
        wake = null;
        for (int k = 0; k < _npoll; k++)
        {
            int i = _poll[k];
            int r = i switch
            {
                0 => Try(C1, ref V1, out wake),
                1 => Try(C2, ref V2, out wake),
                2 => Try(C3, ref V3, out wake),
                3 => Try(C4, ref V4, out wake),
                4 => Try(C5, ref V5, out wake),
                5 => Try(C6, ref V6, out wake),
                6 => Try(C7, ref V7, out wake),
                _ => Try(C8, ref V8, out wake),
            };
            if (r == 0) continue;
            Index = i;
            Ok = r == 1;
            SendOnClosed = r == -1;
            return true;
        }
        if (_default >= 0)
        {
            Index = _default;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Without the locks: true if no polled case can proceed now (a stale answer is safe: the park commit
    /// runs pass 1 under the locks before it queues anything).
    /// </summary>
    private bool AllWouldBlock()
    {
        for (int k = 0; k < _npoll; k++)
        {
            bool blocks = _poll[k] switch
            {
                0 => WouldBlock(C1),
                1 => WouldBlock(C2),
                2 => WouldBlock(C3),
                3 => WouldBlock(C4),
                4 => WouldBlock(C5),
                5 => WouldBlock(C6),
                6 => WouldBlock(C7),
                _ => WouldBlock(C8),
            };
            if (!blocks) return false;
        }
        return true;
    }

    private static bool WouldBlock<T>(in SelectCase<T> c) =>
        c.Kind == CaseKind.Recv ? c.H!.RecvWouldBlock() : c.H!.SendWouldBlock();

    // 1: done (value or sent); 2: receive on closed; -1: send on closed; 0: not ready.
    private static int Try<T>(in SelectCase<T> c, ref T value, out Waiter? wake)
    {
        if (c.Kind == CaseKind.Recv) return c.H!.RecvLocked(out value, out wake);
        return c.H!.SendLocked(c.Value, out wake);
    }

    /// <summary>
    /// Pass 2, all channels locked: a waiter on every channel case, queued in the poll order, so that among
    /// cases on one channel the parked select is woken through a random one (Go queues its sudogs in lock
    /// order, which its heap sort derives from the shuffled poll order); in case order the first duplicate
    /// case won every wake-up.
    /// </summary>
    public void Pass2()
    {
        for (int k = 0; k < _npoll; k++)
        {
            switch (_poll[k])
            {
                case 0: _w1 = Enqueue(C1); break;
                case 1: _w2 = Enqueue(C2); break;
                case 2: _w3 = Enqueue(C3); break;
                case 3: _w4 = Enqueue(C4); break;
                case 4: _w5 = Enqueue(C5); break;
                case 5: _w6 = Enqueue(C6); break;
                case 6: _w7 = Enqueue(C7); break;
                case 7: _w8 = Enqueue(C8); break;
            }
        }
    }

    private Waiter<T> Enqueue<T>(in SelectCase<T> c)
    {
        var w = Waiter<T>.Rent();
        w.Select = this;
        var h = c.H!;
        if (c.Kind == CaseKind.Send)
        {
            w.Value = c.Value;
            h.SendQ.Enqueue(w, h);
        }
        else
        {
            h.RecvQ.Enqueue(w, h);
        }
        return w;
    }

    /// <summary>Pass 3, after the wake-up: unlink every losing waiter, take the winner's result.</summary>
    public void Pass3()
    {
        LockAll();
        Waiter? winner = Winner;
        Dequeue(C1, ref _w1, winner, ref V1, 0);
        Dequeue(C2, ref _w2, winner, ref V2, 1);
        Dequeue(C3, ref _w3, winner, ref V3, 2);
        Dequeue(C4, ref _w4, winner, ref V4, 3);
        Dequeue(C5, ref _w5, winner, ref V5, 4);
        Dequeue(C6, ref _w6, winner, ref V6, 5);
        Dequeue(C7, ref _w7, winner, ref V7, 6);
        Dequeue(C8, ref _w8, winner, ref V8, 7);
        UnlockAll();
    }

    private void Dequeue<T>(in SelectCase<T> c, ref Waiter<T>? slot, Waiter? winner, ref T value, int index)
    {
        var w = slot;
        if (w is null) return;
        slot = null;
        var h = c.H!;
        if (w == winner)
        {
            Index = index; // the winner is known by its slot: the waiter carries no case index
            Ok = w.Success;
            if (c.Kind == CaseKind.Recv) value = w.Value;
            else SendOnClosed = !w.Success;
        }
        else if (c.Kind == CaseKind.Send)
        {
            h.SendQ.Remove(w, h);
        }
        else
        {
            h.RecvQ.Remove(w, h);
        }
        Waiter<T>.Return(w);
    }

    /// <summary>The goroutine commit step: retry pass 1 under the locks, else enqueue (pass 2) and stay parked.</summary>
    bool IParkCommit.Commit(G g, object? arg)
    {
        LockAll();
        if (Pass1(out Waiter? wake))
        {
            UnlockAll();
            wake?.WakeOwner();
            return false;
        }
        Pass2();
        UnlockAll();
        return true;
    }

    /// <summary>Blocks the calling thread through the three passes.</summary>
    public void RunOnThread()
    {
        if (_npoll == 0 && _default < 0) HChan<Empty>.BlockForever();
        LockAll();
        if (Pass1(out Waiter? wake))
        {
            UnlockAll();
            wake?.WakeOwner();
            return;
        }
        Pass2();
        UnlockAll();
        WaitThread();
        Pass3();
    }

    /// <summary>Fast path for goroutines: pass 1 (or default); false if the select must park.</summary>
    public bool TryFast()
    {
        if (_npoll == 0)
        {
            if (_default < 0) return false;
            Index = _default;
            return true;
        }
        // No default and nothing ready: the park commit takes the locks once, here they would be taken
        // twice (as a single send or receive decides "would block" without its lock).
        if (_default < 0 && AllWouldBlock()) return false;
        LockAll();
        bool done = Pass1(out Waiter? wake);
        UnlockAll();
        wake?.WakeOwner();
        return done;
    }

    /// <summary>Cancelled (Dispose, a deadlock report): pass 3 with no winner unlinks every waiter.</summary>
    protected override void UnlinkAllCases() => Pass3();

    /// <summary>After the goroutine resumed: pass 3 unless the commit step completed it.</summary>
    public void AfterPark()
    {
        if (Index < 0) Pass3();
    }
}

/// <summary>The raw outcome of a select of up to 8 cases.</summary>
internal readonly struct SelectCore<T1, T2, T3, T4, T5, T6, T7, T8>
{
    public readonly int Index;
    public readonly bool Ok;
    public readonly T1 V1;
    public readonly T2 V2;
    public readonly T3 V3;
    public readonly T4 V4;
    public readonly T5 V5;
    public readonly T6 V6;
    public readonly T7 V7;
    public readonly T8 V8;

    private SelectCore(SelectOp<T1, T2, T3, T4, T5, T6, T7, T8> op)
    {
        Index = op.Index;
        Ok = op.Ok;
        V1 = op.V1; V2 = op.V2; V3 = op.V3; V4 = op.V4; V5 = op.V5; V6 = op.V6; V7 = op.V7; V8 = op.V8;
    }

    /// <summary>Reads the result, recycles the op, throws for a send case taken on a closed channel.</summary>
    public static SelectCore<T1, T2, T3, T4, T5, T6, T7, T8> Take(SelectOp<T1, T2, T3, T4, T5, T6, T7, T8> op)
    {
        var r = new SelectCore<T1, T2, T3, T4, T5, T6, T7, T8>(op);
        bool sendClosed = op.SendOnClosed;
        SelectOp<T1, T2, T3, T4, T5, T6, T7, T8>.Return(op);
        if (sendClosed) throw ChannelClosedException.SendOnClosed();
        return r;
    }

    public Selected<T1, T2, T3, T4, T5> As5() => new(Index, Ok, V1, V2, V3, V4, V5);

    public Selected<T1, T2, T3, T4, T5, T6> As6() => new(Index, Ok, V1, V2, V3, V4, V5, V6);

    public Selected<T1, T2, T3, T4, T5, T6, T7> As7() => new(Index, Ok, V1, V2, V3, V4, V5, V6, V7);

    public Selected<T1, T2, T3, T4, T5, T6, T7, T8> As8() => new(Index, Ok, V1, V2, V3, V4, V5, V6, V7, V8);
}
