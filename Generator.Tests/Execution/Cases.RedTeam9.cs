using System;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 9: instance goroutine methods, unusual signatures, launches and channels inside expressions.
public static partial class Cases
{
    // Bug 1: members named with a keyword (`@this`, `@class`) read through implicit `this` were written without
    // their `@` (`_this.` followed by nothing: CS1001).
    public sealed partial class Rt9Keywords
    {
        public int @this = 1, @class = 2, @base = 3;
        public int @event => 4;
        public static int @static = 5;

        [Goroutine]
        public int Sum(int n)
        {
            var x = Tw(n);
            @this += x;
            return @this + @class + @base + @event + @static + x;
        }

        public int @new() => 40;

        [Goroutine]
        public int InLambda(int n)
        {
            var x = Tw(n);
            var @while = x + 1;
            Func<int> f = () => @while + @this + @static;
            Tw(0);
            return f() + @new() + this.@new() + @while;
        }

        [Goroutine]
        public int Shadowed(int n)
        {
            int @this = 100;
            var x = Tw(n);
            return @this + x + this.@this;
        }
    }

    [Goroutine]
    public static string Rt9KeywordMembers(Log log, int n)
    {
        var k = new Rt9Keywords();
        var a = k.Sum(n);
        var b = k.Shadowed(Tw(n + 1)) + k.InLambda(n);
        log.Add("this " + k.@this);
        return a + "," + b + "," + k.@this;
    }

    // Bug 4: fields reached through `base` (public, protected, hidden by a `new` field, readonly, a struct field
    // whose members are assigned, an array) were refused (GOSH0012); a field needs a variable, not a value, so it
    // goes through a ref-returning proxy property of the type.
    public struct Rt9SV { public int X; public int Add(int k) { X += k; return X; } }

    public class Rt9BaseF
    {
        public int F = 10;
        protected string Tag = "b";
        public int G = 1;
        public readonly int R = 7;
        public Rt9SV S;
        protected internal int[] Arr = { 1, 2, 3 };
    }

    public sealed partial class Rt9DerF : Rt9BaseF
    {
        public new int G = 50;

        private static void Bump(ref int x, int k) => x += k;

        [Goroutine]
        public string M(Log log, int n)
        {
            var a = base.F;
            base.F += Tw(n);
            var t = base.Tag + Tw(1);
            base.G = Tw(2);
            base.G++;
            System.Threading.Interlocked.Exchange(ref base.F, Tw(77) + base.F);
            Bump(ref base.G, Tw(3));
            (base.F, base.G) = (Tw(8), base.F);
            base.S.X = Tw(4);
            base.S.Add(Tw(5));
            base.Arr[Tw(1)] += Tw(10 + n);
            log.Add("G " + base.G + " " + G);
            return a + "," + F + "," + t + "," + base.G + "," + G + "," + base.R + "," + base.S.X + "," + base.Arr[1] + "," + Tw(base.R);
        }
    }

    [Goroutine]
    public static string Rt9BaseFields(Log log, int n) => new Rt9DerF().M(log, Tw(n));

