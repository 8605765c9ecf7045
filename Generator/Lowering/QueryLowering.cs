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
    /// A query whose source collections suspend. The first <c>from</c>'s collection is evaluated when the query is
    /// built, and so is the collection of the <c>join</c> right after it (<c>A.Join(B, ...)</c>: A, then B, then the
    /// Join call). Every other clause becomes a lambda that runs when the query is enumerated, so a suspension point
    /// there is refused, as C# refuses <c>await</c> there (CS1995). A later join's collection is evaluated after the
    /// earlier Join calls (and a typed range variable's Cast comes before the first join's collection): spilling it
    /// with the first would move those calls, so a suspension there is refused too (GOSH0010, "yet").
    /// <code>
    /// before:  from e in source.ScanBy(Tw(k)) join o in Other(Tw(2)) on e equals o where e > 1 select e
    /// after:   _r0 = ...ScanBy(...);  _r1 = ...Other(...);   from e in _r0 join o in _r1 on e equals o where e > 1 select e
    /// </code>
    /// </summary>
    private string LowerQuery(QueryExpressionSyntax q)
    {
        var eager = new List<ExpressionSyntax> { q.FromClause.Expression };
        var lazy = new List<SyntaxNode>();
        var late = new List<SyntaxNode>();
        var first = true;
        foreach (var clause in q.Body.Clauses)
        {
            if (clause is JoinClauseSyntax j)
            {
                if (first && q.FromClause.Type is null) eager.Add(j.InExpression);
                else late.Add(j.InExpression);
                lazy.Add(j.LeftExpression);
                lazy.Add(j.RightExpression);
            }
            else
            {
                lazy.Add(clause);
            }
            first = false;
        }
        lazy.Add(q.Body.SelectOrGroup);
        if (q.Body.Continuation is not null) lazy.Add(q.Body.Continuation);
        if (lazy.FirstOrDefault(HasSuspension) is { } inLambda)
        {
            Report(DiagnosticDescriptors.CannotLiveInFrame, inLambda,
                "A suspension point cannot be in this query clause: it runs as a lambda when the query is enumerated (async methods: CS1995); only the first from's collection and the collection of the join right after it may suspend, so compute the value before the query");
            return RewriteExpr(q);
        }
        if (late.FirstOrDefault(HasSuspension) is { } afterJoin)
        {
            Report(DiagnosticDescriptors.Unsupported, afterJoin,
                DiagnosticDescriptors.NotYet("A suspension point in the collection of a join that C# evaluates after the query's earlier operators (a second join, or a join after a typed range variable's Cast)"));
            return RewriteExpr(q);
        }
        return RewriteExpr(q, LowerOperands(eager));
    }
}
