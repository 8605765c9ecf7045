namespace GoSharp.Generator.Tests.Execution;

// Red team round 23: constructs async accepts, checked against the goroutine.
public static partial class Cases
{
    public readonly record struct RecordStruct23(Log Log, int X)
    {
        private readonly int _y;
        public int Y { get => _y; init { Log.Add("Y=" + value); _y = value; } }
    }

    public struct Struct23
    {
        public Log? Log;
        public int A;
        private int _y, _z;
        public int Y { readonly get => _y; init { Log?.Add("Y=" + value + " A=" + A); _y = value; } }
        public int Z { readonly get => _z; set { Log?.Add("Z=" + value); _z = value; } }
        public string? W { get; init; }
        public System.Collections.Generic.List<int> Tags { get; init; }
        public Struct23(Log log, int a) { Log = log; A = a; log.Add("ctor " + a); Tags = new(); W = null; }
        public Struct23() { Tags = new(); W = null; }
    }

    // Bug: a with expression on a struct that set a member whose accessor has a body before a suspending value was
    // refused (GOSH0010: the copy was made with all the values at the end), where async accepts it; the copy is now
    // made first and each member set on it after its own value, an init-only one through an [UnsafeAccessor] that
    // takes the copy by reference.
    [Goroutine]
    public static string Rt23StructWithAccessorBeforeSuspendingValue(Log log, int n)
    {
        var r = new RecordStruct23(log, 1);
        var r2 = r with { Y = log.L("y", n), X = Tw(log.L("x", n + 1)) };
        var s = new Struct23(log, 2);
        var s2 = s with { Z = log.L("z", 5), Y = log.L("y", 6), A = Tw(7), W = Tw("w") };
        var s3 = Tw(s) with { Y = Tw(8), Z = 9 };
        return r2.X + "," + r2.Y + "|" + s2.A + "," + s2.Y + "," + s2.Z + "," + s2.W + "|" + s3.Y + "," + s3.Z + "|" + s.Y + "," + s.A;
    }

    // Bug: an initializer of a struct that sets init-only members, with a suspension point, after a constructor that
    // runs code, or with an init accessor with a body before a suspending value, or an init-only member after a
    // nested initializer, was refused (GOSH0010) where async accepts it; the struct is now created first, as a class
    // is, and each member set in order.
    [Goroutine]
    public static string Rt23StructInitializerSetsInitOnlyMembers(Log log, int n)
    {
        var a = new Struct23 { Log = log, Y = log.L("y", 1), A = Tw(n) };
        var b = new Struct23(log, Tw(3)) { Y = log.L("y", 2), W = Tw("w"), Z = 4 };
        var c = new RecordStruct23(log, Tw(5)) { Y = log.L("y", 9) };
        var d = new Struct23(log, n) { Tags = { Tw(1), 2 }, W = log.L("w", "v"), Y = Tw(n) };
        return a.A + "," + a.Y + "|" + b.A + "," + b.Y + "," + b.W + "," + b.Z + "|" + c.X + "," + c.Y + "|" + string.Join(";", d.Tags) + "," + d.W + "," + d.Y;
    }

    public record struct GenericStruct23<T>(Log Log)
    {
        private T _v = default!;
        public T V { readonly get => _v; init { Log.Add("V=" + value); _v = value; } }
        public int K { get; set; }
    }

    public record GenericRecord23<T>(Log Log, T A)
    {
        private readonly T _b = default!;
        public T B { get => _b; init { Log.Add("B=" + value); _b = value; } }
    }

    // Bug: an init accessor of a generic type set through an [UnsafeAccessor] inside a generic goroutine type was
    // refused (GOSH0010: the accessor's class, nested in the user's type, would carry its type parameters), where async
    // accepts it; the class is now a file-local class of the frame's file, beside the user's type.
    [Goroutine]
    public static string Rt23GenericInitAccessorsInAGenericType(Log log, int n) =>
        new GenericHost23<string>().Run(log, "s" + Tw(n), n) + "|" + new GenericHost23<int>().Run(log, n, Tw(n));
}

public sealed class Required23
{
    private readonly Log _log = null!;
    private int _a;
    public required int A { get => _a; init { _log.Add("A=" + value); _a = value; } }
    public required string B { get; set; }
    public int C { get; init; }
    public System.Collections.Generic.List<int> Tags { get; } = new();
    public Required23(Log log) { _log = log; log.Add("ctor"); }
    public Required23(Log log, int c) { _log = log; C = c; log.Add("ctor " + c); }
}

