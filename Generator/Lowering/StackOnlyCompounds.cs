using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Stack-only locals (StackOnlyLocals.cs) mentioned inside a suspending <c>if</c>, <c>switch</c>, <c>try</c>,
/// <c>using</c>, <c>foreach</c> or <c>for</c> before its first suspension point. C# 13 async decides by liveness, so
/// it accepts a span read in a try block before the try's <c>await</c>, or one read by a condition, a foreach's
/// collection or a using's resource, which run once before the body:
/// <code>
/// Span&lt;int&gt; s = stackalloc int[4]; s[0] = n;
/// try { log.Add(s[0]); Tw(1); } finally { ... }          // s dead at Tw(1): accepted
/// foreach (var x in new[] { s[0], 2 }) t += Tw(x);       // the collection runs once, first: accepted
/// using (new D(s[0])) { Tw(1); }                         // so does the resource
/// if (s[0] + Tw(1) &gt; 2) { ... }                          // s[0] read, then spilled, before Tw(1): accepted
/// while (i &lt; s[0]) Tw(1);                               // the condition runs again after Tw(1): GOSH0008
/// </code>
/// The body of a try (and of a using, which becomes one) is scanned as a block, an if's branches and a switch's
/// sections as after any condition (AliveAfterBranch, AliveAfterSwitch); a part that runs first and suspends may
/// read the local before its own suspension point (AfterPart); a mention in a catch, a filter or a finally, in a
/// loop's body, condition or incrementors, or after a part's suspension point stays GOSH0008.
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
        // One that never mentions the locals only ends their value (DeadAtSuspensions); an if's branch may also end
        // the method, which its scan sees.
        if (statement is not IfStatementSyntax && !MentionsAny(statement)) return false;
        switch (statement)
        {
            case IfStatementSyntax ifs:
                if (AfterPart(ifs.Condition, alive, locals, names) is not { } afterCondition) return true;
                var whenTrue = AliveAfterBranch(ifs.Statement, afterCondition, locals, names, labels);
                var whenFalse = ifs.Else is null ? afterCondition : AliveAfterBranch(ifs.Else.Statement, afterCondition, locals, names, labels);
                if (whenTrue is null || whenFalse is null) return true;
                after = whenTrue.Value && whenFalse.Value;
                return true;
            case SwitchStatementSyntax sw when !labels:
                if (AfterPart(sw.Expression, alive, locals, names) is not { } afterGoverning) return true;
                after = AliveAfterSwitch(sw, afterGoverning, locals, names);
                return true;
            case TryStatementSyntax t:
                if (t.Catches.Any(c => MentionsAny(c)) || MentionsAny(t.Finally)) return true;
                if (DeadAtSuspensions(t.Block.Statements, alive, locals, names, labels) is not { } end) return true;
                // A catch may be entered from anywhere in the block, after its suspension point.
                after = end && t.Catches.Count == 0 && (t.Finally is null || !Suspends(t.Finally.Block));
                return true;
            case UsingStatementSyntax u:
                var resource = (SyntaxNode?)u.Declaration ?? u.Expression;
                var afterResource = resource is null ? alive : AfterPart(resource, alive, locals, names);
                if (afterResource is null) return true;
                var body = u.Statement is BlockSyntax b ? (IEnumerable<StatementSyntax>)b.Statements : new[] { u.Statement };
                after = DeadAtSuspensions(body, afterResource.Value, locals, names, labels);
                return true;
            case CommonForEachStatementSyntax fe:
                if (MentionsAny(fe.Statement) || fe is ForEachVariableStatementSyntax v && MentionsAny(v.Variable)
                    || AfterPart(fe.Expression, alive, locals, names) is null) return true;
                after = false;
                return true;
            case ForStatementSyntax f:
                if (MentionsAny(f.Statement) || MentionsAny(f.Condition) || f.Incrementors.Any(i => MentionsAny(i))) return true;
                var afterInit = (bool?)alive;
                foreach (var part in f.Declaration is { } d ? new SyntaxNode[] { d } : f.Initializers.ToArray())
                    afterInit = afterInit is { } before ? AfterPart(part, before, locals, names) : null;
                if (afterInit is null) return true;
                after = false;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A part of a compound statement that runs once, first (a condition, a governing value, a resource, a collection,
    /// an initializer), entered with the locals' value <paramref name="alive"/>: null when it mentions them where the
    /// value would cross a suspension point, else whether the value is alive after it. A part that suspends may read the
    /// local before its first suspension point (<c>if (s[0] + Tw(1) &gt; 2)</c>): the value read is spilled like any
    /// operand, as in an expression statement (ReadBeforeTheSuspension).
    /// </summary>
    private bool? AfterPart(SyntaxNode part, bool alive, List<ILocalSymbol> locals, HashSet<string> names)
    {
        var mentions = part.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(id => IsMentionOf(id, locals, names)).ToList();
        if (!Suspends(part)) return mentions.Count == 0 || alive ? alive : null;
        if (mentions.Count == 0) return false;
        return alive && mentions.All(id => ReadBeforeSuspensionsOf(part, id)) ? false : null;
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
