using CsCheck;

namespace GoSharp.Generator.Tests;

// The stack-only oracle's jumps (ExpressionPropertyTests.StackOnly.cs): gotos forward and backward, out of loops and
// out of try blocks, nested loops left by a labelled continue or break, switch sections ending in goto case and goto
// default, locals declared directly in a loop's body (made afresh each iteration, after the back-edge), a lock whose
// expression suspends. Each shape opens a number of its own (\u2039 ... \u203a) that names its labels and locals (\u00a6),
// so that nested shapes and siblings never share a label; UniqueUsings writes the numbers.
public partial class ExpressionPropertyTests
{
    private static Gen<string>[] JumpShapes(int depth, bool inFinally, bool inLoop)
    {
        var b = Body(depth - 1, inFinally, inLoop);
        var fin = Body(depth - 1, inFinally: true);
        var loopBody = Body(depth - 1, inFinally, inLoop: true);
        var sections = Body(depth - 1, inFinally);
        return new[]
        {
            // a forward goto over a block (the target after it: no using declaration between them)
            Gen.Select(Value, b, (v, t) => $"\u2039{{\nif ({v} > n) goto L\u00a6;\n{{\n{t}\n}}\nL\u00a6: x += 1;\n}}\u203a"),
            // a backward goto, bounded by a counter: a loop with no loop statement, its back-edge a goto
            Gen.Select(Value, b, (v, t) => $"\u2039{{\nint c\u00a6 = 0;\nL\u00a6:\nx++;\n{{\n{t}\n}}\nif (++c\u00a6 < 2 && {v} >= 0) goto L\u00a6;\n}}\u203a"),
            // a backward goto whose loop reads a span at its label and makes it anew before the goto (the label must
            // be no state among spans: Cases.StackOnlyJumps.SjGotoLoopThatSuspendsAmongSpans)
            Gen.Select(Slot, b, (i, t) => $"\u2039{{\nint c\u00a6 = 0;\nL\u00a6:\nx += s[{i}];\n{{\n{t}\n}}\ns = a.AsSpan({i});\nif (++c\u00a6 < 2) goto L\u00a6;\n}}\u203a"),
            // a goto out of a for loop, past its end
            Gen.Select(Value, loopBody, (v, t) => $"\u2039{{\nfor (int i\u00a6 = 0; i\u00a6 < 3; i\u00a6++) {{\n{t}\nif ({v} > n + i\u00a6) goto L\u00a6;\n}}\nx += 5;\nL\u00a6: x += 2;\n}}\u203a"),
            // nested loops: the inner one's break and continue are its own, a goto continues or leaves the outer one
            Gen.Select(loopBody, loopBody, Gen.Int[0, 5], (inner, outer, k) => $$"""
                ‹{
                for (int i¦ = 0; i¦ < 2; i¦++) {
                int k¦ = 0;
                while (k¦++ < 2) {
                {{inner}}
                if (x > {{k}} + i¦) goto {{(k % 2 == 0 ? "C" : "B")}}¦;
                }
                {
                {{outer}}
                }
                C¦: ;
                }
                B¦: x += 3;
                }›
                """),
            // a goto out of a try whose finally may suspend, and out of a catch (the statements after the goto in a
            // block: C# refuses a goto before a using declaration of its block to a label after it, CS8648)
            Gen.Select(Value, b, b, fin, (v, t1, t2, f) => $"\u2039{{\ntry {{\n{t1}\nif ({v} > n) goto L\u00a6;\n{{\n{t2}\n}}\n}} finally {{\n{f}\n}}\nx += 7;\nL\u00a6: x += 1;\n}}\u203a"),
            Gen.Select(Value, b, b, (v, t, c) => $"\u2039{{\ntry {{\n{t}\nif (x > 40) throw new InvalidOperationException();\nif ({v} > n) goto L\u00a6;\n}} catch (InvalidOperationException) {{\n{c}\ngoto L\u00a6;\n}}\nx += 7;\nL\u00a6: x += 1;\n}}\u203a"),
            // switch sections that end in goto case and goto default
            Gen.Select(Value, sections, sections, sections, (v, c0, c1, d) => $"switch (({v} + n) % 3) {{\ncase 0:\n{Section(c0, "goto case 1;")}\ncase 1:\n{Section(c1, "goto default;")}\ndefault:\n{Section(d)}\n}}"),
            // a span and a ref local declared directly in a loop's body: each iteration's own, made after the back-edge
            Gen.Select(Value, Slot, loopBody, (v, i, t) => $"\u2039foreach (var q\u00a6 in new[] {{ {v}, 2 }}) {{\nSpan<int> p\u00a6 = b.AsSpan(q\u00a6 % 4);\nx += p\u00a6[0] + {i};\n{t}\n}}\u203a"),
            Gen.Select(Slot, PlainValue, loopBody, (i, w, t) => $"\u2039while (x < 9) {{\nx++;\nref int w\u00a6 = ref b[(x + {i}) % 4];\nw\u00a6 += {w};\n{t}\n}}\u203a"),
            Gen.Select(Value, loopBody, (v, t) => $"\u2039for (int i\u00a6 = 0; i\u00a6 < 2; i\u00a6++) {{\nSpan<int> p\u00a6 = t.Slice(i\u00a6);\n{t}\np\u00a6[0] += {v};\n}}\u203a"),
            // a lock whose expression suspends (it runs before the monitor is taken) around a body that does not
            Gen.Select(Slot, PlainValue, (i, v) => $"lock ({Suspend("a")}) {{\ns[{i}] += {v};\n}}"),
        };
    }
}
