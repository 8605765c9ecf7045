using System;

namespace GoSharp.Generator.Tests.Execution;

// Several instance Deconstruct methods of two out parameters, of which C# binds one for `var (a, b) = v`: a
// generic one cannot infer its type argument from out variables, and a private one is not accessible here.
public sealed class AaOverloadedParts(int a, string b)
{
    public void Deconstruct(out int first, out string second) { first = a; second = b; }
    public void Deconstruct<T>(out T first, out T second) { first = default!; second = default!; }
    public void Deconstruct(out int first, out string second, out int third) { first = a; second = b; third = 3; }
    private void Deconstruct(out string first, out int second) { first = b; second = a; }
    public override string ToString() => a + b;
}

// Constructs C# accepts as async methods (with `await` for the suspension) that the generator refused; each now
// lowered as async evaluates it.
public static partial class Cases
{
    // A dynamically bound && or || whose left operand has a static type other than bool (a type with operator
    // true/false, one with an implicit conversion to bool), with a suspending right operand, was refused
    // (GOSH0010). C# tests such a left operand at compile time: through its conversion to bool where it has one,
    // else its operator true (||) or false (&&); only the combination goes to the runtime binder. Tri's V = 0 is
    // neither true nor false, so calling the wrong operator shows in the value and in the log.
    [Goroutine]
    public static string AaDynamicLogicalStaticLeft(Log log, int n)
    {
        var r = "";
        for (var v = -1; v <= 1; v++)
        {
            Tri t = new Tri { V = v + n - 1, L = log };
            object d = new Tri { V = 2 - n, L = log }; // (dynamic only as Tw's result: a dynamic argument would bind Tw at run time)
            dynamic and = t && Tw<dynamic>(d);
            dynamic or = t || Tw<dynamic>(d);
            r += and + "," + or + ";";
            if (t && Tw<dynamic>(d)) r += "then&&;";
            if (t || Tw<dynamic>(d)) r += "then||;";
            var c = new ToBool(v > 0, log);
            object b = n > 1;
            dynamic cand = c && Tw<dynamic>(b);
            dynamic cor = c || Tw<dynamic>(b);
            r += cand + "," + cor + "|";
        }
        return r;
    }

    public sealed class ToBool(bool value, Log log)
    {
        public static implicit operator bool(ToBool c) { c.L.Add("conv" + c.Value); return c.Value; }
        // Never called for a dynamic && or ||: C# prefers the conversion.
        public static bool operator true(ToBool c) { c.L.Add("true"); return c.Value; }
        public static bool operator false(ToBool c) { c.L.Add("false"); return !c.Value; }
        public bool Value { get; } = value;
        public Log L { get; } = log;
        public override string ToString() => "ToBool" + Value;
    }

    // A dynamically bound && or || over an operand typed by a type parameter of the method was refused (GOSH0010):
    // the runtime-binder helper lives in the user's type, which cannot name it. The helper is generic now, its
    // call site one per instantiation, and the binder sees the operand's type as instantiated, as in C#.
    [Goroutine]
    public static string AaDynamicLogicalTypeParameter(Log log, int n)
    {
        return AaDynamicLogicalOver(log, new Tri { V = n - 1, L = log }, n) + "|" + AaDynamicLogicalOver(log, n > 0, n)
            + "|" + AaDynamicLogicalOver(log, "s", n);
    }

    [Goroutine]
    private static string AaDynamicLogicalOver<T>(Log log, T value, int n)
    {
        dynamic d = n > 1 ? new Tri { V = n - 2, L = log } : (dynamic)(n > 0);
        try
        {
            dynamic and = d && Tw(value);
            dynamic or = d || Tw(value);
            return and + "," + or;
        }
        catch (Microsoft.CSharp.RuntimeBinder.RuntimeBinderException e)
        {
            return "binder: " + e.Message;
        }
    }

    // A launched value of a type with several Deconstruct methods of one count was refused (GOSH0010, the
    // variables' types unknown to the generator, whose model cannot see the launcher): the deconstruction is now
    // bound over an example of the type, as C# binds it, when the type has more than one candidate.
    [Goroutine]
    private static AaOverloadedParts AaLaunchedParts(int n) { Tw(0); return new AaOverloadedParts(n, "p" + n); }

    [Goroutine]
    public static string AaLaunchedOverloadedDeconstruct(Log log, int n)
    {
        var (a, b) = GoAaLaunchedParts(n).Join();
        var (c, d, e) = GoAaLaunchedParts(n + 1).Join();
        var v = GoAaLaunchedParts(n + 2).Join();
        (var f, var g) = v;
        log.Add("parts " + a + b);
        return (a + 1) + b.ToUpperInvariant() + Tw(c) + d + e + f + g.Length;
    }
}

