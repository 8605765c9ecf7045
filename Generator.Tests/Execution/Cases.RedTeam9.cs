using System;

namespace GoSharp.Generator.Tests.Execution;

// Red team round 9: instance goroutine methods, unusual signatures, launches and channels inside expressions.
public static partial class Cases
{
    // Bug 1: members named with a keyword (`@this`, `@class`) read through implicit `this` were written without
    // their `@` (`_this.` followed by nothing: CS1001).
    public sealed partial class Rt9Keywords
    {
        public int @this = 1, @class = 2, @base = 3;
        public int @event => 4;
        public static int @static = 5;

        [Goroutine]
        public int Sum(int n)
        {
            var x = Tw(n);
            @this += x;
            return @this + @class + @base + @event + @static + x;
        }

        [Goroutine]
        public int Shadowed(int n)
        {
            int @this = 100;
            var x = Tw(n);
            return @this + x + this.@this;
        }
    }

    [Goroutine]
    public static string Rt9KeywordMembers(Log log, int n)
    {
        var k = new Rt9Keywords();
        var a = k.Sum(n);
        var b = k.Shadowed(Tw(n + 1));
        log.Add("this " + k.@this);
        return a + "," + b + "," + k.@this;
    }
}
