// The symbol of C7Processor.Validate's [Conditional]: defined, so its calls are made, as BEPUphysics' are in Debug.
#define C7_VALIDATE
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle's seventh round of new codebases, each reduced to a differential case.
public static partial class Cases
{
    // NCalc's ExpressionConfiguration.FromOptions: `new ExpressionConfiguration { CacheEnabled = ..., Parsing = new
    // ... { FloatingPointNumberType = GetFloatingPointNumberType(options) } }`, init-only properties of a class whose
    // constructor runs code (it sets Parsing and Evaluation), with a suspending value. Async accepts it; the generator
    // refused it (GOSH0010), as it could only write such an initializer as one expression over values spilled first,
    // which would compute them before the constructor ran. The object is made first now and each member set in order,
    // an init-only one through its init accessor, so the constructor, each value and each accessor's own code run in
    // C#'s order (the log shows it), and a member after a nested collection initializer is set after it.
    [Goroutine]
    public static string C7InitOnlyMembersAfterAConstructorThatRunsCode(Log log, int n)
    {
        var c = new C7Config(log, "c" + n) { Cache = n > 2, Parsing = "p" + Tw(n), Tags = { Tw(n + 1), 7 }, Level = Tw(n * 2), Plain = Tw(3) };
        log.Add("made " + c);
        var d = new C7Derived(log) { Parsing = Tw("q"), Extra = Tw(n), Level = 1 };
        log.Add("made " + d);
        var g = new C7Generic<string>(log) { Value = Tw("v" + n), Level = Tw(n) };
        return c + " " + d + " " + g.Value + g.Level;
    }

    // NiL.JS's GlobalContext.GetGenericTypeSelector: `new ExternalFunction((_this, args) => ... GetConstructor(type)
    // ...)` in an instance method. The frame reaches the instance through its field `_this` and wrote the call
    // `_this.GetConstructor(type)`, which inside the lambda bound to the lambda's parameter `_this` (CS0176 in
    // generated code: the static JSValue.GetConstructor of the parameter's type). A user's variable named `_this`
    // that stays a variable in the frame gets another name now, its declaration and its uses.
    [Goroutine]
    public static string C7LambdaParameterNamedThis(Log log, int n)
    {
        var o = new C7Context(n);
        return o.Select(log, Tw(n)) + " | " + o.Plain(log, n);
    }

    // A pattern variable named `_this` in a switch whose arm is copied into a frame field (its guard or its section
    // suspends): the Renamer renamed its designation, but the copy named it `_this`, which is the frame's field, so
    // it read the goroutine's own instance (a wrong value where the types match, CS0029 or CS0103 otherwise). The
    // copy reads the renamed variable now, in a switch statement, a guarded one and a switch expression.
    [Goroutine]
    public static string C7PatternVariableNamedThis(Log log, int n)
    {
        var self = new C7Context(1);
        return self.Matched(log, new C7Context(10 + n), Tw(n)) + " | " + self.Matched(log, n, n);
    }

    // BEPUphysics' TypeProcessor: `[Conditional("DEBUG")] protected abstract void
    // ValidateAccumulatedImpulsesSizeInBytes(int)`, overridden in a generic class that is not sealed. The override's
    // factory checks whether the receiver overrides it again through a delegate made from the method, and C# makes
    // none from a [Conditional] method (CS1618 in generated code). It finds the method by reflection now, so a plain
    // override below still runs plainly and a [Goroutine] one as a goroutine.
    [Goroutine]
    public static string C7ConditionalAbstractMethodOverridden(Log log, int n)
    {
        new C7TypedProcessor<int>().Run(log, n);
        new C7PlainProcessor().Run(log, Tw(n + 1));
        return "done " + n;
    }

    // Rationals' Rational.CompareTo(object): `switch (obj) { case sbyte @sbyte: return CompareTo(@sbyte); ... }`, a
    // pattern variable named by a keyword, read after a suspension. The frame copied it into its field by its name
    // alone, `_l1_sbyte = sbyte;` (CS1525 in generated code); it writes `@sbyte` now, in a switch statement, in one
    // whose guards suspend (matched label by label) and in a switch expression.
    [Goroutine]
    public static string C7KeywordNamedPatternVariables(Log log, int n)
    {
        object o = n % 3 == 0 ? (sbyte)n : n % 3 == 1 ? (ushort)(n + 1) : (long)n;
        var s = "";
        switch (o)
        {
            case sbyte @sbyte:
                s += "s" + Tw(@sbyte);
                break;
            case ushort @ushort:
                s += "u" + Tw(@ushort);
                break;
        }
        switch (o)
        {
            case long @long when Tw(@long) > 1:
                s += " l" + Tw(@long);
                break;
            case ushort @ushort when Tw(@ushort) > 0:
                s += " u" + Tw(@ushort);
                break;
        }
        var r = o switch { ushort @uint when Tw(@uint) > 2 => @uint, long @long => (int)Tw(@long), _ => -1 };
        return s + " " + r;
    }
}

