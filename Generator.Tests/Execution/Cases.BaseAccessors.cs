using System;

namespace GoSharp.Generator.Tests.Execution;

// Writes to base properties, base indexers (read and written, params and optional parameters) and base events in
// goroutine bodies (BaseAccess.cs): through proxies of the user's type, in C#'s evaluation order (the log records
// each accessor as it runs).
public static partial class Cases
{
    public partial class BaseStore
    {
        protected readonly Log Log;
        private int _p = 1;
        private readonly int[] _a = new int[4];
        public BaseStore(Log log) => Log = log;
        public virtual int Prop { get { Log.Add("get base.Prop " + _p); return _p; } set { Log.Add("set base.Prop " + value); _p = value; } }
        public virtual int this[int i] { get { Log.Add("get base[" + i + "] " + _a[i]); return _a[i]; } set { Log.Add("set base[" + i + "] " + value); _a[i] = value; } }
        public virtual string this[string k, int scale = 2, params int[] more] => k + scale + "/" + more.Length;
        public event Action<int>? Fired;
        public virtual event Action<int>? VFired { add { Log.Add("add base.VFired"); Fired += value; } remove { Log.Add("remove base.VFired"); Fired -= value; } }
        public void Fire(int v) => Fired?.Invoke(v);
    }

    public partial class BaseStoreOverride : BaseStore
    {
        public BaseStoreOverride(Log log) : base(log) { }
        public override int Prop { get => 1000; set => base.Prop = value * 2; }
        public override int this[int i] { get => -1; set => base[i] = value * 3; }
        public override string this[string k, int scale = 2, params int[] more] => "override";
        public override event Action<int>? VFired { add { } remove { } }

        [Goroutine]
        public string Run(int n)
        {
            var got = 0;
            base.Prop += Tw(n);
            base.Prop++;
            --base.Prop;
            base[Tw(1)] = Tw(7);
            base[1] += Tw(1);
            base[Tw(2)] += Tw(n);
            base[0]++;
            (base.Prop, base[3]) = (Tw(n * 5), n);
            Action<int> h = v => got += v;
            base.VFired += Tw(h);
            Fire(9);
            base.VFired -= h;
            Fire(100);
            Log.Add("got " + got);
            return base.Prop + "," + base[Tw(1)] + "," + base[2] + "," + base[0] + "," + base[3] + "," + base["k"] + "," + base[Tw("j"), Tw(n), 1, n]
                + "," + base[k: "m", scale: Tw(4)] + "," + Prop + "," + this[1] + "," + this["x"];
        }
    }

    [Goroutine]
    public static string BaseAccessorsWritesIndexersEvents(Log log, int n) => new BaseStoreOverride(log).Run(n);
}
