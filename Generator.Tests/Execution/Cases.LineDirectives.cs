using System.IO;
using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// The user's own #line directives (a template engine's output, say) map the goroutine as they map the plain method:
// caller-info arguments, sequence points (SpanMappingTests) and the source location of each suspension state
// (ExceptionTests.SourceLocationOfStatesFollowsTheUsersLineDirectives) name the mapped file and line.
public static partial class Cases
{
    [Goroutine]
    public static string LineDirectivesMapCallerInfo(Log log, int n)
    {
        var s = LdWhere(n);
#line 200 "Templates/Page.razor"
        s += "|" + LdWhere(Tw(n) + 1);
        Go.Yield();
        s += "|" + ClrGo(n + 2);
#line hidden
        s += "|" + LdWhere(Tw(n) + 3);
#line default
        s += "|" + LdWhere(n + 4);
#line (30,5)-(30,40) 9 "Templates/Other.cshtml"
        s += "|" + LdWhere(Tw(n) + 5);
#line default
        log.Add(s);
        return s;
    }

    [Goroutine]
    public static string LineDirectiveWithAnEmptyFileName(Log log, int n)
    {
#line 10 ""
        var s = LdWhere(Tw(n));
#line default
        log.Add(s);
        return s;
    }

    /// <summary>The caller's line and its file's name with the folder it is in (the mapped one where a #line names one).</summary>
    private static string LdWhere(int value, [CallerLineNumber] int line = 0, [CallerFilePath] string path = "") =>
        line + ":" + Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path) + ":" + value;

    [Goroutine]
    public static int LineDirectiveStates(int n)
    {
        Go.Yield();
#line 300 "Templates/States.razor"
        Go.Yield();
#line hidden
        Go.Yield();
#line default
        return n;
    }
}
