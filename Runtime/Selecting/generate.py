#!/usr/bin/env python3
# Writes SelectOp.cs and Go.Select.cs (selects of 1..8 typed cases). Run from this folder after editing;
# the C# files are checked in. Cores: SelectOp<T1..T4> (1-4 cases) and SelectOp<T1..T8> (5-8 cases).
E = 'Empty'

def tl(n, p='T'): return ', '.join(f'{p}{i}' for i in range(1, n + 1))

def select_op(K):
    T = tl(K)
    L = []
    w = L.append
    w(f'''
/// <summary>
/// A select of up to {K} typed cases (Go: selectgo), pooled (per-thread cache with a central list). Unused
/// cases are <see cref="CaseKind.None"/>. Pass 1 (all channels locked in id order): the first ready case in
/// a random poll order wins, else default. Pass 2: a waiter on every channel, then park. A waker must win
/// <see cref="SelectParker.Done"/>. Pass 3: relock, unlink the losing waiters.
/// </summary>
internal sealed class SelectOp<{T}> : SelectParker, IParkCommit
{{''')
    for i in range(1, K + 1):
        w(f'    public SelectCase<T{i}> C{i};\n')
    for i in range(1, K + 1):
        w(f'    private Waiter<T{i}>? _w{i};\n')
    w('''
    // Results.
    public int Index = -1;
    public bool Ok;
    public bool SendOnClosed;
''')
    for i in range(1, K + 1):
        w(f'    public T{i} V{i} = default!;\n')
    w(f'''
    private readonly int[] _poll = new int[{K}];
    private readonly ChanLock?[] _locks = new ChanLock?[{K}];
    private int _npoll, _nlocks, _default;

    public static SelectOp<{T}> Rent({', '.join(f'in SelectCase<T{i}> c{i}' for i in range(1, K + 1))})
    {{
        var op = ObjectCache<SelectOp<{T}>>.Rent();
        op.Init({', '.join(f'c{i}' for i in range(1, K + 1))});
        return op;
    }}

    public static void Return(SelectOp<{T}> op)
    {{
        {' '.join(f'op.C{i} = default;' for i in range(1, K + 1))}
        {' '.join(f'op.V{i} = default!;' for i in range(1, K + 1))}
        op.G = null;
        op.Winner = null;
        Array.Clear(op._locks);
        ObjectCache<SelectOp<{T}>>.Return(op);
    }}

    public bool HasDefault => _default >= 0;
    public bool HasChannelCases => _npoll > 0;

    private void Init({', '.join(f'in SelectCase<T{i}> c{i}' for i in range(1, K + 1))})
    {{
        {' '.join(f'C{i} = c{i};' for i in range(1, K + 1))}
        Index = -1;
        Ok = false;
        SendOnClosed = false;
        Done = 0;
        Winner = null;
        _default = -1;
        _npoll = 0;
        Span<long> ids = stackalloc long[{K}];
        Span<int> byId = stackalloc int[{K}];
        int n = 0;
        for (int i = 0; i < {K}; i++)
        {{
            CaseKind k = KindOf(i);
            if (k == CaseKind.Default)
            {{
                if (_default >= 0) throw new ArgumentException("A select can have only one default case.");
                _default = i;
                continue;
            }}
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
            {{
                if (ids[m] == id) {{ dup = true; break; }}
            }}
            if (dup) continue;
            int pos = n;
            while (pos > 0 && ids[pos - 1] > id)
            {{
                ids[pos] = ids[pos - 1];
                byId[pos] = byId[pos - 1];
                pos--;
            }}
            ids[pos] = id;
            byId[pos] = i;
            n++;
        }}
        for (int m = 0; m < n; m++) _locks[m] = LockOf(byId[m]);
        _nlocks = n;
    }}

    private CaseKind KindOf(int i) => i switch {{ {' '.join(f'{i - 1} => C{i}.Kind,' for i in range(1, K))} _ => C{K}.Kind }};
    private long IdOf(int i) => i switch {{ {' '.join(f'{i - 1} => C{i}.H?.Id ?? 0,' for i in range(1, K))} _ => C{K}.H?.Id ?? 0 }};
    private ChanLock LockOf(int i) => i switch {{ {' '.join(f'{i - 1} => C{i}.H!.Lock,' for i in range(1, K))} _ => C{K}.H!.Lock }};

    public void LockAll()
    {{
        for (int i = 0; i < _nlocks; i++) _locks[i]!.Enter();
    }}

    public void UnlockAll()
    {{
        for (int i = _nlocks - 1; i >= 0; i--) _locks[i]!.Exit();
    }}

    /// <summary>Pass 1, all channels locked: true if a case (or default) was taken.</summary>
    public bool Pass1(out Waiter? wake)
    {{
        wake = null;
        for (int k = 0; k < _npoll; k++)
        {{
            int i = _poll[k];
            int r = i switch
            {{
{''.join(f'                {i - 1} => Try(C{i}, ref V{i}, out wake),{chr(10)}' for i in range(1, K))}                _ => Try(C{K}, ref V{K}, out wake),
            }};
            if (r == 0) continue;
            Index = i;
            Ok = r == 1;
            SendOnClosed = r == -1;
            return true;
        }}
        if (_default >= 0)
        {{
            Index = _default;
            return true;
        }}
        return false;
    }}

    /// <summary>
    /// Without the locks: true if no polled case can proceed now (a stale answer is safe: the park commit
    /// runs pass 1 under the locks before it queues anything).
    /// </summary>
    private bool AllWouldBlock()
    {{
        for (int k = 0; k < _npoll; k++)
        {{
            bool blocks = _poll[k] switch
            {{
{''.join(f'                {i - 1} => WouldBlock(C{i}),{chr(10)}' for i in range(1, K))}                _ => WouldBlock(C{K}),
            }};
            if (!blocks) return false;
        }}
        return true;
    }}

    private static bool WouldBlock<T>(in SelectCase<T> c) =>
        c.Kind == CaseKind.Recv ? c.H!.RecvWouldBlock() : c.H!.SendWouldBlock();

    // 1: done (value or sent); 2: receive on closed; -1: send on closed; 0: not ready.
    private static int Try<T>(in SelectCase<T> c, ref T value, out Waiter? wake)
    {{
        if (c.Kind == CaseKind.Recv) return c.H!.RecvLocked(out value, out wake);
        return c.H!.SendLocked(c.Value, out wake);
    }}

    /// <summary>
    /// Pass 2, all channels locked: a waiter on every channel case, queued in the poll order, so that among
    /// cases on one channel the parked select is woken through a random one (Go queues its sudogs in lock
    /// order, which its heap sort derives from the shuffled poll order); in case order the first duplicate
    /// case won every wake-up.
    /// </summary>
    public void Pass2()
    {{
        for (int k = 0; k < _npoll; k++)
        {{
            switch (_poll[k])
            {{
{''.join(f'                case {i - 1}: _w{i} = Enqueue(C{i}); break;{chr(10)}' for i in range(1, K + 1))}            }}
        }}
    }}

    private Waiter<T> Enqueue<T>(in SelectCase<T> c)
    {{
        var w = Waiter<T>.Rent();
        w.Select = this;
        var h = c.H!;
        if (c.Kind == CaseKind.Send)
        {{
            w.Value = c.Value;
            h.SendQ.Enqueue(w, h);
        }}
        else
        {{
            h.RecvQ.Enqueue(w, h);
        }}
        return w;
    }}

    /// <summary>Pass 3, after the wake-up: unlink every losing waiter, take the winner's result.</summary>
    public void Pass3()
    {{
        LockAll();
        Waiter? winner = Winner;
{''.join(f'        Dequeue(C{i}, ref _w{i}, winner, ref V{i}, {i - 1});{chr(10)}' for i in range(1, K + 1))}        UnlockAll();
    }}

    private void Dequeue<T>(in SelectCase<T> c, ref Waiter<T>? slot, Waiter? winner, ref T value, int index)
    {{
        var w = slot;
        if (w is null) return;
        slot = null;
        var h = c.H!;
        if (w == winner)
        {{
            Index = index; // the winner is known by its slot: the waiter carries no case index
            Ok = w.Success;
            if (c.Kind == CaseKind.Recv) value = w.Value;
            else SendOnClosed = !w.Success;
        }}
        else if (c.Kind == CaseKind.Send)
        {{
            h.SendQ.Remove(w, h);
        }}
        else
        {{
            h.RecvQ.Remove(w, h);
        }}
        Waiter<T>.Return(w);
    }}

    /// <summary>The goroutine commit step: retry pass 1 under the locks, else enqueue (pass 2) and stay parked.</summary>
    bool IParkCommit.Commit(G g, object? arg)
    {{
        LockAll();
        if (Pass1(out Waiter? wake))
        {{
            UnlockAll();
            wake?.WakeOwner();
            return false;
        }}
        Pass2();
        UnlockAll();
        return true;
    }}

    /// <summary>Blocks the calling thread through the three passes.</summary>
    public void RunOnThread()
    {{
        if (_npoll == 0 && _default < 0) HChan<Empty>.BlockForever();
        LockAll();
        if (Pass1(out Waiter? wake))
        {{
            UnlockAll();
            wake?.WakeOwner();
            return;
        }}
        Pass2();
        UnlockAll();
        WaitThread();
        Pass3();
    }}

    /// <summary>Fast path for goroutines: pass 1 (or default); false if the select must park.</summary>
    public bool TryFast()
    {{
        if (_npoll == 0)
        {{
            if (_default < 0) return false;
            Index = _default;
            return true;
        }}
        // No default and nothing ready: the park commit takes the locks once, here they would be taken
        // twice (as a single send or receive decides "would block" without its lock).
        if (_default < 0 && AllWouldBlock()) return false;
        LockAll();
        bool done = Pass1(out Waiter? wake);
        UnlockAll();
        wake?.WakeOwner();
        return done;
    }}

    /// <summary>Cancelled (Dispose, a deadlock report): pass 3 with no winner unlinks every waiter.</summary>
    protected override void UnlinkAllCases() => Pass3();

    /// <summary>After the goroutine resumed: pass 3 unless the commit step completed it.</summary>
    public void AfterPark()
    {{
        if (Index < 0) Pass3();
    }}
}}
''')
    return ''.join(L)

