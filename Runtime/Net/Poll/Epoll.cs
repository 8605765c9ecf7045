using System;
using System.Runtime.InteropServices;

namespace GoSharp.Net.Poll;

/// <summary>
/// Linux's epoll and eventfd, as the poller uses them (Go: netpoll_epoll.go's system calls). Blittable
/// signatures only (ints, refs to the first element of a buffer), so the calls need no marshalling
/// stubs and stay trimming- and AOT-safe. An epoll_event is 12 bytes on x86-64 (the kernel packs it
/// there) and 16 elsewhere: the poller reads the events out of a byte buffer with <see cref="EventSize"/>.
/// </summary>
internal static class Epoll
{
    private const string Libc = "libc";

    public const int EPOLLIN = 0x001;
    public const int EPOLLOUT = 0x004;
    public const int EPOLLERR = 0x008;
    public const int EPOLLHUP = 0x010;
    public const int EPOLLRDHUP = 0x2000;
    public const uint EPOLLET = 0x80000000;

    public const int EPOLL_CTL_ADD = 1;
    public const int EPOLL_CTL_DEL = 2;

    public const int EPOLL_CLOEXEC = 0x80000; // O_CLOEXEC
    public const int EFD_CLOEXEC = 0x80000;
    public const int EFD_NONBLOCK = 0x800;

    /// <summary>sizeof(struct epoll_event) on this architecture.</summary>
    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    /// <summary>Offset of the 64-bit data field in an epoll_event.</summary>
    public static readonly int DataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    [DllImport(Libc, SetLastError = true)]
    public static extern int epoll_create1(int flags);

    /// <summary>epoll_ctl with the event built in <paramref name="ev"/> (EventSize bytes).</summary>
    [DllImport(Libc, SetLastError = true)]
    public static extern int epoll_ctl(int epfd, int op, int fd, ref byte ev);

    [DllImport(Libc, SetLastError = true)]
    public static extern int epoll_wait(int epfd, ref byte events, int maxevents, int timeout);

    [DllImport(Libc, SetLastError = true)]
    public static extern int eventfd(uint initval, int flags);

    [DllImport(Libc, SetLastError = true)]
    public static extern nint read(int fd, ref ulong buf, nint count);

    [DllImport(Libc, SetLastError = true)]
    public static extern nint write(int fd, ref ulong buf, nint count);

    [DllImport(Libc, SetLastError = true)]
    public static extern int close(int fd);
}
