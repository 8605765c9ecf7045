using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// `base` in goroutine bodies (BaseAccess.cs): calls, method groups and property reads go through proxies of the
// user's type; a base [Goroutine] method is its own frame. Bench/corpus met `base` 225 times in Newtonsoft.Json.
public static partial class Cases
{
    public partial class BaseAnimal
    {
        protected readonly Log Log;
        public BaseAnimal(Log log) => Log = log;
        public virtual string Name { get { Log.Add("get Animal.Name"); return "animal"; } }
        public virtual string Describe(string prefix = "a ", params int[] xs) { Log.Add("Animal.Describe " + xs.Length); return prefix + Name + xs.Length; }
        public virtual int Add(ref int x, out int y) { x += 10; y = x * 2; return x + y; }
        public virtual string Show<TValue>(TValue v) => "animal shows " + v;
        public virtual IEnumerable<T> Twice<T>(T v) => new[] { v, v };

        [Goroutine]
        public virtual string Speak(int n)
        {
            Log.Add("Animal.Speak " + n);
            Go.Yield();
            if (n > 2) throw new InvalidOperationException("animal speaks no more than " + n);
            return "...";
        }
    }

    public partial class BaseDog : BaseAnimal
    {
        public BaseDog(Log log) : base(log) { }
        public override string Name { get { Log.Add("get Dog.Name"); return "dog"; } }
        public override string Describe(string prefix = "the ", params int[] xs) => "DOG" + prefix;
        public override int Add(ref int x, out int y) { y = -1; return -1; }
        public override string Show<TValue>(TValue v) => "dog shows " + v;

        [Goroutine]
        public override string Speak(int n)
        {
            Log.Add("Dog.Speak " + n);
            var b = base.Speak(Tw(n));
            Go.Yield();
            return "woof+" + b;
        }

        [Goroutine]
        public string All(int n)
        {
            Go.Yield();
            var a = n;
            var r = base.Describe() + "|" + base.Describe(Tw("one "), n, 2) + "|" + Tw(base.Name) + "|" + base.Add(ref a, out var b) + "," + a + "," + b;
            Func<string, int[], string> f = base.Describe;
            Log.Add(r);
            Go.Yield();
            return f("f ", new int[n]) + base.Show(Tw(n)) + base.Show("s") + string.Join(",", base.Twice(n)) + Name + Describe();
        }
    }

    [Goroutine]
    public static string BaseAccessCallsAndReads(Log log, int n)
    {
        var dog = new BaseDog(log);
        return dog.All(n) + "/" + dog.Speak(n);
    }

    [Goroutine]
    public static string BaseGoroutineThrowsThroughOverride(Log log, int n)
    {
        BaseAnimal a = new BaseDog(log);
        try
        {
            return a.Speak(n + 1) + a.Speak(Tw(n + 2));
        }
        catch (InvalidOperationException e) when (e.Message.Contains("animal"))
        {
            log.Add("caught " + e.Message);
            return "caught";
        }
    }

    public partial class BaseCounter<T>
    {
        public virtual int Count(T item, int add) => add + (item is null ? 0 : 1);
    }

    public sealed partial class BaseStringCounter : BaseCounter<string>
    {
        public override int Count(string item, int add) => -100;

        [Goroutine]
        public int Total(int n)
        {
            var sum = 0;
            for (var i = 0; i < n + 2; i++) sum += base.Count(Tw("x" + i), i) * 10;
            return sum + base.Count(null!, Tw(n));
        }
    }

    [Goroutine]
    public static int BaseCallOnGenericBase(Log log, int n) => new BaseStringCounter().Total(n);
}

public static partial class Cases
{
    public partial class BaseMiddle : BaseDog
    {
        public BaseMiddle(Log log) : base(log) { }
    }

    public partial class BasePuppy : BaseMiddle
    {
        public BasePuppy(Log log) : base(log) { }

        /// <summary>base.Speak from two levels down: the nearest override (BaseDog's), which itself calls BaseAnimal's.</summary>
        [Goroutine]
        public override string Speak(int n)
        {
            Log.Add("Puppy.Speak " + n);
            Go.Yield();
            return "yip+" + base.Speak(n) + "+" + base.Speak(Tw(n));
        }
    }

    [Goroutine]
    public static string BaseCallSkipsALevel(Log log, int n)
    {
        BaseAnimal a = new BasePuppy(log);
        try { return a.Speak(n > 1 ? 0 : n); }
        catch (InvalidOperationException e) { return "threw " + e.Message; }
    }
}

public static partial class Cases
{
    public static partial string PartialDefinitionGoroutine(Log log, int n)
    {
        log.Add("half " + Tw(n / 2));
        Go.Yield();
        return "partial " + Tw(n) * 3;
    }
}
