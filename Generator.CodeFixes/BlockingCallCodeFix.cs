using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace GoSharp.Generator.CodeFixes;

/// <summary>
/// GOSH0009: replaces a thread-blocking call in a goroutine with the GoSharp suspension point that means the
/// same: <c>Thread.Sleep</c> with <c>Go.Sleep</c>, and waiting for a task (<c>task.Wait()</c>, <c>task.Result</c>,
/// <c>task.GetAwaiter().GetResult()</c>) with <c>Go.Await(task)</c>, which parks the goroutine instead of the
/// thread. A synchronous I/O call (files, streams, sockets, HTTP, DNS, the console, a process) goes into a
/// blocking section, <c>Go.Blocking(() =&gt; call)</c>, so the other goroutines keep running while it blocks
/// (not when it has <c>ref</c>/<c>out</c> arguments, which a lambda cannot take over). Other blocking calls
/// (monitors, semaphores, events, timed waits) have no one-to-one rewrite and get no fix: a monitor is held by a
/// thread, and the goroutine may resume on another.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingCallCodeFix)), Shared]
public sealed class BlockingCallCodeFix : CodeFixProvider
{
    internal const string SleepKey = "GoSharp.GoSleep";
    internal const string AwaitKey = "GoSharp.GoAwait";
    internal const string BlockingKey = "GoSharp.GoBlocking";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BlockingCall);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node) continue;
            if (Rewrite(node, model, context.CancellationToken) is not var (replacement, title, key)) continue;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, node, replacement, ct), key),
                diagnostic);
        }
    }

    /// <summary>The replacement of a blocking call, or null when it has no one-to-one GoSharp form.</summary>
    private static (ExpressionSyntax Replacement, string Title, string Key)? Rewrite(ExpressionSyntax node, SemanticModel model, CancellationToken ct)
    {
        var symbol = model.GetSymbolInfo(node, ct).Symbol;
        var type = symbol?.ContainingType?.OriginalDefinition.ToDisplayString();
        switch (node)
        {
            // Thread.Sleep with milliseconds or a TimeSpan
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } sleep when type == "System.Threading.Thread" && symbol!.Name == "Sleep":
                var arg = sleep.ArgumentList.Arguments[0];
                var isTimeSpan = model.GetTypeInfo(arg.Expression, ct).Type?.ToDisplayString() == "System.TimeSpan";
                var duration = isTimeSpan
                    ? arg.Expression.WithoutTrivia()
                    : Call("global::System.TimeSpan.FromMilliseconds", arg.Expression.WithoutTrivia());
                return (Call("global::GoSharp.Go.Sleep", duration), "Use Go.Sleep (suspends the goroutine, not the thread)", SleepKey);

            // task.Wait()
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax ma }
                when symbol!.Name == "Wait" && type is "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task<TResult>":
                return Await(ma.Expression);

            // task.GetAwaiter().GetResult()
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax getAwaiter } } }
                when symbol!.Name == "GetResult" && getAwaiter.Name.Identifier.ValueText == "GetAwaiter"
                     && type is "System.Runtime.CompilerServices.TaskAwaiter" or "System.Runtime.CompilerServices.TaskAwaiter<TResult>":
                return Await(getAwaiter.Expression);

            // task.Result
            case MemberAccessExpressionSyntax ma when symbol is IPropertySymbol { Name: "Result" }
                && type is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>":
                return Await(ma.Expression);

            // synchronous I/O: File.ReadAllText(p) -> Go.Blocking(() => File.ReadAllText(p))
            case InvocationExpressionSyntax io when symbol is IMethodSymbol && IsIo(symbol.ContainingType!)
                && !io.ArgumentList.Arguments.Any(a => !a.RefKindKeyword.IsKind(SyntaxKind.None)):
                return (Call("global::GoSharp.Go.Blocking", SyntaxFactory.ParenthesizedLambdaExpression(io.WithoutTrivia())),
                    "Run it in Go.Blocking (the other goroutines keep running while it blocks)", BlockingKey);
        }
        return null;
    }

    private static bool IsIo(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        return ns == "System.IO" || ns.StartsWith("System.IO.", System.StringComparison.Ordinal)
            || ns == "System.Net" || ns.StartsWith("System.Net.", System.StringComparison.Ordinal)
            || type.ToDisplayString() is "System.Console" or "System.Diagnostics.Process";
    }

    private static (ExpressionSyntax, string, string) Await(ExpressionSyntax task) =>
        (Call("global::GoSharp.Go.Await", task.WithoutTrivia()), "Use Go.Await (parks the goroutine until the task completes)", AwaitKey);

    private static InvocationExpressionSyntax Call(string method, ExpressionSyntax argument) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.ParseExpression(method).WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax node, ExpressionSyntax replacement, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        return document.WithSyntaxRoot(root!.ReplaceNode(node, replacement.WithTriviaFrom(node)));
    }
}
