using System.Collections.Generic;

namespace GoSharp.Generator.Tests.Execution;

// Shapes found by the corpus oracle's twelfth round of new codebases, each reduced to a differential case.
public static partial class Cases
{
    // SharpCompress' CRC32.GetCrc32AndCopy, under --suspend: `unchecked { ... output?.Write(buffer, 0, S(count)); }`,
    // a conditional access as a statement, with a suspending argument, in an unchecked block. The access's residual
    // call came back as `unchecked(_t3.Write(...))` and was written as a statement (CS0201 in generated code); it is
    // written as an expression statement's is now, `unchecked { _t3.Write(...); }`.
    [Goroutine]
    public static string C12ConditionalCallInAnUncheckedBlock(Log log, int n)
    {
        var some = new List<int>();
        List<int>? none = n < 0 ? some : null;
        unchecked
        {
            some?.Add(Tw(n) + int.MaxValue);
            none?.Add(Tw(n + 1));
            log.L("count", some!.Count);
        }
        checked
        {
            some?.Insert(0, Tw(n) * 2);
        }
        return string.Join(",", some!);
    }
}
