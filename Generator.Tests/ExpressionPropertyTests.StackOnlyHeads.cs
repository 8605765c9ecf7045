using CsCheck;

namespace GoSharp.Generator.Tests;

// The stack-only oracle's heads and declarations (ExpressionPropertyTests.StackOnly.cs): loop conditions and
// incrementors that read a span or the ref local (run again after the body's suspension points, so async accepts
// them only where the body makes the value anew after its last one, or leaves the loop after it), increments and
// assignments through them read before a suspension point of a condition or a statement (`r++ + Tw(1)`),
// declarations of several spans or ref locals whose initializers suspend, and a ref to a span read in a try that
// suspends. Loops are bounded by x, which each iteration raises (no drawn statement lowers it), or by a counter.
public partial class ExpressionPropertyTests
{
    /// <summary>A condition that reads a span or the ref local and does not suspend.</summary>
    private static readonly Gen<string> StackOnlyCondition = Gen.OneOf(
        Slot.Select(i => $"s[{i}] >= 0"), Slot.Select(i => $"t[{i}] > -9"), Gen.Const("r >= 0"), Gen.Int[0, 3].Select(k => $"s.Length > {k}"));

    /// <summary>A value read through a span or the ref local whose location it also writes: an increment or an assignment.</summary>
    private static readonly Gen<string> Bump = Gen.OneOf(
        Gen.Const("r++"), Gen.Const("++r"), Slot.Select(i => $"s[{i}]++"), Slot.Select(i => $"--t[{i}]"),
        Gen.Int[0, 5].Select(k => $"(r += {k})"), Gen.Select(Slot, Gen.Int[0, 5], (i, k) => $"(s[{i}] = {k})"));

    private static Gen<string>[] HeadShapes(int depth, bool inFinally, bool inLoop)
    {
        var b = Body(depth - 1, inFinally, inLoop);
        var fin = Body(depth - 1, inFinally: true);
        var loopBody = Body(depth - 1, inFinally, inLoop: true);
        return new[]
        {
            // conditions and an incrementor that read the local, run again after the body
            Gen.Select(StackOnlyCondition, loopBody, (c, t) => $"while (x < 6 && {c}) {{\nx++;\n{t}\n}}"),
            Gen.Select(StackOnlyCondition, loopBody, (c, t) => $"\u2039for (int i\u00a6 = 0; i\u00a6 < 2 && {c}; i\u00a6++) {{\n{t}\n}}\u203a"),
            Gen.Select(Slot, loopBody, (i, t) => $"\u2039for (int i\u00a6 = 0; i\u00a6 < 3; i\u00a6 += 1 + (s[{i}] & 1)) {{\n{t}\n}}\u203a"),
            Gen.Select(StackOnlyCondition, loopBody, (c, t) => $"do {{\nx++;\n{t}\n}} while (x < 6 && {c});"),
            // a value read (or written and read) before a suspension point, in a loop's condition, an if's and a statement
            Gen.Select(Gen.OneOf(Bump, PlainValue), loopBody, (v, t) => $"while (x < 6 && {v} + {Suspend("0")} >= 0) {{\nx++;\n{t}\n}}"),
            Gen.Select(Bump, Gen.Int[0, 5], b, b, (v, k, t, f) => $"if ({v} + {Suspend(k.ToString())} > n) {{\n{t}\n}} else {{\n{f}\n}}"),
            Gen.Select(Bump, Gen.Int[0, 5], (v, k) => $"x += {v} * {Suspend(k.ToString())};"),
            // declarations of several, an initializer that suspends; a later one may read an earlier local first
            Gen.Select(Slot, Value, (i, v) => $"\u2039{{\nSpan<int> p\u00a6 = a.AsSpan({Suspend(i)} % 4), q\u00a6 = b.AsSpan({i});\nx += p\u00a6[0] + q\u00a6[0] + ({v});\n}}\u203a"),
            Gen.Select(Slot, Gen.Int[0, 5], Gen.Bool, (i, k, both) => $"\u2039{{\nSpan<int> p\u00a6 = a.AsSpan({i}), q\u00a6 = b.AsSpan((p\u00a6[0] + {Suspend(k.ToString())}) % 4);\nx += q\u00a6[0]{(both ? " + p\u00a6[0]" : "")};\n}}\u203a"),
            Gen.Select(Slot, PlainValue, (i, v) => $"\u2039{{\nref int p\u00a6 = ref a[{Suspend(i)} % 4], q\u00a6 = ref b[{i}];\np\u00a6 += q\u00a6 + {v};\n}}\u203a"),
            // a ref to a span, read in a try that suspends, bound anew to the other span or not
            Gen.Select(Gen.OneOf(Gen.Const("s"), Gen.Const("t")), Slot, b, fin, (span, i, t, f) => $"\u2039{{\nref Span<int> w\u00a6 = ref {span};\ntry {{\nx += w\u00a6[{i}];\n{t}\n}} finally {{\n{f}\n}}\n}}\u203a"),
            Gen.Select(Slot, Value, b, (i, v, t) => $"\u2039{{\nref Span<int> w\u00a6 = ref s;\ntry {{\nw\u00a6[{i}] += {v};\n{t}\n}} catch (InvalidOperationException) {{\nx++;\n}}\nw\u00a6 = ref t;\nx += w\u00a6[{i}];\n}}\u203a"),
        };
    }
}
