using System;
using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// GOSH0008 for ref locals and ref struct locals live across a suspension point, and the shapes C# 13's liveness
/// accepts in an async method, which the generator accepts too.
/// </summary>
public class StackOnlyLocalDiagnosticTests
{
    private static void Expect(string id, string markedSource) => DiagnosticTests.Expect(id, markedSource);

    [Fact]
    public void RefLocalAcrossSuspension() => Expect("GOSH0008", """
        public partial class C { [Goroutine] static void M(int[] a) { ref int [|r = ref a[0]|]; Go.Yield(); r++; } }
        """);

    [Fact]
    public void SpanAcrossSuspension() => Expect("GOSH0008", """
        public partial class C { [Goroutine] static void M(int[] a) { Span<int> [|s = a|]; Go.Yield(); s[0]++; } }
        """);

    [Fact]
    public void SpanAcrossASuspendingLoop() => Expect("GOSH0008", """
        public partial class C { [Goroutine] static void M(int[] a) { Span<int> [|s = a|]; for (var i = 0; i < 2; i++) { s[i]++; Go.Yield(); } } }
        """);

    [Fact]
    public void SpanAcrossASuspensionAfterAPlainLoop() => Expect("GOSH0008", """
        public partial class C { [Goroutine] static void M(int[] a) { Span<int> [|s = a|]; for (var i = 0; i < 2; i++) s[i]++; Go.Yield(); s[0]++; } }
        """);

    // Dead at the suspension point (not read from it on): async accepts it (C# 13 refuses by liveness, CS4007 and
    // CS9217), and so does the generator (StackOnlyLocals.cs; run in Cases.StackOnlyLocalsDeadAtTheSuspension).
    // Mentioned in the suspending statement or after it, it stays refused, but where a statement assigns it anew
    // (`Go.Yield(); s = default;`, run in Cases.Issue8.StackLocalsAssignedAnew.cs), also in each branch of an `if`
    // that suspends (Cases.Corpus3.cs).
    [Theory]
    [InlineData("Span<int> [|s = a|]; for (var i = 0; i < 2; i++) s[i]++; { s[0]++; Go.Yield(); } s[1]++;")]
    [InlineData("ref int [|r = ref a[0]|]; if (a.Length > 1) { Go.Yield(); } r++;")]
    [InlineData("ref int [|r = ref a[0]|]; if (a.Length > 1) { Go.Yield(); r = ref a[1]; } else Go.Yield(); r++;")]
    [InlineData("ref int [|r = ref a[0]|]; r++; Go.Yield(); if (a.Length > 5) r++;")]
    // A branch that suspends and leaves by goto to a later label carries the value there (it was taken for a branch
    // that joins no later mention: CS0165 in the generated code).
    [InlineData("ref int [|r = ref a[0]|]; if (a.Length > 1) { Go.Yield(); goto L; } a[1]++; L: r++;")]
    [InlineData("Span<int> [|s = a|]; if (a.Length > 1) { Go.Yield(); goto L; } a[1]++; L: s[0]++;")]
    [InlineData("Span<int> [|s = a.AsSpan(int.TryParse(\"0\", out var k) ? k : 0)|]; s[0]++; Go.Yield(); a[0] = k;")]
    // `r = 5` of a ref local writes through the reference (ZLinq's HashSetSlim, `bucket = entryIndex + 1`): it was
    // taken for an assignment anew, and the generated code read a local that resuming had jumped past (CS0165).
    [InlineData("ref int [|r = ref a[0]|]; var t = r; Go.Yield(); r = 5;")]
    [InlineData("ref int [|r = ref a[0]|]; Go.Yield(); r = a.Length;")]
    // Inside a suspending try, using, foreach or for (StackOnlyCompounds.cs), where a mention before the first
    // suspension point is accepted (Cases.StackOnlyCompounds.cs): what runs after it still refuses, a catch, a filter or a
    // finally (entered from anywhere in the try), a loop's body, condition or incrementors (run again after it), a
    // part that suspends itself, and a mention after the suspension point in the try's block.
    [InlineData("Span<int> [|s = a|]; if (Id(1) + s[0] > 2) a[0]++;")]
    [InlineData("Span<int> [|s = a|]; if (s[0] + Id(1) > 2) s[1]++;")]
    [InlineData("ref int [|r = ref a[0]|]; switch (Id(0) + r) { default: break; }")]
    [InlineData("ref int [|r = ref a[0]|]; switch (r + Id(0)) { case 1: r++; break; }")]
    [InlineData("Span<int> [|s = a|]; foreach (var x in Id(a)[s[0]..]) { }")]
    [InlineData("Span<int> [|s = a|]; try { Go.Yield(); } catch (Exception) { s[0]++; }")]
    [InlineData("Span<int> [|s = a|]; try { Go.Yield(); } catch (Exception) when (s[0] > 0) { }")]
    [InlineData("ref int [|r = ref a[0]|]; try { r++; Go.Yield(); } finally { r++; }")]
    [InlineData("ref int [|r = ref a[0]|]; try { r++; Go.Yield(); r++; } finally { }")]
    [InlineData("Span<int> [|s = a|]; int i = 0; while (i < s[0]) { Go.Yield(); i++; }")]
    [InlineData("Span<int> [|s = a|]; foreach (var x in a) { s[0] += x; Go.Yield(); }")]
    [InlineData("Span<int> [|s = a|]; for (int i = 0; i < 2; i += s[0]) Go.Yield();")]
    [InlineData("Span<int> [|s = a|]; using (new System.IO.MemoryStream()) { Go.Yield(); s[0]++; }")]
    [InlineData("Span<int> [|s = a|]; try { Go.Yield(); } finally { } s[0]++;")]
    [InlineData("Span<int> [|s = a|]; using var d = new System.IO.MemoryStream(); s[0]++; Go.Yield(); s[1]++;")]
    // A label is reached by its gotos too (Cases.StackOnlyJumps.cs runs what is accepted): one reached with the value
    // dead, after a suspension point, a goto case after one, a goto loop that suspends, still refuse a mention after it.
    [InlineData("Span<int> [|s = a|]; int c = 0; L: s[0]++; Go.Yield(); if (++c < 2) goto L;")]
    [InlineData("Span<int> [|s = a|]; int c = 0; L: s[0]++; if (Id(++c) < 2) goto L;")]
    [InlineData("ref int [|r = ref a[0]|]; int c = 0; L: r++; if (++c < 2) { Go.Yield(); goto L; }")]
    [InlineData("Span<int> [|s = a|]; switch (a.Length % 2) { case 0: Go.Yield(); goto case 1; case 1: s[0]++; break; }")]
    [InlineData("Span<int> [|s = a|], t = a; t = a.AsSpan(Id(1)); Go.Yield(); s[0]++;")]
    [InlineData("Span<int> [|s = a|]; switch (a.Length % 2) { case 0: Go.Yield(); if (a[0] > 0) break; s = a; break; default: break; } s[0]++;")]
    public void StackOnlyLocalMentionedFromTheSuspensionOn(string body) => Expect("GOSH0008",
        "public partial class C { [Goroutine] static void M(int[] a) { " + body + " } [Goroutine] static T Id<T>(T x) { Go.Yield(); return x; } }");

