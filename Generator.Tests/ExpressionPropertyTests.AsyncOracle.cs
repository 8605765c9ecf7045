using System;
using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Tests;

// C# async as the acceptance oracle of a draw family's methods (RandomFamiliesBehaveTheSame, for the families of
// AsyncOracleFamilies): each drawn goroutine is also written as an `async Task<string>` method whose suspension
// points are awaits (AsyncTwin), and the two compilations must accept the same methods. What async accepts the
// generator must accept, but for its documented conservative refusals (FamilyConservative, counted); what the
// generator accepts and async refuses is a generator bug when async refuses a stack-only value live across an await
// (a span or a reference the frame would have to keep), and a difference of the languages when async has no await
// to stand there (an exception filter, a lock's body, an unsafe context, a query expression), counted.
public partial class ExpressionPropertyTests
{
    /// <summary>
    /// The families whose methods also compile as async twins: all six, or those <c>GOSHARP_ASYNC_ORACLE</c> names
    /// (comma-separated) beside values and calls, which are always in: they draw shapes on both sides of async's
    /// refusals (spans, ref locals and ref-returning calls across suspension points); the others draw what both accept.
    /// </summary>
    private static readonly HashSet<string> AsyncOracleFamilies =
        new((Environment.GetEnvironmentVariable("GOSHARP_ASYNC_ORACLE") ?? "handlers,loops,switches,places").Split(',').Concat(new[] { "calls", "values" }));

    /// <summary>Async's refusals of a stack-only value or reference live across an await.</summary>
    private static readonly HashSet<string> AsyncStackOnlyRefusals = new() { "CS4007", "CS9217", "CS8178", "CS4013", "CS4012" };

    /// <summary>Async's refusals of an await where C# has none: the generator's suspension point there is no bug.</summary>
    private static readonly Dictionary<string, string> AsyncHasNoAwaitThere = new()
    {
        ["CS7094"] = "an await in an exception filter",
        ["CS1996"] = "an await in a lock's body",
        ["CS4004"] = "an await in an unsafe context",
        ["CS1995"] = "an await in a query expression",
    };

    /// <summary>
    /// The generator's documented conservative refusals the families draw (docs/diagnostics.md, GOSH0008), each
    /// recognised by the refused declaration or expression.
    /// </summary>
    private static readonly (string Name, Func<Diagnostic, SyntaxNode, bool> Applies)[] FamilyConservative =
    {
        ("a ref local whose suspending initializer declares an out or pattern variable (GOSH0008)",
            (d, node) => d.Id == "GOSH0008" && node.AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().FirstOrDefault() is { Initializer.Value: RefExpressionSyntax init }
                && init.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Any()),
    };

    /// <summary>What the async oracle saw over a test's batches.</summary>
    private sealed class AsyncTally
    {
        public int AcceptedByBoth, RefusedByBoth;
        public readonly Dictionary<string, int> Conservative = new(), AsyncOnly = new();
        public readonly List<string> Unexplained = new();

        public override string ToString() =>
            $"async oracle: {AcceptedByBoth} accepted by both, {RefusedByBoth} refused by both, "
            + $"{Conservative.Values.Sum()} refused by the generator alone as documented{string.Concat(Conservative.Select(c => $" ({c.Value}: {c.Key})"))}, "
            + $"{AsyncOnly.Values.Sum()} refused by async alone where it has no await{string.Concat(AsyncOnly.Select(c => $" ({c.Value}: {c.Key})"))}, "
            + $"{Unexplained.Count} other disagreements";
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.TryGetValue(key, out var c) ? c + 1 : 1;

