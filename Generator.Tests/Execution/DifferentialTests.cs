using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace GoSharp.Generator.Tests.Execution;

/// <summary>
/// Differential tests: every [Goroutine] case of <see cref="Cases"/> runs as a plain call and as a goroutine
/// on 1, 2 and 4 Ps; results (or exceptions) and side-effect logs must be identical.
/// </summary>
public class DifferentialTests
{
    private static readonly int[] Inputs = { 0, 1, 3 };
    private static readonly int[] Procs = { 1, 2, 4 };

    public static IEnumerable<MethodInfo> CaseMethods() =>
        typeof(Cases).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<GoroutineAttribute>() is not null)
            .Where(m => m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(Log), typeof(int) }))
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    public static IEnumerable<object[]> Data() =>
        from m in CaseMethods() from n in Inputs from p in Procs select new object[] { m.Name, n, p };

    [Fact]
    public void ThereAreManyCases() => Assert.True(CaseMethods().Count() >= 60, "cases: " + CaseMethods().Count());

    [Theory]
    [MemberData(nameof(Data))]
    public void GoroutineMatchesPlainCall(string name, int n, int procs)
    {
        var plainMethod = typeof(Cases).GetMethod(name)!;
        var launcher = typeof(Cases).GetMethod("Go" + name)!;

        var plainLog = new Log();
        var plain = Outcome(() => plainMethod.Invoke(null, new object[] { plainLog, n }));

        var goLog = new Log();
        string go;
        using (var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = procs }))
        using (rt.Enter())
        {
            go = Outcome(() =>
            {
                var handle = launcher.Invoke(null, new object[] { goLog, n })!;
                var join = handle.GetType().GetMethod("Join", Type.EmptyTypes)!;
                return join.Invoke(handle, null);
            });
        }
        Assert.Equal(plain, go);
        Assert.Equal(plainLog.ToString(), goLog.ToString());
    }

    private static string Outcome(Func<object?> run)
    {
        try
        {
            return "value " + (run() ?? "void");
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return "throws " + e.InnerException.GetType().Name + ": " + e.InnerException.Message;
        }
    }
}
