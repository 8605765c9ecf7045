using System;
using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Members of C# 14 extension blocks as goroutines (Generator/Lowering/ExtensionBlocks.cs): instance and static
// members, a generic block, a struct receiver taken by value, calls between them in both forms (`5.Twice()` and the
// implementation's `BlockExtensions.Twice(5)`), suspensions inside, and the launchers in a generated block.
public static partial class BlockExtensions
{
    extension(int x)
    {
        [Goroutine]
        public int Twice()
        {
            Go.Yield();
            return x * 2;
        }

        [Goroutine]
        public static int Make(Log log, int n)
        {
            log.Add("make " + n);
            Sp.Pause();
            return n + 1;
        }

        [Goroutine]
        public string Describe(Log log, string tag)
        {
            log.Add(tag + x);
            // The receiver's own member, an implementation call and a static member named alone, all nested calls.
            var a = Sp.Val(x).Twice();
            var b = Twice(x + 1);
            var c = Make(log, a);
            if (x > 3) throw new InvalidOperationException("too big: " + x);
            return $"{tag}:{a},{b},{c}";
        }
    }

    extension<T>(List<T> list)
    {
        [Goroutine]
        public int CountWhere<TKey>(Func<T, TKey> key, TKey wanted)
        {
            var n = 0;
            foreach (var item in list)
            {
                Go.Yield();
                if (EqualityComparer<TKey>.Default.Equals(key(item), Sp.Val(wanted))) n++;
            }
            return n;
        }
    }

    extension(Box box)
    {
        // A suspension point declared in a block: its awaiter factory has the implementation's shape, receiver first.
        [GoSharp.CompilerServices.SuspensionPoint(nameof(GetBlockBumpAwaiter))]
        public int BlockBump(int by)
        {
            box.Field += by;
            return box.Field;
        }
    }

    public static Sp.ValAwaiter<int> GetBlockBumpAwaiter(Box box, int by)
    {
        box.Field += by;
        return new(box.Field, completed: false);
    }

    extension(BlockPoint p)
    {
        // The receiver is a copy, as a by-value parameter is: what the member does to it stays inside.
        [Goroutine]
        public int Moved(Log log, int dx)
        {
            p.X += dx;
            Go.Yield();
            log.Add("moved " + p.X);
            return p.X;
        }
    }
}

public struct BlockPoint
{
    public int X;
}

public sealed class BlockPointHolder
{
    public BlockPoint P;
}

public static partial class Cases
{
    [Goroutine]
    public static int ExtensionBlockInstanceCalls(Log log, int n)
    {
        var a = n.Twice();
        var b = BlockExtensions.Twice(Tw(n) + 1);
        var c = Tw(n + 2).Twice() + (n - 1).Twice();
        log.Add($"{a} {b} {c}");
        return a * 10000 + b * 100 + c;
    }

    [Goroutine]
    public static int ExtensionBlockStaticCalls(Log log, int n) => int.Make(log, n) * 100 + BlockExtensions.Make(log, Tw(n));

    [Goroutine]
    public static string ExtensionBlockCallsBetweenMembers(Log log, int n)
    {
        try
        {
            return n.Describe(log, "d") + "|" + BlockExtensions.Describe(n + 2, log, Tw("e"));
        }
        catch (InvalidOperationException e)
        {
            return "caught " + e.Message;
        }
    }

    [Goroutine]
    public static int ExtensionBlockGenericReceiver(Log log, int n)
    {
        var words = new List<string>();
        for (var i = 0; i < n + 3; i++) words.Add(i % 2 == 0 ? "a" : "bb");
        var longer = words.CountWhere(s => s.Length, Tw(2));
        var first = BlockExtensions.CountWhere(words, s => s[0], 'a');
        return longer * 100 + first;
    }

    [Goroutine]
    public static string ExtensionBlockReceiverByValue(Log log, int n)
    {
        var h = new BlockPointHolder { P = new BlockPoint { X = n } };
        // C# copies the receiver before the arguments run: Reset's write to h.P is not seen by Moved.
        var moved = h.P.Moved(log, Reset(h, n + 5) + Tw(0));
        var local = new BlockPoint { X = 7 };
        var again = local.Moved(log, Tw(1));
        return $"{moved}/{h.P.X}/{again}/{local.X}";
    }

    private static int Reset(BlockPointHolder h, int v)
    {
        h.P.X = v * 10;
        return 1;
    }

    [Goroutine]
    public static string ExtensionBlockSuspensionPoint(Log log, int n)
    {
        var box = new Box();
        var a = box.BlockBump(n);
        var b = box.BlockBump(Tw(2)) + box.BlockBump(1);
        log.Add("bumped " + box.Field);
        return $"{a} {b} {box.Field}";
    }

    [Goroutine]
    public static int ExtensionBlockLaunchers(Log log, int n)
    {
        var twice = n.GoTwice();
        var made = int.GoMake(log, n + 1);
        var counted = new List<int> { 1, n, n }.GoCountWhere(v => v, n);
        Go.Yield();
        return twice.Join() * 10000 + made.Join() * 100 + counted.Join();
    }
}
