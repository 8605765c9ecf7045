using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// GOSH0014 narrowed: an instance [Goroutine] method of a struct that is not readonly, whose body never writes to the
// instance, runs on its frame's copy and computes what the plain call computes on the variable. Each of these
// methods reads `this` before and after suspensions, through members that are not readonly but only read, and
// changes objects the struct refers to (which the copy shares).
public static partial class Cases
{
    public partial struct Rs8Wallet
    {
        public int Coins;
        public string Owner;
        public List<string> History;
        public int[] Slots;
        public Rs8Inner Inner;

        public int Doubled => Coins * 2;
        public int Auto { get; set; }
        private int Plus(int k) => Coins + k + Inner.Weight();
        private string Describe() => Owner + ":" + Coins;
        public override string ToString() => "W(" + Coins + ")";

        [Goroutine]
        public int Spend(int n)
        {
            var before = Tw(Coins);
            History.Add("spend " + n);
            Slots[Tw(n) % Slots.Length] += n;
            var after = Plus(Tw(n)) + Doubled + Auto;
            return before * 1000 + after + Weigh(n);
        }

        [Goroutine]
        public int Weigh(int n)
        {
            Go.Yield();
            var copy = this;
            copy.Coins += n;
            return copy.Coins + Inner.Weight() + Inner.Scaled(Tw(n));
        }

        [Goroutine]
        public string Report(int n)
        {
            var parts = new List<string> { Describe() };
            for (var i = 0; i < n; i++) parts.Add(Tw(ToString()) + i);
            return string.Join(",", parts) + "|" + Spend(Tw(n));
        }
    }

    public partial struct Rs8Inner
    {
        public int W;
        public int Weight() => W + 1;
        [Goroutine] public int Scaled(int k) { Go.Yield(); return W * k + Weight(); }
    }

    public sealed class Rs8Holder { public Rs8Wallet Wallet; }

    private static Rs8Wallet NewWallet(int coins) =>
        new() { Coins = coins, Owner = "ann", History = new List<string>(), Slots = new int[3], Inner = new Rs8Inner { W = coins % 4 }, Auto = 7 };

    [Goroutine]
    public static string StructMethodThatOnlyReads(Log log, int n)
    {
        var local = NewWallet(n + 2);
        var a = local.Spend(Tw(n));
        var holder = new Rs8Holder { Wallet = NewWallet(5) };
        var b = holder.Wallet.Report(n);
        var arr = new[] { NewWallet(1), NewWallet(Tw(9)) };
        var c = arr[Tw(1)].Weigh(n);
        log.Add(string.Join(";", local.History) + "/" + string.Join(";", holder.Wallet.History) + "/" + string.Join(",", local.Slots));
        return a + "," + b + "," + c + "," + local.Coins + "," + arr[1].Coins;
    }

    [Goroutine]
    public static int StructMethodThatOnlyReadsLaunched(Log log, int n)
    {
        var w = NewWallet(n);
        var h = w.GoSpend(n + 1);
        w.Coins = 100;          // the launcher copied w before this write, as the plain call's value was read
        var r = h.Join();
        log.Add(string.Join(";", w.History));
        return r + w.Coins;
    }
}
