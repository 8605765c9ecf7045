namespace GoSharp;

/// <summary>Go's <c>struct{}</c>: a value that carries nothing (signal channels, the default case).</summary>
public readonly struct Empty
{
    /// <summary>Prints as Go prints struct{}{}.</summary>
    public override string ToString() => "{}";
}
