namespace GoSharp.Generator.Tests.Execution;

// Review of issue 8's &x: a fixed-size buffer of a struct local that lives in the frame, read as a pointer
// (`int* p = x.Buf;`), was copied as it stands onto the frame's field, where C# asks for a fixed statement (CS1666 in
// generated code). Async reads its hoisted field's buffer as the plain method does, so the copy now takes the address
// of the buffer's first element (RenamerFixedBuffers.cs); indexing the buffer needed nothing and still does not.
public static partial class Cases
{
    public unsafe struct FixedBufferHolder
    {
        public fixed int Buf[4];
        public int K;
    }

    [Goroutine]
    public static string FixedBufferOfFrameLocal(Log log, int n)
    {
        FixedBufferHolder x = default;
        x.K = Tw(n);
        unsafe
        {
            int* p = x.Buf;
            p[1] = 7 + x.K;
            int* q = (x.Buf) + 2;
            *q = log.L("q", 5);
        }
        Go.Yield();
        int r;
        unsafe { r = x.Buf[1] * 10 + x.Buf[2]; }
        return r + "," + Tw(x.K);
    }
}
