using GoSharp.Generator.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>One snapshot of the generated source per construct family (see Infrastructure/Snapshot.cs).</summary>
public class SnapshotTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using GoSharp;
        using GoSharp.CompilerServices;

        namespace Demo;

        public static class Chan
        {
            [SuspensionPoint(nameof(GetRecvAwaiter))]
            public static int Recv() => 0;
            public static Awaiter GetRecvAwaiter() => default;
            public struct Awaiter
            {
                public bool IsCompleted => false;
                public FrameResult Suspend(G g, Frame frame) => g.Yield(frame);
                public int GetResult() => 1;
            }
        }

        """;

    private static void Run(string body, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var result = GeneratorHarness.Run(Prelude + body);
        Snapshot.Verify(result, method);
    }

    [Fact]
    public void StraightLine() => Run("""
        public static partial class Program
        {
            [Goroutine]
            public static int Add(int a)
            {
                var x = Chan.Recv();
                Go.Yield();
                return a + x;
            }
        }
        """);

    [Fact]
    public void Loops() => Run("""
        public static partial class Program
        {
            [Goroutine]
            internal static int Loops(int n, List<int> xs, IEnumerable<string> names)
            {
                var sum = 0;
                for (var i = 0; i < n; i++) { if (i == 2) continue; sum += Chan.Recv(); }
                while (sum < 100) { sum++; if (sum == 50) break; }
                do { sum--; } while (Chan.Recv() > 5);
                foreach (var x in xs) sum += x;
                foreach (var name in names) { Go.Yield(); sum += name.Length; }
                return sum;
            }
        }
        """);

    [Fact]
    public void SwitchAndGoto() => Run("""
        public static partial class Program
        {
            [Goroutine]
            static string Classify(object o)
            {
                switch (o)
                {
                    case int i when i > 10:
                        Go.Yield();
                        return "big " + i;
                    case int:
                        goto default;
                    case string s:
                        Chan.Recv();
                        return s;
                    default:
                        break;
                }
            retry:
                if (Chan.Recv() == 0) goto retry;
                return "other";
            }
        }
        """);

    [Fact]
    public void TryCatchFinally() => Run("""
        public static partial class Program
        {
            [Goroutine]
            static int Guarded(int n)
            {
                try
                {
                    n += Chan.Recv();
                }
                catch (InvalidOperationException e) when (e.Message != "")
                {
                    Go.Yield();
                    throw;
                }
                finally
                {
                    Chan.Recv();
                }
                return n;
            }
        }
        """);

    [Fact]
    public void UsingAndForeachDisposal() => Run("""
        public static partial class Program
        {
            [Goroutine]
            static void Use(IDisposable d, IEnumerable<int> xs)
            {
                using (d)
                {
                    Go.Yield();
                }
                using var again = d;
                foreach (var x in xs) { if (x > 3) return; Chan.Recv(); }
            }
        }
        """);

    [Fact]
    public void Spilling() => Run("""
        public static partial class Program
        {
            static int F(int a, int b, int c) => a + b + c;
            static int[] s_arr = new int[3];

            [Goroutine]
            static string Spill(int x, string? s)
            {
                var a = F(x, Chan.Recv(), x * 2);
                var b = x > 0 && Chan.Recv() > 0;
                var c = s ?? Chan.Recv().ToString();
                var d = x > 1 ? Chan.Recv() : 0;
                s_arr[x] += Chan.Recv();
                var list = new List<int> { 1, Chan.Recv() };
                var e = s?.IndexOf(Chan.Recv().ToString());
                s ??= Chan.Recv().ToString();
                return $"{a}{b}{c}{d}{Chan.Recv()}{list.Count}{e}";
            }
        }
        """);

    [Fact]
    public void NestedCallsInstanceAndGeneric() => Run("""
        public partial class Worker<T>
        {
            private T _value;
            public Worker(T value) => _value = value;

            [Goroutine]
            public T Get(int delay)
            {
                for (var i = 0; i < delay; i++) Go.Yield();
                return _value;
            }

            [Goroutine]
            public static U Twice<U>(Worker<U> w)
            {
                var a = w.Get(1);
                w.Get(2);
                var h = w.GoGet(3);
                return h.Join();
            }
        }
        """);

    [Fact]
    public void Diagnostics() => Run("""
        public static class Plain
        {
            [Goroutine]
            static void NotPartial() { }
        }

        public static partial class Program
        {
            [Goroutine]
            static void Bad(ref int x, object gate)
            {
                lock (gate) { Go.Yield(); }
                Action a = () => Go.Yield();
                System.Threading.Thread.Sleep(1);
            }
        }
        """);

    [Fact]
    public void ClosureEnvironments() => Run("""
        public static partial class Program
        {
            [Goroutine]
            public static List<Func<int>> Capture(int[] xs)
            {
                var fs = new List<Func<int>>();
                foreach (var x in xs)
                {
                    var y = x * 2;
                    Go.Yield();
                    int Sum(int a) => x + y + a;
                    var r = Chan.Recv();
                    fs.Add(() => Sum(r));
                    fs.Add(() => x + y);
                }
                return fs;
            }
        }
        """);

    [Fact]
    public void InterpolatedStringHandler() => Run("""
        [System.Runtime.CompilerServices.InterpolatedStringHandler]
        public sealed class Budget
        {
            public Budget(int literalLength, int formattedCount, Sink sink, out bool shouldAppend) => shouldAppend = sink.Open;
            public bool AppendLiteral(string s) => true;
            public bool AppendFormatted<T>(T value, int alignment, string? format) => value is not null;
            public bool AppendFormatted<T>(T value) => value is not null;
        }

        public sealed partial class Sink
        {
            public bool Open { get; set; }
            public void Write([System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] Budget text) { }

            [Goroutine]
            public static void Log(Sink sink, int n) => sink.Write($"n={n,4:x} recv={Chan.Recv()} next={n + 1}");
        }
        """);
}
