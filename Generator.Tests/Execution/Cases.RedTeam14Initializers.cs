using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 14: index initializers inside nested object initializers.
public static partial class Cases
{
    // Bug 3 (refused where async accepts): an index initializer nested in the initializer of a struct field
    // (`S = { [Tw(2)] = 4 }`, `S = { [2] = Tw(4) }`) or of a type parameter's field, and an index initializer
    // whose value is itself an initializer (`A = { [Tw(0)] = { X = Tw(3) } }`, `[k] = { X = v }` at the top),
    // with a suspension point, were refused (GOSH0010). The struct field's own indexer is set in place, a type
    // parameter's field through `(default(T) == null ? ref copy : ref field)`, and the indexes of `[k] = { ... }`
    // are evaluated once, before the element's members, each of which reads the element again, as C# does.
    [Goroutine]
    public static string Rt14NestedIndexInitializers(Log log, int n)
    {
        var a = new InitHolder14 { S = { [log.L("i", 2)] = Tw(4 + n), [Tw(1)] = log.L("v", 7) } };
        var b = new InitHolder14 { A = { [Tw(0)] = { [1] = Tw(3) }, [log.L("k", 1)] = { [log.L("j", 2)] = log.L("w", n), [Tw(0)] = 9 } } };
        var c = new LoggedElements14(log) { [log.L("e", 1)] = { X = Tw(n), Y = log.L("y", 2) }, [Tw(0)] = { Y = 5 } };
        var r = a.S.Who + "|" + b.A[0].Who + "," + b.A[1].Who + "|" + c.Items[0].X + c.Items[1].X;
        return r + "|" + FieldOfT14(new InitSlots14(), n) + "|" + FieldOfT14(new InitSlotsClass14(), n);
    }

    [Goroutine]
    private static string FieldOfT14<T>(T seed, int n) where T : IInitSlots14, new()
    {
        var h = new InitField14<T> { F = { [Tw(1)] = n + 2, [Key14(n)] = Tw(5) } };
        return h.F.Who;
    }

    private static int Key14(int n) => n + 2;

    public interface IInitSlots14
    {
        int this[int i] { get; set; }
        string Who { get; }
    }

    // Each setter keeps what it was given in the variable itself: one made on a copy is lost.
    public struct InitSlots14 : IInitSlots14
    {
        private string _set;
        public int this[int i] { get => i; set => _set += i + "=" + value + ";"; }
        public readonly string Who => "s" + _set;
    }

    public sealed class InitSlotsClass14 : IInitSlots14
    {
        private string _set = "";
        public int this[int i] { get => i; set => _set += i + "=" + value + ";"; }
        public string Who => "c" + _set;
    }

    public sealed class InitField14<T> where T : new()
    {
        public T F = new();
    }

    public sealed class InitHolder14
    {
        public InitSlots14 S;
        public InitSlots14[] A = new InitSlots14[2];
    }

    public sealed class LoggedElement14
    {
        private readonly Log _log;
        private int _x;
        public LoggedElement14(Log log) => _log = log;
        public int X { get => _x; set { _log.Add("setX" + value); _x = value; } }
        public int Y { set => _log.Add("setY" + value); }
    }

    // Its indexer logs each read: C# reads the element once per member of `[k] = { ... }`.
    public sealed class LoggedElements14
    {
        private readonly Log _log;
        public readonly LoggedElement14[] Items;
        public LoggedElements14(Log log) { _log = log; Items = new[] { new LoggedElement14(log), new LoggedElement14(log) }; }
        public LoggedElement14 this[int i] { get { _log.Add("element" + i); return Items[i]; } }
    }
}

public static partial class Cases
{
    // Bug 4 (refused where async accepts): an index initializer in an initializer that also sets an init-only
    // member (`new Settings14 { Name = Tw("x"), ["k"] = 1 }`) was refused (GOSH0010): that path created the object
    // with its init-only members and then ran only nested initializers. Index initializers after the last member
    // assignment now run on the created object too, in order, as nested ones do.
    [Goroutine]
    public static string Rt14IndexInitializersAfterInitOnly(Log log, int n)
    {
        var a = new Settings14 { Log = log, Name = Tw("x" + n), [log.L("k", 1)] = Tw(log.L("v", 2)), [3] = log.L("w", n) };
        var b = new Settings14 { Log = log, Name = "y", Tags = { Tw(n) }, [Tw(4)] = 5, Inner = { [Tw(6)] = 7 } };
        return a + "|" + b;
    }

    // Bug (refused where async accepts): a member set after an index initializer on a class whose constructor runs
    // no code (`new Settings14 { ["k"] = Tw(1), Name = "x" }`) took the one-expression path, which cannot set a
    // member after an index initializer, so it was refused (GOSH0010); like a member after a nested initializer,
    // the object is now created first and each member set in order, the init-only one through its accessor.
    [Goroutine]
    public static string Rt14InitOnlyAfterIndexInitializer(Log log, int n)
    {
        var a = new Settings14 { Log = log, [log.L("k", 1)] = Tw(n), Name = log.L("n", "x"), [Tw(2)] = 3 };
        var b = new Settings14 { Log = log, [4] = 5, Name = Tw("y" + n) };
        return a + "|" + b;
    }

    public sealed class Settings14
    {
        private string _set = "";
        // Set in the initializer: a constructor that runs code is refused with init-only members (values first).
        public Log? Log { get; set; }
        public string Name { get; init; } = "";
        public List<int> Tags { get; } = new();
        public InitSlotsClass14 Inner { get; } = new();
        public int this[int k]
        {
            get => k;
            set { Log?.Add("set" + k + "=" + value); _set += k + "=" + value + ";"; }
        }
        public override string ToString() => Name + ":" + string.Join("", Tags) + ":" + _set + ":" + Inner.Who;
    }

    // Two of the day's changes met here: an init-only member after a nested initializer of a class was refused
    // (the object was made with its init-only members first); a class is now made first and each member set in
    // order, an init-only one through its accessor, so `Tags.Add` runs before X's accessor, as in C#.
    [Goroutine]
    public static string Rt14InitOnlyAfterNestedOnAClass(Log log, int n)
    {
        var o = new InitOuter14(log) { Tags = { Tw(n), log.L("t", 2) }, X = log.L("x", Tw(3)) };
        return o.Tags.Count + "," + o.X;
    }
}

public sealed class InitOuter14(Log log)
{
    private readonly int _x;
    public List<int> Tags { get; } = new();
    public int X { get => _x; init { log.Add("init x " + value + " after " + Tags.Count); _x = value; } }
}
