// A chat server in Go's style: goroutines that own their state and talk over channels.
//   - one goroutine per client reads its lines (with an idle read deadline) and one writes to it, draining
//     its outbox (with a write deadline: a client that stops reading is dropped, not waited for);
//   - one goroutine per room owns the room's members and broadcasts; nobody else touches them;
//   - the hub goroutine owns the room directory and starts rooms on first use.
// Messages go to a room with a select that gives up after a second (the room is swamped) and reach each
// member through a non-blocking select (a full outbox skips the message rather than stall the room).
//
//   dotnet run --project samples/ChatServer -c Release -- [port] [host]
//   then: nc 127.0.0.1 7001   (first line: your name; "/join ROOM" switches rooms; "/quit" leaves)
//
// Prints "listening on HOST:PORT" when ready; Ctrl+C (or SIGTERM) stops it.
using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using GoSharp;
using GoSharp.Net;
using static GoSharp.Net.Net;

public static partial class Program
{
    static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);
    static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(10);
    static readonly TimeSpan RoomBusy = TimeSpan.FromSeconds(1);
    const int OutboxSize = 64;

    public static int Main(string[] args)
    {
        int port = args.Length > 0 ? int.Parse(args[0]) : 7001;
        string host = args.Length > 1 ? args[1] : "127.0.0.1";
        Listener ln = Listen($"{host}:{port}");
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            ln.Close();
        }
        var lookups = new Chan<RoomLookup>();
        GoHub(lookups);
        Console.WriteLine($"listening on {ln.Addr}");
        GoServe(ln, lookups).Join();
        Console.WriteLine("stopped");
        return 0;
    }

    [Goroutine]
    static void Serve(Listener ln, Chan<RoomLookup> lookups)
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
                return;
            }
            catch (SocketException ex)
            {
                // Out of file descriptors, a connection reset while queued: Go's servers log, back off and go on.
                Console.Error.WriteLine($"accept: {ex.Message}");
                Go.Sleep(TimeSpan.FromMilliseconds(5));
                continue;
            }
            GoClient(conn, lookups);
        }
    }

    /// <summary>The room directory: a room's goroutine starts on its first lookup.</summary>
    [Goroutine]
    static void Hub(Chan<RoomLookup> lookups)
    {
        var rooms = new Dictionary<string, Chan<RoomEvent>>();
        foreach (var lookup in lookups)
        {
            if (!rooms.TryGetValue(lookup.Name, out var room))
            {
                room = new Chan<RoomEvent>(256);
                rooms.Add(lookup.Name, room);
                GoRoom(lookup.Name, room);
            }
            lookup.Reply.Send(room);
        }
    }

    /// <summary>One room: owns its members, so joins, leaves and broadcasts need no lock.</summary>
    [Goroutine]
    static void Room(string name, Chan<RoomEvent> events)
    {
        var members = new Dictionary<Chan<string>, string>();
        foreach (var ev in events)
        {
            switch (ev.Kind)
            {
                case EventKind.Join:
                    members[ev.Outbox] = ev.Nick;
                    Broadcast(members, $"* {ev.Nick} joined #{name} ({members.Count} here)");
                    break;
                case EventKind.Leave:
                    if (members.Remove(ev.Outbox)) Broadcast(members, $"* {ev.Nick} left #{name}");
                    break;
                case EventKind.Say:
                    Broadcast(members, $"[#{name}] {ev.Nick}: {ev.Text}");
                    break;
            }
        }
    }

    static void Broadcast(Dictionary<Chan<string>, string> members, string line)
    {
        foreach (var outbox in members.Keys)
        {
            // Never wait for a slow member: a full outbox misses this line (its writer has a deadline).
            outbox.TrySend(line);
        }
    }

    /// <summary>Reads one client's lines; its writer runs beside it.</summary>
    [Goroutine]
    static void Client(Conn conn, Chan<RoomLookup> lookups)
    {
        var outbox = new Chan<string>(OutboxSize);
        var writerDone = new Chan<Empty>();
        GoWriter(conn, outbox, writerDone);
        var lines = new LineReader();
        Chan<RoomEvent> room = default;
        string nick = "";
        try
        {
            outbox.Send("welcome! your name?");
            nick = ReadLine(lines, conn) ?? "";
            if (nick.Length == 0) return;
            room = Lookup(lookups, "lobby");
            room.Send(RoomEvent.Join(nick, outbox));
            while (true)
            {
                string? line = ReadLine(lines, conn);
                if (line is null || line == "/quit") return;
                if (line.StartsWith("/join ", StringComparison.Ordinal) && line.Length > 6)
                {
                    room.Send(RoomEvent.Leave(nick, outbox));
                    room = Lookup(lookups, line[6..].Trim());
                    room.Send(RoomEvent.Join(nick, outbox));
                    continue;
                }
                // A select with a deadline: a swamped room drops the message instead of stalling this client.
                var sent = Go.Select(room.SendCase(RoomEvent.Say(nick, line, outbox)), Go.After(RoomBusy).RecvCase());
                if (sent.Index == 1) outbox.TrySend("* the room is busy, message dropped");
            }
        }
        catch (DeadlineExceededException)
        {
            outbox.TrySend("* idle too long, bye");
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The client went away or its writer gave up on it.
        }
        finally
        {
            if (!room.IsNil) room.Send(RoomEvent.Leave(nick, outbox));
            outbox.Close();
            writerDone.Recv(); // let the writer flush the goodbye, then close
            conn.Close();
        }
    }

    /// <summary>Asks the hub for a room's channel.</summary>
    [Goroutine]
    static Chan<RoomEvent> Lookup(Chan<RoomLookup> lookups, string name)
    {
        var reply = new Chan<Chan<RoomEvent>>(1);
        lookups.Send(new RoomLookup(name, reply));
        return reply.Recv();
    }

    /// <summary>Reads a line, waiting at most the idle timeout for each chunk; null at the end of the stream.</summary>
    [Goroutine]
    static string? ReadLine(LineReader lines, Conn conn)
    {
        while (true)
        {
            string? line = lines.TryTake();
            if (line is not null) return line;
            conn.SetReadDeadline(DateTime.UtcNow + IdleTimeout);
            int n = conn.Read(lines.Free);
            if (n == 0) return null;
            lines.Filled(n);
        }
    }

    /// <summary>Writes the outbox to the client until it is closed; a client that does not read in time is dropped.</summary>
    [Goroutine]
    static void Writer(Conn conn, Chan<string> outbox, Chan<Empty> done)
    {
        try
        {
            foreach (var line in outbox)
            {
                conn.SetWriteDeadline(DateTime.UtcNow + WriteTimeout);
                conn.Write(Encoding.UTF8.GetBytes(line + "\n"));
            }
        }
        catch (Exception ex) when (ex is SocketException or DeadlineExceededException or ObjectDisposedException)
        {
            conn.Close(); // the reader's next Read fails and it cleans up
            foreach (var _ in outbox) { } // drain until the reader closes it
        }
        finally
        {
            done.Close();
        }
    }
}

