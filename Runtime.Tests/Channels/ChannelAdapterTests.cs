using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Xunit;
using static GoSharp.Runtime.Tests.Ops;

namespace GoSharp.Runtime.Tests.Channels;

/// <summary>System.Threading.Channels adapters in both directions, with exact message accounting.</summary>
public class ChannelAdapterTests
{
    // A hang guard, not a timing assertion.
    static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task Writer_to_reader_every_value_once_then_completion(int cap)
    {
        var ch = new Chan<int>(cap);
        var writer = ch.AsChannelWriter();
        var readers = new[] { ch.AsChannelReader(), ch.AsChannelReader() };
        var consumers = readers.Select(r => Task.Run(async () =>
        {
            var got = new List<int>();
            await foreach (var v in r.ReadAllAsync()) got.Add(v);
            return got;
        })).ToArray();
        for (int i = 0; i < 2000; i++) await writer.WriteAsync(i);
        writer.Complete();
        var all = (await Task.WhenAll(consumers).WaitAsync(Guard)).SelectMany(x => x).OrderBy(x => x);
        Assert.Equal(Enumerable.Range(0, 2000), all); // none lost, none twice
        foreach (var r in readers) await r.Completion.WaitAsync(Guard);
        Assert.False(writer.TryWrite(1));
        Assert.False(writer.TryComplete());
        await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(async () => await writer.WriteAsync(1));
        Assert.False(await writer.WaitToWriteAsync());
        await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(async () => await readers[0].ReadAsync());
    }

    [Fact]
    public async Task Goroutine_producer_ChannelReader_consumer()
    {
        using var rt = new GoRuntime(new GoRuntimeOptions { MaxProcs = 2 });
        var ch = new Chan<int>();
        IEnumerable<Op> Producer()
        {
            for (int i = 0; i < 500; i++) yield return Send(ch, i);
            ch.Close();
        }
        var reader = ch.AsChannelReader();
        var producer = rt.Go(Producer());
        var got = new List<int>();
        while (await reader.WaitToReadAsync().AsTask().WaitAsync(Guard))
            while (reader.TryRead(out var v)) got.Add(v);
        Assert.Equal(Enumerable.Range(0, 500), got);
        Assert.True(reader.Completion.IsCompleted);
        producer.Join();
    }

    [Fact]
    public async Task Reader_counts_completes_on_close_of_empty_and_cancels_cleanly()
    {
        var ch = new Chan<int>(2);
        var reader = ch.AsChannelReader();
        Assert.True(reader.CanCount);
        ch.Send(7);
        Assert.Equal(1, reader.Count);
        Assert.True(await reader.WaitToReadAsync());   // takes the value and keeps it
        Assert.Equal(0, ch.Len);
        Assert.Equal(1, reader.Count);
        Assert.True(reader.TryRead(out var v));
        Assert.Equal(7, v);

        using var cts = new CancellationTokenSource();
        var wait = reader.WaitToReadAsync(cts.Token).AsTask();
        Assert.False(wait.IsCompleted);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Guard));
        // The cancelled wait was withdrawn: the next value is not swallowed by it.
        ch.Send(8);
        Assert.Equal(8, await reader.ReadAsync().AsTask().WaitAsync(Guard));

        var empty = new Chan<int>();
        var er = empty.AsChannelReader();
        Assert.False(er.Completion.IsCompleted);
        empty.Close();
        await er.Completion.WaitAsync(Guard);          // closed with nothing buffered: complete at once
        Assert.Throws<InvalidOperationException>(() => default(Chan<int>).AsChannelReader());
    }

    [Fact]
    public async Task Writer_cancellation_withdraws_the_value()
    {
        var ch = new Chan<int>();
        var writer = ch.AsChannelWriter();
        using var cts = new CancellationTokenSource();
        var write = writer.WriteAsync(1, cts.Token).AsTask();
        Assert.True(await writer.WaitToWriteAsync()); // open
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.WaitAsync(Guard));
        Assert.False(ch.TryRecv(out _));               // the value was not delivered
        Assert.True(writer.TryComplete());
        Assert.Equal((0, false), ch.RecvOk());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void FromChannel_pumps_everything_then_closes(int cap) => Rt.With(2, rt =>
    {
        var src = Channel.CreateBounded<int>(5);
        _ = Task.Run(async () =>
        {
            for (int i = 0; i < 1000; i++) await src.Writer.WriteAsync(i);
            src.Writer.Complete();
        });
        RecvChan<int> r = Go.FromChannel(src.Reader, cap);
        Assert.Equal(cap, r.Cap);
        var got = new List<int>();
        IEnumerable<Op> Consumer()
        {
            while (true)
            {
                var op = RecvOk(r);
                yield return op;
                if (!op.Result.Ok) yield break;
                got.Add(op.Result.Value);
            }
        }
        rt.Go(Consumer()).Join();
        Assert.Equal(Enumerable.Range(0, 1000), got);
    });

    [Fact]
    public async Task FromChannel_source_error_closes_and_stays_on_the_source()
    {
        var src = Channel.CreateUnbounded<int>();
        src.Writer.TryWrite(1);
        src.Writer.TryWrite(2);
        var boom = new InvalidOperationException("source failed");
        src.Writer.Complete(boom);
        var r = Go.FromChannel(src.Reader);
        var got = new List<int>();
        await foreach (var v in r.ReadAllAsync().WithCancellation(default)) got.Add(v);
        Assert.Equal(new[] { 1, 2 }, got);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => src.Reader.Completion);
        Assert.Same(boom, e);
    }

    [Fact]
    public async Task FromChannel_cancellation_closes_the_channel()
    {
        var src = Channel.CreateUnbounded<int>();
        using var cts = new CancellationTokenSource();
        var r = Go.FromChannel(src.Reader, 0, cts.Token);
        src.Writer.TryWrite(1);
        Assert.Equal((1, true), await r.RecvOkAsync().AsTask().WaitAsync(Guard));
        cts.Cancel();
        Assert.Equal((0, false), await r.RecvOkAsync().AsTask().WaitAsync(Guard)); // closed, though the source is open
        src.Writer.TryWrite(2);
        Assert.True(src.Reader.TryRead(out var left)); // not pumped after the cancel
        Assert.Equal(2, left);
    }
}