    // Read before the suspension point in the statement that suspends (`s += Tw(sp[0])`), a stack-only local is a
    // local of Resume (run in Cases.Issue8.StackOnlyReads.cs); read after it, spilled as a ref struct value or a
    // location around it, or in a statement whose parts run again after it, it stays refused, as async refuses it
    // (CS4007, CS8178, CS9217).
    [Theory]
    [InlineData("Span<int> [|s = a|]; var t = Tw(1) + s[0];")]
    [InlineData("Span<int> [|s = a|]; var t = Take(s, Tw(1));")]
    [InlineData("Span<int> [|s = a|]; s[0] = Tw(1);")]
    [InlineData("Span<int> [|s = a|]; s[0] += Tw(1);")]
    [InlineData("Span<int> [|s = a|]; var t = UseIn(s[0], Tw(1));")]
    [InlineData("Span<int> [|s = a|]; var t = Tw(1) > 0 || s[0] > 0;")]
    [InlineData("Span<int> [|s = a|]; var t = Tw(Tw(1) + s[0]);")]
    [InlineData("Span<int> [|s = a|]; var t = Tw(s[0]); t += s[1];")]
    [InlineData("Span<int> [|s = a|]; while (s[0] < Tw(1)) a[0]++;")]
    [InlineData("ref int [|r = ref a[0]|]; var t = Tw(1) + r;")]
    [InlineData("ref int [|r = ref a[0]|]; r += Tw(1);")]
    [InlineData("Span<int> [|s = a|]; s = a.AsSpan(Tw(1)); var t = Tw(2); s[0]++;")]
    [InlineData("ref int [|r = ref a[0]|]; r = ref a[Tw(1)]; var t = Tw(2) + r;")]
    [InlineData("Span<int> [|s = a|]; s = s.Slice(Tw(1));")]
    [InlineData("ref int [|r = ref a[0]|]; r = ref a[Tw(r)];")]
    // `r = value;` writes through the reference (no new binding, as `r = ref x;` is): CS9217 for async.
    [InlineData("ref int [|r = ref a[0]|]; r = Tw(1);")]
    [InlineData("ref int [|r = ref a[0]|]; Go.Yield(); r = 5;")]
    [InlineData("ref int [|r = ref a[0]|]; Go.Yield(); r = ref a[1]; r = Tw(2);")]
    // Read in a suspending foreach's collection it is accepted (Cases.RedTeam13.cs); in its body, or after it, not.
    [InlineData("Span<int> [|s = a|]; foreach (var x in s.ToArray()) a[0] += Tw(x) + s[0];")]
    [InlineData("Span<int> [|s = a|]; foreach (var x in s.ToArray()) a[0] += Tw(x); s[0]++;")]
    // A channel's range suspends at each MoveNext, the first included: a read in its body, or after it, crosses it.
    [InlineData("var ch = new Chan<int>(); Span<int> [|s = a|]; foreach (var x in ch) { a[0] += x + s[0]; if (x > 9) { a[1] = Tw(x); return; } }")]
    [InlineData("var ch = new Chan<int>(); Span<int> [|s = a|]; foreach (var x in ch) { if (x > 9) { a[1] = Tw(x); return; } } s[0]++;")]
    // An element stored through a span that is no variable, after a suspending index: the span would cross it
    // (CS4007); with nothing suspending after the receiver it is lowered (Cases.SpanElementStores.cs). (Before a
    // suspending right side, `a.AsSpan(1)[0] = Tw(2)`, the reference the indexer gives is GOSH0017, CS8178.)
    [InlineData("[|Tw(a).AsSpan()|][Tw(1)] = 5;")]
    // A constructor's argument is read before the initializer's values (Cases.StackOnlyConstructorArguments.cs), but
    // not when read again after one, or passed to a constructor after a suspending argument (CS4007).
    [InlineData("Span<int> [|s = a|]; var o = new O(s) { X = Tw(1), Y = s[0] };")]
    [InlineData("Span<int> [|s = a|]; var o = new O(s, Tw(1)) { X = 2 };")]
    [InlineData("Span<int> [|s = a|]; var o = new O(a) { X = Tw(1), Y = new O(s).Y };")]
    public void StackOnlyLocalLiveAcrossTheSuspension(string body) => Expect("GOSH0008", """
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] static int[] Tw(int[] x) { Go.Yield(); return x; }
            static int Take(Span<int> s, int x) => s.Length + x;
            static int UseIn(in int a, int b) => a + b;
            [Goroutine] static void M(int[] a) { BODY }
        }
        public class O { public O(Span<int> s, int k = 0) { Y = s.Length + k; } public int X; public int Y; }
        """.Replace("BODY", body));

