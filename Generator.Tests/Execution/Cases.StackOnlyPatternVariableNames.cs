using System;

namespace GoSharp.Generator.Tests.Execution;

/// <summary>A ref struct of the user's own, with a field a condition can change.</summary>
public ref struct SpnCounter
{
    public int V;
    public SpnCounter(int v) { V = v; }
}

// Span pattern variables an if's test keeps (StackOnlyPatternVariables.cs) are declared in the frame's one flattened
// scope: the same name in sibling blocks must not clash, the leading one the branch reads is the same variable in the
// test and in the branch, and what its tested expression declares is the frame's.
public static partial class Cases
{
    [Goroutine]
    public static string SpnSiblingBlocksKeepingTheName(Log log, int n)
    {
        var s = "hello" + n;
        var x = 0;
        if (n % 2 == 0) { if (s.AsSpan(1) is var sp && sp.Length > 0) x += Tw(1); }
        else { if (s.AsSpan(2) is var sp && sp.Length > 0) x += Tw(2); }
        if (n % 2 == 0) { if (s.AsSpan(1) is var sp && sp.Length > 0) x += sp[0] + Tw(3); }
        else { if (s.AsSpan(2) is var sp && sp.Length > 0) x += sp[0] + Tw(4); }
        return "x" + x;
    }

    [Goroutine]
    public static string SpnLeadingVariableChangedByTheTest(Log log, int n)
    {
        var x = 0;
        if (new SpnCounter(n) is var c && (c.V += 10) > 0) x = c.V + Tw(1);
        return "x" + x;
    }

    [Goroutine]
    public static string SpnOutVariableOfTheTestedExpression(Log log, int n)
    {
        var s = "abcd" + n;
        var x = 0;
        if (SpnMake(s, out var k) is var sp && sp.Length > k) x += sp[0] + Tw(k);
        return s + x + k;
    }

    private static ReadOnlySpan<char> SpnMake(string s, out int k)
    {
        k = s.Length % 3 + 1;
        return s.AsSpan();
    }
}
