using System;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>Sets GOMAXPROCS, which any runtime created meanwhile would read: runs alone.</summary>
[Collection(nameof(ProcessWideState))]
public class EnvironmentTests
{
    [Fact]
    public void GomaxprocsEnvironmentVariableIsValidated()
    {
        string? old = Environment.GetEnvironmentVariable("GOMAXPROCS");
        try
        {
            Environment.SetEnvironmentVariable("GOMAXPROCS", "3");
            using (var rt = new GoRuntime()) Assert.Equal(3, rt.MaxProcs);
            Environment.SetEnvironmentVariable("GOMAXPROCS", "zero");
            var ex = Assert.Throws<InvalidOperationException>(() => new GoRuntime());
            Assert.Contains("GOMAXPROCS='zero'", ex.Message);
            Environment.SetEnvironmentVariable("GOMAXPROCS", "0");
            Assert.Throws<InvalidOperationException>(() => new GoRuntime());
            // An explicit MaxProcs wins over the variable, valid or not.
            using (var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 })) Assert.Equal(2, rt.MaxProcs);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GOMAXPROCS", old);
        }
    }
}
