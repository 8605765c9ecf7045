using System;
using System.Threading;
using GoSharp.CompilerServices;

namespace GoSharp.Scheduler;

// Creating and recycling goroutines. Go: newproc/newproc1, gfput/gfget.
internal sealed partial class Sched
{
    /// <summary>Creates a G for <paramref name="root"/> and queues it. Go: newproc.</summary>
    public long NewProc(Frame root)
    {
        ArgumentNullException.ThrowIfNull(root);
        ThrowIfDisposed();
        if (root.Caller is not null || root.State != -1)
            throw new InvalidOperationException("A frame can start only one goroutine, once, and only before it has run.");
        M? m = M.Current;
        P? p = m is not null && m.Sched == this ? m.P : null;
        G g = (p is not null ? GetFreeG(p) : GetFreeGGlobal()) ?? NewG();
        g.Goid = Interlocked.Increment(ref _goidgen);
        g.Root = root;
        g.Top = root;
        root.Caller = GoExitFrame.Instance;
        G? parent = m?.CurG;
        g.ParentGoid = parent?.Goid ?? 0;
        g.CreatedBy = parent?.Top?.MethodName;
        g.CasStatus(GStatus.Dead, GStatus.Runnable);
        PutRunnable(g, p);
        if (_stopping)
        {
            // Dispose ran between our check and the queue: nobody will run this G or abandon it.
            JoinState.Finish(this, root, g.Goid, new ObjectDisposedException(nameof(GoRuntime),
                $"The GoSharp runtime '{Name}' was disposed while goroutine {g.Goid} was being started."));
        }
        return g.Goid;
    }

    private G NewG()
    {
        var g = new G(this);
        g.SetStatus(GStatus.Dead);
        lock (_allgsLock) _allgs.Add(g);
        return g;
    }

    /// <summary>Recycles a dead G on <paramref name="p"/>'s free list. Go: gfput.</summary>
    private void FreeG(P p, G g)
    {
        p.FreeGs.PushFront(g);
        if (p.FreeGs.Count < LocalFreeGMax) return;
        lock (_freeGsLock)
        {
            while (p.FreeGs.Count > LocalFreeGKeep) _freeGs.PushFront(p.FreeGs.Pop()!);
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