def select_core(K):
    T = tl(K)
    L = [f'''
/// <summary>The raw outcome of a select of up to {K} cases.</summary>
internal readonly struct SelectCore<{T}>
{{
    public readonly int Index;
    public readonly bool Ok;
''']
    for i in range(1, K + 1): L.append(f'    public readonly T{i} V{i};\n')
    L.append(f'''
    private SelectCore(SelectOp<{T}> op)
    {{
        Index = op.Index;
        Ok = op.Ok;
        {' '.join(f'V{i} = op.V{i};' for i in range(1, K + 1))}
    }}

    /// <summary>Reads the result, recycles the op, throws for a send case taken on a closed channel.</summary>
    public static SelectCore<{T}> Take(SelectOp<{T}> op)
    {{
        var r = new SelectCore<{T}>(op);
        bool sendClosed = op.SendOnClosed;
        SelectOp<{T}>.Return(op);
        if (sendClosed) throw ChannelClosedException.SendOnClosed();
        return r;
    }}
''')
    lo = 1 if K == 4 else 5
    for n in range(lo, K + 1):
        L.append(f'\n    public Selected<{tl(n)}> As{n}() => new(Index, Ok, {", ".join(f"V{i}" for i in range(1, n + 1))});\n')
    L.append('}\n')
    return ''.join(L)