public abstract partial class C7Processor
{
    [Conditional("C7_VALIDATE")]
    [Goroutine]
    protected abstract void Validate(Log log, int size);

    [Goroutine]
    public void Run(Log log, int n)
    {
        Validate(log, n);
        log.Add("ran " + n);
    }
}

public partial class C7TypedProcessor<T> : C7Processor
{
    [Goroutine]
    protected override void Validate(Log log, int size)
    {
        Go.Yield();
        log.Add("typed " + typeof(T).Name + " " + size);
    }
}

public sealed class C7PlainProcessor : C7TypedProcessor<string>
{
    protected override void Validate(Log log, int size) => log.Add("plain " + size);
}

public sealed class C7Config
{
    private readonly Log _log;
    private int _level;

    public C7Config(Log log, string name)
    {
        _log = log;
        log.Add("ctor " + name);
        Parsing = "default";
    }

    public string Parsing { get; init; }
    public int Level { get => _level; init { _log.Add("init Level " + value + " after Parsing " + Parsing); _level = value; } }
    public bool Cache { get; init; } = true;
    public List<int> Tags { get; } = new();
    public int Plain { get; set; }
    public override string ToString() => $"{Parsing}/{Level}/{Cache}/{string.Join(",", Tags)}/{Plain}";
}

public class C7Base
{
    protected readonly Log Log;
    public C7Base(Log log) { Log = log; log.Add("base ctor"); }
    public string Parsing { get; init; } = "none";
    public virtual int Level { get; init; }
}

public sealed class C7Derived : C7Base
{
    public C7Derived(Log log) : base(log) => log.Add("derived ctor, Parsing " + Parsing);
    public int Extra { get; init; }
    public override int Level { get => base.Level; init { Log.Add("override init " + value); base.Level = value * 10; } }
    public override string ToString() => $"{Parsing}/{Extra}/{Level}";
}

public sealed class C7Generic<T>
{
    public C7Generic(Log log) => log.Add("generic ctor " + typeof(T).Name);
    public T? Value { get; init; }
    public int Level { get; init; }
}

public sealed partial class C7Context
{
    private readonly int _v;
    public C7Context(int v) => _v = v;
    public int Get(int k) => _v + k;
    public static int Get(string s) => s.Length;

    [Goroutine]
    public string Select(Log log, int n)
    {
        Go.Yield();
        Func<int, int, int> f = (_this, args) => Get(_this) * 10 + args + _v;
        Func<int, int> g = _this => { var @this = _this; return Get(@this); };
        int Local(int _this) => Get(_this) + 1;
        var q = from _this in new[] { 1, 2 } select Get(_this);
        log.Add("select " + n);
        return f(n, 1) + " " + g(n + 2) + " " + Local(n) + " " + string.Join(",", q);
    }

    [Goroutine]
    public string Matched(Log log, object o, int n)
    {
        var s = "";
        switch (o)
        {
            case C7Context _this when Sp.Val(n) >= 0: s += _this._v; break;
            case int _this: s += "i" + Sp.Val(_this); break;
        }
        switch (o)
        {
            case C7Context _this: s += " " + Sp.Val(_this._v + 1); break;
        }
        s += o switch { C7Context _this when Sp.Val(n) > 100 => "big", C7Context _this => " e" + _this._v, _ => " none" };
        log.Add("matched " + s);
        return s;
    }

    [Goroutine]
    public string Plain(Log log, int n)
    {
        Go.Yield();
        var s = "";
        foreach (var _this in new[] { n, n + 1 }) s += Get(_this);
        try { throw new InvalidOperationException("e"); }
        catch (Exception _this) { s += Get(_this.Message.Length); }
        if (n is var _this3) { var _this = _this3; s += Get(_this); }
        log.Add("plain " + s);
        return s;
    }
}
