using System;

namespace GoSharp.Generator.Tests.Execution;

// Stack-only locals (spans, ref locals) among gotos, goto case and declarations of several locals, which the async
// oracle of ExpressionPropertyTests.StackOnly.cs found refused (GOSH0008) where C# 13 async accepts them: a
// declaration of two spans was decided as one local (the one assigned anew after a suspension point refused the
// other); a label anywhere after the declaration turned assignments anew off; a goto case refused the switch; a label
// a later goto jumps back to was a suspension point (its preemption check a state) even with no suspension point in
// the goto loop; a break before a switch section's end refused the switch. Each is accepted now and must run as a
// plain call does.
public static partial class Cases
{
    [Goroutine]
    public static string SjTwoSpansOfOneDeclaration(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        var b = new[] { 5, 6, 7, 8 };
        var x = n;
        Span<int> s = a, t = b;
        t[1] += s[2];
        s = a.AsSpan(Tw(1) % 4);
        s[0] += n;
        ref int r = ref a[0], w = ref b[n % 4];
        w += r;
        x += Tw(r);
        r = ref b[Tw(2)];
        r += 4;
        log.Add("x" + x);
        return x + "|" + string.Join(",", a) + "|" + string.Join(",", b);
    }

    [Goroutine]
    public static string SjAssignedAnewAfterALabel(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        var x = n;
        Span<int> s = a;
        int c = 0;
    again:
        s = a.AsSpan(Tw(c));
        s[0] += 10;
        x += Tw(s.Length);
        if (++c < 2 + n % 2) goto again;
        return x + "|" + string.Join(",", a);
    }

    [Goroutine]
    public static string SjGotoCaseBetweenSectionsThatAssignAnew(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        var x = n;
        Span<int> s = a;
        switch (n % 3)
        {
            case 0:
                s = a.AsSpan(Tw(1));
                s[0] += 5;
                goto case 1;
            case 1:
                x += Tw(x);
                s = a.AsSpan(2);
                s[1] += x;
                goto default;
            default:
                s = a;
                x += s[3];
                break;
        }
        x += s[0];
        return x + "|" + string.Join(",", a);
    }

    [Goroutine]
    public static string SjGotoLoopWithNoSuspensionAmongSpans(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        var b = new[] { 5, 6, 7, 8 };
        var x = Tw(n);
        Span<int> s = a, t = b;
        int c = 0;
    again:
        x++;
        s[2] += 3;
        t = b.AsSpan(c);
        if (++c < 3 && t[0] >= 0) goto again;
        x += t[0] + s[2];
        x += Tw(1);
        log.Add("x" + x);
        return x + "|" + string.Join(",", a) + "|" + string.Join(",", b);
    }

    // The value is dead at a label a goto reaches after a suspension point: assigned anew there, it is accepted;
    // read there without, it stays GOSH0008 (StackOnlyLocalDiagnosticTests), as async refuses it.
    [Goroutine]
    public static string SjLabelReachedAfterASuspensionAssignsAnew(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        var x = n;
        ref int r = ref a[0];
        int c = 0;
    top:
        r = ref a[c % 4];
        r += c + 1;
        x += Tw(r);
        if (++c < 3)
        {
            log.Add("c" + c);
            goto top;
        }
        return x + "|" + string.Join(",", a);
    }

    [Goroutine]
    public static string SjBreakBeforeASectionsEnd(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        var x = n;
        Span<int> s = a;
        switch (n % 2)
        {
            case 0:
                {
                    s[0] += 1;
                    if (x > 1) break;
                    x += Tw(1);
                    s = a.AsSpan(1);
                    break;
                }
            default:
                s[1] += 2;
                if (Tw(x) > 2) { s = a.AsSpan(2); break; }
                s = a;
                break;
        }
        x += s[0];
        log.Add("x" + x);
        return x + "|" + string.Join(",", a);
    }

    // The label heading a goto loop that suspends is no state among spans either: a state there resumed with the
    // span lost (CS0165 in the generated code, between two commits of this change; GOSH0008 before it).
    [Goroutine]
    public static string SjGotoLoopThatSuspendsAmongSpans(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        var x = n;
        Span<int> s = a;
        int c = 0;
    again:
        s[0] += 1;
        x += Tw(c);
        s = a.AsSpan(1 + n % 2);
        if (++c < 3) goto again;
        s[1] += x;
        log.Add("x" + x);
        return x + "|" + string.Join(",", a);
    }

    // Only the sections a goto case or goto default jumps to start with the value dead: a section entered from the
    // switch's dispatch alone keeps it (case 0 here reads s). Every section started dead, so this was GOSH0008 where
    // async accepts it.
    [Goroutine]
    public static string SjGotoDefaultFromASectionThatReadsTheSpan(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        var x = n;
        Span<int> s = a;
        switch (n % 3)
        {
            case 0:
                s[0] += 1;
                goto default;
            case 1:
                s[2] = 0;
                x += Tw(1);
                break;
            default:
                s = a.AsSpan(1);
                s[0] += x;
                if (x > 0) break;
                x += Tw(2);
                break;
        }
        x += Tw(a[0]);
        log.Add("x" + x);
        return x + "|" + string.Join(",", a);
    }

    // A declaration the label of a goto loop heads (`L: Span<int> s = ...;`) was never taken as a stack-only local
    // (only a bare declaration was looked at), so it was GOSH0008 where async accepts it: the goto back runs the
    // declaration again, and the value is read before each suspension point only.
    [Goroutine]
    public static string SjLabelledDeclarationHeadsAGotoLoop(Log log, int n)
    {
        var a = new[] { 1, 2, 3, 4 };
        var x = n;
        int c = 0;
    again:
        Span<int> s = a.AsSpan(c % 3);
        s[0] += s.Length;
        x += Tw(s[0]);
        if (++c < 3) goto again;
        switch (n % 2)
        {
            case 0:
            top:
                ref int r = ref a[c % 4];
                r += 10;
                x += Tw(r);
                if (++c < 6) goto top;
                break;
            default:
                log.Add("odd");
                break;
        }
        log.Add("x" + x);
        return x + "|" + string.Join(",", a);
    }
}
