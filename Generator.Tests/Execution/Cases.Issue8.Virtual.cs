namespace GoSharp.Generator.Tests.Execution;

// Issue 8: nested calls (and launchers) of virtual [Goroutine] methods dispatch on the receiver's runtime type.
public static partial class Cases
{
    [Goroutine]
    public static string VirtualDispatch(Log log, int n)
    {
        Animal a = n % 2 == 0 ? new Dog() : new Puppy();
        var s = a.Speak(n);
        Animal plain = new Animal();
        s += "|" + plain.Speak(n);
        Dog d = new Puppy();
        s += "|" + d.Speak(Tw(n));
        a.Walk(log);
        s += "|" + a.GoSpeak(n).Join();
        return s;
    }
}

public partial class Animal
{
    [Goroutine]
    public virtual string Speak(int n)
    {
        Sp.Pause();
        return "animal" + n;
    }

    [Goroutine]
    public virtual void Walk(Log log)
    {
        Sp.Pause();
        log.Add("animal walks");
    }
}

public partial class Dog : Animal
{
    [Goroutine]
    public override string Speak(int n)
    {
        Sp.Pause();
        return "dog" + n;
    }

    [Goroutine]
    public override void Walk(Log log)
    {
        Go.Yield();
        log.Add("dog walks");
    }
}

public partial class Puppy : Dog
{
    [Goroutine]
    public sealed override string Speak(int n)
    {
        Sp.Pause();
        return "puppy" + n;
    }
}
