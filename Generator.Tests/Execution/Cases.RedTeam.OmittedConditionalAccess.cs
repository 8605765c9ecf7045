using System.Diagnostics;

namespace GoSharp.Generator.Tests.Execution;

// A red team's find: a call of a [Conditional] method whose symbol is not defined (no file here defines
// GOSHARP_NEVER) through `?.` is left out by the compiler whole, the receiver before the `?.` included; the
// goroutine evaluated and null-tested the receiver (its log said "getobj" where the plain call's said nothing).
public static partial class Cases
{
    public sealed class OmittedTarget
    {
        private readonly Log _log;

        public OmittedTarget(Log log) => _log = log;

        public OmittedTarget Next(string tag)
        {
            _log.Add("next " + tag);
            return this;
        }

        [Conditional("GOSHARP_NEVER")]
        public void Cond(int v) => _log.Add("cond " + v);
    }

    /// <summary>An instance goroutine whose `Self()?.Cond(...)` is left out with its receiver.</summary>
    public sealed partial class OmittedSelf
    {
        private readonly Log _log;

        public OmittedSelf(Log log) => _log = log;

        private OmittedSelf Self()
        {
            _log.Add("self");
            return this;
        }

        [Conditional("GOSHARP_NEVER")]
        private void Cond(int v) => _log.Add("cond " + v);

        [Goroutine]
        public int Run(int n)
        {
            Self()?.Cond(Tw(4));
            Self()?.Cond(n);
            _log.Add("ran " + n);
            return Tw(n) + 1;
        }
    }

    private static OmittedTarget? GetOmittedTarget(Log log, int n)
    {
        log.Add("getobj");
        return n == 1 ? null : new OmittedTarget(log);
    }

    [Goroutine]
    public static string OmittedConditionalAccess(Log log, int n)
    {
        GetOmittedTarget(log, n)?.Cond(Tw(1));
        GetOmittedTarget(log, n)?.Next("a").Cond(Tw(2));
        GetOmittedTarget(log, n)?.Next("b")?.Cond(Tw(3));
        GetOmittedTarget(log, n)?.Next(Tw("c"))?.Cond(Tw(4));
        GetOmittedTarget(log, n)?.CondInBlock(Tw(5));
        // Kept: the `?.` ends in a call that is made.
        GetOmittedTarget(log, n)?.Next(Tw("kept"));
        log.Add("between");
        return "r" + new OmittedSelf(log).Run(n) + Tw(n);
    }
}

public static partial class OmittedExtensions
{
    extension(Cases.OmittedTarget target)
    {
        [Conditional("GOSHARP_NEVER")]
        public void CondInBlock(int v) => target.Next("block " + v);
    }
}
