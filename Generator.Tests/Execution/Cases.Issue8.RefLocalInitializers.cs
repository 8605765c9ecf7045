namespace GoSharp.Generator.Tests.Execution;

// Issue 8 (red team round 6, refused what async accepts): a ref local whose own initializer suspends
// (`ref int r = ref a[Tw(0)];`) with nothing suspending while the reference is alive. C# 13 async accepts it: the
// await ends before the reference exists. It was GOSH0008 and GOSH0010; the location's parts are now lowered
// first, then the reference is taken and the rest of the block runs with it as a local.
public static partial class Cases
{
    private sealed class RliBox
    {
        public int F;
        public int[] Items = { 10, 20, 30 };
    }

    private static int[] s_rliSlots = new int[4];

    private static ref int RliSlot(int i) => ref s_rliSlots[i];

    [Goroutine]
    public static string RefLocalSuspendingInitializers(Log log, int n)
    {
        int[] a = { 1, 2 };
        var before = Tw(n);
        {
            ref int r = ref a[Tw(n % 2)];
            r = n + 7;
            r++;
        }
        var box = new RliBox();
        if (n >= 0)
        {
            {
                ref int f = ref Tw(box).F;
                f += n * 3;
            }
            ref int e = ref box.Items[Tw(1) + (n > 2 ? 1 : 0)];
            e -= 5;
            log.Add("e " + e);
        }
        s_rliSlots = new int[4];
        if (before >= 0)
        {
            ref int s = ref RliSlot(Tw(n % 4));
            s = 40 + n;
        }
        return $"{a[0]},{a[1]}|{box.F}|{string.Join(",", box.Items)}|{string.Join(",", s_rliSlots)}";
    }
}
