using System.Linq;
using System.Text;

namespace GoSharp.Generator.Tests.Infrastructure;

/// <summary>
/// A workload of many [Goroutine] methods (loops, continue, try/finally, foreach, switch, suspension points), one
/// class a file, 24 lines a method. Shared by <c>ManyMethodsTests</c> (a few, for correctness) and
/// bench/GoSharp.GeneratorBenchmarks (a thousand in 20 files, and 2,000 in one file of about 48,000 lines, for time),
/// which links this file.
/// </summary>
public static class ManyMethodsSource
{
    public static (string Path, string Source)[] Files(int classes, int methodsPerClass) =>
        Enumerable.Range(0, classes).Select(c => ("Many" + c + ".cs", Class(c, methodsPerClass))).ToArray();

    /// <summary>An edit of one method's body that changes no line count: <c>sum++;</c> becomes <c>sum += 2;</c> in method
    /// <paramref name="method"/> of a file made by <see cref="Files"/>.</summary>
    public static (int Start, int Length, string NewText) EditOneBody(string source, int method)
    {
        var at = source.IndexOf("int M" + method + "(", System.StringComparison.Ordinal);
        var sum = source.IndexOf("sum++;", at, System.StringComparison.Ordinal);
        return (sum, "sum++;".Length, "sum += 2;");
    }

    private static string Class(int index, int methods)
    {
        var sb = new StringBuilder("using System; using System.Collections.Generic; using GoSharp;\nnamespace Many;\n");
        sb.Append($"public partial class C{index}\n{{\n");
        for (var m = 0; m < methods; m++)
        {
            sb.Append($$"""
                [Goroutine]
                public static int M{{m}}(int n, List<int> xs)
                {
                    var sum = 0;
                    for (var i = 0; i < n; i++)
                    {
                        if (i % 3 == 0) continue;
                        Go.Yield();
                        sum += i;
                    }
                    try
                    {
                        foreach (var x in xs) sum += x > 2 ? x : 0;
                    }
                    finally
                    {
                        sum++;
                    }
                    switch (sum % 3) { case 0: Go.Yield(); break; default: sum--; break; }
                    return sum;
                }

            """);
        }
        sb.Append("}\n");
        return sb.ToString();
    }
}
