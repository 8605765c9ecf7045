using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team): caller-info parameters get what the compiler passes at the call site: the method's
// name (not the frame's Resume), the line of the call, the file, and the argument's text; for plain calls
// copied into the frame, for nested goroutine calls, in lambdas, in multi-line calls and nested calls.
public static partial class Cases
{
    [Goroutine]
    public static string ClrPlainCallsInFrame(Log log, int n)
    {
        var s = ClrPlain(n);
        s += "|" + ClrPlain(n + Tw(1));
        Go.Yield();
        s += "|" + ClrPlain(Tw(n) * 2,
            "explicit member");
        if (n > 0) s += "|" + ClrPlain(n - 1);
        Func<string> f = () => ClrPlain(n * 3);
        s += "|" + f();
        s += "|" + ClrPlain(ClrPlain(n).Length + Tw(0));
        s += "|" + ClrWithParams(Tw("a")) + "|" + ClrWithParams("b", "given", n, Tw(2)) + "|" + ClrWithParams(Tw("c"), values: new object[] { n });
        var made = new ClrMade(Tw(n));
        ClrMade implicitNew = new(n + 1);
        return s + "|" + made.Text + "|" + implicitNew.Text;
    }

    [Goroutine]
    public static string ClrNestedGoroutineCalls(Log log, int n)
    {
        var s = ClrGo(n);
        s += "|" + ClrGo(
            Tw(n) +
                1);
        s += "|" + ClrGo(value: n, line: 7);
        s += "|" + ClrGoForwarding(n);
        for (var i = 0; i < 2; i++)
            s += "|" + ClrGo(i /* comment */ + n);
        return s;
    }

    [Goroutine]
    private static string ClrGo(int value, [CallerMemberName] string member = "", [CallerLineNumber] int line = 0,
        [CallerFilePath] string path = "", [CallerArgumentExpression(nameof(value))] string expr = "")
    {
        Sp.Pause();
        return member + ":" + line + ":" + Path.GetFileName(path) + ":" + expr + ":" + value;
    }

    [Goroutine]
    private static string ClrGoForwarding(int v, [CallerMemberName] string outer = "")
    {
        // The inner call's caller is this method; its own caller's name comes in as a value.
        Go.Yield();
        return outer + ">" + ClrGo(v + 100) + ">" + ClrPlain(v);
    }

    [Goroutine]
    public static string ClrArgumentExpressionShapes(Log log, int n)
    {
        var arr = new[] { 1, 2, 3 };
        var s = ClrExpr(arr[Tw(1)] + n);
        s += "|" + ClrExpr(Tw(arr).Length);
        s += "|" + ClrExpr($"{Tw(n)}x".Length);
        s += "|" + ClrExpr(n switch { 0 => 10, _ => Tw(20) });
        s += "|" + ClrGoExpr(log, Tw(n) > 1 && arr.Length == 3);
        return s;
    }

    [Goroutine]
    private static string ClrGoExpr(Log log, bool condition, [CallerArgumentExpression(nameof(condition))] string text = "")
    {
        Go.Yield();
        log.Add("check " + text);
        return condition + ":" + text;
    }

    [Goroutine]
    public static string ClrInstanceAndExtensionCalls(Log log, int n)
    {
        var c = new ClrTarget();
        var s = c.Where(Tw(n));
        s += "|" + c.GoWhere(n);
        s += "|" + Tw(c).Where(n + 1);
        s += "|" + n.ClrExt(Tw(2));
        return s;
    }

    private static string ClrPlain(int value, [CallerMemberName] string member = "", [CallerLineNumber] int line = 0,
        [CallerFilePath] string path = "", [CallerArgumentExpression(nameof(value))] string expr = "") =>
        member + ":" + line + ":" + Path.GetFileName(path) + ":" + expr + ":" + value;

    private static string ClrWithParams(string tag, [CallerMemberName] string member = "", params object[] values) =>
        tag + ":" + member + ":" + values.Length;

    private static string ClrExpr(int value, [CallerArgumentExpression(nameof(value))] string expr = "") => expr + "=" + value;
}

public sealed partial class ClrTarget
{
    public string Where(int v, [CallerMemberName] string member = "", [CallerLineNumber] int line = 0) => "where " + member + ":" + line + ":" + v;

    [Goroutine]
    public string GoWhere(int v, [CallerMemberName] string member = "", [CallerLineNumber] int line = 0)
    {
        Go.Yield();
        return "gowhere " + member + ":" + line + ":" + Where(v);
    }
}

public sealed class ClrMade(int v, [CallerMemberName] string member = "", [CallerArgumentExpression(nameof(v))] string text = "")
{
    public string Text { get; } = member + ":" + text + "=" + v;
}

public static class ClrExtensions
{
    public static string ClrExt(this int self, int v, [CallerArgumentExpression(nameof(self))] string selfText = "",
        [CallerMemberName] string member = "") => selfText + "." + member + "(" + v + ")";
}
