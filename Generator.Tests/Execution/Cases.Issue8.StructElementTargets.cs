using System.Runtime.CompilerServices;

namespace GoSharp.Generator.Tests.Execution;

// Issue 8: an element of an inline array (or of a struct with an indexer) that is a variable, assigned with a
// suspension point in the index (`b[Tw(1)] = 5`, which async accepts): the element of the variable itself. And the
// location a ref-returning call gives, with a suspending argument (`At(Tw(n)) = 50; At(Tw(n)) += 7`): called once,
// after its arguments, before the right side.
public static partial class Cases
{
    [InlineArray(3)]
    private struct Buffer3 { private int _e; }

    private struct Indexed
    {
        private int _a, _b;
        public int this[int i]
        {
            readonly get => i == 0 ? _a : _b;
            set { if (i == 0) _a = value; else _b = value; }
        }
    }

    [Goroutine]
    public static string InlineArrayElementWithSuspendingIndex(Log log, int n)
    {
        var b = new Buffer3();
        b[Tw(n % 3)] = log.L("v", 5);
        b[Tw(1)] += log.L("w", 7);
        var s = new Indexed();
        s[Tw(0)] = n + 1;
        s[log.L("i", 1)] = Tw(9);
        var arr = new Buffer3[2];
        arr[log.L("a", 1)][Tw(2)] = 4;
        return b[0] + "," + b[1] + "," + b[2] + "|" + s[0] + "," + s[1] + "|" + arr[1][2];
    }

    private static ref int RefAt(Log log, int[] store, int i) { log.Add("at" + i); return ref store[i]; }

    [Goroutine]
    public static string RefReturningCallTargets(Log log, int n)
    {
        var store = new[] { 1, 2, 3, 4, 5 };
        RefAt(log, store, Tw(n)) = log.L("v", 50);
        RefAt(log, store, Tw(n + 1)) += log.L("w", 7);
        return string.Join(",", store);
    }
}

// Issue 8 (red team round 5, refused where async accepts): ++ and -- on the location a ref-returning call with a
// suspending argument gives, prefix and postfix, as statements and as values, and all of these in a checked block
// (where the call's location is wrapped with the whole assignment or increment, never alone).
public static partial class Cases
{
    [Goroutine]
    public static string RefReturningCallIncrements(Log log, int n)
    {
        var store = new int[6];
        RefAt(log, store, Tw(n))++;
        ++RefAt(log, store, Tw(n + 1));
        var v = RefAt(log, store, Tw(n))--;
        var w = --RefAt(log, store, Tw(n + 2)) * 10;
        log.Add("v=" + v + ",w=" + w);
        var r = string.Join(";", store);
        store[n] = int.MaxValue;
        try
        {
            checked
            {
                RefAt(log, store, Tw(n + 1)) += log.L("c", 3);
                RefAt(log, store, Tw(n + 2)) = log.L("d", n) + 1;
                RefAt(log, store, Tw(n + 2))++;
                r += "|" + RefAt(log, store, Tw(n + 2))++;
                RefAt(log, store, Tw(n))++;
                r += "|not reached";
            }
        }
        catch (System.OverflowException) { r += "|ovf"; }
        unchecked { RefAt(log, store, Tw(n))++; }
        return r + "|" + string.Join(";", store);
    }
}
