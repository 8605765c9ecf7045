// An echo server as a Go programmer writes one: one goroutine per connection, straight-line Read/Write.
// While a goroutine waits for its client it is parked on the socket (GoSharp.Net's netpoller analogue):
// 10,000 idle clients cost 10,000 small frames, not 10,000 threads.
//
//   dotnet run --project samples/EchoServer -c Release -- [port] [host]
//
// Prints "listening on HOST:PORT" when ready; Ctrl+C (or SIGTERM) closes the listener and the server stops.
using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using GoSharp;
using GoSharp.Net;
using static GoSharp.Net.Net;

public static partial class Program
{
    public static int Main(string[] args)
    {
        int port = args.Length > 0 ? int.Parse(args[0]) : 7000;
        string host = args.Length > 1 ? args[1] : "127.0.0.1";
        Listener ln = Listen($"{host}:{port}");
        // Stopping: closing the listener makes the waiting Accept throw, and Serve returns.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            ln.Close();
        }
        Console.WriteLine($"listening on {ln.Addr}");
        GoServe(ln).Join();
        Console.WriteLine("stopped");
        return 0;
    }

    [Goroutine]
    static void Serve(Listener ln)
    {
        while (true)
        {
            Conn conn;
            try
            {
                conn = ln.Accept();
            }
            catch (ObjectDisposedException)
            {
                return; // closed: we are stopping
            }
            catch (SocketException ex)
            {
                // Out of file descriptors, a connection reset while queued: Go's servers log, back off and go on.
                Console.Error.WriteLine($"accept: {ex.Message}");
                Go.Sleep(TimeSpan.FromMilliseconds(5));
                continue;
            }
            GoHandle(conn);
        }
    }

    [Goroutine]
    static void Handle(Conn conn)
    {
        var buf = new byte[4096];
        try
        {
            while (true)
            {
                int n = conn.Read(buf);
                if (n == 0) return; // the client closed its side
                conn.Write(buf.AsMemory(0, n));
            }
        }
        catch (SocketException)
        {
            // The client went away (reset): nothing to answer.
        }
        finally
        {
            conn.Close();
        }
    }
}
