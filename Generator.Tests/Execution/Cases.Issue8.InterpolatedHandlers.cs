using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: interpolated strings converted to custom interpolated string handlers, with suspension points in
// holes (InterpolatedStringHandlers.cs): the handler is created first (from the receiver and the arguments it
// names), then each part is appended in order, each hole evaluated just before its Append; the constructor's
// shouldAppend and bool-returning Append methods short-circuit the holes that follow.
public static partial class Cases
{
    /// <summary>Writes through handlers that log every constructor and Append call, and stop after a budget of calls.</summary>
    public sealed class Recorder
    {
        public Recorder(Log log, int budget)
        {
            Log = log;
            Budget = budget;
        }

        public Log Log { get; }

        /// <summary>How many Append calls return true; the constructor says shouldAppend = false at 0.</summary>
        public int Budget { get; }

        public int AppendCalls { get; set; }

        public string Write([InterpolatedStringHandlerArgument("")] BudgetHandler handler)
        {
            Log.Add("Write");
            return handler.Text + "#" + AppendCalls;
        }

        public string WriteTagged(string tag, [InterpolatedStringHandlerArgument("", "tag")] BudgetHandler handler)
        {
            Log.Add("WriteTagged " + tag);
            return tag + ":" + handler.Text;
        }
    }

    /// <summary>A class handler with the trailing out bool and bool-returning Append methods.</summary>
    [InterpolatedStringHandler]
    public sealed class BudgetHandler
    {
        private readonly StringBuilder _text = new();
        private readonly Recorder _recorder;

        public BudgetHandler(int literalLength, int formattedCount, Recorder recorder, out bool shouldAppend)
            : this(literalLength, formattedCount, recorder, "", out shouldAppend)
        {
        }

        public BudgetHandler(int literalLength, int formattedCount, Recorder recorder, string tag, out bool shouldAppend)
        {
            _recorder = recorder;
            recorder.Log.Add($"ctor({literalLength},{formattedCount},{tag})");
            shouldAppend = recorder.Budget > 0;
        }

        public string Text => _text.ToString();

        public bool AppendLiteral(string s) => Record("lit " + s, s);

        public bool AppendFormatted<T>(T value) => Record("fmt " + value, value?.ToString());

        public bool AppendFormatted<T>(T value, int alignment, string? format) =>
            Record($"fmt {value},{alignment},{format}", string.Format(CultureInfo.InvariantCulture, "{0," + alignment + (format is null ? "" : ":" + format) + "}", value));

        private bool Record(string what, string? text)
        {
            _recorder.AppendCalls++;
            _recorder.Log.Add(what);
            _text.Append(text);
            return _recorder.AppendCalls < _recorder.Budget;
        }
    }

    /// <summary>A struct handler (not a ref struct) with void Append methods, no out bool, and an argument it names.</summary>
    [InterpolatedStringHandler]
    public struct CountingHandler
    {
        private readonly Log _log;
        private string _text;
        private int _parts;

        public CountingHandler(int literalLength, int formattedCount, Log log)
        {
            _log = log;
            _text = "";
            _parts = 0;
            log.Add($"counting ctor({literalLength},{formattedCount})");
        }

        public void AppendLiteral(string s) { _parts++; _text += s; }

        public void AppendFormatted<T>(T value, string? format = null)
        {
            _parts++;
            _text += value is System.IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : value?.ToString();
            _log.Add("counting part " + _parts);
        }

        public readonly string Done() => _text + "/" + _parts;
    }

    public static string CountedText(Log log, [InterpolatedStringHandlerArgument("log")] CountingHandler handler) => handler.Done();

    private static StringBuilder LoggedBuilder(Log log, StringBuilder sb)
    {
        log.Add("receiver");
        return sb;
    }

    [Goroutine]
    public static string HandlerStringBuilderAppend(Log log, int n)
    {
        var sb = new StringBuilder();
        sb.Append($"a{Tw(n)}b{n,3}c{Tw(2.5):F1}");
        LoggedBuilder(log, sb).Append($"[{log.L("before", n)}|{Tw(n + 1),-4}|{log.L("after", "x")}]");
        sb.AppendLine($"line{Tw(n)}");
        sb.Append(CultureInfo.InvariantCulture, $"{Tw(1234.5):N1};{n}");
        for (var i = 0; i < n + 1; i++)
            sb.Append($"<{i}:{Tw(i * i)}>");
        StringBuilder? maybe = n > 1 ? sb : null;
        maybe?.Append($"?{Tw(n)}");
        return sb.ToString();
    }

    [Goroutine]
    public static string HandlerShortCircuit(Log log, int n)
    {
        // Budget n: with 0 the constructor says shouldAppend = false and no hole runs, the suspending ones
        // included; otherwise the Append call that spends the budget returns false and the later holes are skipped.
        var r = new Recorder(log, n);
        var first = r.Write($"x{log.L("h1", 1)}y{Tw(2)}z{log.L("h3", 3),5:D2}w{Tw("four")}");
        log.Add("first=" + first);
        var second = new Recorder(log, n + 2).WriteTagged(Tw("tag") + n, $"{Tw(n)}-{log.L("h5", 5)}");
        var total = 0;
        for (var i = 0; i < 3; i++)
        {
            var ri = new Recorder(log, i + n);
            total += ri.Write($"{Tw(i)}{log.L("loop", i)}").Length;
        }
        return first + "|" + second + "|" + total;
    }

