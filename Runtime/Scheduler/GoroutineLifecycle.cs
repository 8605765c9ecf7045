using System;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// Creating and recycling goroutines. Go: newproc/newproc1, gfput/gfget.
internal sealed partial class Sched
{
    /// <summary>Creates a G for <paramref name="root"/> and queues it. Go: newproc.</summary>
    public long NewProc(Frame root) => NewProc(root, fromSpawner: true, null);

    /// <summary>
    /// Starts a goroutine in <paramref name="context"/> (captured earlier by <see cref="CaptureContext"/>)
    /// rather than the spawner's: an AfterFunc callback spawned by a timer on a scheduler thread runs in the
    /// context of the code that called AfterFunc.
    /// </summary>
    internal long NewProc(Frame root, ExecutionContext? context) => NewProc(root, fromSpawner: false, context);

    /// <summary>
    /// The current ExecutionContext for a goroutine started later (<see cref="NewProc(Frame, ExecutionContext?)"/>);
    /// null when this runtime does not flow contexts or there is nothing to restore.
    /// </summary>
    internal ExecutionContext? CaptureContext()
    {
        if (!_flowExecutionContext) return null;
        M? m = M.Current;
        return CaptureForSpawn(m is not null && m.Sched == this ? m : null);
    }

    private long NewProc(Frame root, bool fromSpawner, ExecutionContext? context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ThrowIfDisposed();
        if (root.Caller is not null || root.State != -1)
            throw new InvalidOperationException("A frame can start only one goroutine, once, and only before it has run.");
        M? m = M.Current;
        // A runtime section around the P's use (PlainCodeRetake.cs). No try/finally: an exception leaves
        // InUserCode 0, which only keeps sysmon from retaking until the next resume.
        bool mine = m is not null && m.Sched == this;
        bool entered = mine && EnterRuntime(m!);
        P? p = mine ? m!.P : null;
        G g = (p is not null ? GetFreeG(p) : GetFreeGGlobal()) ?? NewG();
        g.Goid = Interlocked.Increment(ref _goidgen);
        g.Root = root;
        g.Top = root;
        root.Caller = GoExitFrame.Instance;
        G? parent = m?.CurG;
        ExecutionContext? ctx = !_flowExecutionContext ? null : fromSpawner ? CaptureForSpawn(m) : context;
        g.Origin = GOrigin.For(this, parent?.Goid ?? 0, parent?.Top?.MethodName, ctx);
        g.CasStatus(GStatus.Dead, GStatus.Runnable);
        PutRunnable(g, p);
        if (entered) LeaveRuntime(m!, entered);
        if (_stopping)
        {
            // Dispose ran between our check and the queue: nobody will run this G or abandon it.
            JoinState.Finish(this, root, g.Goid, new ObjectDisposedException(nameof(GoRuntime),
                $"The GoSharp runtime '{Name}' was disposed while goroutine {g.Goid} was being started."));
        }
        return g.Goid;
    }

    /// <summary>
    /// The spawner's ExecutionContext, as Task.Run captures it, or null when there is nothing to restore:
    /// flow is suppressed (Capture gives null), or it is the default context an M runs in (the common case,
    /// which then costs nothing per resume). On an M the thread's context is the running goroutine's.
    /// </summary>
    private static ExecutionContext? CaptureForSpawn(M? m)
    {
        ExecutionContext? ec = ExecutionContext.Capture();
        if (ec is null) return null;
        // Every thread without a context of its own captures the same Default instance; an M records it at
        // start, so this recognises the default from plain threads too once any M has started (before, the
        // G keeps Default, which Execute then finds equal to its M's and skips all the same).
        ExecutionContext? def = m?.ExecContext ?? M.DefaultContext;
        if (ReferenceEquals(ec, def)) return null;
        // Inside `using (rt.Enter())` the context differs from the one before by the entered runtime only.
        ec = GoRuntime.WithoutEnteredScope(ec);
        return ec is null || ReferenceEquals(ec, def) ? null : ec;
    }

    private G NewG()
    {
        var g = new G(this);
        g.SetStatus(GStatus.Dead);
        lock (_allgsLock)
        {
            g.AllGsIndex = _allgs.Count;
            _allgs.Add(g);
        }
        return g;
    }

    /// <summary>
    /// Recycles a dead G on <paramref name="p"/>'s free list; above <see cref="LocalFreeGMax"/> the surplus
    /// moves to the global list, and past <see cref="GlobalFreeGMax"/> there Gs are forgotten for the GC
    /// to take (a burst of a million goroutines must not pin a million Gs forever). Go: gfput.
    /// </summary>
    private void FreeG(P p, G g)
    {
        p.FreeGs.PushFront(g);
        if (p.FreeGs.Count < LocalFreeGMax) return;
        G? surplus = null;
        lock (_freeGsLock)
        {
            while (p.FreeGs.Count > LocalFreeGKeep) PutGlobalFreeLocked(p.FreeGs.Pop()!, ref surplus);
        }
        ForgetGs(surplus);
    }

    /// <summary>Moves every G of a retired P's free list to the global one (capped). Go: procresize's gfpurge.</summary>
    private void PurgeFreeGs(P p)
    {
        G? surplus = null;
        lock (_freeGsLock)
        {
            while (p.FreeGs.Pop() is G g) PutGlobalFreeLocked(g, ref surplus);
        }
        ForgetGs(surplus);
    }

    /// <summary>Onto the global free list, or onto <paramref name="surplus"/> (linked by SchedLink) when it is full.</summary>
    private void PutGlobalFreeLocked(G g, ref G? surplus)
    {
        if (_freeGs.Count < GlobalFreeGMax)
        {
            _freeGs.PushFront(g);
            return;
        }
        g.SchedLink = surplus;
        surplus = g;
    }

    /// <summary>Drops dead Gs from <see cref="_allgs"/> so nothing references them (swap-remove by index).</summary>
    private void ForgetGs(G? chain)
    {
        if (chain is null) return;
        lock (_allgsLock)
        {
            while (chain is not null)
            {
                G g = chain;
                chain = g.SchedLink;
                g.SchedLink = null;
                int i = g.AllGsIndex, last = _allgs.Count - 1;
                if (i < 0) // held weakly by a deadlock probe (DeadlockProbe.cs): its restore step skips it now
                {
                    g.AllGsIndex = -1;
                    continue;
                }
                G moved = _allgs[last];
                _allgs[i] = moved;
                moved.AllGsIndex = i;
                _allgs.RemoveAt(last);
                g.AllGsIndex = -1;
            }
        }
    }

    /// <summary>Takes a dead G from <paramref name="p"/>'s list, refilled from the global one. Go: gfget.</summary>
    private G? GetFreeG(P p)
    {
        if (p.FreeGs.IsEmpty && !_freeGs.IsEmpty)
        {
            lock (_freeGsLock)
            {
                while (p.FreeGs.Count < LocalFreeGKeep && _freeGs.Pop() is G g) p.FreeGs.PushFront(g);
            }
        }
        return p.FreeGs.Pop();
    }

    private G? GetFreeGGlobal()
    {
        if (_freeGs.IsEmpty) return null;
        lock (_freeGsLock) return _freeGs.Pop();
    }
}
