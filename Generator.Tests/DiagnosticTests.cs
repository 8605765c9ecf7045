using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>Each diagnostic fires at the exact span marked <c>[|...|]</c> in the source.</summary>
public class DiagnosticTests
{
    internal const string Prelude = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using GoSharp;
        using GoSharp.CompilerServices;

        """;

    internal static void Expect(string id, string markedSource, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var text = Prelude + markedSource;
        var start = text.IndexOf("[|", System.StringComparison.Ordinal);
        var end = text.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        var source = text.Replace("[|", "").Replace("|]", "");
        var result = GeneratorHarness.Run(source);
        // Reported once, by the analyzer, on the user's syntax tree (where pragmas and suppressions apply).
        Assert.Empty(result.GeneratorDiagnostics);
        var matching = result.AnalyzerDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count > 0, $"{id} not reported; got: {string.Join("; ", result.Diagnostics)}");
        var expected = TextSpan.FromBounds(start, end);
        Assert.Single(matching, d => d.Location.SourceSpan == expected);
        Assert.All(matching, d => Assert.Same(result.Output.SyntaxTrees.First(), d.Location.SourceTree));
        Assert.All(matching, d => Assert.Equal(severity, d.Severity));
        Assert.All(matching, d => Assert.StartsWith("https://", d.Descriptor.HelpLinkUri));
    }

    [Fact]
    public void NotPartial() => Expect("GOSH0002", """
        public class [|Outer|]
        {
            public partial class Inner { [Goroutine] static void M() { } }
        }
        """);

    [Fact]
    public void RefParameter() => Expect("GOSH0003", """
        public partial class C { [Goroutine] static void M(int a, [|ref int b|]) { } }
        """);

    [Fact]
    public void OutParameter() => Expect("GOSH0003", """
        public partial class C { [Goroutine] static void M([|out int b|]) { b = 1; } }
        """);

    [Fact]
    public void Async() => Expect("GOSH0004", """
        public partial class C { [Goroutine] static async Task [|M|]() { await Task.Yield(); } }
        """);

    [Fact]
    public void Iterator() => Expect("GOSH0004", """
        public partial class C { [Goroutine] static System.Collections.Generic.IEnumerable<int> [|M|]() { yield return 1; } }
        """);

    [Fact]
    public void SuspensionInLock() => Expect("GOSH0005", """
        public partial class C { [Goroutine] static void M(object o) { lock (o) { [|Go.Yield()|]; } } }
        """);

    [Fact]
    public void SuspensionInUnsafe() => Expect("GOSH0006", """
        public partial class C { [Goroutine] static void M() { unsafe { [|Go.Yield()|]; } } }
        """);

    [Fact]
    public void SuspensionInLambda() => Expect("GOSH0007", """
        public partial class C { [Goroutine] static void M() { Action a = () => [|Go.Yield()|]; a(); } }
        """);

    [Fact]
    public void SuspensionInLocalFunction() => Expect("GOSH0007", """
        public partial class C { [Goroutine] static void M() { void L() { [|Go.Yield()|]; } L(); } }
        """);

    [Fact]
    public void ThreadSleep() => Expect("GOSH0009", """
        public partial class C { [Goroutine] static void M() { [|Thread.Sleep(10)|]; } }
        """, DiagnosticSeverity.Warning);

    [Theory]
    [InlineData("Go.Blocking(() => Task.Delay(10).Wait());")]
    [InlineData("var n = Go.Blocking(() => { Task.Delay(10).Wait(); return 1; });")]
    [InlineData("using (Go.EnterBlocking()) Task.Delay(10).Wait();")]
    [InlineData("using var section = Go.EnterBlocking(); Task.Delay(10).Wait();")]
    [InlineData("Go.Await(Task.Run(() => Task.Delay(10).Wait()));")]
    [InlineData("Task.Factory.StartNew(() => Task.Delay(10).Wait());")]
    [InlineData("ThreadPool.QueueUserWorkItem(_ => Task.Delay(10).Wait());")]
    [InlineData("new Thread(() => Task.Delay(10).Wait()).Start();")]
    public void BlockingCallsThatDoNotStallTheGoroutineAreNotReported(string statement)
    {
        var result = GeneratorHarness.Run(Prelude + "public partial class C { [Goroutine] static void M() { " + statement + " } }");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOSH0009");
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void ABlockingCallAfterAnEnterBlockingScopeEndedIsReported() => Expect("GOSH0009", """
        public partial class C { [Goroutine] static void M() { using (Go.EnterBlocking()) { } [|Task.Delay(10).Wait()|]; } }
        """, DiagnosticSeverity.Warning);

    [Fact]
    public void ABlockingCallInALambdaThatRunsOnTheGoroutineIsReported() => Expect("GOSH0009", """
        public partial class C { [Goroutine] static void M() { Action a = () => [|Task.Delay(10).Wait()|]; a(); } }
        """, DiagnosticSeverity.Warning);

    [Fact]
    public void TaskResult() => Expect("GOSH0009", """
        public partial class C { [Goroutine] static int M(Task<int> t) { return [|t.Result|]; } }
        """, DiagnosticSeverity.Warning);

    [Fact]
    public void ValueTaskGetResult() => Expect("GOSH0009", """
        public partial class C { [Goroutine] static int M(ValueTask<int> t) { return [|t.GetAwaiter().GetResult()|]; } }
        """, DiagnosticSeverity.Warning);

    [Fact]
    public void TaskWait() => Expect("GOSH0009", """
        public partial class C { [Goroutine] static void M(Task t) { [|t.Wait()|]; } }
        """, DiagnosticSeverity.Warning);

    [Theory]
    [InlineData("string s = [|System.IO.File.ReadAllText(\"f\")|];")]
    [InlineData("[|System.IO.File.WriteAllBytes(\"f\", new byte[1])|];")]
    [InlineData("System.IO.Stream st = System.IO.Stream.Null; int n = [|st.Read(new byte[4], 0, 4)|];")]
    [InlineData("using var fs = new System.IO.FileStream(\"f\", System.IO.FileMode.Open); [|fs.Write(new byte[4])|];")]
    [InlineData("using var r = new System.IO.StreamReader(\"f\"); string? l = [|r.ReadLine()|];")]
    [InlineData("string? l = [|Console.ReadLine()|];")]
    [InlineData("using var h = new System.Net.Http.HttpClient(); [|h.Send(new System.Net.Http.HttpRequestMessage())|];")]
    [InlineData("using var so = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp); [|so.Receive(new byte[4])|];")]
    [InlineData("var ips = [|System.Net.Dns.GetHostAddresses(\"localhost\")|];")]
    [InlineData("using var p = new System.Diagnostics.Process(); [|p.WaitForExit()|];")]
    [InlineData("using var w = new System.IO.StreamWriter(\"f\"); [|w.WriteLine(\"x\")|];")]
    [InlineData("using var fs = System.IO.File.OpenRead(\"f\"); int b = [|fs.ReadByte()|];")]
    [InlineData("using var z = new System.IO.Compression.GZipStream(System.IO.Stream.Null, System.IO.Compression.CompressionMode.Decompress); int n = [|z.Read(new byte[4], 0, 4)|];")]
    [InlineData("[|System.IO.File.Move(\"a\", \"b\")|];")]
    public void SynchronousIoIsReported(string statement)
    {
        Expect("GOSH0009", "public partial class C { [Goroutine] static void M() { " + statement + " } }", DiagnosticSeverity.Warning);
        var result = GeneratorHarness.Run(Prelude + "public partial class C { [Goroutine] static void M() { " + statement.Replace("[|", "").Replace("|]", "") + " } }");
        Assert.Contains(result.Diagnostics, d => d.Id == "GOSH0009" && d.GetMessage().Contains("Go.Blocking"));
    }

    [Theory]
    [InlineData("var ms = new System.IO.MemoryStream(new byte[8]); int n = ms.Read(new byte[4], 0, 4);")]
    [InlineData("var r = new System.IO.StringReader(\"a\"); string? l = r.ReadLine();")]
    [InlineData("var ms = new System.IO.MemoryStream(new byte[8]); ms.ReadExactly(new byte[4]);")]
    [InlineData("var ms = new System.IO.MemoryStream(new byte[8]); ms.CopyTo(new System.IO.MemoryStream());")]
    [InlineData("var r = new System.IO.StringReader(\"abcd\"); int n = r.ReadBlock(new char[4], 0, 4);")]
    [InlineData("var w = new System.IO.StringWriter(); w.WriteLine(\"x\"); w.Flush();")]
    [InlineData("Console.WriteLine(\"hello\");")]
    [InlineData("string s = Go.Blocking(() => System.IO.File.ReadAllText(\"f\"));")]
    [InlineData("var t = Go.Await(System.IO.File.ReadAllTextAsync(\"f\"));")]
    public void IoThatDoesNotBlockTheGoroutineIsNotReported(string statement)
    {
        var result = GeneratorHarness.Run(Prelude + "public partial class C { [Goroutine] static void M() { " + statement + " } }");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOSH0009");
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void MonitorEnter() => Expect("GOSH0009", """
        public partial class C { [Goroutine] static void M(object o) { [|Monitor.Enter(o)|]; Monitor.Exit(o); } }
        """, DiagnosticSeverity.Warning);

    [Fact]
    public void SemaphoreSlimWait() => Expect("GOSH0009", """
        public partial class C { [Goroutine] static void M(SemaphoreSlim s) { [|s.Wait()|]; } }
        """, DiagnosticSeverity.Warning);

    [Fact]
    public void InitOnlyMemberAfterANestedInitializer() => Expect("GOSH0010", """
        public static class P
        {
            [SuspensionPoint(nameof(GetAw))] public static int Get() => 0;
            public static Aw GetAw() => default;
            public struct Aw { public bool IsCompleted => true; public FrameResult Suspend(G g, Frame f) => g.Yield(f); public int GetResult() => 0; }
        }
        // (An index initializer whose value is an initializer, `[0] = { X = P.Get() }`, is lowered:
        // Cases.RedTeam14Initializers.cs. A class without required members is made first and its members set in
        // order, Cases.Corpus7.cs; with a required one, `new Outer<int>()` alone does not compile, and no
        // [UnsafeAccessor] call can omit an optional argument without a constant default (one with a constant can,
        // Cases.RequiredMemberConstructors.cs), so the object is made with its init-only members first, and none may
        // follow a nested initializer.)
        public class Outer<T> { public System.Collections.Generic.List<int> Tags { get; } = new(); public required int X { get; init; } public Outer([System.Runtime.InteropServices.Optional] int k) { } }
        public partial class C { [Goroutine] static Outer<int> M() => new Outer<int> { Tags = { P.Get() }, [|X = 1|] }; }
        """);

    [Fact]
    public void LocalFunctionCapturingPerIterationVariableAsAnAnonymousDelegate() => Expect("GOSH0010", """
        public partial class C
        {
            [Goroutine]
            static int M(int[] xs)
            {
                // (To a named delegate type it is supported: Cases.Issue8.LocalFunctionDelegates.cs.)
                var fs = new System.Collections.Generic.List<Delegate>();
                foreach (var x in xs) { Go.Yield(); void L(ref int a) => a += x; var f = [|L|]; fs.Add(f); }
                return fs.Count;
            }
        }
        """);

    [Fact]
    public void AwaiterNotFound() => Expect("GOSH0011", """
        public static class P { [SuspensionPoint("Missing")] public static void Block() { } }
        public partial class C { [Goroutine] static void M() { [|P.Block()|]; } }
        """);

    // base.M(...), base properties, indexers and events are supported (BaseAccess.cs, Cases.BaseAccess*.cs); these stay refused.
    [Fact]
    public void BaseAccess_ref_returning_property() => Expect("GOSH0012", """
        public class B { int _v; public virtual ref int P => ref _v; }
        public partial class C : B { [Goroutine] void M() { Go.Yield(); [|base|].P = 3; } }
        """);

    [Fact]
    public void BaseAccess_ref_returning_indexer() => Expect("GOSH0012", """
        public class B { int[] _a = new int[3]; public virtual ref int this[int i] => ref _a[i]; }
        public partial class C : B { [Goroutine] int M() { Go.Yield(); return [|base|][2]; } }
        """);

    [Fact]
    public void BaseAccess_caller_information() => Expect("GOSH0012", """
        public class B { public virtual string Where([System.Runtime.CompilerServices.CallerMemberName] string m = "") => m; }
        public partial class C : B { [Goroutine] string M() { Go.Yield(); return [|base|].Where(); } }
        """);

    [Fact]
    public void A_partial_definition_is_checked_through_its_implementation_once()
    {
        Expect("GOSH0005", """
            public partial class C
            {
                [Goroutine] public partial void M(object o);
                public partial void M(object o) { lock (o) { [|Go.Yield()|]; } }
            }
            """);
        var r = GeneratorHarness.Run(Prelude + """
            public partial class C
            {
                [Goroutine] public partial void M(object o);
                public partial void M(object o) { lock (o) { Go.Yield(); } }
            }
            """);
        Assert.Single(r.AnalyzerDiagnostics, d => d.Id == "GOSH0005");
    }

    [Fact]
    public void A_partial_definition_without_implementation_has_no_body() => Expect("GOSH0013", """
        public partial class C
        {
            [Goroutine] partial void [|M|]();
            [Goroutine] void Caller() { Go.Yield(); M(); }
        }
        """);

    [Fact]
    public void NoBody() => Expect("GOSH0013", """
        public partial class C { [Goroutine] static extern void [|M|](); }
        """);

    [Fact]
    public void InitOnlyMemberAfterANestedInitializerWithASuspension() => Expect("GOSH0010", """
        // A required member the constructor does not set: `new P<int>()` alone does not compile and no [UnsafeAccessor]
        // call can omit an optional argument without a constant default, so the object cannot be made before its
        // members (a class or struct that can is, and its init-only members set in order).
        public class P<T> { public required string Name { get; init; } public System.Collections.Generic.List<int> Tags { get; init; } = new(); public int Age { get; init; } public P([System.Runtime.InteropServices.Optional] int k) { } }
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] static P<int> M() => new P<int> { Name = "a", Tags = { Tw(1) }, [|Age = 3|] };
        }
        """);

    [Fact]
    public void RefReturnedByACallKeptAcrossALaterSuspension() => Expect("GOSH0017", """
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] static int M(int[] a) => System.Runtime.CompilerServices.Unsafe.Add(ref [|System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(a)|], Tw(1));
        }
        """);

    // A ref-returning call whose own argument suspends, passed by reference before a later suspending argument: its
    // reference would wait in the frame (async: CS8178). Without the later one it is lowered (Cases.RedTeam13.cs).
    [Theory]
    [InlineData("var t = Add(ref [|At(a, Tw(0))|], Tw(1));")]
    [InlineData("var t = In(in [|At(a, Tw(0))|], Tw(1));")]
    public void RefReturnedByASuspendingCallKeptAcrossALaterSuspension(string statement) => Expect("GOSH0017", """
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            static ref int At(int[] a, int i) => ref a[i];
            static int Add(ref int c, int d) => c += d;
            static int In(in int c, int d) => c + d;
            [Goroutine] static void M(int[] a) { BODY }
        }
        """.Replace("BODY", statement));

    // The struct a ref-returning call, property or indexer gives, as the receiver of its method or indexer with a
    // suspending argument: C# calls it on the reference (async: CS8178); a copy in the frame would lose the method's
    // changes (it did: the call ran on a spilled copy). A readonly struct's is accepted (Cases.RedTeam13Structs.cs).
    [Theory]
    [InlineData("var t = [|At(a, 0)|].Add(Tw(1));")]
    [InlineData("var t = [|r.First|].Add(Tw(1));")]
    [InlineData("var t = [|At(a, 0)|][Tw(1)];")]
    [InlineData("[|At(a, 0)|][Tw(1)] = 5;")]
    public void RefReturnedStructAsTheReceiverOfASuspendingCall(string statement) => Expect("GOSH0017", """
        public struct S { public int X; public int Add(int d) => X += d; public int this[int i] { get => X + i; set => X = value + i; } }
        public class R { private S _s; public ref S First => ref _s; }
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            static ref S At(S[] a, int i) => ref a[i];
            [Goroutine] static void M(S[] a, R r) { BODY }
        }
        """.Replace("BODY", statement));

    // The reference a ref-returning property or indexer gives, taken before a suspending right side (async: CS8178).
    [Theory]
    [InlineData("[|r.First|] = Tw(1);")]
    [InlineData("[|r[0]|] = Tw(1);")]
    [InlineData("[|r[1]|] += Tw(1);")]
    [InlineData("Set(ref [|r.First|], Tw(1));")]
    [InlineData("int x; ([|r.First|], x) = (Tw(1), 2);")]
    [InlineData("var t = Read([|r.First|], Tw(1));")]
    [InlineData("var t = Read([|r[1]|], Tw(1));")]
    public void RefReturnedByAPropertyKeptAcrossALaterSuspension(string statement) => Expect("GOSH0017", """
        public class R { private int[] _a = new int[2]; public ref int this[int i] => ref _a[i]; public ref int First => ref _a[0]; }
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            static void Set(ref int x, int v) => x = v;
            static int Read(in int x, int y) => x + y;
            [Goroutine] static void M(R r) { BODY }
        }
        """.Replace("BODY", statement));

    // A blocking section has handed the P on: the goroutine cannot suspend inside it (the runtime would throw).
    [Theory]
    [InlineData("using (Go.EnterBlocking()) { [|c.Recv()|]; }")]
    [InlineData("using (Go.EnterBlocking()) [|Go.Yield()|];")]
    [InlineData("using var s = Go.EnterBlocking(); if (c is not null) { [|Go.Sleep(TimeSpan.FromMilliseconds(1))|]; }")]
    [InlineData("using (var s = Go.EnterBlocking()) { var x = 1 + [|Tw(2)|]; }")]
    public void SuspensionInsideABlockingSection(string body) => Expect("GOSH0024", """
        public partial class C
        {
            [Goroutine] static int Tw(int x) { Go.Yield(); return x; }
            [Goroutine] static void M(Chan<int> c) { BODY }
        }
        """.Replace("BODY", body));

    [Fact]
    public void SuspensionAfterABlockingSectionEnds()
    {
        var result = GeneratorHarness.Run(Prelude + """
            public partial class C { [Goroutine] static int M(Chan<int> c) { using (Go.EnterBlocking()) { _ = System.IO.File.Exists("x"); } return c.Recv(); } }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "GOSH0024");
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void LauncherNamedLikeTheType() => Expect("GOSH0016", """
        public partial class GoStep { [Goroutine] public void [|Step|]() { Go.Yield(); } }
        """, DiagnosticSeverity.Warning);

    [Fact]
    public void SuspensionInAnExceptionFilter() => Expect("GOSH0017", """
        public partial class C
        {
            [Goroutine] static bool Check(Exception e) { Go.Yield(); return e is not null; }
            [Goroutine] static void M() { try { Go.Yield(); } catch (Exception e) [|when (Check(e))|] { } }
        }
        """);

    // [MethodImpl(Synchronized)] holds a Monitor for the plain call; the frame would run unlocked (CS4015 for async).
    [Theory]
    [InlineData("public int")]
    [InlineData("public static int")]
    public void SynchronizedMethod(string modifiers) => Expect("GOSH0017", $$"""
        public partial class C
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.Synchronized)]
            [Goroutine] {{modifiers}} [|M|]() { Go.Yield(); return 1; }
        }
        """);

    [Fact]
    public void MutableStructInstance() => Expect("GOSH0014", """
        public partial struct S { int _n; [Goroutine] public void Bump() { Go.Yield(); [|_n++|]; } }
        """);

    [Fact]
    public void ReadonlyStructInstanceIsAllowed()
    {
        var result = GeneratorHarness.Run(Prelude + """
            public partial struct S { int _n; public S(int n) => _n = n; [Goroutine] public readonly int Get() { Go.Yield(); return _n; } }
            public readonly partial struct R { readonly int _n; public R(int n) => _n = n; [Goroutine] public int Get() { Go.Yield(); return _n; } }
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void FilterCallingALocalFunctionWithAnOutParameterAroundANestedGoroutineCall()
    {
        // No delegate of the frame can stand for a local function with an out parameter: the filter's first pass
        // across frames cannot call it. Reported at that use, naming every nested goroutine call of the try.
        const string source = """
            public partial class C
            {
                static int s_seen;
                [Goroutine] static void Callee() { try { Go.Yield(); throw new Exception(); } finally { s_seen++; } }
                [Goroutine] static int Other() { Go.Yield(); return 1; }
                [Goroutine] static int M()
                {
                    bool Check(Exception e, out int seen) { seen = s_seen; return seen == 0; }
                    try { Other(); Callee(); return 0; }
                    catch (Exception e) when (e != null && [|Check|](e, out var seen)) { return 1 + seen; }
                }
            }
            """;
        Expect("GOSH0015", source, DiagnosticSeverity.Warning);
        var message = GeneratorHarness.Run(Prelude + source.Replace("[|", "").Replace("|]", "")).AnalyzerDiagnostics.Single(d => d.Id == "GOSH0015").GetMessage();
        Assert.Contains("'Check'", message, System.StringComparison.Ordinal);
        Assert.Contains("its parameter 'seen' is ref, out or in", message, System.StringComparison.Ordinal);
        Assert.Contains("the nested goroutine calls 'Other', 'Callee' of the try", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void FilterCallingALocalFunctionAroundANestedGoroutineCallIsFine()
    {
        // Once GOSH0015: the first pass across frames calls the local function through a delegate the try stores.
        var result = GeneratorHarness.Run(Prelude + """
            public partial class C
            {
                static int s_seen;
                [Goroutine] static void Callee() { try { Go.Yield(); throw new Exception(); } finally { s_seen++; } }
                [Goroutine] static int M()
                {
                    bool Check(Exception e) => s_seen == 0;
                    try { Callee(); return 0; }
                    catch (Exception e) when (Check(e)) { return 1; }
                }
            }
            """);
        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(result.CompileDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains("_filterFn0_Check(", GeneratorHarness.GeneratedText(result));
    }

    [Fact]
    public void FiltersAroundNestedGoroutineCallsAreFine()
    {
        // Any filter that is not a local function's call runs in the first pass across frames: no warning, whatever
        // it reads (fields, methods, locals).
        var result = GeneratorHarness.Run(Prelude + """
            public partial class C
            {
                const string Expected = "x";
                static int s_seen;
                [Goroutine] static void Callee() { try { Go.Yield(); throw new Exception("x"); } finally { Go.Yield(); s_seen++; } }
                [Goroutine] static int M(int k)
                {
                    var local = k;
                    try { Callee(); return 0; }
                    catch (Exception e) when (e.Message.Contains(Expected) && e is { HResult: < 0 } && nameof(e).Length > 0) { return 1; }
                    catch (InvalidOperationException) when (Check(s_seen) && local > 0) { return 2; }
                }
                static bool Check(int seen) => seen == 0;
            }
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void GeneratorFailureBecomesADiagnostic()
    {
        GoSharp.Generator.Model.FrameModelBuilder.InjectFailure = m => m.Name == "FailHere_GOSH0001";
        try
        {
            Expect("GOSH0001", """
                public partial class C { [Goroutine] static void [|FailHere_GOSH0001|]() { Go.Yield(); } }
                """);
        }
        finally
        {
            GoSharp.Generator.Model.FrameModelBuilder.InjectFailure = null;
        }
    }

    [Fact]
    public void EveryDescriptorIsDocumented()
    {
        var docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        foreach (var d in GoSharp.Generator.Diagnostics.DiagnosticDescriptors.All)
            Assert.Contains("## " + d.Id, docs);
    }

    internal static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(path))!;

    [Fact]
    public void VirtualGoroutinesCompile()
    {
        // Frame factories: virtual, override, generic with inherited constraints, protected internal, an override
        // of a plain virtual method (a new factory chain), a sealed override.
        var result = GeneratorHarness.Run(Prelude + """
            public partial class B<TB>
            {
                [Goroutine] protected internal virtual T Echo<T>(T x, TB y) where T : class { Go.Yield(); return x; }
                [Goroutine] public virtual int Plain(int a = 3) { Go.Yield(); return a; }
                public virtual int NotGo() => 1;
                [Goroutine] public int Caller(B<TB> other, TB tb) { var s = other.Echo("s", tb); return other.Plain() + s.Length; }
            }
            public partial class D : B<int>
            {
                [Goroutine] protected internal override T Echo<T>(T x, int y) { Go.Yield(); return x; }
                [Goroutine] public override int NotGo() { Go.Yield(); return 2; }
                [Goroutine] public int Caller2(D d) => d.NotGo() + d.Plain(4) + d.GoEcho("e", 1).Join().Length;
            }
            public partial class E : D
            {
                [Goroutine] public sealed override int NotGo() { Go.Yield(); return 3; }
            }
            """);
        // D.NotGo overrides the plain B<int>.NotGo: calls through B<int> run it plainly (GOSH0023, a warning).
        Assert.Equal(new[] { "GOSH0023" }, result.Diagnostics.Select(d => d.Id));
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void ImplementingAnInterfaceMethodThatIsNotAGoroutine() => Expect("GOSH0023", """
        public partial interface IWorker { int Work(); }
        public partial class W : IWorker { [Goroutine] public int [|Work|]() { Go.Yield(); return 1; } }
        """, DiagnosticSeverity.Warning);

    [Fact]
    public void ExplicitlyImplementingAnInterfaceMethodThatIsNotAGoroutine() => Expect("GOSH0023", """
        public partial interface IWorker { int Work(); }
        public partial class W : IWorker { [Goroutine] int IWorker.[|Work|]() { Go.Yield(); return 1; } }
        """, DiagnosticSeverity.Warning);

    [Fact]
    public void ImplementingAStaticAbstractMemberThatIsNotAGoroutine() => Expect("GOSH0023", """
        public partial interface IMaker { static abstract int Make(); }
        public partial class W : IMaker { [Goroutine] public static int [|Make|]() { Go.Yield(); return 1; } }
        """, DiagnosticSeverity.Warning);

    // language-ext's DocNest<A>.ToString overrides the ToString the compiler writes for the base record Doc<A>: no
    // one can mark that one [Goroutine], as no one can mark object.ToString, so no GOSH0023 (its advice, "mark
    // 'Doc.ToString' [Goroutine] too", could not be followed).
    [Fact]
    public void OverridingARecordsSynthesizedMemberIsNoPlainAbstraction()
    {
        var result = GeneratorHarness.Run(Prelude + """
            public abstract partial record Doc<A>;
            public partial record DocNest<A>(int Indent) : Doc<A>
            {
                [Goroutine] public override string ToString() { Go.Yield(); return "(nest " + Indent + ")"; }
            }
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics);
    }

    // The compiler's ToString of a record overrides its base record's own plain ToString: calls through that one
    // run the [Goroutine] override plainly, and that one can be marked (it was no GOSH0023: the synthesized
    // member in between was skipped, and with it every method it overrides).
    [Fact]
    public void OverridingASynthesizedMemberOverADeclaredPlainOne() => Expect("GOSH0023", """
        public partial record Base { public override string ToString() => "base"; }
        public partial record Mid : Base;
        public partial record Leaf : Mid { [Goroutine] public override string [|ToString|]() { Go.Yield(); return "leaf"; } }
        """, DiagnosticSeverity.Warning);

    [Fact]
    public void CleanMethodHasNoDiagnostics()
    {
        var result = GeneratorHarness.Run(Prelude + "public partial class C { [Goroutine] static int M(int n) { Go.Yield(); return n; } }");
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileDiagnostics);
    }
}
