using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): compound assignments whose right side is a binary expression holding suspension points,
// on every kind of location. C# evaluates the location's receiver and indexes, reads its old value, then
// evaluates the right side, then stores once (a getter and a setter each run once).
public static partial class Cases
{
    [Goroutine]
    public static string CmpArrayElementOrder(Log log, int n)
    {
        var a = new[] { 10, 20, 30, 40 };
        a[log.L("i", n % 4)] -= log.L("l", 1) * Tw(log.L("r", 3)) + 2;
        a[Tw(log.L("j", 1))] /= 1 + Tw(n);
        a[log.L("k", 2) + Tw(1) - 1] %= Tw(7) - 2 * Tw(1);
        a[0] <<= Tw(1) + Tw(1);
        a[3] >>= n + Tw(1);
        a[Tw(2)] ^= Tw(5) | log.L("or", 8);
        return string.Join(",", a);
    }

    [Goroutine]
    public static string CmpOldValueReadBeforeRightSide(Log log, int n)
    {
        // The right side changes the location; C# already read the old value, so the change is lost.
        var a = new[] { 1, 2 };
        a[0] += (a[0] = 100) + Tw(n);
        var cell = new CmpCell(log, 5);
        cell.V *= cell.Bump(10) + Tw(2);
        cell[3] -= cell.Put(3, 50) + Tw(1);
        int x = 7;
        x += (x = 1000) * Tw(1) + x;
        var box = new Box { Field = 4 };
        box.Field *= (box.Field = 9) - Tw(n);
        return string.Join(",", a) + "|" + cell.V + "|" + cell[3] + "|" + x + "|" + box.Field;
    }

    [Goroutine]
    public static string CmpPropertiesAndIndexersOnce(Log log, int n)
    {
        var cell = new CmpCell(log, n);
        cell.Self("a").V += 3 * Tw(2) - 1;
        cell.Self("b")[log.L("idx", 4)] *= Tw(3) + log.L("rhs", 1);
        cell.Self("c")[Tw(5)] <<= 1 + Tw(n % 3);
        cell.Self("d").S ??= "s" + Tw(n) + log.L("t", "!");
        cell.Self("e").S ??= "never" + Tw(0);
        cell.Self("f").S += Tw(1) + 2 + "x";
        return cell.V + "|" + cell.S;
    }

    [Goroutine]
    public static string CmpStructLocalFields(Log log, int n)
    {
        var p = new CmpPoint { X = n + 1, Y = 2 };
        p.X *= 2 + Tw(3);
        p.Y -= Tw(p.X) - 1;
        var r = new CmpRect { A = p, B = new CmpPoint { X = 10 } };
        r.B.X /= 1 + Tw(1);
        r.A.Y %= Tw(4) + 1;
        var pts = new CmpPoint[3];
        pts[Tw(n % 3)].X += 5 * Tw(2);
        pts[log.L("pi", 1)].Y -= log.L("py", 3) + Tw(4);
        var h = new CmpRectHolder();
        h.R.A.X += Tw(7) * 2;
        return $"{p.X},{p.Y}|{r.A.X},{r.A.Y},{r.B.X}|{pts[0].X},{pts[1].X},{pts[1].Y},{pts[2].X}|{h.R.A.X}";
    }

    [Goroutine]
    public static string CmpNullCoalescingLocations(Log log, int n)
    {
        var names = new string?[3];
        names[n % 3] = "set";
        names[Tw(0)] ??= "a" + Tw(n);
        names[log.L("i", 1)] ??= log.L("b", "b") + Tw(2);
        names[2] ??= n > 1 ? Tw("c") : null;
        int?[] nums = { null, 5 };
        nums[Tw(1)] ??= Tw(100) * 2;
        nums[0] ??= nums[1] + Tw(1);
        var box = new Box();
        var got = box.Name ??= Tw("first") + n;
        got += box.Name ??= "second" + Tw(1);
        string? s = n == 0 ? "z" : null;
        var len = (s ??= Tw("abc")).Length;
        return string.Join(",", names) + "|" + nums[0] + "," + nums[1] + "|" + got + "|" + len;
    }

    [Goroutine]
    public static string CmpNarrowingAndNullable(Log log, int n)
    {
        byte b = 250;
        b += (byte)Tw(3);
        b += Tw((byte)10);
        short sh = 3;
        sh <<= Tw(13) + n;
        char c = 'a';
        c += (char)(Tw(1) + n);
        int? u = n > 0 ? n : null;
        u += Tw(2) * 3;
        u *= u + Tw(1);
        double d = 1.5;
        d /= 2 + Tw(0.5);
        decimal m = 10m;
        m -= Tw(0.25m) * n;
        long l = 1;
        l <<= Tw(40) + n;
        uint ui = 1;
        ui -= (uint)Tw(2);
        return $"{b},{sh},{c},{u},{d},{m},{l},{ui}";
    }

