using System.Linq;
using CsCheck;

namespace GoSharp.Generator.Tests;

// Exception handling around suspension points: nested try/catch/finally whose filters log (and read state a suspended
// operand or an inner finally changed), a filter that throws (which C# takes as false), throws from suspending
// operands (Sp.Fail, a goroutine that throws after pausing), rethrow with `throw;` and `throw e`, a wrapping throw, a
// finally that throws over the exception in flight, a disposal that throws, catch variables captured by a lambda and
// suspension points in catch and finally blocks, loops left from a catch by break, continue and goto.
public partial class ExpressionPropertyTests
{
    private static Gen<string> HandlerStatement()
    {
        var e = Int(1);
        var p = Int(0, suspends: false);
        var k = K;
        var shapes = new[]
        {
            // a throw from a suspending operand: the operands before it were evaluated, the assignment did not happen
            Gen.Select(e, e, (a, b) => $"{{ try {{ x += {a} + (x % 2 == 0 ? Sp.Fail(\"sf\" + y) : 1) + {b}; }} catch (InvalidOperationException ex§) when (log.L(\"fl\" + ex§.Message, x) >= 0) {{ y += Sp.Val(1); }} }}"),
            Gen.Select(e, e, (a, b) => $"{{ try {{ arr[I3({a})] = ThrowsAfterPause(log, {b}) + Guarded(log, x); }} catch (ArgumentException ex§) {{ log.Add(ex§.Message + Sp.Val(arr[0])); }} catch (InvalidOperationException ex§) when (ex§.Message.StartsWith(\"gd\")) {{ x += Callee(log, 1); }} }}"),
            // nested handlers: the inner filter logs and declines, the outer one catches after the inner finally ran
            Gen.Select(e, e, e, p, (a, b, d, q) => $$"""
                {
                try
                {
                try
                {
                x += {{a}};
                y += Chk(Sp.Val(x)) + {{b}};
                }
                catch (InvalidOperationException ex§) when (log.L("in" + ex§.Message, {{q}}) % 2 == 0)
                {
                x += Sp.Val(3);
                }
                finally
                {
                y += Sp.Val(1);
                log.Add("inf" + x + "," + y);
                }
                }
                catch (InvalidOperationException ex§) when (log.L("out" + y, ex§.Message.Length) > 0)
                {
                Sp.Pause();
                x += {{d}};
                }
                }
                """),
            // rethrow from a catch that suspended, to an outer catch; throw e; a wrapping throw keeps the inner exception
            Gen.Select(e, e, k, (a, b, v) => $$"""
                {
                try
                {
                try
                {
                x += Guarded(log, {{a}}) + Chk(x + {{v}});
                }
                catch (InvalidOperationException ex§)
                {
                log.Add("c1" + ex§.Message + Sp.Val(x));
                x += {{b}};
                if (x % 2 == 0) throw;
                if (x % 3 == 0) throw ex§;
                throw new ArgumentException("w" + Sp.Val(y), ex§);
                }
                }
                catch (ArgumentException ex§) when (ex§.InnerException is InvalidOperationException)
                {
                log.Add("c2" + ex§.Message + ex§.InnerException!.Message);
                }
                catch (InvalidOperationException ex§)
                {
                log.Add("c3" + ex§.Message + Sp.Val(y));
                }
                }
                """),
            // a filter that throws is false; the next catch is tried
            Gen.Select(e, p, (a, q) => $"{{ try {{ x += Sp.Fail(\"ft\" + Sp.Val({a})); }} catch (InvalidOperationException) when (Chk({q} + x) > log.L(\"ftf\", -1)) {{ log.Add(\"first\"); }} catch (InvalidOperationException ex§) {{ log.Add(\"second\" + ex§.Message + Sp.Val(x)); }} }}"),
            // a finally that throws replaces the exception in flight; a suspension in the finally before the throw
            Gen.Select(e, e, (a, b) => $$"""
                {
                try
                {
                try { x += Chk({{a}}); y += Sp.Val(x) % 4 == 1 ? Sp.Fail("t" + x) : 1; }
                finally { Sp.Pause(); if (x % 2 == 1) throw new ArgumentException("fin" + x); log.Add("fn" + {{b}}); }
                }
                catch (System.Exception ex§)
                {
                log.Add(ex§.GetType().Name + ex§.Message + Sp.Val(1));
                }
                }
                """),
            // a disposal that throws (after the body threw, or not) and a using declaration disposed on the way out
            Gen.Select(e, e, (a, b) => $$"""
                {
                try
                {
                using (new Dt(log, {{a}}))
                {
                using var dv§ = new Dt(log, Sp.Val(x) + 1);
                x += Chk({{b}});
                Sp.Pause();
                }
                }
                catch (InvalidOperationException ex§) when (log.L("dx" + ex§.Message, x) != int.MinValue)
                {
                x += Sp.Val(ex§.Message.Length);
                }
                }
                """),
            // a catch variable captured by a lambda run after later suspension points; a try in a catch and in a finally
            Gen.Select(e, e, (a, b) => $$"""
                {
                try
                {
                x += ThrowsAfterPause(log, {{a}}) + Chk(x);
                }
                catch (System.Exception ex§)
                {
                var cm§ = ex§.Message;
                fs.Add(() => cm§.Length + x);
                Sp.Pause();
                try { y += Chk(Sp.Val(cm§.Length + y)); } catch (InvalidOperationException) { log.Add("cc" + cm§); }
                cm§ += Sp.Val("!");
                }
                finally
                {
                try { x += {{b}}; } catch (System.Exception ex2§) { log.Add("fx" + ex2§.Message); }
                }
                }
                """),
            // loops left from a catch: continue, break, goto out of the loop, and the finally around them suspends
            Gen.Select(e, e, k, (a, b, v) => $$"""
                {
                for (var hi§ = 0; hi§ < 4; hi§++)
                {
                try
                {
                x += Chk(Sp.Val(x + hi§ * {{v % 3 + 1}})) + {{a}};
                if (x % 5 == 0) goto hd§;
                }
                catch (InvalidOperationException ex§) when (log.L("lc" + hi§, ex§.Message.Length) > 0)
                {
                if (hi§ % 2 == 0) continue;
                if (Sp.Val(y) % 3 == 0) break;
                y += {{b}};
                }
                finally
                {
                log.Add("lf" + hi§ + Sp.Val(","));
                }
                }
                hd§:
                log.Add("hd" + x);
                }
                """),
            // a throw expression with a suspending operand, in a ?? and a ?: whose other branch suspends
            Gen.Select(e, e, (a, b) => $"{{ try {{ x = Opt({a}) ?? throw new ArgumentException(\"te\" + Sp.Val(y)); y = x > 50 ? throw new InvalidOperationException(\"big\" + {b}) : Sp.Val(y + 1); }} catch (System.Exception ex§) {{ log.Add(ex§.Message); }} }}"),
            // an exception leaving a nested goroutine call whose finally logs, caught with a when reading a local the
            // call's arguments changed
            Gen.Select(e, (a) => $"{{ var hv§ = 0; try {{ x += Guarded(log, hv§ = {a}) + Guarded(log, ++hv§); }} catch (InvalidOperationException) when (log.L(\"hv\", hv§) % 2 == 0 || x > 0) {{ x += hv§; }} catch {{ log.Add(\"any\" + hv§); }} }}"),
        };
        return Gen.OneOf(shapes.Select(Named).ToArray());
    }
}
