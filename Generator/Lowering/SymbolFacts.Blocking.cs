using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>Calls that block the thread a goroutine runs on (GOSH0009), and what to call instead.</summary>
internal static partial class SymbolFacts
{
    private static readonly System.Collections.Generic.HashSet<string> BlockingNames = new()
    {
        "Sleep", "Wait", "WaitAll", "WaitAny", "Result", "GetResult", "Enter", "TryEnter", "WaitOne", "SignalAndWait", "Join",
        // synchronous I/O
        "ReadAllText", "ReadAllBytes", "ReadAllLines", "WriteAllText", "WriteAllBytes", "WriteAllLines", "AppendAllText",
        "AppendAllLines", "Copy", "Read", "Write", "CopyTo", "Flush", "ReadExactly", "ReadAtLeast", "ReadToEnd", "ReadLine",
        "ReadBlock", "ReadKey", "Send", "Accept", "Connect", "Receive", "ReceiveFrom", "SendTo", "AcceptTcpClient",
        "AcceptSocket", "GetHostEntry", "GetHostAddresses", "WaitForExit", "ReadByte", "WriteByte", "WriteLine", "Move",
    };

    /// <summary>Cheap syntactic filter before asking for the symbol.</summary>
    public static bool MayBeBlocking(ExpressionSyntax callee) => callee switch
    {
        MemberAccessExpressionSyntax ma => BlockingNames.Contains(ma.Name.Identifier.ValueText),
        SimpleNameSyntax n => BlockingNames.Contains(n.Identifier.ValueText),
        _ => false,
    };

    /// <summary>For a known call that blocks the thread, the GoSharp replacement to suggest (GOSH0009); else null.</summary>
    /// <param name="receiverType">The static type of the call's receiver, if any: a stream or reader with no I/O behind it
    /// (<c>MemoryStream</c>, <c>StringReader</c>) is not reported even for members of its I/O base class.</param>
    public static string? BlockingReplacement(ISymbol symbol, ITypeSymbol? receiverType = null)
    {
        if (!BlockingNames.Contains(symbol.Name) || symbol.ContainingNamespace?.Name is not
            ("Threading" or "Tasks" or "CompilerServices" or "IO" or "System" or "Http" or "Sockets" or "Net" or "Security" or "Pipes"
                or "Diagnostics" or "Compression"))
            return null;
        for (var t = receiverType; t is not null; t = t.BaseType)
            if (t.ToDisplayString() is "System.IO.MemoryStream" or "System.IO.UnmanagedMemoryStream" or "System.IO.StringReader" or "System.IO.StringWriter")
                return null;
        var type = symbol.ContainingType?.OriginalDefinition.ToDisplayString();
        switch (type)
        {
            // Synchronous I/O: the bound member's own type, so MemoryStream.Read or StringReader.ReadLine (no
            // I/O) are not reported, while Stream.Read through the base type is (it may be a file or a socket).
            case "System.IO.File" when symbol.Name is "ReadAllText" or "ReadAllBytes" or "ReadAllLines" or "WriteAllText"
                or "WriteAllBytes" or "WriteAllLines" or "AppendAllText" or "AppendAllLines" or "Copy" or "Move":
            case "System.IO.Stream" or "System.IO.FileStream" or "System.IO.BufferedStream" or "System.Net.Sockets.NetworkStream"
                or "System.Net.Security.SslStream" or "System.IO.Pipes.PipeStream" or "System.IO.Compression.GZipStream"
                or "System.IO.Compression.DeflateStream" or "System.IO.Compression.BrotliStream" or "System.IO.Compression.ZLibStream"
                when symbol.Name is "Read" or "Write" or "CopyTo" or "Flush" or "ReadExactly" or "ReadAtLeast" or "ReadByte" or "WriteByte":
            case "System.IO.TextReader" or "System.IO.StreamReader" when symbol.Name is "ReadToEnd" or "ReadLine" or "Read" or "ReadBlock":
            case "System.IO.StreamWriter" when symbol.Name is "Write" or "WriteLine" or "Flush":
            case "System.Console" when symbol.Name is "ReadLine" or "ReadKey" or "Read":
            case "System.Net.Http.HttpClient" when symbol.Name == "Send":
            case "System.Net.Sockets.Socket" when symbol.Name is "Accept" or "Connect" or "Receive" or "Send" or "ReceiveFrom" or "SendTo":
            case "System.Net.Sockets.TcpClient" when symbol.Name == "Connect":
            case "System.Net.Sockets.TcpListener" when symbol.Name is "AcceptTcpClient" or "AcceptSocket":
            case "System.Net.Sockets.UdpClient" when symbol.Name is "Receive" or "Send":
            case "System.Net.Dns" when symbol.Name is "GetHostEntry" or "GetHostAddresses":
            case "System.Diagnostics.Process" when symbol.Name == "WaitForExit":
                return BlockingReplacements.Io;
            case "System.Threading.Thread" when symbol.Name == "Sleep":
                return BlockingReplacements.Sleep;
            case "System.Threading.Tasks.Task" when symbol.Name is "Wait" or "WaitAll" or "WaitAny":
            case "System.Threading.Tasks.Task<TResult>" when symbol.Name is "Wait" or "Result":
            case "System.Runtime.CompilerServices.TaskAwaiter" when symbol.Name == "GetResult":
            case "System.Runtime.CompilerServices.TaskAwaiter<TResult>" when symbol.Name == "GetResult":
            case "System.Threading.Tasks.ValueTask<TResult>" when symbol.Name == "Result":
            case "System.Runtime.CompilerServices.ValueTaskAwaiter" when symbol.Name == "GetResult":
            case "System.Runtime.CompilerServices.ValueTaskAwaiter<TResult>" when symbol.Name == "GetResult":
                return BlockingReplacements.Await;
            case "System.Threading.Monitor" when symbol.Name is "Enter" or "Wait" or "TryEnter":
                return BlockingReplacements.Monitor;
            case "System.Threading.SemaphoreSlim" when symbol.Name == "Wait":
            case "System.Threading.Semaphore" when symbol.Name == "WaitOne":
                return BlockingReplacements.Semaphore;
            case "System.Threading.ManualResetEventSlim" when symbol.Name == "Wait":
            case "System.Threading.WaitHandle" when symbol.Name is "WaitOne" or "WaitAll" or "WaitAny":
            case "System.Threading.CountdownEvent" when symbol.Name == "Wait":
            case "System.Threading.Barrier" when symbol.Name == "SignalAndWait":
                return BlockingReplacements.Event;
            case "System.Threading.Thread" when symbol.Name == "Join":
                return BlockingReplacements.Join;
        }
        return null;
    }
}

/// <summary>
/// What GOSH0009 suggests instead of each thread-blocking call. Every runtime name quoted here is resolved
/// against the runtime assembly by Generator.Tests' RuntimeContractTests, so a message never names a type
/// that does not exist.
/// </summary>
internal static class BlockingReplacements
{
    public const string Sleep = "Go.Sleep(...)";
    public const string Await = "Go.Await(task)";
    public const string Monitor = "Sync.Mutex (Lock/Unlock) or Cond";
    public const string Semaphore = "Sync.Semaphore (Acquire/Release)";
    public const string Event = "WaitGroup or a Chan<T>";
    public const string Join = "Goroutine.Join()";
    public const string Io = "Go.Blocking(() => ...) around it, or its async form under Go.Await(...)";
}
