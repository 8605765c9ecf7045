using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace GoSharp.Corpus;

/// <summary>
/// <c>--run</c>: the differential oracle on real code. Every static method of the marked corpus whose parameters
/// are simple values (numbers, strings, arrays of them; an optional parameter of another type gets its default)
/// runs on random small inputs twice: as the plain call and
/// as a goroutine through its launcher, on 2 Ps with every nested goroutine call trampolined (GOSHARP_DEBUG's
/// trampolinecalls: each caller takes its resume path, so a value the lowering lost across a suspension shows).
/// The result or exception and the arguments afterwards (in-place algorithms change their arrays) must match.
/// Left out: a method whose two plain calls disagree (it uses Random or a clock), one the generator refused (its frame
/// only throws to say so), and a plain call that does not finish in two seconds on an input is left out (it would not finish as a goroutine
/// either; its thread is abandoned, and the process exits at the end).
/// With <c>--instances</c>, instance methods with simple parameters run too, each run on a fresh receiver, and the
/// receiver's state afterwards is compared with the result (Receivers.cs).
/// </summary>
internal static class RunDifferential
{
    private static readonly Type[] Supported =
    {
        typeof(int), typeof(long), typeof(double), typeof(bool), typeof(char), typeof(string),
        typeof(int[]), typeof(long[]), typeof(double[]), typeof(string[]), typeof(char[]),
        typeof(byte), typeof(short), typeof(uint), typeof(ulong), typeof(float), typeof(decimal), typeof(byte[]), typeof(float[]),
    };

    public static int Run(Compilation output, int inputsPerMethod, bool instances, IReadOnlySet<string> skipped)
    {
        using var pe = new MemoryStream();
        var emitted = output.Emit(pe);
        if (!emitted.Success)
        {
            Console.WriteLine("--run: the marked corpus does not emit: " + emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
            return 1;
        }
        var alc = new AssemblyLoadContext("corpus", isCollectible: true);
        alc.Resolving += (_, name) => AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name.Name);
        pe.Position = 0;
        var asm = alc.LoadFromStream(pe);

        var types = asm.GetTypes();
        var methods = types
            .Where(t => !t.IsGenericTypeDefinition && !t.ContainsGenericParameters && !t.IsByRefLike) // reflection cannot invoke a ref struct's methods
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsGenericMethodDefinition && m.GetCustomAttribute<GoroutineAttribute>() is not null)
            .Where(m => m.GetParameters().All(Runnable))
            .Select(m => (Method: m, Launcher: Launcher(m, BindingFlags.Static), Receiver: (Type?)null))
            .Where(x => x.Launcher is not null)
            .OrderBy(x => x.Method.DeclaringType!.FullName + "." + x.Method.Name, StringComparer.Ordinal)
            .ToList();
        int staticMethods = methods.Count;
        if (instances)
        {
            // Instance methods on fresh receivers (Receivers.cs), after the static ones so that their figures stay.
            methods.AddRange(types
                .Where(t => !t.IsGenericTypeDefinition && !t.ContainsGenericParameters && !t.IsInterface && !t.IsByRefLike)
                .Select(t => (Type: t, Receiver: Receivers.ConcreteFor(t, types)))
                .Where(x => x.Receiver is not null)
                .SelectMany(x => x.Type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Select(m => (Method: m, Receiver: x.Receiver)))
                .Where(x => !x.Method.IsGenericMethodDefinition && !x.Method.IsAbstract && x.Method.GetCustomAttribute<GoroutineAttribute>() is not null)
                .Where(x => x.Method.GetParameters().All(Runnable))
                .Select(x => (x.Method, Launcher: Launcher(x.Method, BindingFlags.Instance), x.Receiver))
                .Where(x => x.Launcher is not null)
                .OrderBy(x => x.Method.DeclaringType!.FullName + "." + x.Method.Name, StringComparer.Ordinal));
        }

