using System;
using System.Collections.Generic;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle's fifth round of new codebases, each reduced to a differential case.
public static partial class Cases
{
    // System.Linq.Dynamic.Core's ExpressionParser.CreateNewExpression: in a loop that suspends,
    // `properties.Select((p, index) => new { p, index }).First(p => p.p.Name == cParameterName)`, a lambda whose
    // delegate type holds an anonymous type and that captures a per-iteration variable. Async accepts it; the
    // generator refused it (GOSH0010), as the environment it captures was bound through a cast to the delegate
    // type, which cannot be written; it is bound by example now (__GoCapture). The deferred Where and query run
    // after the loop, so each must have kept its own iteration's variables.
    [Goroutine]
    public static string C5AnonymousDelegateCapturesAnIteration(Log log, int n)
    {
        var rows = new[] { "a", "bb", "ccc", "dd", "e" }.Select((p, index) => new { p, index }).ToArray();
        var later = new List<IEnumerable<int>>();
        var s = "";
        for (var i = 0; i < n + 2; i++)
        {
            var len = Tw(i % 3 + 1);
            var first = rows.First(r => r.p.Length == len);
            s += first.index + " ";
            later.Add(rows.Where(r => r.p.Length >= len).Select(r => r.index));
            var q = from r in rows where r.p.Length == len select new { r.index, len };
            later.Add(q.Select(x => x.index * 10 + x.len));
            var add = (int x, int y = 2) => x + y + len;
            log.Add("add " + add(i));
            Go.Yield();
        }
        foreach (var e in later) s += "[" + string.Join(",", e) + "]";
        return s;
    }

    // ZString's Utf8Format: a ref struct local (`var indexParse = FormatParser.Parse(format, i);`, whose FormatString is a
    // span) read in one section of a switch that then continues the loop, dead in the others, which suspend
    // (`ExceptionUtil.ThrowFormatException()`). Async accepts it (liveness); the generator refused it (GOSH0008), as
    // a suspending switch was no statement it looked into. Its sections are scanned as an if's branches now.
    [Goroutine]
    public static string C5RefStructDeadInTheSwitchSectionsThatSuspend(Log log, int n)
    {
        var format = "a{0}b{1}c" + new string('d', n);
        var s = "";
        for (var i = 0; i < format.Length; i++)
        {
            var p = C5ParseAt(format, i);
            i = p.Last - 1;
            var w = p.Text.Length;
            switch (p.Index)
            {
                case 0:
                    s += "[" + p.Text.ToString() + w + "]";
                    continue;
                case 1:
                    s += Tw(w);
                    break;
                default:
                    log.Add("default " + Tw(i));
                    break;
            }
            s += Tw(i) + ";";
        }
        return s;
    }

    private static C5Parse C5ParseAt(string s, int i) =>
        new() { Index = i % 3, Text = s.AsSpan(i, Math.Min(2, s.Length - i)), Last = i + 1 };
}

public ref struct C5Parse
{
    public int Index;
    public ReadOnlySpan<char> Text;
    public int Last;
}
