using System;
using System.Collections.Generic;
using System.Threading;

namespace GoSharp.Generator.Tests.Execution;

// Primary constructor parameters used by goroutine bodies: the frame reaches the field the compiler declares for
// each one (Lowering/PrimaryConstructorParameters.cs), so reads and writes are the object's own storage.
public static partial class Cases
{
    public partial class PcCounter(int seed, string name)
    {
        /// <summary>Plain code of the same object reads the same storage the goroutine wrote.</summary>
        public int Seed => seed;

        [Goroutine]
        public string Read(int n)
        {
            var before = name + seed;
            Go.Yield();
            return before + "/" + (seed + Tw(n)) + "/" + name.Length;
        }

        [Goroutine]
        public int Write(Log log, int n)
        {
            seed++;
            log.Add("after ++ " + seed);
            seed += Tw(n);                       // the old value is read before the suspension
            log.Add("after += " + Seed);
            seed = seed * 2 + Tw(seed);
            var post = seed--;
            Bump(ref seed, Tw(3));
            Interlocked.Add(ref seed, 100);
            return post * 1000 + seed;
        }

        [Goroutine]
        public int Loop(Log log, int n)
        {
            for (var i = 0; i < n + 3; i++)
            {
                seed += Sp.Val(i);
                log.Add("i=" + i + " seed=" + Seed);
                if (seed > 20) break;
            }
            while (seed > 5) seed -= Tw(2);
            return seed;
        }

        [Goroutine]
        public int InLambdas(Log log, int n)
        {
            Func<int> twice = () => seed * 2;
            Action<int> set = v => seed = v;
            var first = twice();
            Go.Yield();
            seed += Tw(n + 1);
            var second = twice();                // the lambda reads the storage, not a copy made when it was created
            set(Tw(7));
            Go.Yield();
            var list = new List<int> { 1, 2, 3 };
            list.ForEach(x => seed += x);
            return first * 10000 + second * 100 + seed;
        }

        /// <summary>A nested goroutine call writes the parameter; the caller reads it after.</summary>
        [Goroutine]
        public int Nested(Log log, int n)
        {
            var a = Inner(n);
            log.Add("inner gave " + a + ", seed " + seed);
            var b = Inner(Tw(n + 1)) + seed;
            return a * 1000 + b + nameof(seed).Length;
        }

        [Goroutine]
        private int Inner(int k)
        {
            Go.Yield();
            seed += k * 10;
            return seed;
        }

        private static void Bump(ref int v, int by) => v += by;
    }

    [Goroutine]
    public static string PrimaryParameterRead(Log log, int n)
    {
        var c = new PcCounter(n + 4, "c");
        return c.Read(n) + "|" + c.Read(Tw(n + 1)) + "|" + c.Seed;
    }

    [Goroutine]
    public static int PrimaryParameterWrite(Log log, int n)
    {
        var c = new PcCounter(n, "w");
        var r = c.Write(log, n);
        return r * 10 + c.Seed;
    }

    [Goroutine]
    public static int PrimaryParameterInALoopWithSuspension(Log log, int n)
    {
        var c = new PcCounter(n, "l");
        return c.Loop(log, n) * 100 + c.Seed;
    }

    [Goroutine]
    public static int PrimaryParameterInLambdas(Log log, int n)
    {
        var c = new PcCounter(n, "f");
        return c.InLambdas(log, n) + c.Seed;
    }

    [Goroutine]
    public static int PrimaryParameterWrittenByANestedGoroutine(Log log, int n)
    {
        var c = new PcCounter(n, "n");
        return c.Nested(log, n) * 10 + c.Seed;
    }

    public partial class PcBox<T>(T value, int count) where T : notnull
    {
        [Goroutine]
        public string Show<U>(U extra)
        {
            Go.Yield();
            count += Tw(1);
            var s = value + ":" + extra + ":" + count;
            value = default!;
            return s + "/" + (value is null ? "null" : value.ToString());
        }

        public int Count => count;
    }

    [Goroutine]
    public static string PrimaryParameterOfAGenericType(Log log, int n)
    {
        var b = new PcBox<string>("s" + n, n);
        var i = new PcBox<int>(n, 2 * n);
        return b.Show(n) + "|" + b.Show("x") + "|" + b.Count + "|" + i.Show(1.5) + "|" + i.Count;
    }

    public partial record class PcRecord(int Seed, string Tag)
    {
        [Goroutine]
        public string Describe(int n)
        {
            Go.Yield();
            return Tag + (Seed + Tw(n));
        }
    }

    public partial record class PcRecordCapturing(int seed)
    {
        // A record's positional parameter declares a property of its name, which every body reads (no field to reach).
        public int Twice() => seed * 2;

        [Goroutine]
        public int Step(int n)
        {
            Go.Yield();
            return seed + Tw(n);
        }
    }

    [Goroutine]
    public static string PrimaryParameterOfARecordClass(Log log, int n)
    {
        var r = new PcRecord(n, "r");
        var r2 = r with { Seed = n + 10 };
        var c = new PcRecordCapturing(n + 1);
        return r.Describe(n) + "|" + r2.Describe(Tw(1)) + "|" + c.Step(n) + "|" + c.Twice();
    }

    public partial class PcShadowed(int seed, int other)
    {
        // A member of the same name: bodies read the field, not the parameter (nothing is captured).
        private int seed = seed * 10;

        [Goroutine]
        public int Run(Log log, int n)
        {
            Go.Yield();
            seed += Tw(n);
            var r = seed * 100 + other;
            {
                var other = Tw(n + 50);          // a local shadows the parameter in this block
                r += other;
                Go.Yield();
            }
            other++;
            return r * 10 + other;
        }

        [Goroutine]
        public int ShadowedByAParameter(int other)
        {
            Go.Yield();
            return other + Tw(1);
        }
    }

    [Goroutine]
    public static int PrimaryParameterShadowed(Log log, int n)
    {
        var s = new PcShadowed(n, 3);
        return s.Run(log, n) + s.Run(log, n + 1) + s.ShadowedByAParameter(n * 7);
    }

    public readonly partial struct PcPoint(int x, int y)
    {
        [Goroutine]
        public int Sum(int n)
        {
            Go.Yield();
            return x * 100 + y + Tw(n);
        }

        public int X => x;
    }

    public partial struct PcMutablePoint(int x)
    {
        public void Move() => x++;

        [Goroutine]
        public readonly int Read(int n)
        {
            Go.Yield();
            return x + Tw(n);
        }
    }

    [Goroutine]
    public static int PrimaryParameterOfAStruct(Log log, int n)
    {
        var p = new PcPoint(n, 7);
        var m = new PcMutablePoint(n);
        m.Move();
        var a = m.Read(n);
        m.Move();
        return p.Sum(n) + p.X + a * 1000 + m.Read(1) * 100000;
    }
}
