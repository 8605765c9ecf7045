using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Collections built by Add calls with caller-info parameters: a collection initializer's elements get the
// member's name and the element's text written out; a collection expression's get the line through the span
// directives (its [CallerMemberName]/[CallerArgumentExpression] are refused: CallerInfoCollectionTests).
public static partial class Cases
{
    [Goroutine]
    public static string CallerInfoCollectionInitializer(Log log, int n)
    {
        var b = new CiBag { 1, n + Tw(1),
            Tw(n) * 2 };
        Go.Yield();
        CiLines l = [n, Tw(n + 1),
            n + 2];
        CiLines k = [.. l.Seen, Tw(3)];
        return string.Join(",", b.Seen) + "|" + string.Join(",", l.Seen) + "|" + k.Seen.Count;
    }

    public sealed class CiBag : IEnumerable<int>
    {
        public List<string> Seen { get; } = new();
        public void Add(int x, [CallerMemberName] string m = "", [CallerArgumentExpression(nameof(x))] string e = "", [CallerLineNumber] int line = 0) =>
            Seen.Add(x + ":" + m + ":" + e + ":" + line);
        public IEnumerator<int> GetEnumerator() => Seen.Select(s => s.Length).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public sealed class CiLines : IEnumerable<int>
    {
        public List<int> Seen { get; } = new();
        public void Add(int x, [CallerLineNumber] int line = 0) => Seen.Add(x * 1000 + line);
        public IEnumerator<int> GetEnumerator() => Seen.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
