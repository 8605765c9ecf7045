using System;
using System.Collections.Generic;
using System.Text;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): combinations of the classes above, and constructs where C# evaluates interleaved with
// side effects the spilling might reorder: interpolated strings, null-conditional assignment (C# 14),
// struct object initializers, complex collection initializers, foreach over a struct enumerator.
public static partial class Cases
{
    [Goroutine]
    public static string CmbInterpolationIntoStringThenAppend(Log log, int n)
    {
        // Into a string (no custom handler), holes run left to right before the string exists.
        var sb = new StringBuilder("x");
        string text = $"abc{sb.Length}-{Tw(n)}{log.L("h", sb.Length)}";
        sb.Append(text).Append($"[{sb.Length}]{Tw("!")}".ToString());
        return sb.ToString();
    }

    [Goroutine]
    public static string CmbNullConditionalAssignment(Log log, int n)
    {
        Box? box = n > 0 ? new Box() : null;
        box?.Value = Tw(log.L("v", 5));
        box?.Name = log.L("name", "nm") + Tw(n);
        box?.Field += Tw(3) * 2;
        Box?[] boxes = { box, null };
        boxes[Tw(1)]?.Value = log.L("never", 9);
        boxes[0]?.Items.Add(Tw(4));
        int[]? arr = n > 1 ? new int[3] : null;
        arr?[log.L("ai", 1)] = Tw(log.L("av", 7));
        arr?[Tw(2)] += Tw(3) * n;
        log.Add("arr " + (arr is null ? "null" : string.Join(",", arr)));
        var cell = n > 0 ? new CmpCell(log, 1) : null;
        cell?.S ??= Tw("s") + n;
        cell?[Tw(4)] *= log.L("mul", 3) + Tw(1);
        return box is null ? "null" : $"{box.Value},{box.Name},{box.Field},{box.Items.Count}";
    }

    [Goroutine]
    public static string CmbStructInitializersAndAnonymous(Log log, int n)
    {
        var p = new CmpPoint { X = Tw(log.L("x", 1)), Y = log.L("y", 2) + Tw(n) };
        var r = new CmpRect { A = { X = Tw(3) }, B = new CmpPoint { Y = Tw(4) } };
        var anon = new { First = log.L("first", 1), Second = Tw(log.L("second", "s")), Third = p.X + Tw(n) };
        var dict = new Dictionary<int, string> { { log.L("k1", 1), Tw("one") }, { Tw(2), log.L("two", "two") } };
        return $"{p.X},{p.Y}|{r.A.X},{r.B.Y}|{anon.First},{anon.Second},{anon.Third}|{dict[1]},{dict[2]}";
    }

    [Goroutine]
    public static int CmbStructEnumeratorForeach(Log log, int n)
    {
        var list = new List<int> { 1, 2, 3 };
        var total = 0;
        foreach (var v in list)
        {
            total += Tw(v) * 10;
            if (v == n) break;
        }
        try
        {
            foreach (var v in list)
            {
                Go.Yield();
                if (v == 2 && n > 0) list.Add(99);
                total += v;
            }
        }
        catch (InvalidOperationException)
        {
            log.Add("modified");
        }
        return total;
    }

    [Goroutine]
    public static string CmbFilterCaptureLoopCompound(Log log, int n)
    {
        var fs = new List<Func<string>>();
        var errors = 0;
        for (var i = 0; i < 3; i++)
        {
            var local = new StringBuilder("b" + i);
            try
            {
                local.Append(Tw(i));
                if ((i + n) % 2 == 0) throw new InvalidOperationException("e" + i);
                fs.Add(() => local.ToString());
            }
            catch (InvalidOperationException e) when (local.Length > 1 && errors++ < 5)
            {
                var msg = e.Message;
                Go.Yield();
                fs.Add(() => msg + local);
                errors *= 1 + Tw(1);
            }
            finally
            {
                local.Append(Tw("f"));
            }
        }
        var s = "";
        foreach (var f in fs) s += f() + ",";
        return s + errors;
    }

    [Goroutine]
    public static string CmbDeconstructCompoundChecked(Log log, int n)
    {
        var a = new[] { int.MaxValue - 5, 0 };
        var s = "";
        try
        {
            checked
            {
                (a[log.L("i", 1)], a[0]) = (Tw(a[0]) + 1, a[0] + Tw(n));
                a[0] += Tw(2) + n;
                s += "ok ";
            }
        }
        catch (OverflowException)
        {
            s += "overflow ";
        }
        var (x, y) = (a[0] -= Tw(1), a[1] *= 2 - Tw(1));
        return s + string.Join(",", a) + "|" + x + "," + y;
    }

    [Goroutine]
    public static string CmbUsingFilterGotoCombination(Log log, int n)
    {
        var s = "";
        var attempt = 0;
    again:
        attempt++;
        try
        {
            using (Res a = new Res(log, "a" + attempt), b = new Res(log, "b" + Tw(attempt)))
            {
                if (attempt <= n) throw new InvalidOperationException("attempt" + attempt);
                s += "success" + attempt;
            }
        }
        catch (InvalidOperationException e) when (log.L("filter " + e.Message, attempt < 3))
        {
            s += "retry;";
            Go.Yield();
            goto again;
        }
        catch (InvalidOperationException)
        {
            s += "gave up;";
        }
        return s;
    }

    [Goroutine]
    public static string CmbNestedGoroutineInExpressions(Log log, int n)
    {
        var box = n > 0 ? new Box { Value = n } : null;
        var a = box?.Value > 0 ? CmbGo(log, box.Value) : CmbGo(log, -1);
        var b = CmbGo(log, 1) + CmbGo(log, Tw(2)) * CmbGo(log, 3);
        var c = n switch { 0 => CmbGo(log, 10), _ => CmbGo(log, n) + Tw(100) };
        var d = (n > 1 && CmbGo(log, 4) > 0) || CmbGo(log, 5) > 100;
        var e = $"{CmbGo(log, 6)}:{Tw(7)}:{CmbGo(log, 8)}";
        return $"{a},{b},{c},{d},{e}";
    }

    [Goroutine]
    private static int CmbGo(Log log, int v)
    {
        log.Add("go " + v);
        Sp.Pause();
        return v * 2;
    }
}