    [Goroutine]
    public static string HandlerStructAndArguments(Log log, int n)
    {
        var a = CountedText(log, $"s{Tw(n)}t{n:D3}u{Tw(0.5):F2}");
        var b = CountedText(Tw(log), $"{log.L("first", 1)}{Tw(2)}");
        var c = n > 0 ? CountedText(log, $"{Tw("yes")}") : CountedText(log, $"no{n}");
        return a + "|" + b + "|" + c;
    }

    [Goroutine]
    public static string HandlerConditionalCallLeftOut(Log log, int n)
    {
        // Debug.Assert is [Conditional("DEBUG")], not defined here: the call and its arguments, holes and
        // suspension points included, are left out.
        Debug.Assert(log.L("cond", n > 5), $"never {log.L("hole", 1)}{Tw(2)}");
        Debug.Assert(Tw(n) > 5);
        log.Add("after");
        return "done" + Tw(n);
    }
}

public static partial class Cases
{
    [Goroutine]
    public static string HandlerConditionalCallNotDefinedHere(Log log, int n)
    {
        // GOSHARP_TRACE is defined in another file, not this one: the calls are left out here, arguments and all.
        TraceTo(log, $"t{Tw(n)}u{log.L("hole", n)}");
        TraceValue(log, Tw(n + 1));
        return "done" + n;
    }
}

public static partial class Cases
{
    /// <summary>A writer whose own [Goroutine] method passes an interpolated string to its own method (implicit this as the handler's argument).</summary>
    public sealed partial class SelfWriter
    {
        private readonly Log _log;
        private readonly int _limit;

        public SelfWriter(Log log, int limit)
        {
            _log = log;
            _limit = limit;
        }

        public int Calls { get; set; }

        public string Write([InterpolatedStringHandlerArgument("")] SelfHandler handler) => handler.Text + "/" + Calls;

        /// <summary>Returns false once <see cref="Calls"/> reaches the limit (no out bool: every string starts).</summary>
        public bool Take(string what)
        {
            Calls++;
            _log.Add(what);
            return Calls < _limit;
        }

        [Goroutine]
        public string Run(int n)
        {
            var a = Write($"a{Tw(n)}b{_log.L("c", n)}{Tw("d")}");
            var b = this.Write($"{Tw(n)}" + $"-{n}-" + $"{Tw(n + 1)}");
            return a + "|" + b;
        }
    }

    /// <summary>A class handler with bool-returning Append methods and no out bool.</summary>
    [InterpolatedStringHandler]
    public sealed class SelfHandler
    {
        private readonly SelfWriter _writer;
        private readonly StringBuilder _text = new();

        public SelfHandler(int literalLength, int formattedCount, SelfWriter writer) => _writer = writer;

        public string Text => _text.ToString();

        public bool AppendLiteral(string s)
        {
            _text.Append(s);
            return _writer.Take("lit " + s);
        }

        public bool AppendFormatted<T>(T value)
        {
            _text.Append(value);
            return _writer.Take("fmt " + value);
        }
    }

    [Goroutine]
    public static string HandlerImplicitThisAndAddition(Log log, int n)
    {
        var w = new SelfWriter(log, n + 2);
        var r = w.Run(n);
        return r + "|" + w.Calls;
    }

    [Goroutine]
    public static string HandlerNestedAndFaulting(Log log, int n)
    {
        var sb = new StringBuilder();
        var inner = new StringBuilder();
        // A hole that itself appends through a handler with a suspending hole.
        sb.Append($"<{Tw(inner.Append($"[{Tw(n)}]").Length)}:{(n > 1 ? Tw("big") : "small")}:{Tw<string?>(null) ?? Tw("dflt")}>");
        try
        {
            sb.Append($"x{Tw(n)}y{(n == 1 ? throw new System.InvalidOperationException("hole " + n) : n)}z{log.L("after throw", n)}");
        }
        catch (System.InvalidOperationException e)
        {
            log.Add("caught " + e.Message);
        }
        return sb + "|" + inner;
    }
}

public static partial class Cases
{
    /// <summary>Declared, never implemented: the compiler leaves out every call, arguments included.</summary>
    static partial void NeverImplemented(Log log, int value);

    [Goroutine]
    public static string PartialMethodWithoutImplementationLeftOut(Log log, int n)
    {
        NeverImplemented(log, Tw(log.L("arg", n)));
        log.Add("after");
        return "done" + Tw(n);
    }
}

/// <summary>An extension method whose receiver is the handler's argument.</summary>
public static class RecorderExtensions
{
    public static string WriteTwice(this Cases.Recorder recorder, [InterpolatedStringHandlerArgument("recorder")] Cases.BudgetHandler handler) =>
        handler.Text + handler.Text;
}

public static partial class Cases
{
    /// <summary>A constructor with a handler parameter that names an earlier constructor parameter.</summary>
    public sealed class RecordedLine
    {
        public RecordedLine(Recorder recorder, [InterpolatedStringHandlerArgument("recorder")] BudgetHandler handler) =>
            Text = handler.Text + "@" + recorder.AppendCalls;

        public string Text { get; }
    }

    private static Recorder NewRecorder(Log log, int budget)
    {
        log.Add("recorder " + budget);
        return new Recorder(log, budget);
    }

    [Goroutine]
    public static string HandlerConstructorAndExtensionArguments(Log log, int n)
    {
        var line = new RecordedLine(NewRecorder(log, Tw(n + 1)), $"p{Tw(n)}q{log.L("q", 1)}r{Tw(2)}");
        var twice = NewRecorder(log, n).WriteTwice($"{log.L("w", 0)}{Tw(n)}");
        var chained = NewRecorder(log, Tw(3)).WriteTwice($"c{n}");
        return line.Text + "|" + twice + "|" + chained;
    }
}
