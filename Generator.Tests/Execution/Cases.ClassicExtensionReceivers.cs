namespace GoSharp.Generator.Tests.Execution;

// A by-value struct receiver of a classic extension method (`this Pt p`) is copied before the other arguments
// are evaluated, as for an instance method: a later argument that changes the variable (an array element here)
// does not reach the receiver. `this ref` receivers are the variable itself and see the change.
public static partial class CaseExtensions
{
    public static int PlainShift(this Cases.CxPt p, int by) => p.X * 1000 + by;

    public static int RefShift(this ref Cases.CxPt p, int by) { p.X += by; return p.X; }

    public static int InShift(this in Cases.CxPt p, int by) => p.X * 1000 + by;

    public static int BoxedBump(this Cases.ICxBump b, int by) => b.Value * 1000 + by;

    public static int GenericBump<T>(this T b, int by) where T : Cases.ICxBump => b.Value * 1000 + by;

    [Goroutine]
    public static int GoroShift(this Cases.CxPt p, int by) { Go.Yield(); return p.X * 1000 + by; }
}

public static partial class Cases
{
    public struct CxPt : ICxBump { public int X; public readonly int Value => X; }

    public interface ICxBump { int Value { get; } }

    private static int CxMut(CxPt[] a) { a[0].X += 50; return 0; }

    private static int CxMutLocal(ref CxPt p) { p.X += 70; return 0; }

    [Goroutine]
    public static string ClassicExtensionStructReceiverIsCopiedFirst(Log log, int n)
    {
        var arr = new[] { new CxPt { X = n } };
        var a = arr[0].PlainShift(CxMut(arr) + Tw(1));
        var b = arr[0].GoroShift(CxMut(arr) + Tw(2));
        var c = arr[0].BoxedBump(CxMut(arr) + Tw(3));
        var d = arr[0].GenericBump(CxMut(arr) + Tw(4));
        var e = arr[0].InShift(CxMut(arr) + Tw(5));
        var f = arr[0].RefShift(CxMut(arr) + Tw(6));
        return a + "," + b + "," + c + "," + d + "," + e + "," + f + "," + arr[0].X;
    }

    [Goroutine]
    public static string ClassicExtensionStructLocalReceiverIsCopiedFirst(Log log, int n)
    {
        var p = new CxPt { X = n };
        var a = p.PlainShift(CxMutLocal(ref p) + Tw(1));
        var b = p.GoroShift(CxMutLocal(ref p) + Tw(2));
        var c = p.BoxedBump(CxMutLocal(ref p) + Tw(3));
        var d = p.GenericBump(CxMutLocal(ref p) + Tw(4));
        var e = p.RefShift(CxMutLocal(ref p) + Tw(5));
        return a + "," + b + "," + c + "," + d + "," + e + "," + p.X;
    }
}
