using System;
using System.Globalization;
using System.Threading;

namespace GoSharp.Scheduler;

/// <summary>
/// Settings a program can give without code: an AppContext value (runtimeconfig.json's configProperties,
/// set from a project with <c>RuntimeHostConfigurationOption</c>) or an environment variable. AppContext
/// wins over the environment: it is the application's own decision, shipped with it, while a variable
/// may be inherited from anywhere. Unset or blank is "not given". A value that does not parse throws,
/// naming where it came from and what it was (docs/configuration.md lists every setting).
/// </summary>
internal static class RuntimeConfig
{
    internal const string MaxProcsSwitch = "GoSharp.MaxProcs";
    internal const string MaxProcsVariable = "GOMAXPROCS";
    internal const string SchedTraceSwitch = "GoSharp.SchedTraceMs";
    internal const string SchedTraceVariable = "GOSHARP_SCHEDTRACE";
    internal const string DetectDeadlocksSwitch = "GoSharp.DetectDeadlocks";
    internal const string DetectDeadlocksVariable = "GOSHARP_DETECTDEADLOCKS";
    internal const string PreemptSwitch = "GoSharp.PreemptMs";
    internal const string PreemptVariable = "GOSHARP_PREEMPT_MS";
    internal const string MaxThreadsSwitch = "GoSharp.MaxThreads";
    internal const string MaxThreadsVariable = "GOSHARP_MAXTHREADS";
    internal const string FlowSwitch = "GoSharp.FlowExecutionContext";
    internal const string FlowVariable = "GOSHARP_FLOWEXECUTIONCONTEXT";
    internal const string DebugSwitch = "GoSharp.Debug";
    internal const string DebugVariable = "GOSHARP_DEBUG";
    internal const string TrampolineCallsSetting = "trampolinecalls";

    /// <summary>
    /// The default runtime's options when code did not configure it: each setting from AppContext, else
    /// the environment, else its built-in default.
    /// </summary>
    public static GoRuntimeOptions FromConfiguration()
    {
        var options = new GoRuntimeOptions
        {
            Name = "default",
            MaxProcs = MaxProcs(),
            MaxThreads = MaxThreads(),
            SchedTrace = SchedTrace(),
            DetectDeadlocks = Bool(DetectDeadlocksSwitch, DetectDeadlocksVariable) ?? true,
            FlowExecutionContext = Bool(FlowSwitch, FlowVariable) ?? true,
        };
        if (Milliseconds(PreemptSwitch, PreemptVariable) is TimeSpan preempt) options.PreemptAfter = preempt;
        return options;
    }

    /// <summary>GOMAXPROCS from configuration, or null (then <see cref="Environment.ProcessorCount"/>).</summary>
    public static int? MaxProcs()
    {
        if (Read(MaxProcsSwitch, MaxProcsVariable, out string source) is not string text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= GoRuntime.MaxProcsLimit)
            return n;
        throw Invalid(source, text, $"a number between 1 and {GoRuntime.MaxProcsLimit}");
    }

    /// <summary>The thread limit from configuration, or null (then <see cref="GoRuntime.DefaultMaxThreads"/>).</summary>
    public static int? MaxThreads()
    {
        if (Read(MaxThreadsSwitch, MaxThreadsVariable, out string source) is not string text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1)
            return n;
        throw Invalid(source, text, "a positive number of threads");
    }

    /// <summary>
    /// One debugging setting of <c>GOSHARP_DEBUG</c> (Go: GODEBUG): a comma-separated list of
    /// <c>name=value</c> pairs; names this version does not know are ignored, as Go ignores them.
    /// Known: <c>trampolinecalls=1</c> (every nested goroutine call goes through the scheduler, as if it had
    /// suspended: a testing aid that runs every frame's resume path).
    /// </summary>
    public static bool DebugSetting(string setting)
    {
        if (Read(DebugSwitch, DebugVariable, out string source) is not string text) return false;
        foreach (string part in text.Split(','))
        {
            string[] kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (!string.Equals(kv[0], setting, StringComparison.OrdinalIgnoreCase)) continue;
            switch (kv.Length == 2 ? kv[1] : "")
            {
                case "1": return true;
                case "0": return false;
                default: throw Invalid(source, text, $"a list of name=value settings with {setting}=1 or {setting}=0");
            }
        }
        return false;
    }

