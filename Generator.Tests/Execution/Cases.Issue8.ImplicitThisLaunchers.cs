namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team, was CS0120 in generated code): an instance goroutine method calls the launcher of another
// instance goroutine method of its type without `this.`: GoPlain(n), in a suspending expression and in a lambda.
// The launcher is the generator's own output (the model binds nothing), so the frame needs `_this.` added.
public static partial class Cases
{
    public sealed partial class SelfLauncher
    {
        private readonly Log _log;
        private readonly int _k;

        public SelfLauncher(Log log, int k) { _log = log; _k = k; }

        [Goroutine]
        public int Plain(int n)
        {
            _log.Add("plain " + n);
            Go.Yield();
            return n + _k;
        }

        [Goroutine]
        public int SelfLaunch(int n)
        {
            var g = GoPlain(n);
            Go.Yield();
            var first = g.Join();
            var both = GoPlain(n + 1).Join() + GoPlain(Tw(n + 2)).Join();
            System.Func<Goroutine<int>> later = () => GoPlain(n + 3);
            return first * 1000 + both * 10 + later().Join();
        }
    }

    [Goroutine]
    public static int ImplicitThisLaunchers(Log log, int n) => new SelfLauncher(log, 5).SelfLaunch(n);
}