    [Goroutine]
    public static string CmpCheckedOverflow(Log log, int n)
    {
        var s = "";
        int big = int.MaxValue - 1;
        try { checked { big += Tw(n) + 1; } s += "ok " + big; }
        catch (OverflowException) { s += "overflow1"; }
        byte b = 250;
        try { checked { b += (byte)(Tw(3) + n); } s += ",b=" + b; }
        catch (OverflowException) { s += ",overflow2"; }
        var a = new[] { int.MinValue + 1 };
        try { a[Tw(0)] -= checked(Tw(n) * 1); s += ",a=" + a[0]; }
        catch (OverflowException) { s += ",overflow3"; }
        try { checked { a[0] -= Tw(1) - n; } s += ",a=" + a[0]; }
        catch (OverflowException) { s += ",overflow4"; }
        var box = new Box { Value = 1 << 30 };
        try { checked { box.Value *= 1 + Tw(n); } s += ",v=" + box.Value; }
        catch (OverflowException) { s += ",overflow5 v=" + box.Value; }
        unchecked { box.Value *= 3 + Tw(1); }
        return s + ",u=" + box.Value;
    }

    [Goroutine]
    public static string CmpStringAppends(Log log, int n)
    {
        var s = "s";
        s += $"<{Tw(n)}>" + Tw("q") + n;
        s += Tw('c');
        s += n + Tw(1) + "k";
        s += null;
        s += Tw<object?>(null) + "|";
        var arr = new[] { "a", "b" };
        arr[Tw(n % 2)] += Tw(1) * 10 + "z";
        var box = new Box { Name = "nm" };
        box.Name += Tw(box.Name.Length) + (n > 1 ? "!" : "?");
        return s + "|" + string.Join(",", arr) + "|" + box.Name;
    }

    [Goroutine]
    public static int CmpAsValuesAndChains(Log log, int n)
    {
        var a = new[] { 1, 2, 3 };
        var r = (a[0] += Tw(1)) * (a[0] -= Tw(n)) + (a[1] *= a[2] += Tw(1));
        int x = 2, y = 3, z = 4;
        x += y *= z -= Tw(1) + n;
        var cell = new CmpCell(log, 2);
        var w = cell.V += cell.V *= Tw(3);
        log.Add($"r={r} a={string.Join(",", a)} x={x} y={y} z={z} w={w}");
        return r + x + y + z + w + cell.V;
    }

    [Goroutine]
    public static int CmpInLoopsAndConditions(Log log, int n)
    {
        var acc = new[] { 1, 1 };
        var box = new Box { Value = 1 };
        for (var i = 0; i < 4; i += Tw(1) + 0)
        {
            acc[i % 2] += i * Tw(2) + (i > 1 ? Tw(i) : 0);
            if ((box.Value *= 1 + Tw(i % 2)) > 3) box.Value -= Tw(1) + n;
            while ((acc[0] -= Tw(1)) > 5) log.Add("w" + acc[0]);
        }
        return acc[0] * 1000 + acc[1] * 10 + box.Value;
    }

    [Goroutine]
    public static string CmpStaticsAndOtherTypes(Log log, int n)
    {
        CmpStatics.Count = n;
        CmpStatics.Count += Tw(3) * 2;
        CmpStatics.Prop = "p";
        CmpStatics.Prop += Tw(n) + "-" + Tw(1);
        CmpStatics.Arr = new[] { 1, 2, 3 };
        CmpStatics.Arr[Tw(1)] -= 5 + Tw(n);
        CmpStatics.Dict[Tw("k")] = 1;
        CmpStatics.Dict["k"] += Tw(4) * n;
        return CmpStatics.Count + "|" + CmpStatics.Prop + "|" + CmpStatics.Arr[1] + "|" + CmpStatics.Dict["k"];
    }
}

public sealed class CmpCell
{
    private readonly Log _log;
    private int _v;
    private readonly Dictionary<int, int> _d = new();
    public CmpCell(Log log, int v) { _log = log; _v = v; }
    public int V { get { _log.Add("get V=" + _v); return _v; } set { _log.Add("set V=" + value); _v = value; } }
    public int this[int i]
    {
        get { var x = _d.TryGetValue(i, out var v) ? v : i; _log.Add($"get [{i}]={x}"); return x; }
        set { _log.Add($"set [{i}]={value}"); _d[i] = value; }
    }
    private string? _s;
    public string? S { get { _log.Add("get S=" + _s); return _s; } set { _log.Add("set S=" + value); _s = value; } }
    public CmpCell Self(string tag) { _log.Add("self " + tag); return this; }
    public int Bump(int v) { _v = v; return v; }
    public int Put(int i, int v) { _d[i] = v; return v; }
}

public struct CmpPoint { public int X; public int Y; }

public struct CmpRect { public CmpPoint A; public CmpPoint B; }

public sealed class CmpRectHolder { public CmpRect R; }

public static class CmpStatics
{
    public static int Count;
    public static string Prop { get; set; } = "";
    public static int[] Arr = { 1, 2, 3 };
    public static Dictionary<string, int> Dict = new();
}