    /// <summary>The scheduler trace period from configuration, or null (no trace).</summary>
    public static TimeSpan? SchedTrace() => Milliseconds(SchedTraceSwitch, SchedTraceVariable);

    private static TimeSpan? Milliseconds(string name, string variable)
    {
        if (Read(name, variable, out string source) is not string text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int ms) && ms > 0)
            return TimeSpan.FromMilliseconds(ms);
        throw Invalid(source, text, "a positive number of milliseconds");
    }

    internal static bool? Bool(string name, string variable)
    {
        // AppContext.SetSwitch keeps booleans apart from GetData's values; a project's
        // RuntimeHostConfigurationOption lands in GetData as text.
        if (AppContext.TryGetSwitch(name, out bool isOn)) return isOn;
        if (Read(name, variable, out string source) is not string text) return null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "1" or "true" or "on" or "yes": return true;
            case "0" or "false" or "off" or "no": return false;
            default: throw Invalid(source, text, "1 or 0 (true or false)");
        }
    }

    /// <summary>The AppContext value if given, else the environment variable's; null when neither is.</summary>
    private static string? Read(string name, string variable, out string source)
    {
        object? data = AppContext.GetData(name);
        string? text = data is null ? null : Convert.ToString(data, CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(text))
        {
            source = $"AppContext setting {name}";
            return text.Trim();
        }
        source = $"environment variable {variable}";
        text = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static InvalidOperationException Invalid(string source, string text, string expected) =>
        new($"GoSharp: {source}='{text}' is not {expected}; unset it or fix it.");
}

/// <summary>
/// Holds the process-wide default runtime (<see cref="GoRuntime.Default"/>): created on first use from
/// <see cref="GoRuntime.ConfigureDefault"/>'s options, else from <see cref="RuntimeConfig"/>. A lock and a
/// field, not a <see cref="Lazy{T}"/>: a Lazy caches the exception of a failed creation forever, so one
/// bad variable seen once would fail every later use; here the next access after a fix succeeds. Tests
/// create their own holders to test this without touching the real default.
/// </summary>
internal sealed class DefaultRuntimeHolder
{
    private readonly Lock _lock = new();
    private readonly Func<GoRuntimeOptions, GoRuntime> _create;
    private GoRuntimeOptions? _configured;
    private volatile GoRuntime? _runtime;

    public DefaultRuntimeHolder(Func<GoRuntimeOptions, GoRuntime>? create = null) =>
        _create = create ?? (options => new GoRuntime(options));

    /// <summary>True once the runtime exists.</summary>
    public bool IsStarted => _runtime is not null;

    /// <summary>The runtime, created on the first call that succeeds.</summary>
    public GoRuntime Get() => _runtime ?? Create();

    private GoRuntime Create()
    {
        lock (_lock)
        {
            if (_runtime is GoRuntime started) return started;
            GoRuntimeOptions options = _configured ?? RuntimeConfig.FromConfiguration();
            GoRuntime rt = _create(options); // throws? nothing is stored: the next call tries again
            _runtime = rt;
            return rt;
        }
    }

    /// <summary>Sets the options the runtime will be created with; once, and only before it starts.</summary>
    public void Configure(GoRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            if (_runtime is not null)
                throw new InvalidOperationException(
                    "GoRuntime.ConfigureDefault: the default runtime has already started (something used GoRuntime.Default or a launcher first); configure it at the start of Main.");
            if (_configured is not null)
                throw new InvalidOperationException("GoRuntime.ConfigureDefault: the default runtime is already configured; it can be configured only once.");
            GoRuntimeOptions copy = options.Copy();
            copy.Name ??= "default";
            GoRuntime.Validate(copy); // a bad value fails here, where the caller can see it, not at some first use
            _configured = copy;
        }
    }
}