public static partial class Cases
{
    public struct AaPair
    {
        public int A, B;
        public int this[int i] { get => i == 0 ? A : B; set { if (i == 0) A = value; else B = value; } }
        public override string ToString() => A + "/" + B;
    }

    // An element of the struct a ref conditional whose condition suspends chooses, through the struct's indexer
    // (`(Tw(c) ? ref p1 : ref p2)[1] = 5`), was refused (GOSH0010, "not supported yet") where async accepts it: the
    // variable is chosen after the suspension and indexed at once, so the chosen struct itself changes. Arrays and
    // lists (references) were already right; they stay here beside it.
    [Goroutine]
    public static string AaRefConditionalStructElement(Log log, int n)
    {
        AaPair p1 = default, p2 = default;
        (Tw(n > 1) ? ref p1 : ref p2)[1] = 5;
        (Tw(n > 0) ? ref p1 : ref p2)[0] += 4;
        (Tw(n > 0) ? ref p2 : ref p1)[1]++;
        (Tw(n > 2) ? ref p2 : ref p1)[log.L("i", 0)] = log.L("v", 3);
        int[] a1 = new int[2], a2 = new int[2];
        (Tw(n > 1) ? ref a1 : ref a2)[1] = 5;
        (Tw(n > 0) ? ref a1 : ref a2)[Tw(0)] = Tw(6);
        var l1 = new System.Collections.Generic.List<int> { 1, 2 };
        var l2 = new System.Collections.Generic.List<int> { 3, 4 };
        (Tw(n > 1) ? ref l1 : ref l2)[0] = 7;
        return p1 + "," + p2 + "|" + string.Join(",", a1) + "|" + string.Join(",", a2) + "|" + string.Join(",", l1) + "|" + string.Join(",", l2);
    }
}

public static partial class Cases
{
    private static string AaPick(Log log, int n)
    {
        log.Add("pick" + n);
        return n > 1 ? "xyz" : "q";
    }

    private static int AaLength(ReadOnlySpan<char> s, int k) => s.Length * 10 + k;

    // A ?: of a span type whose branch suspends (`Span<int> s = c ? new int[Tw(3)] : stackalloc int[2];`) was
    // refused (GOSH0008: its value went into a frame temporary) where async accepts it. The condition now goes into
    // a bool temporary, each branch is lowered on its own path, and the span is made by the chosen branch after the
    // last suspension point, in the declaration (a stackalloc stays there, the only place C# takes it).
    [Goroutine]
    public static string AaSpanConditionalSuspendingBranch(Log log, int n)
    {
        bool c = n > 0;
        Span<int> s = c ? new int[Tw(3)] : stackalloc int[2];
        var length = s.Length;
        ReadOnlySpan<char> r = Tw(n) > 1 ? "ab".AsSpan() : AaPick(log, Tw(n)).AsSpan();
        var text = r.ToString();
        ReadOnlySpan<char> q = n > 2 ? AaPick(log, Tw(n + 1)).AsSpan(Tw(1)) : (n > 0 ? "k".AsSpan() : Tw("mn").AsSpan());
        return length + text + q.ToString() + AaLength(n == 1 ? AaPick(log, Tw(5)).AsSpan() : default, log.L("after", 1));
    }
}

public static partial class Cases
{
    public ref struct AaSpanHolder
    {
        public Span<int> S;
    }

    private static ref Span<int> AaPickSpan(ref AaSpanHolder holder, int k)
    {
        holder.S[0] += k;
        return ref holder.S;
    }

    private static ref Span<int> AaPickScoped(ref Span<int> first, scoped Span<int> second, Log log)
    {
        log.Add("pick" + second.Length);
        return ref first;
    }

    // A ref to a span whose location a call returns, read in a suspending try before its suspension point, was
    // refused (GOSH0008) where async accepts it: the try's entry label needs a dummy reference whose value escapes
    // exactly as far as the local's (CS9096), which a null reference does not, and calling the method again would
    // run it again. The frame now calls a twin of the method (its parameter list, a null reference returned, nothing
    // run) with the same arguments, so the compiler gives the dummy the call's own scope.
    [Goroutine]
    public static string AaRefToSpanFromACallInATry(Log log, int n)
    {
        Span<int> st = stackalloc int[3];
        var holder = new AaSpanHolder { S = st };
        ref Span<int> rs = ref AaPickSpan(ref holder, n);
        Span<int> other = new int[n + 1];
        ref Span<int> ro = ref AaPickScoped(ref other, st, log);
        var t = 0;
        try
        {
            rs[1] = n + 1;
            t += rs[0] + rs[1] + ro.Length;
            t += Tw(10);
        }
        finally
        {
            log.Add("finally" + t);
        }
        return t.ToString();
    }
}
