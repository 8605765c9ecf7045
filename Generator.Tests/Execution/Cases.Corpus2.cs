using System;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle on new codebases (YamlDotNet, Markdig, SharpZipLib, CsvHelper,
// MathNet.Numerics), each reduced to a differential case.
public static partial class Cases
{
    // MathNet.Numerics' Normal.WithMeanVariance(double mean, double var): a parameter and a local named `var`,
    // read as values (they were taken for the type keyword and left unrewritten: CS0103).
    [Goroutine]
    public static string C2VarNamedVariables(Log log, int n)
    {
        double var = n + 0.5;
        var r = Tw(1) + var;
        var v2 = C2VarParameter(n, Tw(n * 2));
        log.Add("var " + var);
        return r + "," + v2;
    }

    [Goroutine]
    private static double C2VarParameter(double mean, double var)
    {
        var s = Math.Sqrt(var + Tw(1));
        return mean + s + var;
    }
}
