// The idiomatic .NET echo server of bench/net: async/await on Socket, one async loop per connection.
//
//   dotnet EchoAsync.dll PORT
using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

int port = args.Length > 0 ? int.Parse(args[0]) : 7000;
using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
listener.Listen();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; listener.Close(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; listener.Close(); });
Console.WriteLine($"listening on {listener.LocalEndPoint}");
try
{
    while (true)
    {
        Socket client = await listener.AcceptAsync();
        client.NoDelay = true;
        _ = Handle(client);
    }
}
catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
{
    Console.WriteLine("stopped");
}

static async Task Handle(Socket s)
{
    var buf = new byte[4096];
    try
    {
        while (true)
        {
            int n = await s.ReceiveAsync(buf, SocketFlags.None);
            if (n == 0) break;
            await s.SendAsync(buf.AsMemory(0, n), SocketFlags.None);
        }
    }
    catch (SocketException)
    {
    }
    finally
    {
        s.Dispose();
    }
}
