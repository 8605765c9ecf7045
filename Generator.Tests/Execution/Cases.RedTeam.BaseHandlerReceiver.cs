using System.Runtime.CompilerServices;
using System.Text;

namespace GoSharp.Generator.Tests.Execution;

// A red team's find: `base.W($"a{Tw(n)}b")` where W is virtual and its handler takes the receiver
// ([InterpolatedStringHandlerArgument("")]). C# (Roslyn 5.9, sync and async alike) keeps the receiver in a temporary
// for the handler and then calls W on that temporary, virtually: the override runs, not the base's W. The goroutine
// did what `base` says (through its proxy); it now does what the compiler does (docs/lowering.md, Suspension points).
public static partial class Cases
{
    [InterpolatedStringHandler]
    public sealed class OwnerHandler
    {
        private readonly StringBuilder _text = new();

        public OwnerHandler(int literalLength, int formattedCount, HandlerBase owner)
        {
            owner.Log.Add("handler of " + owner.GetType().Name);
            _text.Append(literalLength).Append(':');
        }

        public void AppendLiteral(string s) => _text.Append(s);

        public void AppendFormatted<T>(T value) => _text.Append(value);

        public override string ToString() => _text.ToString();
    }

    public partial class HandlerBase
    {
        public HandlerBase(Log log) => Log = log;

        public Log Log { get; }

        public virtual string W([InterpolatedStringHandlerArgument("")] OwnerHandler h) => "base.W " + h;

        protected virtual string P([InterpolatedStringHandlerArgument("")] OwnerHandler h) => "base.P " + h;

        public string N([InterpolatedStringHandlerArgument("")] OwnerHandler h) => "base.N " + h;

        [Goroutine]
        public virtual string G([InterpolatedStringHandlerArgument("")] OwnerHandler h)
        {
            Go.Yield();
            return "base.G " + h;
        }
    }

    public sealed partial class HandlerDerived : HandlerBase
    {
        public HandlerDerived(Log log) : base(log) { }

        public override string W([InterpolatedStringHandlerArgument("")] OwnerHandler h) => "derived.W " + h;

        protected override string P([InterpolatedStringHandlerArgument("")] OwnerHandler h) => "derived.P " + h;

        [Goroutine]
        public override string G([InterpolatedStringHandlerArgument("")] OwnerHandler h)
        {
            Go.Yield();
            return "derived.G " + h;
        }

        [Goroutine]
        public string Run(int n)
        {
            var a = base.W($"a{Tw(n)}b");
            var b = base.W($"a{n}b");
            Go.Yield();
            var c = base.P($"p{Tw(n)}") + base.P($"p{n}");
            var d = base.N($"n{Tw(n)}") + base.N($"n{n}");
            var e = base.G($"g{Tw(n)}") + base.G($"g{n}");
            return string.Join("|", a, b, c, d, e);
        }
    }

    [Goroutine]
    public static string BaseCallWithReceiverHandler(Log log, int n) => new HandlerDerived(log).Run(n) + Tw(n);
}
