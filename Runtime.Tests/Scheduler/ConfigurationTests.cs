using System;
using System.Collections.Generic;
using GoSharp.Scheduler;
using Xunit;

namespace GoSharp.Runtime.Tests.Scheduler;

/// <summary>
/// Settings from environment variables and AppContext, and the default runtime's holder. They change
/// process-wide state that any runtime created meanwhile would read: run alone, and restore everything.
/// The holder is tested through instances of its own, never the real <see cref="GoRuntime.Default"/>.
/// </summary>
[Collection(nameof(ProcessWideState))]
public sealed class ConfigurationTests : IDisposable
{
    private static readonly string[] Variables =
    [
        RuntimeConfig.MaxProcsVariable, RuntimeConfig.SchedTraceVariable, RuntimeConfig.DetectDeadlocksVariable,
        RuntimeConfig.PreemptVariable, RuntimeConfig.FlowVariable, RuntimeConfig.MaxThreadsVariable, RuntimeConfig.DebugVariable,
    ];
    private static readonly string[] Switches =
    [
        RuntimeConfig.MaxProcsSwitch, RuntimeConfig.SchedTraceSwitch, RuntimeConfig.DetectDeadlocksSwitch,
        RuntimeConfig.PreemptSwitch, RuntimeConfig.FlowSwitch, RuntimeConfig.MaxThreadsSwitch, RuntimeConfig.DebugSwitch,
    ];

    private readonly Dictionary<string, string?> _savedVariables = new();
    private readonly Dictionary<string, object?> _savedData = new();

    public ConfigurationTests()
    {
        // Start from nothing configured, whatever the machine running the tests has set.
        foreach (string v in Variables)
        {
            _savedVariables[v] = Environment.GetEnvironmentVariable(v);
            Environment.SetEnvironmentVariable(v, null);
        }
        foreach (string s in Switches)
        {
            _savedData[s] = AppContext.GetData(s);
            AppContext.SetData(s, null);
        }
    }

    public void Dispose()
    {
        foreach (var (v, value) in _savedVariables) Environment.SetEnvironmentVariable(v, value);
        foreach (var (s, value) in _savedData) AppContext.SetData(s, value);
    }

    [Fact]
    public void NothingConfiguredGivesTheBuiltInDefaults()
    {
        GoRuntimeOptions o = RuntimeConfig.FromConfiguration();
        Assert.Equal("default", o.Name);
        Assert.Null(o.MaxProcs);
        Assert.Null(o.MaxThreads);
        Assert.Null(o.SchedTrace);
        Assert.True(o.DetectDeadlocks); // on by default: the proof never reports a goroutine that can still be woken
        Assert.True(o.FlowExecutionContext);
        Assert.Equal(TimeSpan.FromMilliseconds(10), o.PreemptAfter);
    }

    [Fact]
    public void EveryEnvironmentVariableIsRead()
    {
        Environment.SetEnvironmentVariable("GOMAXPROCS", "3");
        Environment.SetEnvironmentVariable("GOSHARP_SCHEDTRACE", "500");
        Environment.SetEnvironmentVariable("GOSHARP_DETECTDEADLOCKS", "0");
        Environment.SetEnvironmentVariable("GOSHARP_PREEMPT_MS", "25");
        Environment.SetEnvironmentVariable("GOSHARP_FLOWEXECUTIONCONTEXT", "0");
        Environment.SetEnvironmentVariable("GOSHARP_MAXTHREADS", "64");
        GoRuntimeOptions o = RuntimeConfig.FromConfiguration();
        Assert.Equal(3, o.MaxProcs);
        Assert.Equal(64, o.MaxThreads);
        using (var rt = new GoRuntime()) Assert.Equal(64, rt.Sched.MaxThreads); // any runtime leaving it null reads it
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.SchedTrace);
        Assert.False(o.DetectDeadlocks); // the opt-out
        Assert.Equal(TimeSpan.FromMilliseconds(25), o.PreemptAfter);
        Assert.False(o.FlowExecutionContext);