SELECT_ESSAY = '''
// Select (Go: runtime/select.go, selectgo), for up to 8 typed cases without allocating.
//
// A SelectOp is one select in flight: its cases, one waiter per channel case, its results, and the
// SelectParker it derives from (the shared "done" flag and the winning waiter: Go's g.selectDone and
// g.param). Ops are pooled per thread like waiters.
//
// Lock order. A select locks every channel it names, each once, in increasing channel id (ids are unique
// across element types). Every multi-channel locker uses the same order, so two selects over the same
// channels cannot deadlock. A single channel operation locks one channel and never needs an order.
//
// The select's three passes, and what each side may assume:
//   1. All channels locked: try the cases in a random poll order (a fresh Fisher-Yates shuffle per select,
//      so no case starves); the first that can proceed wins; else the default case if there is one.
//   2. Still locked: enqueue one waiter per channel case (each carries Select = this op), unlock all, and
//      park (a goroutine: through the park commit, which re-runs pass 1 under the locks first, so a
//      wake-up between the fast path and the park is never lost) or block the thread.
//   3. Woken: lock all again, take the winner's result, unlink every losing waiter, unlock.
//
// The waker's half. A channel operation or close that finds a select's waiter at the head of a queue
// (WaitQueue.Dequeue) must first win the select by CAS of Done from 0 to 1; it then records itself as
// Winner, completes the transfer under that channel's lock, and wakes the select after unlocking. A waker
// that loses the CAS drops that waiter and tries the next one in the queue: exactly one case of a select
// ever fires. The losing waiters stay linked until pass 3 removes them; a Dequeue that meets one skips it.
'''

