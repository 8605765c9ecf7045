using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// A nested collection initializer of an init-only property (`Tags = { Tw(1) }` reads Tags and adds to it: it sets
// nothing) in an initializer with a suspension point: after the init-only members, on the created object.
public static partial class Cases
{
    public record Ion8Person(string Name, int Age)
    {
        public List<string> Tags { get; init; } = new();
        public Dictionary<string, int> Scores { get; init; } = new();
        public string Nick { get; init; } = "";
    }

    [Goroutine]
    public static string InitOnlyWithNestedInitializers(Log log, int n)
    {
        var a = new Ion8Person("ann", Tw(n)) { Tags = { Tw("t1"), log.L("t2", "x") } };
        var b = new Ion8Person("bob", n) { Nick = Tw("b" + n), Tags = { "k" }, Scores = { ["s"] = Tw(n * 2), [Tw("u")] = 1 } };
        var c = a with { Age = Tw(a.Age + 1) };
        log.Add(string.Join(",", a.Tags) + "/" + string.Join(",", b.Tags) + "/" + b.Scores["s"] + b.Scores["u"]);
        return $"{a.Name}{a.Age}{a.Tags.Count}|{b.Nick}{b.Tags.Count}{b.Scores.Count}|{c.Age}{ReferenceEquals(c.Tags, a.Tags)}";
    }
}
