using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle's eleventh round of new codebases, each reduced to a differential case.
public static partial class Cases
{
    // AsmResolver's RelocationsDirectoryBuffer: `private void EnsureBlocksCreated() => _blocks ??= CreateBlocks();`,
    // a void method whose expression body is a ??= with a suspending right side. Its residual is the ??='s
    // temporary, which the expression body wrote as a statement of its own (`_t1;`, CS0201 in generated code); it is
    // discarded now, as an expression statement's is.
    private static List<int>? c11Blocks;

    [Goroutine]
    private static List<int> C11MakeBlocks(Log log, int n) { log.L("make", n); return new List<int> { Tw(n) }; }

    [Goroutine]
    private static void C11EnsureBlocks(Log log, int n) => c11Blocks ??= C11MakeBlocks(log, n);

    [Goroutine]
    public static string C11CoalesceAssignmentAsAVoidExpressionBody(Log log, int n)
    {
        c11Blocks = n == 0 ? new List<int> { 7 } : null;
        C11EnsureBlocks(log, n);
        C11EnsureBlocks(log, n + 1);
        return string.Join(",", c11Blocks!);
    }

    // NumSharp's `using var sliceI = x[i];` of an NDArray, whose == and != compare elementwise and return an array:
    // the frame disposed a using variable after `if (_l0_sliceI != null)`, which called that operator (CS0266 in
    // generated code, 53 times: an NDArray<bool> is no bool). C#'s using tests the reference, and so does the frame.
    public sealed class C11Elementwise : IDisposable
    {
        private readonly Log _log;
        public C11Elementwise(Log log, int v) { _log = log; V = v; }
        public int V { get; }
        public void Dispose() => _log.L("dispose", V);
        public static C11Elementwise operator ==(C11Elementwise? a, object? b) => throw new InvalidOperationException("== asked");
        public static C11Elementwise operator !=(C11Elementwise? a, object? b) => throw new InvalidOperationException("!= asked");
        public override bool Equals(object? obj) => ReferenceEquals(this, obj);
        public override int GetHashCode() => V;
    }

    [Goroutine]
    public static string C11UsingOfATypeWithElementwiseEquality(Log log, int n)
    {
        using var a = new C11Elementwise(log, Tw(n));
        using var b = n == 1 ? null : new C11Elementwise(log, n + 10);
        using (var c = new C11Elementwise(log, n + 20))
            log.L("inner", Tw(c.V));
        return a.V + ":" + Tw(b?.V ?? -1);
    }
}