header = '''// Written by generate.py in this folder (python3 generate.py): edit the script and rerun it, not this file.
'''

with open('SelectOp.cs', 'w') as f:
    f.write(header + '''using System;
using System.Threading;
using GoSharp.Channels;
using GoSharp.CompilerServices;
using GoSharp.Waiting;

namespace GoSharp.Selecting;
''' + SELECT_ESSAY + '''
/// <summary>
/// Per-thread fast random numbers for select's poll order (Go: cheaprand). On a deterministic runtime's
/// thread they come from the runtime's seed instead, so a seed replays select choices too.
/// </summary>
internal static class SelectRand
{
    [ThreadStatic] private static uint t_state;

    public static uint Next()
    {
        if (GoSharp.Scheduler.M.Current?.Sched.DeterministicQueue is { } det) return det.NextSelectRandom();
        uint x = t_state;
        if (x == 0)
        {
            x = (uint)Environment.CurrentManagedThreadId * 2654435761u ^ (uint)Environment.TickCount ^ (uint)Random.Shared.Next();
            if (x == 0) x = 1;
        }
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        t_state = x;
        return x;
    }

    /// <summary>Uniform in [0, n) (multiply-shift; bias below 2^-28 for n &lt;= 16).</summary>
    public static int Below(int n) => (int)(((ulong)Next() * (uint)n) >> 32);
}
''' + select_op(4) + select_core(4))

with open('SelectOp8.cs', 'w') as f:
    f.write(header + '''using System;
using System.Threading;
using GoSharp.Channels;
using GoSharp.CompilerServices;
using GoSharp.Waiting;

namespace GoSharp.Selecting;

// Selects of 5 to 8 cases: the same algorithm as SelectOp.cs (whose header describes it), at arity 8.
''' + select_op(8) + select_core(8))

L = [header, '''using System.ComponentModel;
using GoSharp.Channels;
using GoSharp.CompilerServices;
using GoSharp.Selecting;

namespace GoSharp;

public static partial class Go
{
    /// <summary>The default case of a select (Go: <c>default:</c>): taken at once when no other case is ready.</summary>
    public static SelectCase<Empty> Default => new(null, CaseKind.Default, default);

    /// <summary>Blocks forever (Go: <c>select {}</c>).</summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static void Select() => HChan<Empty>.BlockForever();

    /// <summary>The awaiter behind <see cref="Select()"/>: parks forever.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter GetSelectAwaiter() => default;
''']
w = L.append
def core_k(n): return 4 if n <= 4 else 8
for n in range(1, 9):
    K = core_k(n)
    full = ', '.join([f'T{i}' for i in range(1, n + 1)] + [E] * (K - n))
    params = ', '.join(f'SelectCase<T{i}> c{i}' for i in range(1, n + 1))
    args = ', '.join([f'c{i}' for i in range(1, n + 1)] + ['default'] * (K - n))
    cref = '{' + tl(n).replace(' ', '') + '}'
    w(f'''
    /// <summary>
    /// Waits until one of the cases can proceed and performs it (Go: <c>select</c>); a random one among
    /// the ready cases, or <see cref="Default"/> when given and none is ready. The result's <c>Index</c> is the
    /// position of the case taken; a receive case's value is in its <c>ValueN</c>, with <c>Ok</c>. Nil-channel
    /// cases are never ready. A suspension point inside goroutines; blocks the thread elsewhere.
    /// </summary>
    [SuspensionPoint(nameof(GetSelectAwaiter))]
    public static Selected<{tl(n)}> Select<{tl(n)}>({params})
    {{
        var op = SelectOp<{full}>.Rent({args});
        op.RunOnThread();
        return SelectCore<{full}>.Take(op).As{n}();
    }}

    /// <summary>The awaiter behind <see cref="Select{cref}"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SelectAwaiter<{tl(n)}> GetSelectAwaiter<{tl(n)}>({params}) => new({args});
''')
w('}\n')
with open('Go.Select.cs', 'w') as f:
    f.write(''.join(L))

