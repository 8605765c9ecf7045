using System;
using System.Linq;
using CsCheck;

namespace GoSharp.Generator.Tests;

// A drawn struct instance method S (of a readonly struct, or of a struct whose method does not write to the instance,
// which GOSH0014 leaves accepted), called by M on a local: it reads the struct's fields, calls its plain and goroutine
// methods, copies this, reads (and, where this is readonly, calls a mutating method of) its primary-constructor
// parameters, across suspension points. Its fld, Prop and farr are locals (a struct method has no R).
public partial class ExpressionPropertyTests
{
    private static Gen<string> StructStatement(bool readonlyThis)
    {
        var e = Int(1);
        var own = readonlyThis
            // a mutating method of a field of a readonly instance runs on a copy of the field, in a plain call too
            // (and of a primary-constructor parameter, which the instance holds)
            ? new[] { e.Select(a => $"x += P.Add(Sp.Val({a})) + P.X;"), Gen.Const("{ var pc§ = P; pc§.Add(Sp.Val(5)); x += pc§.X * 10 + P.X; }"),
                      e.Select(a => $"x += pp.Add(Sp.Val({a})) + pp.X + pk;") }
            : new[] { Gen.Const("x += P.X + Sp.Val(P).Add(1) + P.X;") };
        return Gen.OneOf(own.Concat(new[]
        {
            Gen.Const("x += Sum + this[Sp.Val(x)] + In(Sp.Val(1), in A) + In(2, in this.B);"),
            Gen.Const("x += pk + Sp.Val(pk) * 2 + pp.X;"),
            Gen.Const("{ ref readonly var rr§ = ref Arr; x += rr§[0] + Sp.Val(rr§.Length); }"),
            e.Select(a => $"x += A + Sp.Val(B) + Arr[0] + {a};"),
            Gen.Const("{ var fa§ = A; Sp.Pause(); x += fa§ * 10 + this.A + Twice(); }"),
            Gen.Const("log.Add(Nm + Sp.Val(x) + this.Nm.Length + Bx.Value);"),
            Gen.Select(e, e, (a, b) => $"x += InstCallee(log, Sp.Val(A) + {a}) + Inst({b});"),
            e.Select(a => $"Arr[I3(x) % 2] += Sp.Val(A) + {a};"),
            Gen.Const("{ var cp§ = this; Sp.Pause(); x += cp§.A + cp§.Twice() + cp§.InstCallee(log, B); }"),
            Gen.Const("x += this.Arr.Length + Sp.Val(this).B;"),
            Gen.Const("{ var (p§, q§) = (A, Sp.Val(B)); x += p§ - q§; }"),
            Gen.Const("{ for (var sf§ = 0; sf§ < A % 3 + 1; sf§++) x += Sp.Val(Arr[sf§ % 2]) + B; }"),
            Gen.Const("x += (A + Sp.Val(x)) switch { > 5 => B, var sv§ => sv§ + Twice() };"),
        }).Select(Named).ToArray());
    }

    /// <summary>A readonly struct (kind 0), a struct (1), a struct whose method S is readonly (2).</summary>
    private static Gen<Func<int, string>> StructMethod() =>
        Gen.Int[0, 2].SelectMany(kind => ShapeBody(Gen.Frequency((1, Statement()), (1, StructStatement(readonlyThis: kind != 1)))).Select(body => (Func<int, string>)(i =>
        {
            var ro = kind == 0 ? "readonly " : "";
            return $$"""

                    public {{ro}}partial struct S{{i}}(Pt pp, int pk)
                    {
                        public {{ro}}int A;
                        public {{ro}}int B;
                        public {{ro}}int[] Arr;
                        public {{ro}}Box Bx;
                        public {{ro}}string Nm;
                        public {{ro}}Pt P;
                        public S{{i}}(int n) : this(new Pt { X = n + 5 }, n * 2 - 1) { A = n + 1; B = n * 3 - 2; Arr = new[] { n, 7 }; Bx = new Box { Value = n }; Nm = "st" + n; P = new Pt { X = n }; }
                        int Twice() => A * 2;
                        int Sum { get { return A + B; } }
                        int this[int i] => Arr[I3(i) % 2] + A;
                        int Inst(int a) { Bx.Value += a; return Bx.Value + A; }

                        [Goroutine]
                        public int InstCallee(Log log, int v)
                        {
                            log.Add("sinst" + v + "/" + A);
                            Sp.Pause();
                            Bx.Value += v;
                            return Bx.Value + B;
                        }

                        public string Report() => A + "/" + B + "/" + Arr[0] + "/" + Arr[1] + "/" + Bx.Value + "/" + Nm + "/" + P.X + "/" + pp.X + "/" + pk;
                {{Method(kind == 2 ? "public readonly string S(Log log, int n)" : "public string S(Log log, int n)", "\n            var fld = A;\n            var Prop = B;\n            var farr = new[] { 4, 5, 6 };", body.Replace("this.fld", "fld").Replace("this.Prop", "Prop"), "")}}
                    }

                    [Goroutine]
                    public string M{{i}}(Log log, int n)
                    {
                        var st = new S{{i}}(n);
                        log.Add("st" + Sp.Val(st).A);
                        var r = st.S(log, n);
                        Sp.Pause();
                        return r + ";" + st.Report();
                    }

                """;
        })));
}
