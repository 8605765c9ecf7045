using System;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle's sixth round of new codebases, each reduced to a differential case.
public static partial class Cases
{
    // DotRecast's DtTileCacheWriter: `paramWriter.Write(stream, cache.GetNavMesh().GetParams(), order)`, where
    // GetNavMesh suspends, GetParams returns `ref readonly` and Write takes the parameter `in`. Async accepts it (the
    // reference is taken after the await and passed at once); the generator refused it (GOSH0010, "this assignment
    // target"), as a by-reference argument that is a call was no location it could lower. The callee sees the
    // reference itself, not a copy: it changes the mesh through another path and reads the parameter again, and the
    // `ref` form writes through the reference it is given.
    [Goroutine]
    public static string C6RefReturningCallOnASuspendingReceiverPassedByReference(Log log, int n)
    {
        var cache = new C6Cache(n);
        var s = C6Write("w" + n, cache.GetMesh().GetParams(), cache.Mesh, n + 1);
        log.Add("after in " + cache.Mesh.Params.A);
        s += " " + C6Bump(ref cache.GetMesh().Field(Tw(n)), 3);
        s += " " + C6Bump(ref C6Cache.Static(cache.GetMesh()).Field(0), n);
        log.Add("after ref " + cache.Mesh.Params.A + "," + cache.Mesh.Params.B);
        return s;
    }

    // TheSadRogue.Primitives' ISettableGridView<T>.Fill, a default interface method: `for (int i = 0; i < Count; i++)
    // this[i] = value;`, with Count a member of the base interface IGridView<T>. With a suspension in the loop the
    // frame named `Count` alone, which in the frame class binds to nothing (CS0120 in generated code): only the
    // members of the interface's base classes were looked for, and an interface has base interfaces instead.
    [Goroutine]
    public static string C6BaseInterfaceMemberInADefaultMethod(Log log, int n)
    {
        IC6Settable<int> grid = new C6Grid(n + 2);
        grid.Fill(n + 7);
        log.Add("filled " + grid);
        return grid.Sum(Tw(1)) + " " + grid;
    }

    // Jitter Physics 2's RigidBody.ClearContactCache, `arbiter.Handle.Data.UsageMask = 0;` with a suspension point in
    // the receiver (`GetArbiter().Handle.Data.UsageMask = 0`): Handle is a struct, Data a `ref` property of it. Async
    // accepts it (the reference is taken after the await and assigned through at once); the generator refused it
    // (GOSH0010, "assigning through a struct-typed receiver"). A compound assignment and `++` through a `ref` call go
    // the same way, and the writes must land in the box the reference points into.
    [Goroutine]
    public static string C6AssignThroughARefPropertyOfASuspendingReceiver(Log log, int n)
    {
        var arbiter = new C6Arbiter();
        arbiter.Box.Value.UsageMask = 5;
        Tw(arbiter).Handle.Data.UsageMask = n;
        log.Add("mask " + arbiter.Box.Value.UsageMask);
        Tw(arbiter).Handle.At(Tw(1)).Other += n + 1;
        Tw(arbiter).Handle.Data.Other++;
        return arbiter.Box.Value.UsageMask + "," + arbiter.Box.Value.Other;
    }

    private static string C6Write(string s, in C6Params p, C6Mesh mesh, int order)
    {
        var before = p.A;
        mesh.Params.A += 10;
        return s + ":" + before + "->" + p.A + "/" + order;
    }

    private static int C6Bump(ref int target, int by) => target += by;
}

public struct C6Params
{
    public int A;
    public int B;
}

public sealed partial class C6Mesh
{
    public C6Params Params;
    public ref readonly C6Params GetParams() => ref Params;
    public ref int Field(int i) => ref i % 2 == 0 ? ref Params.A : ref Params.B;
}

public sealed partial class C6Cache
{
    public readonly C6Mesh Mesh = new();
    public C6Cache(int n) => Mesh.Params = new C6Params { A = n, B = 2 * n };

    [Goroutine]
    public C6Mesh GetMesh()
    {
        Go.Yield();
        return Mesh;
    }

    [Goroutine]
    public static C6Mesh Static(C6Mesh m)
    {
        Go.Yield();
        return m;
    }
}

public interface IC6View<out T>
{
    int Count { get; }
    T this[int i] { get; }
    static int Scale(int x) => 2 * x;
}

public partial interface IC6Settable<T> : IC6View<T>
{
    new T this[int i] { get; set; }

    [Goroutine]
    void Fill(T value)
    {
        for (int i = 0; i < Count; i++)
        {
            Go.Yield();
            this[i] = value;
        }
    }

    [Goroutine]
    int Sum(int from)
    {
        var s = 0;
        for (var i = from; i < Count; i++)
        {
            Go.Yield();
            s += Scale(i) + (this[i] is int v ? v : 0);
        }
        return s;
    }
}

public sealed partial class C6Grid : IC6Settable<int>
{
    private readonly int[] _cells;
    public C6Grid(int n) => _cells = new int[n];
    public int Count => _cells.Length;
    public int this[int i] { get => _cells[i]; set => _cells[i] = value + i; }
    public override string ToString() => string.Join(",", _cells);
}

public struct C6Contact
{
    public int UsageMask;
    public int Other;
}

public sealed class C6Box
{
    public C6Contact Value;
}

public readonly struct C6Handle
{
    private readonly C6Box _box;
    public C6Handle(C6Box box) => _box = box;
    public ref C6Contact Data => ref _box.Value;
    public ref C6Contact At(int i) => ref _box.Value;
}

public sealed class C6Arbiter
{
    public readonly C6Box Box = new();
    public C6Handle Handle => new(Box);
}