    /// <summary>
    /// Compares the generator's refusals of the methods <c>M{i}</c> (i in <paramref name="oracle"/>) of
    /// <paramref name="compilation"/> with their async twins' refusals, into <paramref name="tally"/>.
    /// </summary>
    private static void CompareWithAsync(CSharpCompilation compilation, GeneratorHarness.Result result, IReadOnlyCollection<int> oracle, Func<int, string> describe, AsyncTally tally)
    {
        var tree = compilation.SyntaxTrees.Single();
        var goRefusals = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath == tree.FilePath)
            .Select(d => (Diagnostic: d, Method: MethodAt(d.Location.SourceTree!, d.Location.SourceSpan), Node: d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan)))
            .ToList();
        var asyncCompilation = GeneratorHarness.Compile(new[] { ("Async.cs", AsyncTwins(compilation, oracle)) }, new[] { MetadataReference.CreateFromFile(typeof(Execution.Log).Assembly.Location) });
        var asyncTree = asyncCompilation.SyntaxTrees.Single();
        var asyncRefusals = asyncCompilation.Emit(System.IO.Stream.Null).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => (Diagnostic: d, Method: MethodAt(asyncTree, d.Location.SourceSpan))).ToList();
        foreach (var (d, method) in asyncRefusals)
            if (method is null || !AsyncStackOnlyRefusals.Contains(d.Id) && !AsyncHasNoAwaitThere.ContainsKey(d.Id))
                throw new Exception($"the async twin does not compile: {d}\n{(method is null ? asyncTree.ToString() : asyncTree.GetRoot().FindNode(d.Location.SourceSpan).AncestorsAndSelf().OfType<MethodDeclarationSyntax>().First().ToString())}");
        foreach (var i in oracle)
        {
            var go = goRefusals.Where(r => r.Method == "M" + i).ToList();
            var byAsync = asyncRefusals.Where(r => r.Method == "A" + i).Select(r => r.Diagnostic).ToList();
            if (go.Count > 0 && byAsync.Count > 0) tally.RefusedByBoth++;
            else if (go.Count == 0 && byAsync.Count == 0) tally.AcceptedByBoth++;
            else if (go.Count > 0)
            {
                var unknown = go.Where(r => !FamilyConservative.Any(c => c.Applies(r.Diagnostic, r.Node))).ToList();
                if (unknown.Count == 0) Count(tally.Conservative, FamilyConservative.First(c => c.Applies(go[0].Diagnostic, go[0].Node)).Name);
                else tally.Unexplained.Add($"M{i}: async accepts, the generator refuses: {unknown[0].Diagnostic}\n{describe(i)}");
            }
            else if (byAsync.All(d => AsyncHasNoAwaitThere.ContainsKey(d.Id))) Count(tally.AsyncOnly, AsyncHasNoAwaitThere[byAsync[0].Id]);
            else tally.Unexplained.Add($"M{i}: the generator accepts, async refuses: {byAsync.First(d => AsyncStackOnlyRefusals.Contains(d.Id))}\n{describe(i)}");
        }
    }

    /// <summary>The name of the method of <paramref name="tree"/> around <paramref name="span"/>; null outside one.</summary>
    private static string? MethodAt(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        tree.GetRoot().FindNode(span).AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText;

    /// <summary>
    /// The source of <paramref name="compilation"/> with its drawn methods <c>M{i}</c> replaced by the async twins
    /// <c>A{i}</c> of those in <paramref name="oracle"/> (the others left out): the rest of the class (its helpers and
    /// goroutines, whose [Goroutine] is only an attribute here) compiles as it is.
    /// </summary>
    private static string AsyncTwins(CSharpCompilation compilation, IReadOnlyCollection<int> oracle)
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var drawn = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsDrawn).ToList();
        var twins = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var method in drawn)
        {
            var i = int.Parse(method.Identifier.ValueText.Substring(1));
            if (!oracle.Contains(i)) continue;
            var body = (BlockSyntax)new AsyncTwin(model).Visit(method.Body!);
            twins[method] = SyntaxFactory.ParseMemberDeclaration($"public async System.Threading.Tasks.Task<string> A{i}(Log log, int n)\n{body.ToFullString()}\n")!;
        }
        var rewritten = root.ReplaceNodes(twins.Keys, (original, _) => twins[original]);
        rewritten = rewritten.RemoveNodes(rewritten.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsDrawn), SyntaxRemoveOptions.KeepNoTrivia)!;
        var cls = rewritten.DescendantNodes().OfType<ClassDeclarationSyntax>().First(c => c.Identifier.ValueText == "R");
        return rewritten.ReplaceNode(cls, cls.AddMembers(SyntaxFactory.ParseMemberDeclaration(
            "static async System.Threading.Tasks.Task<T> __Tw<T>(T v) { await System.Threading.Tasks.Task.Yield(); return v; }")!)).ToFullString();
    }

    private static bool IsDrawn(MethodDeclarationSyntax m) =>
        m.Identifier.ValueText.Length > 1 && m.Identifier.ValueText[0] == 'M' && m.Identifier.ValueText.Skip(1).All(char.IsDigit);

    /// <summary>
    /// A drawn goroutine's body as an async method's: each call of a suspension point or of a [Goroutine] method
    /// (outside lambdas and local functions, where it is a plain call) awaits after it, <c>(await __Tw(call))</c>, or,
    /// as a statement of its own that returns nothing, <c>{ call; await Task.Yield(); }</c>: its arguments are
    /// evaluated before the await, as the goroutine evaluates them before it suspends.
    /// </summary>
    private sealed class AsyncTwin(SemanticModel model) : CSharpSyntaxRewriter
    {
        private bool Suspends(InvocationExpressionSyntax call) =>
            model.GetSymbolInfo(call).Symbol is IMethodSymbol m
            && m.GetAttributes().Any(a => a.AttributeClass?.Name is "GoroutineAttribute" or "SuspensionPointAttribute");

        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            var visited = (ExpressionSyntax)base.VisitInvocationExpression(node)!;
            if (!Suspends(node) || Bound(node) || node.Parent is ExpressionStatementSyntax && model.GetTypeInfo(node).Type?.SpecialType == SpecialType.System_Void) return visited;
            return Await(visited);
        }

        // A call on the receiver of a ?. (`box?.Tag(x)`) cannot be taken out of it: the whole conditional access is
        // awaited after it (VisitConditionalAccessExpression), its arguments still evaluated before the await.
        public override SyntaxNode? VisitConditionalAccessExpression(ConditionalAccessExpressionSyntax node)
        {
            var visited = (ExpressionSyntax)base.VisitConditionalAccessExpression(node)!;
            var suspends = node.WhenNotNull.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or ConditionalAccessExpressionSyntax))
                .OfType<InvocationExpressionSyntax>().Any(call => Bound(call) && Suspends(call));
            return suspends ? Await(visited) : visited;
        }

        /// <summary>Whether <paramref name="call"/>'s receiver chain starts at a ?.'s binding (<c>.Tag(x)</c>, <c>.P.M()</c>).</summary>
        private static bool Bound(InvocationExpressionSyntax call)
        {
            ExpressionSyntax e = call.Expression;
            while (true)
            {
                switch (e)
                {
                    case MemberBindingExpressionSyntax or ElementBindingExpressionSyntax: return true;
                    case MemberAccessExpressionSyntax m: e = m.Expression; break;
                    case InvocationExpressionSyntax i: e = i.Expression; break;
                    case ElementAccessExpressionSyntax a: e = a.Expression; break;
                    default: return false;
                }
            }
        }

        private static ExpressionSyntax Await(ExpressionSyntax visited) =>
            SyntaxFactory.ParseExpression($"(await __Tw({visited.ToFullString().Trim()}))").WithTriviaFrom(visited);

        public override SyntaxNode? VisitExpressionStatement(ExpressionStatementSyntax node)
        {
            var visited = (StatementSyntax)base.VisitExpressionStatement(node)!;
            if (node.Expression is not InvocationExpressionSyntax call || !Suspends(call) || model.GetTypeInfo(call).Type?.SpecialType != SpecialType.System_Void) return visited;
            return SyntaxFactory.ParseStatement($"{{ {visited.ToFullString().Trim()} await System.Threading.Tasks.Task.Yield(); }}").WithTriviaFrom(node);
        }

        public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) => node;
        public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) => node;
        public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) => node;
        public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) => node;
    }
}