enum EventKind { Join, Leave, Say }

readonly record struct RoomEvent(EventKind Kind, string Nick, string Text, Chan<string> Outbox)
{
    public static RoomEvent Join(string nick, Chan<string> outbox) => new(EventKind.Join, nick, "", outbox);
    public static RoomEvent Leave(string nick, Chan<string> outbox) => new(EventKind.Leave, nick, "", outbox);
    public static RoomEvent Say(string nick, string text, Chan<string> outbox) => new(EventKind.Say, nick, text, outbox);
}

readonly record struct RoomLookup(string Name, Chan<Chan<RoomEvent>> Reply);

/// <summary>Splits what a connection sends into lines (UTF-8, "\n" or "\r\n"; lines over 4 KB are cut).</summary>
sealed class LineReader
{
    private readonly byte[] _buf = new byte[4096];
    private int _start, _end;

    public Memory<byte> Free
    {
        get
        {
            if (_start > 0)
            {
                Array.Copy(_buf, _start, _buf, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buf.Length) _end = 0; // an over-long line: drop it
            return _buf.AsMemory(_end);
        }
    }

    public void Filled(int n) => _end += n;

    public string? TryTake()
    {
        int nl = Array.IndexOf(_buf, (byte)'\n', _start, _end - _start);
        if (nl < 0) return null;
        string line = Encoding.UTF8.GetString(_buf, _start, nl - _start).TrimEnd('\r');
        _start = nl + 1;
        return line;
    }
}
