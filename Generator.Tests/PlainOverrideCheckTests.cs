using System;
using GoSharp.CompilerServices;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// The check a virtual [Goroutine] method's factory makes for a receiver of a derived type (is the override to run
/// its own, or a plain one below?) is answered once per receiver type: after that, making the frame for a receiver
/// of a derived type without an override of its own allocates what it does for a receiver of the type itself.
/// </summary>
public class PlainOverrideCheckTests
{
    private const int Calls = 200;

    [Fact]
    public void A_derived_receiver_without_an_override_of_its_own_allocates_only_the_frame()
    {
        PocAnimal own = new PocAnimal(), derived = new PocDog();
        // Both make PocAnimal's frame, of the same size; the derived receiver also asks the check.
        Assert.Equal(own.__GoFrame_Speak(1).GetType(), derived.__GoFrame_Speak(1).GetType());

        var ownBytes = LeastOf(() => Allocated(() => { for (var i = 0; i < Calls; i++) own.__GoFrame_Speak(i); }), enough: 0);
        var derivedBytes = LeastOf(() => Allocated(() => { for (var i = 0; i < Calls; i++) derived.__GoFrame_Speak(i); }), enough: ownBytes);
        Assert.True(ownBytes > 0, "the frames themselves are allocated");
        // Before the check was cached, each derived call also allocated the delegate it bound (64 bytes).
        Assert.True(derivedBytes <= ownBytes, $"{Calls} frames: {ownBytes} B for the type's own receiver, {derivedBytes} B for a derived one");
    }

    [Fact]
    public void The_check_still_finds_a_plain_override_for_each_receiver_type()
    {
        PocAnimal animal = new PocAnimal(), dog = new PocDog(), plain = new PocPlain(), puppy = new PocPlainPuppy();
        for (var round = 0; round < 3; round++)
        {
            Assert.IsNotType<PlainOverrideFrame<string>>(animal.__GoFrame_Speak(round));
            Assert.IsNotType<PlainOverrideFrame<string>>(dog.__GoFrame_Speak(round));
            Assert.IsType<PlainOverrideFrame<string>>(plain.__GoFrame_Speak(round));
            Assert.IsType<PlainOverrideFrame<string>>(puppy.__GoFrame_Speak(round));
        }
    }

    [Fact]
    public void A_goroutine_override_below_a_plain_override_overrides_the_factory()
    {
        // RtKitten's [Goroutine] Speak overrides RtPlainCat's plain one: called through an RtAnimal it runs as a
        // frame (it may suspend), not as the plain override the check would otherwise see in it.
        Execution.Cases.RtAnimal kitten = new Execution.Cases.RtKitten(), old = new Execution.Cases.RtOldKitten(), cat = new Execution.Cases.RtPlainCat();
        Assert.IsNotType<PlainOverrideFrame<string>>(kitten.__GoFrame_Speak(1));
        Assert.IsNotType<PlainOverrideFrame<string>>(old.__GoFrame_Speak(1));
        Assert.IsType<PlainOverrideFrame<string>>(cat.__GoFrame_Speak(1));
    }

    // A one-off cost of the runtime's (a tier-up, a lazily made dictionary) or another thread's work shows in one
    // round, a cost of the code in every round: the least of a few rounds, stopping once one is within the bound.
    private static long LeastOf(Func<long> measure, long enough)
    {
        var least = long.MaxValue;
        for (var round = 0; round < 8 && least > enough; round++) least = Math.Min(least, measure());
        return least;
    }

    private static long Allocated(Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}

public partial class PocAnimal
{
    [Goroutine] public virtual string Speak(int n) { Go.Yield(); return "animal" + n; }
}

public class PocDog : PocAnimal { }

public class PocPlain : PocAnimal
{
    public override string Speak(int n) => "plain" + n;
}

public class PocPlainPuppy : PocPlain { }