        // --suspend's inserted points: how many the goroutine runs passed (each a yield, trampolined).
        var calls = asm.GetType("__Sus")?.GetField("Calls");
        long suspensions = 0;
        var options = new GoRuntimeOptions { MaxProcs = 2, TrampolineEveryCall = true };
        using var rt = new GoRuntime(options);
        int runs = 0, agreed = 0, slow = 0, mismatched = 0, nondeterministic = 0, refused = 0;
        var mismatches = new List<string>();
        int instanceRuns = 0, instanceAgreed = 0, noReceiver = 0;
        var refusedNames = new List<string>();
        methods.RemoveAll(x => skipped.Contains(x.Method.DeclaringType!.FullName + "." + x.Method.Name));
        foreach (var (method, launcher, receiverType) in methods)
        {
            var random = new Random(StableHash(method.DeclaringType!.FullName + "." + method.Name));
            // A method without parameters on a fresh receiver computes the same each time: one input is enough.
            int inputs = receiverType is not null && method.GetParameters().Length == 0 ? 1 : inputsPerMethod;
            for (int i = 0; i < inputs; i++)
            {
                object?[] args = method.GetParameters().Select(p => Supported.Contains(p.ParameterType) ? Value(p.ParameterType, random) : Default(p)).ToArray();
                string input = string.Join(", ", args.Select(Render));
                object?[] plainArgs = args.Select(Clone).ToArray();
                object? plainReceiver = null, againReceiver = null, goReceiver = null;
                if (receiverType is not null
                    && !(TryRun(() => Receivers.TryMake(receiverType, out plainReceiver) && Receivers.TryMake(receiverType, out againReceiver)
                        && Receivers.TryMake(receiverType, out goReceiver) ? "made" : "", out string made, seconds: 2) && made == "made"))
                {
                    noReceiver++;
                    break;
                }
                if (!TryRun(() => Outcome(() => method.Invoke(plainReceiver, plainArgs)) + ReceiverState(plainReceiver), out string plain, seconds: 2))
                {
                    slow++;
                    break;
                }
                // A method whose plain calls disagree with each other (Random, clocks, hashing of references) is no oracle.
                object?[] againArgs = args.Select(Clone).ToArray();
                if (!TryRun(() => Outcome(() => method.Invoke(againReceiver, againArgs)) + ReceiverState(againReceiver), out string again, seconds: 2) || again != plain
                    || string.Join(", ", againArgs.Select(Render)) != string.Join(", ", plainArgs.Select(Render)))
                {
                    nondeterministic++;
                    break;
                }
                object?[] goArgs = args.Select(Clone).ToArray();
                long callsBefore = (long?)calls?.GetValue(null) ?? 0;
                if (!TryRun(() =>
                {
                    using var _ = rt.Enter();
                    return Outcome(() =>
                    {
                        object handle = launcher!.Invoke(goReceiver, goArgs)!;
                        return handle.GetType().GetMethod("Join", Type.EmptyTypes)!.Invoke(handle, null);
                    }) + ReceiverState(goReceiver);
                }, out string goroutine, seconds: 10))
                    goroutine = "did not finish in 10 s";
                suspensions += ((long?)calls?.GetValue(null) ?? 0) - callsBefore;
                // A method the generator refused (a GOSH error, its own or a callee's) has a frame that only says so.
                if (goroutine.Contains("was refused by the GoSharp generator", StringComparison.Ordinal))
                {
                    refused++;
                    refusedNames.Add(method.DeclaringType!.FullName + "." + method.Name);
                    break;
                }
                plain += " | args after: " + string.Join(", ", plainArgs.Select(Render));
                goroutine += " | args after: " + string.Join(", ", goArgs.Select(Render));
                // Two plain calls may agree by chance (a random choice among few values): a difference counts only
                // when four more plain calls on fresh arguments and receivers all compute the first one's outcome.
                if (plain != goroutine && !PlainRepeats(method, receiverType, args, plain))
                {
                    nondeterministic++;
                    break;
                }
                runs++;
                if (receiverType is not null) instanceRuns++;
                if (plain == goroutine)
                {
                    agreed++;
                    if (receiverType is not null) instanceAgreed++;
                    continue;
                }
                mismatched++;
                string on = receiverType is null ? "" : $" on a new {receiverType.FullName}";
                mismatches.Add($"{method.DeclaringType!.FullName}.{method.Name}({input}){on}\n      plain:     {plain}\n      goroutine: {goroutine}");
                break;
            }
        }
        if (instances)
            Console.WriteLine($"--run --instances: {methods.Count - staticMethods} instance methods with simple parameters on new receivers, "
                + $"{instanceRuns} of the runs below, {instanceAgreed} agree; left out: {noReceiver} whose receiver could not be made");
        Console.WriteLine($"--run: {methods.Count} methods with simple parameters, {runs} runs on random inputs, {agreed} agree, "
            + $"{mismatched} methods differ; left out: {slow} too slow for their inputs, {nondeterministic} nondeterministic, {refused} refused (GOSH errors)"
            + (calls is null ? "" : $"; the goroutine runs passed {suspensions} inserted suspension points"));
        if (refusedNames.Count > 0) Console.WriteLine("  refused: " + string.Join(", ", refusedNames.Take(20)));
        foreach (var m in mismatches.Take(30)) Console.WriteLine("  " + m);
        return mismatched == 0 ? 0 : 1;
    }

    // A difference counts only when this many more plain calls all repeat the first: two calls of a method drawing
    // from a shared random source agree by chance often enough (MathNet's Categorical.Sample agreed 4 times once).
    private const int ConfirmingPlainCalls = 16;

    private static bool PlainRepeats(MethodInfo method, Type? receiverType, object?[] args, string plain)
    {
        for (int k = 0; k < ConfirmingPlainCalls; k++)
        {
            object?[] more = args.Select(Clone).ToArray();
            object? receiver = null;
            if (receiverType is not null && !Receivers.TryMake(receiverType, out receiver)) return false;
            if (!TryRun(() => Outcome(() => method.Invoke(receiver, more)) + ReceiverState(receiver), out string again, seconds: 2)
                || again + " | args after: " + string.Join(", ", more.Select(Render)) != plain)
                return false;
        }
        return true;
    }

    private static MethodInfo? Launcher(MethodInfo m, BindingFlags kind) =>
        m.DeclaringType!.GetMethods(kind | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .FirstOrDefault(l => l.Name == "Go" + m.Name && !l.IsGenericMethodDefinition
                && l.GetParameters().Select(p => p.ParameterType).SequenceEqual(m.GetParameters().Select(p => p.ParameterType)));

    private static string ReceiverState(object? receiver) => receiver is null ? "" : " | receiver after: " + Receivers.State(receiver, Render);

    private static bool TryRun(Func<string> run, out string result, int seconds)
    {
        string? r = null;
        var t = new Thread(() => r = run(), 16 * 1024 * 1024) { IsBackground = true };
        t.Start();
        bool done = t.Join(TimeSpan.FromSeconds(seconds));
        result = r ?? "";
        return done;
    }

    private static string Outcome(Func<object?> run)
    {
        try { return "value " + Render(run()); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return "throws " + e.InnerException.GetType().Name + ": " + MessageOf(e.InnerException);
        }
    }

    // An exception's Message is user code too: Flee's compile exception builds it from a resource the corpus
    // assembly does not embed, and the getter throws. Its failure is part of the outcome rather than the end of the run.
    private static string MessageOf(Exception e)
    {
        try { return e.Message; }
        catch (Exception m) { return "(its Message throws " + m.GetType().Name + ")"; }
    }

    private static object? Value(Type t, Random r)
    {
        if (t == typeof(int)) return SmallInt(r);
        if (t == typeof(long)) return (long)SmallInt(r);
        if (t == typeof(double)) return r.Next(4) == 0 ? 0.5 * SmallInt(r) : SmallInt(r);
        if (t == typeof(float)) return r.Next(4) == 0 ? 0.5f * SmallInt(r) : SmallInt(r);
        if (t == typeof(decimal)) return r.Next(4) == 0 ? 0.5m * SmallInt(r) : SmallInt(r);
        if (t == typeof(short)) return (short)SmallInt(r);
        if (t == typeof(byte)) return (byte)Math.Abs(SmallInt(r));
        if (t == typeof(uint)) return (uint)Math.Abs(SmallInt(r));
        if (t == typeof(ulong)) return (ulong)Math.Abs(SmallInt(r));
        if (t == typeof(bool)) return r.Next(2) == 0;
        if (t == typeof(char)) return "abcxyzAZ09 "[r.Next(11)];
        if (t == typeof(string)) return r.Next(10) == 0 ? "" : r.Next(3) == 0 ? Text(r, Markup, 24) : Text(r, "abcab xyzAB01", 9);
        if (t.IsArray)
        {
            var e = t.GetElementType()!;
            var a = Array.CreateInstance(e, r.Next(0, 8));
            for (int i = 0; i < a.Length; i++) a.SetValue(Value(e, r), i);
            return a;
        }
        throw new NotSupportedException(t.Name);
    }

    // Parsers (markup, YAML, CSV, formats) see their syntax too: a third of the strings come from punctuation and line breaks.
    private const string Markup = "ab *_#[]()<>-:`\n\\\"'{}0,.|!&;=";

    private static string Text(Random r, string alphabet, int maxLength) =>
        new string(Enumerable.Range(0, r.Next(1, maxLength)).Select(_ => alphabet[r.Next(alphabet.Length)]).ToArray());

    // A parameter gets a random value of a simple type, or its default when it has one (Markdown.ToHtml(string,
    // MarkdownPipeline? pipeline = null) runs with the default pipeline).
    private static bool Runnable(ParameterInfo p) => !p.ParameterType.IsByRef && (Supported.Contains(p.ParameterType) || p.HasDefaultValue);

    private static object? Default(ParameterInfo p) =>
        p.DefaultValue is not null and not DBNull and not Missing ? p.DefaultValue
        : p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null ? Activator.CreateInstance(p.ParameterType) : null;

    // Mostly small (algorithms of n loop n times, or 2^n), sometimes negative or zero.
    private static int SmallInt(Random r) => r.Next(10) switch { 0 => -r.Next(1, 4), 1 => 0, _ => r.Next(1, 13) };

    private static object? Clone(object? v) => v is Array a ? a.Clone() : v;

    private static string Render(object? v)
    {
        try { return RenderCore(v); }
        catch (Exception e) { return "<rendering threw " + e.GetType().Name + ">"; }
    }

    // Nested enumerables are rendered 8 levels deep and 5,000 elements in all (the first 50 of each): a value whose
    // elements are enumerables again without end (language-ext has such values) overflowed the stack, which ends
    // the process.
    private static string RenderCore(object? v) => RenderCore(v, 0, new int[] { 5000 });

    private static string RenderCore(object? v, int depth, int[] budget) => v switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable when depth >= 8 || budget[0] <= 0 => "[...]",
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Take(50).TakeWhile(_ => budget[0]-- > 0).Select(x => RenderCore(x, depth + 1, budget))) + "]",
        _ => v.ToString() ?? "",
    };

    private static int StableHash(string s)
    {
        unchecked
        {
            int h = 17;
            foreach (char c in s) h = h * 31 + c;
            return h;
        }
    }
}
