namespace GoSharp.Waiting;

/// <summary>What a select shares between its waiters (Go: g.selectDone and g.param).</summary>
internal class SelectParker : Parker
{
    /// <summary>0 while the select waits; the waker that CASes it to 1 wins.</summary>
    public int Done;
    /// <summary>The waiter that completed the select.</summary>
    public Waiter? Winner;
}
