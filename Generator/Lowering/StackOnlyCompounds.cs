using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Stack-only locals (StackOnlyLocals.cs) mentioned inside a suspending <c>try</c>, <c>using</c>, <c>foreach</c> or
/// <c>for</c> before its first suspension point. C# 13 async decides by liveness, so it accepts a span read in a
/// try block before the try's <c>await</c>, or one read by a foreach's collection or a using's resource, which run
/// once before the body:
/// <code>
/// Span&lt;int&gt; s = stackalloc int[4]; s[0] = n;
/// try { log.Add(s[0]); Tw(1); } finally { ... }          // s dead at Tw(1): accepted
/// foreach (var x in new[] { s[0], 2 }) t += Tw(x);       // the collection runs once, first: accepted
/// using (new D(s[0])) { Tw(1); }                         // so does the resource
/// while (i &lt; s[0]) Tw(1);                               // the condition runs again after Tw(1): GOSH0008
/// </code>
/// The body of a try (and of a using, which becomes one) is scanned as a block; a mention in a catch, a filter or a
/// finally, in a loop's body, condition or incrementors, or in a part that suspends before it, stays GOSH0008.
/// <para>The lowered try keeps one problem for C#'s definite assignment: a state resumed inside the try is reached
/// from a label just before it, then through the try's own dispatch, whose fall-through C# follows to the start of
/// the body, where the body reads the local. So the entry label gives every stack-only local declared before the try
/// and named in its body a dummy value, on that path only (EmitRealTry):</para>
/// <code>
/// goto __tryin3;
/// __try2: ;
/// _l1_s = default;              // a ref local: _l1_r = ref Unsafe.NullRef&lt;T&gt;();
/// __tryin3: ;
/// try { switch (State) { ... } ... }
/// </code>
/// Nothing reads the dummy: on a resumed path the local is dead, which is what the scan proved.
/// </summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// Scans a suspending <c>try</c>, <c>using</c>, <c>foreach</c> or <c>for</c> (see the class comment): false when
    /// <paramref name="statement"/> is none of them; else <paramref name="after"/> is null where a mention needs the
    /// value across a suspension point (GOSH0008), or whether the value is alive after the statement.
    /// </summary>
    private bool ScansSuspendingCompound(StatementSyntax statement, bool alive, List<ILocalSymbol> locals, HashSet<string> names, bool labels, out bool? after)
    {
        after = null;
        bool MentionsAny(SyntaxNode? node) => node is not null && Mentions(node, locals, names);
        // A part that runs once before the body may read the local when it is alive and the part does not suspend.
        bool ReadsFirst(SyntaxNode? part) => MentionsAny(part) && (!alive || Suspends(part!));
        switch (statement)
        {
            case TryStatementSyntax t:
                if (t.Catches.Any(c => MentionsAny(c)) || MentionsAny(t.Finally)) return true;
                if (DeadAtSuspensions(t.Block.Statements, alive, locals, names, labels) is not { } end) return true;
                // A catch may be entered from anywhere in the block, after its suspension point.
                after = end && t.Catches.Count == 0 && (t.Finally is null || !Suspends(t.Finally.Block));
                return true;
            case UsingStatementSyntax u:
                var resource = (SyntaxNode?)u.Declaration ?? u.Expression;
                if (ReadsFirst(resource)) return true;
                var body = u.Statement is BlockSyntax b ? (IEnumerable<StatementSyntax>)b.Statements : new[] { u.Statement };
                if (DeadAtSuspensions(body, alive && !(resource is not null && Suspends(resource)), locals, names, labels) is not { } usingEnd) return true;
                after = usingEnd;
                return true;
            case CommonForEachStatementSyntax fe:
                if (MentionsAny(fe.Statement) || fe is ForEachVariableStatementSyntax v && MentionsAny(v.Variable) || ReadsFirst(fe.Expression)) return true;
                after = false;
                return true;
            case ForStatementSyntax f:
                if (MentionsAny(f.Statement) || MentionsAny(f.Condition) || f.Incrementors.Any(i => MentionsAny(i))
                    || ReadsFirst(f.Declaration) || f.Initializers.Any(i => ReadsFirst(i))) return true;
                after = false;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The dummy values a try's entry label gives the stack-only locals declared before the try and named in its
    /// lowered body (see the class comment); <paramref name="declaredBefore"/> are those declared when the body's
    /// lowering began.
    /// </summary>
    private List<string> StackLocalsAtTryEntry(IEnumerable<KeyValuePair<ILocalSymbol, string>> declaredBefore, string bodyText)
    {
        var lines = new List<string>();
        foreach (var pair in declaredBefore)
        {
            if (!MentionsName(bodyText, pair.Value)) continue;
            lines.Add(pair.Key.IsRef
                ? $"{pair.Value} = ref global::System.Runtime.CompilerServices.Unsafe.NullRef<{pair.Key.Type.Fq()}>();"
                : $"{pair.Value} = default;");
        }
        return lines;
    }

    /// <summary>Whether the generated <paramref name="text"/> holds the generated name <paramref name="name"/> as a whole word.</summary>
    private static bool MentionsName(string text, string name)
    {
        for (var at = text.IndexOf(name, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, System.StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var end = at + name.Length;
            var next = end < text.Length ? text[end] : ' ';
            if (!(char.IsLetterOrDigit(before) || before == '_') && !(char.IsLetterOrDigit(next) || next == '_')) return true;
        }
        return false;
    }
}
