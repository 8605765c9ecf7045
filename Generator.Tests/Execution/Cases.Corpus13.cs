namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle's thirteenth round of new codebases, each reduced to a differential case.

// ChessLib's BitBoard.ToString under --suspend: `BitBoards.Stringify(in this, S(Value.ToString()))`, `this` passed
// by `in` next to a later suspending argument. Async accepts it (the reference is to the field its state machine
// hoists `this` into); the generator refused it (GOSH0010, "this assignment target"). It passes the frame's copy,
// _this, by reference now.
public readonly partial struct C13Board
{
    public readonly ulong Value;
    public C13Board(ulong value) { Value = value; }

    private static string Stringify(in C13Board board, string title, Log log)
    {
        log.L("stringify", board.Value);
        return title + ":" + board.Value;
    }

    [Goroutine]
    public string Show(Log log) => Stringify(in this, Sp.Val(Value.ToString()), log);
}

public partial struct C13MutableBoard
{
    public ulong Value;

    private static string Describe(in C13MutableBoard board, int extra) => board.Value + "+" + extra;

    [Goroutine]
    public string Show(int n) => Describe(in this, Sp.Val(n)) + "," + Describe(this, Sp.Val(n + 1));
}

public static partial class Cases
{
    [Goroutine]
    public static string C13InThisBesideASuspension(Log log, int n)
    {
        var board = new C13Board((ulong)n);
        var mutable = new C13MutableBoard { Value = (ulong)n + 7 };
        var s = board.Show(log) + "|" + mutable.Show(n);
        log.Add(s);
        return s;
    }
}
