using System;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// A user's #line inside a statement (a template engine's, between the operands of an expression) decides the line and
// file of the code after it: the goroutine's copy of the statement writes it again for the frame's file
// (Lowering/RenamerLineDirectives.cs), a #line default as the user's own line, a relative name resolved as the compiler
// resolves it. Before, the copy dropped it, and [CallerLineNumber]/[CallerFilePath] after it named the statement's
// first file and the lines below that.
public static partial class Cases
{
    /// <summary>The caller's line, file name and member, then the value.</summary>
    private static string LnWhere(object v, [CallerLineNumber] int line = 0, [CallerFilePath] string path = "", [CallerMemberName] string member = "") =>
        line + ":" + Path.GetFileName(path) + ":" + member + ":" + v;

    private static string LnLine([CallerLineNumber] int line = 0) => line.ToString(CultureInfo.InvariantCulture);

    private static int LnThrow(int v, [CallerLineNumber] int line = 0) => throw new InvalidOperationException("at " + line + " v" + v);

    [Goroutine]
    public static string LineDirectivesBetweenOperands(Log log, int n)
    {
        var s = LnWhere(n)
#line 70 "c.cshtml"
            + LnWhere(Tw(n + 1))
#line 80 "d.cshtml"
            + LnWhere(Tw(n + 2))
#line hidden
            + LnWhere(Tw(n + 3))
#line default
            + LnWhere(n + 4);
        log.Add(s); return s;
    }

    [Goroutine]
    public static string LineDefaultBetweenOperands(Log log, int n)
    {
#line 2100 "e.cshtml"
        var s = LnWhere(Tw(n)) +
            LnWhere(n)
#line default
            + LnWhere(Tw(n + 1))
            + LnLine();
        log.Add(s); return s;
    }

    [Goroutine]
    public static string LineRelativeFilesBetweenOperands(Log log, int n)
    {
        var s = LnWhere(n) +
#line 2200 "../up/rel.cshtml"
            LnWhere(Tw(n)) + LnWhere(n + 1)
#line 2300 "sub/dir/other.cshtml"
            + LnWhere(Tw(n + 2));
#line default
        log.Add(s); return s;
    }

    [Goroutine]
    public static string LineDirectivesBetweenDeclaratorsAndOperands(Log log, int n)
    {
        int a = Tw(n),
#line 1200 "d.cshtml"
            b = Tw(n + 1);
        var s = LnWhere(a) +
#line 1300 "d2.cshtml"
            LnWhere(b);
#line default
        log.Add(s); return s;
    }
}
