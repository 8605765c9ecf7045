using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>Query expressions (<c>from ... select ...</c>) with suspension points.</summary>
internal sealed partial class MethodLowerer
{
    /// <summary>
    /// A query whose source collections suspend. The first <c>from</c>'s collection, and the collection of each
    /// <c>join</c> that directly follows it, are evaluated when the query is built; every other clause becomes a
    /// lambda that runs when the query is enumerated, so a suspension point there is refused, as C# refuses
    /// <c>await</c> there (CS1995).
    /// <code>
    /// before:  from e in source.ScanBy(Tw(k)) join o in Other(Tw(2)) on e equals o where e > 1 select e
    /// after:   _r0 = ...ScanBy(...);  _r1 = ...Other(...);   from e in _r0 join o in _r1 on e equals o where e > 1 select e
    /// </code>
    /// </summary>
    private string LowerQuery(QueryExpressionSyntax q)
    {
        var eager = new List<ExpressionSyntax> { q.FromClause.Expression };
        var lazy = new List<SyntaxNode>();
        var leading = true;
        foreach (var clause in q.Body.Clauses)
        {
            if (leading && clause is JoinClauseSyntax j)
            {
                eager.Add(j.InExpression);
                lazy.Add(j.LeftExpression);
                lazy.Add(j.RightExpression);
                continue;
            }
            leading = false;
            lazy.Add(clause);
        }
        lazy.Add(q.Body.SelectOrGroup);
        if (q.Body.Continuation is not null) lazy.Add(q.Body.Continuation);
        if (lazy.FirstOrDefault(HasSuspension) is { } late)
        {
            Report(DiagnosticDescriptors.Unsupported, late,
                "A suspension point in this query clause, which runs as a lambda when the query is enumerated (C# refuses await here too, CS1995); only the first from's collection and the collections of the joins right after it may suspend");
            return RewriteExpr(q);
        }
        return RewriteExpr(q, LowerOperands(eager));
    }
}
