using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace GoSharp.Generator.Tests.Execution;

// A red team's find: an interpolated string handler parameter whose [InterpolatedStringHandlerArgument] names
// another argument or the receiver. Launchers (and frame constructors) lost the attribute, so `GoFmtTo(log,
// $"...")` and a nested call that passed `$"..."` without a suspension point in it did not compile; an indexer
// target whose index is such a handler was spilled as a string. The handler is now created at the call site, in
// C#'s order, and the launchers keep the attribute.
public static partial class Cases
{
    /// <summary>A handler that logs its construction (with what it was given) and every part.</summary>
    [InterpolatedStringHandler]
    public sealed class ArgumentHandler
    {
        private readonly StringBuilder _text = new();
        private readonly Log _log;

        public ArgumentHandler(int literalLength, int formattedCount, Log log)
        {
            _log = log;
            log.Add($"handler({literalLength},{formattedCount})");
        }

        public ArgumentHandler(int literalLength, int formattedCount, HandlerIndexed owner)
            : this(literalLength, formattedCount, owner.Log) => _text.Append(owner.Name + ":");

        public ArgumentHandler(int literalLength, int formattedCount, string prefix, Log log)
            : this(literalLength, formattedCount, log) => _text.Append(prefix + ":");

        public void AppendLiteral(string s)
        {
            _log.Add("lit " + s);
            _text.Append(s);
        }

        public void AppendFormatted<T>(T value)
        {
            _log.Add("fmt " + value);
            _text.Append(value);
        }

        public override string ToString() => _text.ToString();
    }

    /// <summary>An indexer whose second index is a handler built from the receiver.</summary>
    public sealed class HandlerIndexed
    {
        private readonly Dictionary<string, string> _values = new();

        public HandlerIndexed(Log log, string name)
        {
            Log = log;
            Name = name;
        }

        public Log Log { get; }

        public string Name { get; }

        public string this[int i, [InterpolatedStringHandlerArgument("")] ArgumentHandler key]
        {
            get
            {
                var k = i + "/" + key;
                Log.Add("get " + k);
                return _values.TryGetValue(k, out var v) ? v : "none";
            }
            set
            {
                var k = i + "/" + key;
                Log.Add("set " + k + "=" + value);
                _values[k] = value;
            }
        }
    }

    [Goroutine]
    public static string FormatTo(Log log, [InterpolatedStringHandlerArgument("log")] ArgumentHandler handler)
    {
        log.Add("format " + handler);
        Go.Yield();
        return "[" + handler + "]";
    }

    [Goroutine]
    public static string FormatPrefixed(string prefix, Log log, int k, [InterpolatedStringHandlerArgument("prefix", "log")] ArgumentHandler handler)
    {
        Go.Yield();
        return prefix + k + handler;
    }

    private static Log LoggedLog(Log log, string tag)
    {
        log.Add("arg " + tag);
        return log;
    }

    [Goroutine]
    public static string HandlerArgumentNestedCalls(Log log, int n)
    {
        // The hole does not suspend: the handler is still made here, after the arguments before it.
        var a = FormatTo(Tw(log), $"x{n}y");
        var b = FormatTo(LoggedLog(log, "plain"), $"{log.L("hole", n)}");
        var c = FormatPrefixed(Tw("p"), LoggedLog(log, "p"), Tw(n), $"h{n}");
        var d = FormatPrefixed(k: n, prefix: "q", log: LoggedLog(log, "named"), handler: $"h{Tw(n)}");
        var e = "w".Worded(Tw(2), $"w{n}");
        var f = "v".Worded(n, $"v{Tw(n)}");
        return a + b + c + d + e + f;
    }

    [Goroutine]
    public static string HandlerArgumentLaunchers(Log log, int n)
    {
        // The launchers take the interpolated string as the method does.
        var a = GoFormatTo(log, $"go{n}").Join();
        var b = "l".GoWorded(n, $"l{n}").Join();
        return a + b + Tw(n);
    }

    /// <summary>From plain code, as the red team wrote it.</summary>
    public static string HandlerArgumentLauncherFromPlainCode(Log log, int n) => GoFormatTo(log, $"{n}").Join();

    [Goroutine]
    public static string HandlerArgumentIndexer(Log log, int n)
    {
        var o = new HandlerIndexed(log, "o" + n);
        o[1, $"t{n}"] = Tw("v");
        o[Tw(3), $"t{n}"] = "w";
        o[Tw(3), $"t{n}"] += "w";
        o[Tw(3), $"t{n}"] += Tw("z");
        o[2, $"s{Tw(n)}"] = "x" + Tw(n);
        // C# 14's null-conditional assignment: the handler is made from the receiver of the ?[].
        var maybe = n > 0 ? o : null;
        maybe?[4, $"m{n}"] = Tw("q");
        return o[1, $"t{n}"] + o[Tw(3), $"t{n}"] + o[2, $"s{n}"] + o[4, $"m{n}"];
    }
}

public static partial class HandlerExtensions
{
    extension(string s)
    {
        [Goroutine]
        public string Worded(int k, [InterpolatedStringHandlerArgument("s")] ArgumentHandler2 h)
        {
            Go.Yield();
            return s + k + h;
        }
    }
}

/// <summary>A handler made from a string receiver.</summary>
[InterpolatedStringHandler]
public sealed class ArgumentHandler2
{
    private readonly StringBuilder _text = new();

    public ArgumentHandler2(int literalLength, int formattedCount, string owner) => _text.Append(owner + literalLength + formattedCount + ":");

    public void AppendLiteral(string s) => _text.Append(s);

    public void AppendFormatted<T>(T value) => _text.Append(value);

    public override string ToString() => _text.ToString();
}
