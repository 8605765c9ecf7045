using System;
using System.Collections.Generic;
using System.Text;

namespace GoSharp.Generator.Tests.Execution;

public struct RvInBox { public int X; }
public sealed class RvInReader
{
    public static RvInBox G;
    public string Seen = "";
    public string Other = "";
    public RvInReader(int a, in RvInBox b) { G.X += 42; Seen = a + ":" + b.X; }
}

public sealed class RvEvents
{
    public static event Func<int, string>? E;
    public static int SwapE(string tag) { E = x => tag + x; return 0; }
    public static void Reset() { E = x => "oldE" + x; }
}

// Issue 8: the review of stop 25's generator changes (dynamic holes, type-parameter spreads, f.Invoke, checked
// arguments, a foreach over dynamic into a wider type).
public static partial class Cases
{
    [Goroutine]
    public static string RvFmtDynamicHole(Log log, int n)
    {
        var sb = new StringBuilder("a");
        dynamic d = n;
        var s = $"{sb}{d}{Tw(sb.Append('b')).Length}";
        return s;
    }

    [Goroutine]
    public static string RvFmtForeachDynamicHole(Log log, int n)
    {
        var r = "";
        dynamic xs = new List<int> { 1, n };
        foreach (var e in xs)
        {
            var sb = new StringBuilder("a");
            r += $"{sb}{e}{Tw(sb.Append('c')).Length}";
        }
        return r;
    }

    [Goroutine]
    public static string RvDlgInvokeMember(Log log, int n)
    {
        Func<int, string> f = x => "old" + x;
        var h = new DelegateHolder();
        Action<string> a = x => log.Add(x);
        var s = f.Invoke(Tw(n)) + h.F.Invoke(Tw(n + 1));
        a.Invoke(Tw("logged"));
        return s + f(DelegateHolder.Swap(ref f, "new") + Tw(n));
    }

    [Goroutine]
    public static string RvSpreadTypeParamHelper<T>(T src) where T : List<int>
    {
        int[] a = [.. src, AddTo(src, 9) + Tw(1), .. src];
        return string.Join(",", a);
    }

    [Goroutine]
    public static string RvSpreadTypeParam(Log log, int n)
    {
        return RvSpreadTypeParamHelper(new List<int> { 1, n });
    }

    [Goroutine]
    public static string RvCheckedInArgument(Log log, int n)
    {
        RvInReader.G = new RvInBox { X = n };
        RvInReader r;
        checked { r = new RvInReader(n, RvInReader.G) { Other = Tw("o") }; }
        return r.Seen + r.Other;
    }
}