    // Bug 6: caller information of indexers, collection-initializer Adds and index initializers in code moved into
    // the frame: [CallerMemberName] got "Resume" and [CallerArgumentExpression] the frame's names (_r0, _p_n).
    public sealed class Rt9Bag : System.Collections.IEnumerable
    {
        public System.Collections.Generic.List<string> Items = new();
        public void Add(int x, [System.Runtime.CompilerServices.CallerMemberName] string m = "", [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(x))] string e = "") => Items.Add(x + m + ":" + e);
        public void Add(int x, int y, [System.Runtime.CompilerServices.CallerMemberName] string m = "") => Items.Add(x + "+" + y + m);
        public System.Collections.IEnumerator GetEnumerator() => Items.GetEnumerator();
    }

    public sealed class Rt9Host
    {
        public Rt9Bag B = new();
        public string this[int i, [System.Runtime.CompilerServices.CallerMemberName] string m = "", [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(i))] string e = ""]
        {
            get => i + m + ":" + e;
            set => B.Items.Add(i + m + "=" + value);
        }
    }

    [Goroutine]
    public static string Rt9CallerInfo(Log log, int n)
    {
        var h = new Rt9Host { B = { 5, Tw(6), { 1, Tw(2) } }, [Tw(7)] = "v" };
        var a = h[Tw(n) * 3];
        var b = h[n];
        h[8] = "w" + Tw(0);
        var bag = new Rt9Bag { n + 1, Tw(n), { Tw(3), 4 } };
        var copied = new Rt9Bag { n * 2, { 9, n } };
        log.Add(a);
        return a + "," + b + ";" + string.Join("/", h.B.Items) + ";" + string.Join("/", bag.Items) + ";" + string.Join("/", copied.Items);
    }

    // Bug 7: a [SuspensionPoint] whose call omits optional or caller-information arguments: the awaiter factory
    // was called with the arguments as written, so [CallerMemberName] got "Resume" and a factory whose parameter
    // is required did not compile (CS7036). The omitted values are now passed by name.
    public readonly struct Rt9Awaiter
    {
        private readonly string _v;
        public Rt9Awaiter(string v) { _v = v; }
        public bool IsCompleted => false;
        public GoSharp.CompilerServices.FrameResult Suspend(GoSharp.CompilerServices.G g, GoSharp.CompilerServices.Frame frame) => g.Yield(frame);
        public string GetResult() => _v;
    }

    [GoSharp.CompilerServices.SuspensionPoint(nameof(GetRt9OptAwaiter))]
    public static string Rt9Opt(int v, int k = 5) => v + "k" + k;
    public static Rt9Awaiter GetRt9OptAwaiter(int v, int k) => new(v + "k" + k);

    [GoSharp.CompilerServices.SuspensionPoint(nameof(GetRt9CiAwaiter))]
    public static string Rt9Ci(int v, [System.Runtime.CompilerServices.CallerMemberName] string m = "", [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(v))] string e = "") => v + m + ":" + e;
    public static Rt9Awaiter GetRt9CiAwaiter(int v, [System.Runtime.CompilerServices.CallerMemberName] string m = "", [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(v))] string e = "") => new(v + m + ":" + e);

    [Goroutine]
    public static string Rt9SuspensionPointDefaults(Log log, int n)
    {
        var a = Rt9Opt(n);
        var b = Rt9Ci(Tw(n) + 1);
        var c = Rt9Opt(Tw(n), k: 7) + Rt9Ci(n);
        log.Add(b);
        return a + "," + b + "," + c;
    }

    // Bug 11: a launcher GoX(...) inside a goroutine, for a [Goroutine] method with caller-information parameters:
    // the compiler filled them at the launcher call in Resume ("Resume", `_p_n`, `_r1 + 1`).
    [Goroutine]
    private static string Rt9Info(int x, [System.Runtime.CompilerServices.CallerMemberName] string m = "", [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(x))] string e = "")
    {
        Go.Yield();
        return x + m + ":" + e;
    }

    [Goroutine]
    public static string Rt9LauncherCallerInfo(Log log, int n)
    {
        var a = GoRt9Info(n).Join();
        var b = GoRt9Info(Tw(n) + 1).Join();
        var c = GoRt9Info(x: n * 2, m: "given").Join();
        Func<Goroutine<string>> f = () => GoRt9Info(n + 3);
        log.Add(a);
        return a + "," + b + "," + c + "," + f().Join() + "," + Rt9Info(n);
    }

    // Bug 1c/1d: keyword-named members of anonymous types read back by example, and keyword-named base members
    // reached through proxies, lost their `@` (a cascade of parse errors in the generated file).
    public class Rt9KwBase
    {
        public virtual int @event(int @in) => @in * 2;
        public int @base => 7;
    }

    public sealed partial class Rt9KwDerived : Rt9KwBase
    {
        public override int @event(int @in) => 0;

        [Goroutine]
        public int M(int @this, int @event) => base.@event(Tw(@event)) + base.@base + this.@event(@this) + @this;
    }

    [Goroutine]
    public static string Rt9KeywordExamples(Log log, int n)
    {
        var a = new { @class = n, @event = "e" };
        var x = Tw(n);
        var t = (@class: n, @int: 2);
        var y = Tw(1);
        var d = new Rt9KwDerived().M(Tw(n), n + 1);
        log.Add(a.@event);
        return a.@class + a.@event + x + t.@class + t.@int + y + "," + d;
    }

    // Bug 8: a stackalloc whose size or elements suspend was refused (GOSH0008 + GOSH0010); the span is made after
    // them, where it is used, as async does.
    private static int Rt9Sum(Span<int> s) { var t = 0; foreach (var x in s) t = t * 10 + x; return t; }

    [Goroutine]
    public static int Rt9StackallocSize(Log log, int n)
    {
        Span<int> s = stackalloc int[Tw(3) + n];
        s[0] = n + 1;
        log.Add("len " + s.Length);
        return s[0] + s.Length * 100;
    }

    [Goroutine]
    public static string Rt9StackallocElements(Log log, int n)
    {
        var a = Rt9Sum(stackalloc int[] { 1, Tw(2), n });
        var b = Rt9Sum(stackalloc[] { Tw(n), 4 }) + Tw(1);
        log.Add("b " + b);
        return a + "," + b;
    }

    // Bug 9: span and ref locals whose initializer suspends, dead at the suspension points after them, were refused
    // (GOSH0008): the value exists only after the initializer's suspension, as C# 13 async sees it.
    [Goroutine]
    public static string Rt9StackLocalsSuspendingInitializer(Log log, int n)
    {
        ReadOnlySpan<int> sp = [Tw(1), n, 3];
        var g = sp.Length + sp[1];
        log.Add("g " + g);
        var a = new int[4];
        ref int r = ref a[Tw(1)];
        r = 5 + n;
        var k = Tw(2);
        Span<int> s = a.AsSpan(Tw(2));
        s[0] = 7;
        var k2 = Tw(3);
        Span<int> st = stackalloc int[Tw(3)];
        st[2] = n;
        var v = st[2] + st.Length;
        return g + Tw(1) + "," + string.Join("/", a) + "," + (k + k2) + "," + v;
    }
}