    // A span collection expression of elements only is built at the call, after the later arguments (run in
    // Cases.RedTeam13.cs); one with a spread reads the spread into the span as it is evaluated, which async refuses
    // across the later await (CS4007), and so does the generator.
    [Theory]
    [InlineData("var t = Sum([|[.. a, Tw(1)]|], Tw(2));")]
    [InlineData("var t = Sum([|[Tw(1), .. a]|], Tw(2));")]
    public void SpanCollectionWithASpreadBeforeASuspendingArgument(string body) => Expect("GOSH0008", """
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            static int Sum(ReadOnlySpan<int> s, int k) => s.Length + k;
            [Goroutine] static void M(int[] a) { BODY }
        }
        """.Replace("BODY", body));

    [Fact]
    public void ForEachOverASpanWithASuspendingBody() => Expect("GOSH0008", """
        public partial class C { [Goroutine] static int M(int[] a) { var t = 0; foreach (var x in [|a.AsSpan()|]) { t += x; Go.Yield(); } return t; } }
        """);

    // A ref to a ref struct read in a suspending try before its suspension point: async accepts it, but the try's
    // entry label must give it a dummy reference whose value escapes as far as its own (CS9096 otherwise). The
    // declaration's location again is one where it is a local or a field of one (run in Cases.StackOnlyRound30.cs);
    // a location a static method of this compilation returns gets the frame's twin of that method, returning a null
    // reference (run in Cases.AsyncAccepts.cs); one through an out argument (or an instance, generic or other
    // assembly's method) stays refused, as the twin would have to write it.
    [Fact]
    public void RefToARefStructFromACallReadInASuspendingTry() => Expect("GOSH0008", """
        public ref struct RS { public Span<int> S; }
        public partial class C
        {
            static ref Span<int> Pick(ref RS x, out int k) { k = 1; return ref x.S; }
            [Goroutine] static int M(int n)
            {
                Span<int> st = stackalloc int[2]; var x = new RS { S = st };
                ref Span<int> [|rs = ref Pick(ref x, out var k)|];
                var t = k;
                try { t += rs[0]; Go.Yield(); } finally { t++; }
                return t;
            }
        }
        """);

