using System;

namespace GoSharp.Net;

/// <summary>
/// A read or write deadline of a <see cref="Conn"/> passed (Go: <c>os.ErrDeadlineExceeded</c>, "i/o
/// timeout"). The message names the deadline that fired. The connection stays usable: move or clear the
/// deadline (<see cref="Conn.SetReadDeadline"/>, <see cref="Conn.SetWriteDeadline"/>) and try again.
/// </summary>
public sealed class DeadlineExceededException : TimeoutException
{
    /// <summary>Creates the exception for the deadline of <paramref name="operation"/> ("read" or "write").</summary>
    public DeadlineExceededException(string operation, string connection)
        : base($"The {operation} deadline of {connection} passed (i/o timeout). Move or clear it with Set{(operation == "read" ? "Read" : "Write")}Deadline to use the connection again.")
        => Operation = operation;

    /// <summary>"read" or "write": which deadline fired.</summary>
    public string Operation { get; }
}