USINGS = '''using System.ComponentModel;
using GoSharp.CompilerServices;
using GoSharp.Selecting;

namespace GoSharp;
'''
S = [header, USINGS]   # Selected.cs: what a select did
A = [header, USINGS]   # SelectAwaiter.cs: the awaiters generated code calls
w = A.append
w('''
/// <summary>The awaiter behind <see cref="Go.Select()"/> (no cases: parks forever).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SelectAwaiter
{
    /// <summary>Never.</summary>
    public bool IsCompleted => false;
    /// <summary>Parks forever.</summary>
    public FrameResult Suspend(G g, Frame frame) => g.Park(frame, null, null, WaitReason.SelectNoCases);
    /// <summary>Never returns in practice.</summary>
    public void GetResult() { }
}
''')
for n in range(1, 9):
    K = core_k(n)
    full = ', '.join([f'T{i}' for i in range(1, n + 1)] + [E] * (K - n))
    tparams = '\n'.join(f'/// <typeparam name="T{i}">Element type of case {i - 1}.</typeparam>' for i in range(1, n + 1))
    S.append(f'''
/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
{tparams}
public readonly struct Selected<{tl(n)}>
{{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
''')
    for i in range(1, n + 1):
        S.append(f'    /// <summary>The value received by case {i - 1} (when <see cref="Index"/> is {i - 1}).</summary>\n    public readonly T{i} Value{i};\n')
    ctor_params = ', '.join(['int index', 'bool ok'] + [f'T{i} v{i}' for i in range(1, n + 1)])
    assigns = ' '.join(['Index = index;', 'Ok = ok;'] + [f'Value{i} = v{i};' for i in range(1, n + 1)])
    ctor_args = ', '.join(f'SelectCase<{t}> c{i + 1}' for i, t in enumerate(full.split(', ')))
    S.append(f'''
    internal Selected({ctor_params}) {{ {assigns} }}
}}
''')
    w(f'''
/// <summary>The awaiter behind a select of {n} case(s); call its members on the stored awaiter.</summary>
{tparams}
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SelectAwaiter<{tl(n)}>
{{
    private SelectOp<{full}>? _op;
    private bool _done;

    internal SelectAwaiter({ctor_args})
    {{
        _op = SelectOp<{full}>.Rent({', '.join(f'c{i}' for i in range(1, K + 1))});
        _done = false;
    }}

    /// <summary>Pass 1: true if a case (or the default) was ready and has been performed.</summary>
    public bool IsCompleted => _done || (_done = _op!.TryFast());

    /// <summary>Parks; the commit step retries pass 1 under the locks, else queues a waiter on every channel.</summary>
    public FrameResult Suspend(G g, Frame frame)
    {{
        var op = _op!;
        // Every case is a nil channel (a default would have been taken): parked forever, "select" in dumps as in Go.
        if (!op.HasChannelCases) return g.Park(frame, null, null, WaitReason.SelectNilCases);
        op.G = g;
        return g.Park(frame, op, null, WaitReason.Select);
    }}

    /// <summary>The case taken and its value; throws if a send case was taken on a closed channel.</summary>
    public Selected<{tl(n)}> GetResult()
    {{
        var op = _op!;
        _op = null;
        op.AfterPark();
        return SelectCore<{full}>.Take(op).As{n}();
    }}
}}
''')
with open('Selected.cs', 'w') as f:
    f.write(''.join(S))
with open('SelectAwaiter.cs', 'w') as f:
    f.write(''.join(A))