    // Loop heads, increments and declarations of several that async still refuses (CS4007, CS9217), beside the ones
    // it accepts (Cases.StackOnlyRound30.cs): a condition reading the local after the body's suspension point with
    // no assignment anew, a value live from a catch's path, a later declarator's suspension before a mention of the first local.
    [Theory]
    [InlineData("Span<int> [|s = a|]; int i = 0; while (i < s.Length) { s = a.AsSpan(1); i += Tw(1); }")]
    [InlineData("Span<int> [|s = a|]; for (int i = 0; i < s.Length; i++) { i += Tw(1); if (i > 1) continue; s = a; }")]
    [InlineData("ref int [|r = ref a[0]|]; while (r++ + Tw(1) < 9) { a[1]++; }")]
    [InlineData("ref int [|r = ref a[2]|]; try { r++; a[0] += Tw(1); r = ref a[0]; } catch (InvalidOperationException) { } r++;")]
    [InlineData("Span<int> [|s = a|], t = a.AsSpan(Tw(1)); var x = t[0] + s[0];")]
    [InlineData("Span<int> [|s = a.AsSpan(Tw(1))|], t = a.AsSpan(Tw(2) + s[0] % 2);")]
    [InlineData("ref int [|p = ref a[Tw(1)]|], q = ref a[Tw(2)]; p += q;")]
    [InlineData("ref int [|r = ref a[0]|]; switch (a.Length % 2) { case 0: a[0] += Tw(1); goto case 1; case 1: r++; break; }")]
    public void StackOnlyLocalLiveAcrossALoopHeadOrALaterDeclarator(string body) => Expect("GOSH0008", """
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] static void M(int[] a) { BODY }
        }
        """.Replace("BODY", body));

    // Pattern variables of a span that the test declaring them reads alone are accepted (run in
    // Cases.StackOnlyPatternVariables.cs); read in the suspending branch, section or arm, or tested again by a guard
    // that suspends, async refuses them (CS4007), and so does the generator.
    [Theory]
    [InlineData("if (a.AsSpan() is var [|sp|] && sp.Length > 0) { a[1] = Tw(1); a[0] = sp[0]; }")]
    // A leading pattern variable the branches, the rest of the block or a loop's body read before their suspension
    // points is accepted (Cases.StackOnlyLeadingPatternVariables.cs, Cases.StackOnlyPatternVariablesInScope.cs); not
    // one read after one (CS4007), nor by a for's incrementors after the body's.
    [InlineData("if (a.AsSpan() is var [|sp|] && sp.Length > 0) a[1] = Tw(1); else { a[0] = Tw(2); a[1] = sp[0]; }")]
    [InlineData("if (!(a.AsSpan() is var [|sp|] && sp.Length > 0)) return; a[0] = Tw(1); a[1] = sp[0];")]
    [InlineData("if (a.AsSpan() is not { Length: > 0 } [|sp|]) return; a[0] = sp[0] + Tw(1); a[1] = sp[0];")]
    [InlineData("int i = 0; while (a.AsSpan(i) is var [|sp|] && sp.Length > 0) { i += Tw(1); a[0] = sp[0]; }")]
    [InlineData("for (int i = 0; a.AsSpan(i) is var [|sp|] && sp.Length > 1; i += sp[0]) a[0] += Tw(1);")]
    [InlineData("if (a.Length > 0 && a.AsSpan() is var [|sp|]) { a[1] = Tw(1); a[0] = sp[0]; }")]
    [InlineData("if (a.AsSpan() is var [|sp|]) { a[1] = sp[0] + Tw(1); a[0] = sp[1]; }")]
    [InlineData("switch (a.AsSpan()) { case var [|q|] when q.Length > 0: a[0] = Tw(1); a[1] = q[0]; break; }")]
    [InlineData("var t = a.AsSpan() switch { var [|q|] => q.Length + Tw(1) };")]
    [InlineData("var t = [|a.AsSpan()|] switch { var q when Tw(q.Length) > 0 => 1, _ => 2 };")]
    // A later arm runs after an earlier arm's guard (its suspension point), unlike after an earlier arm's value.
    [InlineData("Span<int> [|s = a|]; var t = a.Length switch { 0 when Tw(1) > 0 => 1, _ => s[0] };")]
    public void StackOnlyPatternVariableReadBeyondItsTest(string body)
    {
        var source = """
            public partial class C
            {
                [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
                [Goroutine] static void M(int[] a) { BODY }
            }
            """.Replace("BODY", body);
        Expect("GOSH0008", source);
        // One error for the one value: not one at the case label or arm around it too.
        var text = DiagnosticTests.Prelude + source;
        var marked = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(text.IndexOf("[|", StringComparison.Ordinal), text.IndexOf("|]", StringComparison.Ordinal) - 2);
        var result = GeneratorHarness.Run(text.Replace("[|", "").Replace("|]", ""));
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id == "GOSH0008" && d.Location.SourceSpan != marked && d.Location.SourceSpan.Contains(marked));
    }
}
