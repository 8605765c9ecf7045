using System;
using System.Collections.Generic;
using System.Threading;

namespace GoSharp.Generator.Tests.Execution;

// Found by a red team on 2026-11-28 (programs written against the generator's new features); each differed from the
// plain call or did not compile.
public static partial class Cases
{
    public partial class RtAnimal
    {
        [Goroutine] public virtual string Speak(int n) { Go.Yield(); return "animal" + n; }
        [Goroutine] public virtual void Note(Log log, int n) { Go.Yield(); log.Add("animal note " + n); }
        [Goroutine] public virtual string Show<T>(T v) { Go.Yield(); return "animal shows " + v; }
    }

    /// <summary>A plain override of a virtual [Goroutine] method: no frame factory of its own.</summary>
    public class RtPlainCat : RtAnimal
    {
        public override string Speak(int n) => "plaincat" + n;
        public override void Note(Log log, int n) => log.Add("plaincat note " + n);
        public override string Show<T>(T v) => "plaincat shows " + v;
    }

    public partial class RtKitten : RtPlainCat
    {
        // Calls through the plain base run this plainly, which is what this case checks (GOSH0023 says so).
#pragma warning disable GOSH0023
        [Goroutine] public override string Speak(int n) { Go.Yield(); return "kitten>" + base.Speak(n); }
#pragma warning restore GOSH0023
    }

    public class RtOldKitten : RtKitten { }

    /// <summary>Virtual dispatch through a base-typed receiver reaches a plain override below a [Goroutine] method.</summary>
    [Goroutine]
    public static string PlainOverrideOfAVirtualGoroutine(Log log, int n)
    {
        var all = new RtAnimal[] { new RtAnimal(), new RtPlainCat(), new RtKitten(), new RtOldKitten() };
        var s = "";
        foreach (var a in all)
        {
            a.Note(log, n);
            s += a.Speak(Tw(n)) + "|" + a.Show(n) + ";";
        }
        return s;
    }

    public class RtBase
    {
        public virtual int Named(int first, int second) => first * 10 + second;
        public virtual string Defaults(CancellationToken ct = default, int? n = 5, DateTime when = default, string s = "x") =>
            ct.CanBeCanceled + ":" + n + ":" + when.Ticks + s;
    }

    public partial class RtDerived : RtBase
    {
        public override int Named(int first, int second) => -1;
        public override string Defaults(CancellationToken ct = default, int? n = 5, DateTime when = default, string s = "x") => "derived";

        [Goroutine]
        public string Calls(int n)
        {
            Go.Yield();
            var a = base.Named(second: Tw(n), first: 1) + base.Named(Tw(9), second: 8);
            return a + "/" + base.Defaults() + "/" + base.Defaults(n: Tw(n)) + "/" + base.Defaults(s: "y");
        }
    }

    [Goroutine]
    public static string BaseCallsWithNamedAndDefaultArguments(Log log, int n) => new RtDerived().Calls(n);

    /// <summary>A user's local function already named like the generator's rename of another (L__2).</summary>
    [Goroutine]
    public static int LocalFunctionRenameAvoidsUserNames(Log log, int n)
    {
        var r = 0;
        { int L() => 1; Go.Yield(); r += L(); }
        { int L() => 2 + n; Go.Yield(); r += L(); }
        { int L__2() => 30; Go.Yield(); r += L__2(); }
        return r;
    }
}

public static partial class Cases
{
    public partial class RtWriter
    {
        [Goroutine] public virtual string Write(byte b) { Go.Yield(); return "writer" + b; }
    }

    /// <summary>Json.NET's shape: a non-override overload that takes a byte by conversion hides the base's from this.Write.</summary>
    public partial class RtTextWriter : RtWriter
    {
        internal string Write(long l) => "long" + l;
        [Goroutine] public override string Write(byte b) { Go.Yield(); return "text" + b; }
    }

    public class RtPlainTextWriter : RtTextWriter
    {
        public override string Write(byte b) => "plain" + b;
    }

    [Goroutine]
    public static string PlainOverrideBehindAShadowingOverload(Log log, int n)
    {
        RtWriter w = new RtPlainTextWriter(), t = new RtTextWriter(), b = new RtWriter();
        return w.Write((byte)n) + "|" + t.Write((byte)(n + 1)) + "|" + b.Write(Tw((byte)(n + 2)));
    }
}
