using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// GOSH0026, a warning, for a suspension point where the goroutine holds a lock that belongs to its thread, taken by
/// an explicit call (Monitor.Enter, Lock.Enter, SpinLock.Enter, ReaderWriterLockSlim.Enter*Lock, Mutex.WaitOne) and not
/// yet released. Async compiles the same silently and throws SynchronizationLockException at the release when it
/// resumed on another thread; a goroutine does alike, so the generator says so where it can see it (the lock
/// statement and a Lock's scope are GOSH0005, LockScopeDiagnosticTests). Nothing is reported once the lock is
/// released, nor for the goroutine's own Sync.Mutex.
/// </summary>
public class ThreadLockDiagnosticTests
{
    private const string Type = """
        public partial class C
        {
            static readonly object O = new();
            static readonly System.Threading.Lock L = new();
            readonly System.Threading.Lock I = new();
            static readonly System.Threading.ReaderWriterLockSlim Rw = new();
            static readonly System.Threading.Mutex Mx = new();
            static System.Threading.SpinLock Spin = new();
            static readonly Sync.Mutex Mu = new();
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] int M(int n) { BODY return n; }
        }
        """;

    [Theory]
    [InlineData("System.Threading.Monitor.Enter(O); try { n += [|Tw(1)|]; } finally { System.Threading.Monitor.Exit(O); }", "System.Threading.Monitor.Enter(O)")]
    [InlineData("bool t = false; try { System.Threading.Monitor.Enter(O, ref t); [|Go.Yield()|]; } finally { if (t) System.Threading.Monitor.Exit(O); }", "System.Threading.Monitor.Enter(O, ref t)")]
    [InlineData("if (System.Threading.Monitor.TryEnter(O)) { [|Go.Yield()|]; System.Threading.Monitor.Exit(O); }", "System.Threading.Monitor.TryEnter(O)")]
    [InlineData("L.Enter(); [|Go.Yield()|]; L.Exit();", "L.Enter()")]
    [InlineData("if (!System.Threading.Monitor.TryEnter(O)) return 0; [|Go.Yield()|]; System.Threading.Monitor.Exit(O);", "System.Threading.Monitor.TryEnter(O)")]
    [InlineData("if (!(L.TryEnter())) { n++; throw new System.TimeoutException(); } n = [|Tw(n)|]; L.Exit();", "L.TryEnter()")]
    [InlineData("L.Enter(); if (n > 0) { while (n-- > 5) { n = [|Tw(n)|]; } } L.Exit();", "L.Enter()")]
    [InlineData("Rw.EnterWriteLock(); try { [|Go.Yield()|]; } finally { Rw.ExitWriteLock(); }", "Rw.EnterWriteLock()")]
    [InlineData("Mx.WaitOne(); [|Go.Yield()|]; Mx.ReleaseMutex();", "Mx.WaitOne()")]
    [InlineData("bool t = false; Spin.Enter(ref t); [|Go.Yield()|]; Spin.Exit();", "Spin.Enter(ref t)")]
    [InlineData("L.Enter(); L.Exit(); System.Threading.Monitor.Enter(O); [|Go.Yield()|]; System.Threading.Monitor.Exit(O);", "System.Threading.Monitor.Enter(O)")]
    // Another object's lock of the same name is still held: told apart by the receiver, not by the field alone.
    [InlineData("var a = new C(); var b = new C(); a.I.Enter(); b.I.Exit(); [|Go.Yield()|];", "a.I.Enter()")]
    // Statements the walk reads besides a block's: a switch section's and a labeled one.
    [InlineData("switch (n) { case 1: L.Enter(); [|Go.Yield()|]; L.Exit(); break; }", "L.Enter()")]
    [InlineData("again: L.Enter(); [|Go.Yield()|]; L.Exit(); if (n-- > 0) goto again;", "L.Enter()")]
    public void ASuspensionPointWhileAThreadsLockIsHeld(string body, string taken)
    {
        DiagnosticTests.Expect("GOSH0026", Type.Replace("BODY", body), DiagnosticSeverity.Warning);
        var r = GeneratorHarness.Run(DiagnosticTests.Prelude + Type.Replace("BODY", body.Replace("[|", "").Replace("|]", "")));
        // Monitor.Enter and Mutex.WaitOne also block the thread while they wait (GOSH0009, a warning of its own).
        var d = Assert.Single(r.Diagnostics, d => d.Id != "GOSH0009");
        Assert.Equal(("GOSH0026", DiagnosticSeverity.Warning), (d.Id, d.Severity));
        Assert.Contains($"while '{taken}' holds a lock", d.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(r.CompileDiagnostics, c => c.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("System.Threading.Monitor.Enter(O); n++; System.Threading.Monitor.Exit(O); Go.Yield();")]
    [InlineData("System.Threading.Monitor.Enter(O); try { n++; } finally { System.Threading.Monitor.Exit(O); } n += Tw(1);")]
    [InlineData("bool t = false; try { System.Threading.Monitor.Enter(O, ref t); n++; } finally { if (t) System.Threading.Monitor.Exit(O); Go.Yield(); }")]
    [InlineData("L.Enter(); L.Exit(); Go.Yield();")]
    [InlineData("if (!System.Threading.Monitor.TryEnter(O)) return 0; System.Threading.Monitor.Exit(O); Go.Yield();")]
    [InlineData("if (!L.TryEnter()) { n++; } else { L.Exit(); } Go.Yield();")]
    [InlineData("Mu.Lock(); Go.Yield(); Mu.Unlock();")]
    [InlineData("L.Enter(); System.Action a = () => { Go.Yield(); }; L.Exit(); Go.Yield();")]
    [InlineData("Rw.EnterReadLock(); Rw.ExitReadLock(); n = Tw(n);")]
    // The same lock written two ways: the field's symbol, not the text, says which lock is released.
    [InlineData("System.Threading.Monitor.Enter(C.O); System.Threading.Monitor.Exit(O); Go.Yield();")]
    [InlineData("I.Enter(); this . I.Exit(); Go.Yield();")]
    [InlineData("System.Threading.Monitor.Enter(O); System.Threading.Monitor.Exit((O)); Go.Yield();")]
    public void NoWarningOnceTheLockIsReleasedOrForAGoroutinesMutex(string body)
    {
        var r = GeneratorHarness.Run(DiagnosticTests.Prelude + Type.Replace("BODY", body));
        Assert.DoesNotContain(r.Diagnostics, d => d.Id == "GOSH0026");
        Assert.DoesNotContain(r.CompileDiagnostics, c => c.Severity == DiagnosticSeverity.Error);
    }
}
