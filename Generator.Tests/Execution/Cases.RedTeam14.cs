using System;
using System.Collections;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 14: generic goroutines.
public static partial class Cases
{
    // Bug 1 (silently wrong): the indexer of a variable whose type is a type parameter that may be a struct
    // (`where T : ISlots14`), with a suspending index or right side (`x[Tw(1)] = 3`, `x[i] += Tw(2)`,
    // `x[Tw(0)]++`) or read with a suspending index (`x[Re14(ref x, y, Tw(2))]`), ran on a copy of the variable
    // spilled before the suspension: a struct's setter changed the copy, and its getter missed what a later index
    // assigned to the variable. It is now called as Roslyn calls it, through `(default(T) == null ? ref copy : ref
    // x)`: the variable itself for a struct, the object read before the indexes for a class.
    [Goroutine]
    public static string Rt14TypeParameterIndexers(Log log, int n)
    {
        var r = Indexers14(new Slots14 { Tag = "s" }, n) + "|" + Indexers14(new SlotsClass14 { Tag = "c" }, n);
        r += "|" + Replaced14(new Slots14 { Tag = "a" }, new Slots14 { Tag = "b" }, n);
        r += "|" + Replaced14(new SlotsClass14 { Tag = "a" }, new SlotsClass14 { Tag = "b" }, n);
        var arr = new[] { new Slots14 { Tag = "e" }, new Slots14 { Tag = "f" } };
        r += "|" + Elements14(arr, n) + arr[0].Who + arr[1].Who;
        return r;
    }

    [Goroutine]
    private static string Indexers14<T>(T x, int n) where T : ISlots14
    {
        x[Tw(1)] = 3 + n;
        var a = x.Who;
        x[2] = Tw(4);
        x[Tw(1)] += Tw(2);
        x[Tw(0)]++;
        return a + "," + x.Who + "," + x[Tw(1)];
    }

    // A later index assigns another value to the variable: a struct's indexer sees it, a class's does not.
    [Goroutine]
    private static string Replaced14<T>(T x, T y, int n) where T : ISlots14
    {
        x[Re14(ref x, y, Tw(n))] = 3;
        var r = x.Who;
        var v = x[Re14(ref x, y, Tw(2))];
        return r + "," + x.Who + "," + v;
    }

    [Goroutine]
    private static string Elements14<T>(T[] a, int n) where T : ISlots14
    {
        a[0][Tw(1)] = 5 + n;
        a[Tw(1)][2] += Tw(3);
        return a[0].Who;
    }

    private static int Re14<T>(ref T x, T y, int v)
    {
        x = y;
        return v + 100;
    }

    public interface ISlots14
    {
        int this[int i] { get; set; }
        string Who { get; }
    }

    public struct Slots14 : ISlots14
    {
        private int _p;
        public string Tag;
        public int this[int i] { get => _p + i; set => _p = value * 10 + i; }
        public readonly string Who => Tag + _p;
    }

    public sealed class SlotsClass14 : ISlots14
    {
        private int _p;
        public string Tag = "";
        public int this[int i] { get => _p + i; set => _p = value * 10 + i; }
        public string Who => Tag + _p;
    }
}

public static partial class Cases
{
    // Bug 2 (silently wrong): the same through the implicit Index indexer (`x[^Tw(1)] = 9`, `x[^2] += Tw(1)`,
    // `x[^Tw(1)]++` on `T : IList<int>`, no Index indexer): the receiver was spilled as a value, so a struct's
    // setter ran on a copy. It is now reached as above, `Count` read through the same reference.
    [Goroutine]
    public static string Rt14TypeParameterFromEnd(Log log, int n)
    {
        var s = new CountedList14(log, 1, 2, 3, 4);
        var r = FromEnd14(s, n);
        var c = new List<int> { 5, 6, 7 };
        return r + "|" + FromEnd14(c, n) + string.Join("", c);
    }

    [Goroutine]
    private static string FromEnd14<T>(T x, int n) where T : IList<int>
    {
        x[^Tw(1)] = 9;
        x[^2] += Tw(n);
        x[^Tw(3)]++;
        x[Tw(0)] = x[^1] + 1;
        return string.Join("", x) + (x is CountedList14 c ? ":" + c.Sets : "");
    }

    // An IList<int> struct that counts its own setter calls in itself: a call on a copy is lost.
    public struct CountedList14 : IList<int>
    {
        private readonly int[] _items;
        private readonly Log _log;
        public int Sets;
        public CountedList14(Log log, params int[] items) { _log = log; _items = items; Sets = 0; }
        public int this[int index]
        {
            get { _log.Add("get" + index); return _items[index]; }
            set { _log.Add("set" + index); Sets++; _items[index] = value; }
        }
        public int Count { get { _log.Add("count"); return _items.Length; } }
        public bool IsReadOnly => false;
        public void Add(int item) => throw new NotSupportedException();
        public void Clear() => throw new NotSupportedException();
        public bool Contains(int item) => Array.IndexOf(_items, item) >= 0;
        public void CopyTo(int[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);
        public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_items).GetEnumerator();
        public int IndexOf(int item) => Array.IndexOf(_items, item);
        public void Insert(int index, int item) => throw new NotSupportedException();
        public bool Remove(int item) => throw new NotSupportedException();
        public void RemoveAt(int index) => throw new NotSupportedException();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