        Environment.SetEnvironmentVariable("GOSHARP_DETECTDEADLOCKS", "true");
        Environment.SetEnvironmentVariable("GOSHARP_FLOWEXECUTIONCONTEXT", "true");
        o = RuntimeConfig.FromConfiguration();
        Assert.True(o.DetectDeadlocks);
        Assert.True(o.FlowExecutionContext);
    }

    [Fact]
    public void AppContextWinsOverTheEnvironment()
    {
        Environment.SetEnvironmentVariable("GOMAXPROCS", "3");
        Environment.SetEnvironmentVariable("GOSHARP_PREEMPT_MS", "25");
        Environment.SetEnvironmentVariable("GOSHARP_DETECTDEADLOCKS", "0");
        Environment.SetEnvironmentVariable("GOSHARP_FLOWEXECUTIONCONTEXT", "1");
        // As runtimeconfig.json hands them over: text.
        AppContext.SetData("GoSharp.MaxProcs", "2");
        AppContext.SetData("GoSharp.PreemptMs", "40");
        AppContext.SetData("GoSharp.DetectDeadlocks", "true");
        AppContext.SetData("GoSharp.FlowExecutionContext", "0");
        AppContext.SetData("GoSharp.SchedTraceMs", 250); // a number set from code works too
        Environment.SetEnvironmentVariable("GOSHARP_MAXTHREADS", "64");
        AppContext.SetData("GoSharp.MaxThreads", "128");
        GoRuntimeOptions o = RuntimeConfig.FromConfiguration();
        Assert.Equal(128, o.MaxThreads);
        Assert.Equal(2, o.MaxProcs);
        Assert.Equal(TimeSpan.FromMilliseconds(40), o.PreemptAfter);
        Assert.True(o.DetectDeadlocks);
        Assert.False(o.FlowExecutionContext);
        Assert.Equal(TimeSpan.FromMilliseconds(250), o.SchedTrace);
        // Any runtime whose MaxProcs is left null reads the same settings.
        using var rt = new GoRuntime();
        Assert.Equal(2, rt.MaxProcs);
    }

    [Theory]
    [InlineData("GOMAXPROCS", "zero")]
    [InlineData("GOMAXPROCS", "0")]
    [InlineData("GOMAXPROCS", "1025")]
    [InlineData("GOSHARP_SCHEDTRACE", "-5")]
    [InlineData("GOSHARP_DETECTDEADLOCKS", "maybe")]
    [InlineData("GOSHARP_PREEMPT_MS", "0")]
    [InlineData("GOSHARP_PREEMPT_MS", "10ms")]
    [InlineData("GOSHARP_FLOWEXECUTIONCONTEXT", "2")]
    [InlineData("GOSHARP_MAXTHREADS", "0")]
    [InlineData("GOSHARP_MAXTHREADS", "lots")]
    public void AnInvalidVariableNamesItselfAndItsValue(string variable, string value)
    {
        Environment.SetEnvironmentVariable(variable, value);
        var ex = Assert.Throws<InvalidOperationException>(() => RuntimeConfig.FromConfiguration());
        Assert.Contains($"{variable}='{value}'", ex.Message);
    }

    [Fact]
    public void GosharpDebugIsAListOfSettingsAndIgnoresUnknownNames()
    {
        Assert.False(RuntimeConfig.DebugSetting("trampolinecalls"));
        Environment.SetEnvironmentVariable("GOSHARP_DEBUG", "somefuturesetting=7, trampolinecalls=1");
        Assert.True(RuntimeConfig.DebugSetting("trampolinecalls"));
        using (var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 })) Assert.True(rt.Sched.TrampolineEveryCall);
        Environment.SetEnvironmentVariable("GOSHARP_DEBUG", "trampolinecalls=0");
        using (var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 })) Assert.False(rt.Sched.TrampolineEveryCall);
        Environment.SetEnvironmentVariable("GOSHARP_DEBUG", "trampolinecalls=yes");
        var ex = Assert.Throws<InvalidOperationException>(() => new GoRuntime(new GoRuntimeOptions { MaxProcs = 1 }));
        Assert.Contains("GOSHARP_DEBUG='trampolinecalls=yes'", ex.Message);
    }

    [Fact]
    public void AnInvalidAppContextValueNamesItselfAndItsValue()
    {
        AppContext.SetData("GoSharp.PreemptMs", "soon");
        var ex = Assert.Throws<InvalidOperationException>(() => RuntimeConfig.FromConfiguration());
        Assert.Contains("GoSharp.PreemptMs='soon'", ex.Message);
    }

    [Fact]
    public void ABadValueDoesNotPoisonTheDefaultRuntime()
    {
        var holder = new DefaultRuntimeHolder();
        Environment.SetEnvironmentVariable("GOMAXPROCS", "lots");
        var ex = Assert.Throws<InvalidOperationException>(holder.Get);
        Assert.Contains("GOMAXPROCS='lots'", ex.Message);
        Assert.Throws<InvalidOperationException>(holder.Get); // still read, not a cached failure
        Assert.False(holder.IsStarted);

        Environment.SetEnvironmentVariable("GOMAXPROCS", "2");
        using GoRuntime rt = holder.Get();
        Assert.Equal(2, rt.MaxProcs);
        Assert.Equal("default", rt.Name);
        Assert.Same(rt, holder.Get());
    }

    [Fact]
    public void ConfigureBeforeFirstUseWinsOverConfiguration()
    {
        Environment.SetEnvironmentVariable("GOSHARP_DETECTDEADLOCKS", "0");
        Environment.SetEnvironmentVariable("GOMAXPROCS", "2");
        GoRuntimeOptions? used = null;
        var holder = new DefaultRuntimeHolder(o => new GoRuntime(used = o));
        var options = new GoRuntimeOptions { MaxProcs = 1, FlowExecutionContext = false };
        holder.Configure(options);
        options.MaxProcs = 3; // too late: the holder took a copy
        using GoRuntime rt = holder.Get();
        Assert.Equal(1, rt.MaxProcs);
        Assert.Equal("default", rt.Name);
        Assert.NotNull(used);
        Assert.False(used!.FlowExecutionContext);
        Assert.True(used.DetectDeadlocks); // the code's options are taken whole: the variable does not add to them
    }

    [Fact]
    public void ConfiguringTwiceOrAfterStartThrows()
    {
        var twice = new DefaultRuntimeHolder();
        twice.Configure(new GoRuntimeOptions { MaxProcs = 1 });
        var ex = Assert.Throws<InvalidOperationException>(() => twice.Configure(new GoRuntimeOptions { MaxProcs = 1 }));
        Assert.Contains("already configured", ex.Message);

        var started = new DefaultRuntimeHolder();
        using (GoRuntime rt = started.Get())
        {
            ex = Assert.Throws<InvalidOperationException>(() => started.Configure(new GoRuntimeOptions()));
            Assert.Contains("already started", ex.Message);
        }

        // The real default: whatever started it (this process's other tests), configuring it now is refused.
        _ = GoRuntime.Default;
        Assert.Throws<InvalidOperationException>(() => GoRuntime.ConfigureDefault(new GoRuntimeOptions()));
    }

    [Fact]
    public void InvalidOptionsAreRejectedAtConfigureAndCanBeCorrected()
    {
        var holder = new DefaultRuntimeHolder();
        Assert.Throws<ArgumentOutOfRangeException>(() => holder.Configure(new GoRuntimeOptions { MaxProcs = 0 }));
        holder.Configure(new GoRuntimeOptions { MaxProcs = 1 });
        using GoRuntime rt = holder.Get();
        Assert.Equal(1, rt.MaxProcs);
    }
}