public static partial class Cases
{
    // Bug: an initializer that sets required members the constructor leaves, with an accessor with a body before a
    // suspending value, a constructor that runs code, or a member after a nested initializer, was refused (GOSH0010:
    // `new T(args)` alone does not compile) where async accepts it; the constructor is now called through an
    // [UnsafeAccessor(Constructor)] and each member set after its value.
    [Goroutine]
    public static string Rt23RequiredMembers(Log log, int n)
    {
        var a = new Required23(log) { A = log.L("a", n), B = Tw("b") };
        var b = new Required23(log, Tw(3)) { B = log.L("b", "x"), A = Tw(n), C = 4 };
        var c = new Required23(log) { Tags = { Tw(1) }, B = "c", A = log.L("a", 2) };
        return a.A + a.B + a.C + "|" + b.A + b.B + b.C + "|" + c.A + c.B + string.Join(";", c.Tags);
    }
}

public partial class GenericHost23<T>
{
    [Goroutine]
    public string Run(Log log, T x, int n)
    {
        var g = new Cases.GenericStruct23<T>(log) { V = log.L("v", x), K = Sp.Val(n) };
        var g2 = g with { V = log.L("v2", x), K = Sp.Val(n + 1) };
        var r = new Cases.GenericRecord23<T>(log, x) { B = log.L("b", x) };
        var r2 = r with { B = log.L("b2", x), A = Sp.Val(x) };
        return g2.V + "," + g2.K + "," + r2.A + "," + r2.B;
    }
}

public sealed class RequiredOptional23
{
    public required int A { get; init; }
    public int B { get; set; }
    public int K { get; }
    public RequiredOptional23(Log log, int k = 5, string s = "d") { K = k; log.Add("ctor " + k + s); }
}

public static partial class Cases
{
    // Bug: a required-member initializer whose constructor call omitted an optional argument was refused (GOSH0010)
    // where async accepts it; the [UnsafeAccessor(Constructor)] now declares the constructor's constant defaults.
    [Goroutine]
    public static string Rt23RequiredMembersOmittedOptional(Log log, int n)
    {
        var a = new RequiredOptional23(log) { A = log.L("a", n), B = Tw(2) };
        var b = new RequiredOptional23(log, Tw(n)) { A = 1, B = Tw(3) };
        return a.A + "," + a.B + "," + a.K + "|" + b.A + "," + b.B + "," + b.K;
    }
}

public record ConstrainedRecord23<T>(Log Log) where T : struct, System.IComparable<T>
{
    private T _v;
    public T V { get => _v; init { Log.Add("V=" + value); _v = value; } }
    public int K { get; init; }
}

public partial class ConstrainedHost23<U>
{
    [Goroutine]
    public string Run(Log log, int n)
    {
        var r = new ConstrainedRecord23<int>(log) { V = log.L("v", n), K = Sp.Val(n) };
        var r2 = r with { V = log.L("v2", n), K = Sp.Val(n + 1) };
        return r2.V + "," + r2.K;
    }
}

public static partial class Cases
{
    // Bug: the [UnsafeAccessor] class of an init accessor of a generic type with constraints (nested in the user's
    // type, or file-local beside a generic one) declared its type parameters without them: the generated code did not
    // compile (CS0453). It now restates the type's where clauses.
    [Goroutine]
    public static string Rt23ConstrainedGenericInitAccessors(Log log, int n)
    {
        var r = new ConstrainedRecord23<int>(log) { V = log.L("v", n), K = Tw(n) };
        var r2 = r with { V = log.L("v2", n), K = Tw(n + 1) };
        return r2.V + "," + r2.K + "|" + new ConstrainedHost23<string>().Run(log, n);
    }
}

public struct RequiredStruct23
{
    private int _a;
    public Log? Log;
    public required int A { readonly get => _a; init { Log?.Add("A=" + value + " B=" + B); _a = value; } }
    public int B { get; set; }
    public RequiredStruct23(Log log, int b) { Log = log; B = b; log.Add("ctor"); }
}

public record struct RequiredRecordStruct23(Log Log, int K)
{
    private int _a;
    public required int A { readonly get => _a; init { Log.Add("A=" + value + " K=" + K); _a = value; } }
    public int B { get; set; }
}

public static partial class Cases
{
    // Bug: a struct's initializer that set required members its declared constructor leaves, with an accessor with a
    // body before a suspending value, was refused (GOSH0010) where async accepts it; the constructor is now called
    // through an [UnsafeAccessor(Constructor)] as a class's is (an implicit parameterless one has no method to bind).
    [Goroutine]
    public static string Rt23RequiredStructMembers(Log log, int n)
    {
        var s = new RequiredStruct23(log, n) { A = log.L("a", n), B = Tw(2) };
        var r = new RequiredRecordStruct23(log, Tw(n)) { A = log.L("a", n + 1), B = Tw(3) };
        return s.A + "," + s.B + "|" + r.A + "," + r.B + "," + r.K;
    }
}
