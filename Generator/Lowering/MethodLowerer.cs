using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GoSharp.Generator.Diagnostics;
using GoSharp.Generator.Emit;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Lowers the body of one [Goroutine] method into the body of <c>Frame.Resume</c>: the lowering stage's entry
/// point and the state its concerns share (the writer, the counters, the hoisting table, the jump stacks).
/// </summary>
/// <remarks>
/// Statements without a suspension point are copied (through <see cref="Renamer"/>); statements with one are
/// flattened into labels and gotos (regenerator's way), except <c>try</c>, which stays a real try with its own
/// state dispatch at the head of its body and a finally guarded by <c>State &lt; 0</c> (Roslyn's way). Loop
/// back-edges count as suspension points (the preemption check).
/// <para>
/// The class is partial, one lowering concern a file, because every concern writes through the same writer and
/// allocates from the same state, label and field counters, in source order (the generated text, and so the
/// snapshots, depend on that order):
/// <list type="bullet">
/// <item><c>StatementLowering.cs</c>: blocks, locals, if, return, throw, labels.</item>
/// <item><c>LoopLowering.cs</c>: while, do, for, foreach.</item>
/// <item><c>SwitchLowering.cs</c>: switch statements and switch expressions.</item>
/// <item><c>ExceptionHandlerLowering.cs</c>: try/catch/finally, filters, rethrow.</item>
/// <item><c>UsingLowering.cs</c>: using statements and declarations (a try/finally that disposes).</item>
/// <item><c>JumpLowering.cs</c>: break, continue, goto, return, and pending branches through a suspending finally.</item>
/// <item><c>ExpressionLowering.cs</c>: spilling and evaluation order; <c>AssignmentLowering.cs</c>: assignable locations.</item>
/// <item><c>CallLowering.cs</c>: the only writer of the suspension protocol (awaiters, nested frames, preemption).</item>
/// <item><c>ResumeStates.cs</c>: state numbers, resume labels, the dispatch switch.</item>
/// <item><c>Hoisting.cs</c>: frame fields for parameters, locals and temporaries.</item>
/// <item><c>ClosureEnvironments.cs</c>: per-iteration variables captured by lambdas, held in environments.</item>
/// </list>
/// Two concerns own no writer and are classes of their own: <see cref="SuspensionIndex"/> (which nodes
/// suspend) and <see cref="LauncherTypeInference"/> (types of the generated <c>GoX(...)</c> handles).
/// </para>
/// </remarks>
internal sealed partial class MethodLowerer
{
    private const string CompletedResult = RuntimeContract.FrameResult.Type + "." + RuntimeContract.FrameResult.Completed;

    private readonly IMethodSymbol _method;
    internal bool IsStaticMethod => _method.IsStatic;
    private readonly CancellationToken _ct;
    private readonly string _filePath;
    private readonly int _lineBase;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<ISymbol, string> _hoisted = new(SymbolEqualityComparer.Default);
    private readonly LauncherTypeInference _launchers;

    /// <summary>The [Goroutine] method an unbound <c>GoX(...)</c> of this assembly starts, or null (LauncherTypeInference).</summary>
    public IMethodSymbol? LaunchedMethod(InvocationExpressionSyntax inv) => _launchers.LaunchedMethod(inv);
    private readonly SuspensionIndex _index;
    private readonly HashSet<string> _fieldNames = new();
    private readonly Dictionary<string, int> _awaiterFields = new();   // awaiter type -> its index in Fields (CallLowering.AwaiterField)
    private List<(int State, string Label)> _scope = new();
    private IndentedWriter _w = new();
    private int _nextState, _nextLabel, _nextTemp, _nextLocal;
    private string? _checked;
    private bool _usesFrameResultLocal;

    /// <param name="lineBase">The 0-based line the written line numbers are relative to (<see cref="Emit.LineMarkers"/>), or -1 to
    /// write them as they are.</param>
    public MethodLowerer(SemanticModel model, IMethodSymbol method, string filePath, List<DiagnosticInfo> diagnostics, CancellationToken ct, int lineBase = -1)
    {
        Model = model;
        _method = method;
        _filePath = filePath;
        _lineBase = lineBase;
        _diagnostics = diagnostics;
        _ct = ct;
        _launchers = new LauncherTypeInference(model, ct);
        _index = new SuspensionIndex(_launchers, model.Compilation.Assembly);
    }

    public SemanticModel Model { get; }

    public bool UsesThis { get; set; }
    public bool NeedsPatternHelpers { get; set; }
    public List<FieldModel> Fields { get; } = new();
    public List<StateModel> States { get; } = new();

    /// <summary>The frame's <c>CatchesInFirstPass</c> override, once lowered (FirstPassLowering); null without states.</summary>
    public string? FirstPassBody { get; private set; }

    /// <summary>What a call is: plain, a suspension point, or a nested [Goroutine] call.</summary>
    public CallKind Classify(InvocationExpressionSyntax inv) => _index.Classify(inv);

    /// <summary>A plain call to a [Goroutine] method of another assembly that has no frame factory for it (GOSH0020).</summary>
    public bool CallsImportedGoroutineWithoutFactory(InvocationExpressionSyntax inv) => _index.CallsImportedGoroutineWithoutFactory(inv);

    /// <summary>The [Goroutine] method or suspension point a call bound at run time would reach (GOSH0021), or null.</summary>
    public IMethodSymbol? BoundAtRunTime(InvocationExpressionSyntax inv) => _index.BoundAtRunTime(inv);

    private bool Suspends(SyntaxNode node) => _index.Suspends(node);

    private bool IsPlainAmongStackOnly(SyntaxNode loop) => _index.IsPlainAmongStackOnly(loop);

    private bool HasSuspension(SyntaxNode? e) => _index.HasSuspension(e);

    private readonly List<(IParameterSymbol Alias, IParameterSymbol Parameter)> _parameterAliases = new();

    /// <summary>
    /// A symbol the body names that is a parameter of the lowered method under another symbol: the lowered method of
    /// an extension block member is its implementation (<see cref="ExtensionBlocks"/>), while its body names the
    /// block's receiver and the member's own parameters.
    /// </summary>
    public void AliasParameter(IParameterSymbol alias, IParameterSymbol parameter) => _parameterAliases.Add((alias, parameter));

    private void RefuseUnresolvedGoroutineCalls(SyntaxNode root)
    {
        foreach (var inv in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            if (_launchers.UnresolvedGoroutineCall(inv, Model.Compilation.Assembly) is { } candidate)
                Report(Diagnostics.DiagnosticDescriptors.Unsupported, inv,
                    Diagnostics.DiagnosticDescriptors.NotSupported($"A call of '{candidate.Name}' whose arguments' types come from a GoX(...) launcher's result or another generator's output",
                        "the generator cannot see those types, so it cannot tell which method C# calls (and would call it as a plain method); give those values explicit types"));
    }

    /// <summary>Lowers the method body; returns the text of Resume's body.</summary>
    public string Lower(BaseMethodDeclarationSyntax decl)
    {
        ChooseResumeNames(decl);
        foreach (var p in _method.Parameters) HoistParameter(p);
        foreach (var (alias, parameter) in _parameterAliases) _hoisted[alias] = _hoisted[parameter];
        if (((SyntaxNode?)decl.Body ?? decl.ExpressionBody) is { } root)
        {
            _index.IndexSuspensions(root, Model);
            RefuseUnresolvedGoroutineCalls(root);
            FindClosureEnvironments(root);
            FindClashingLocalFunctions(root);
            _recordsFirstPass = FindFirstPassTrys(root);
        }
        var body = new IndentedWriter();
        _w = body;
        if (decl.Body is not null)
        {
            LowerStatement(decl.Body);
        }
        else if (decl.ExpressionBody is not null)
        {
            var e = decl.ExpressionBody.Expression;
            HoistDesignations(e);
            if (_method.ReturnsVoid)
            {
                // As an expression statement's: a residual that is only a temporary (`=> _b ??= Make()`, whose
                // value is the ??='s temporary) is no statement.
                EmitDiscarded(e, LowerExpression(e, discard: true));
            }
            else if (e is ThrowExpressionSyntax)
            {
                LowerExpression(e, discard: true);
            }
            else
            {
                var r = LowerExpression(e);
                Src(e);
                Stmt(RuntimeContract.FrameOfT.Result + " = " + r + ";");
            }
        }
        Hidden();
        Stmt("return " + CompletedResult + ";");
        DeclareEnvironments();
        FirstPassBody = FirstPassMethod();

        var w = new IndentedWriter();
        w.Line("#line hidden");
        if (_usesFrameResultLocal) w.Line(RuntimeContract.FrameResult.Type + " " + FrameResultLocal + ";");
        EmitDispatch(w, _scope);
        w.Lines(body.ToString().TrimEnd('\n'));
        w.Line("#line default");
        return w.ToString().TrimEnd('\n');
    }

    /// <summary>Resume's <c>G</c> parameter (<c>__g</c> unless the user's method names something so).</summary>
    public string GoroutineParameter { get; private set; } = "__g";

    /// <summary>Resume's local for a nested frame's result (<c>__fr</c> unless the user's method names something so).</summary>
    private string FrameResultLocal { get; set; } = "__fr";

    /// <summary>
    /// Resume's own parameter and local are in scope in the whole body, where a user's local of the same name
    /// (one that is not hoisted into a field keeps its name) would be CS0136: they take names no identifier of the
    /// method uses, <c>__g</c>, else <c>__g1</c>, <c>__g2</c>... (generated names never end so).
    /// </summary>
    private void ChooseResumeNames(SyntaxNode decl)
    {
        var used = new HashSet<string>(decl.DescendantTokens().Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        string Free(string name)
        {
            var candidate = name;
            for (var i = 1; used.Contains(candidate); i++) candidate = name + i;
            return candidate;
        }
        GoroutineParameter = Free("__g");
        FrameResultLocal = Free("__fr");
    }

    public void Report(DiagnosticDescriptor descriptor, SyntaxNode at, params string[] args)
    {
        var info = new DiagnosticInfo(descriptor.Id, LocationInfo.From(at), args.ToEquatableArray());
        if (descriptor == DiagnosticDescriptors.Unsupported
            || descriptor == DiagnosticDescriptors.CannotLiveInFrame && ElementOfStackLocal(at) is not null)
        {
            if (MentionsRefusedStackLocal(at)) return;
            _notYet.Add((at, info));
        }
        _diagnostics.Add(info);
    }

    /// <summary>
    /// The local whose own element or member <paramref name="at"/> is (<c>sp[0]</c>, <c>sp.Field</c>), if it is a ref
    /// or ref struct local: GOSH0017 there (the reference its indexer gives, kept across a later suspension point:
    /// <c>sp[0] = Tw(1)</c>) is the same problem as GOSH0008 for the local (async reports one, CS4007), so it is
    /// dropped when the local is refused.
    /// </summary>
    private ILocalSymbol? ElementOfStackLocal(SyntaxNode at)
    {
        var receiver = (at is ExpressionSyntax e ? Unwrapped(e) : null) switch
        {
            ElementAccessExpressionSyntax ea => ea.Expression,
            MemberAccessExpressionSyntax ma => ma.Expression,
            _ => null,
        };
        return receiver is not null && Unwrapped(receiver) is IdentifierNameSyntax id
            && Model.GetSymbolInfo(id, _ct).Symbol is ILocalSymbol { } local && (local.IsRef || SymbolFacts.IsRefLike(local.Type))
            ? local : null;
    }

    private readonly HashSet<ILocalSymbol> _refusedStackLocals = new(SymbolEqualityComparer.Default);
    private readonly List<(SyntaxNode At, DiagnosticInfo Info)> _notYet = new();

    /// <summary>
    /// A ref local or a ref struct local refused with GOSH0008: a GOSH0010 about its initializer or a use of it
    /// (`ref var e = ref a[Tw(0)]`, `e.A = Tw(1)`), or a GOSH0017 about the reference its own indexer gives
    /// (`sp[0] = Tw(1)`), would only repeat that the local cannot live in the frame, as if rewriting the use could
    /// help; it is dropped, whichever of the two is reported first.
    /// </summary>
    private void RefuseStackLocal(ILocalSymbol local, SyntaxNode at)
    {
        Report(DiagnosticDescriptors.RefAcrossSuspension, at, local.Name);
        _refusedStackLocals.Add(local);
        foreach (var (node, info) in _notYet)
            if (MentionsRefusedStackLocal(node)) _diagnostics.Remove(info);
    }

    private bool MentionsRefusedStackLocal(SyntaxNode at) =>
        _refusedStackLocals.Count > 0
        && (at.AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().Any(d => Model.GetDeclaredSymbol(d, _ct) is ILocalSymbol l && _refusedStackLocals.Contains(l))
            || at.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => _refusedStackLocals.Any(l => l.Name == id.Identifier.ValueText)
                && Model.GetSymbolInfo(id, _ct).Symbol is ILocalSymbol l && _refusedStackLocals.Contains(l)));

    /// <summary>A fresh identifier for a renamed pattern variable.</summary>
    public string UniqueName(string name) => "__" + name + "_" + (_nextLabel++);

    private string NewLabel(string kind) => "__" + kind + (_nextLabel++);

    private void Stmt(string text) => _w.Lines(text);

    private void Label(string label) => _w.Line(label + ": ;");

    private void Src(SyntaxNode node) => _w.Line(SpanDirective(node));

    /// <summary>
    /// <c>#line (l1,c1)-(l2,c2) "file"</c>: the next line is the node's exact span in the user's file (C# 10 span
    /// directive, 1-based). The emitter adds the character offset once it knows the final indentation
    /// (<see cref="Emit.SpanDirectives"/>).
    /// </summary>
    private const int MaxSpanColumn = 65536;

    private string SpanDirective(SyntaxNode node)
    {
        var at = SequencePointSpan(node);
        // The user's own #line directives decide what the plain method's sequence point says; the goroutine's says
        // the same: hidden where the user's text is (#line hidden), another file and line where it is mapped.
        var (path, span) = MappedSpan(node.SyntaxTree, at);
        if (node.SyntaxTree.GetLineVisibility(at.Start, _ct) == LineVisibility.Hidden)
        {
            // Hidden text still has a line and a file for [CallerLineNumber] and [CallerFilePath], the ones the last
            // #line above it counts on with: a plain directive to the line above, then "hidden" on that line.
            return span.Start.Line < 1 ? "#line hidden" : $"#line {LineText(span.Start.Line - 1)} \"{path}\"\n#line hidden";
        }
        // The compiler takes columns up to 65,536 in a span directive (CS8938 beyond: a minified line); past that
        // the line alone is mapped.
        if (span.Start.Character >= MaxSpanColumn || span.End.Character >= MaxSpanColumn)
            return $"#line {LineText(span.Start.Line)} \"{path}\"";
        return $"#line ({LineText(span.Start.Line)},{span.Start.Character + 1})-({LineText(span.End.Line)},{span.End.Character + 1}) \"{path}\"";
    }

    /// <summary>
    /// The file and span a position of the user's text is reported at: as written, unless a <c>#line</c> directive of
    /// the user's file maps it elsewhere. A mapped file name relative to nothing is taken relative to the user's file,
    /// as the compiler does for the plain method's debug document and caller file path: written into a generated
    /// file, it would be read relative to that one. (A file with a <c>#line</c> directive is lowered with plain line
    /// numbers: <c>MethodFingerprint.LinesRelative</c>.)
    /// </summary>
    private (string Path, LinePositionSpan Span) MappedSpan(SyntaxTree tree, TextSpan at)
    {
        var mapped = tree.GetMappedLineSpan(at, _ct);
        if (!mapped.HasMappedPath) return (_filePath, mapped.Span);
        return (MappedPath(mapped.Path), mapped.Span);
    }

    private string MappedPath(string path)
    {
        // An empty name stays empty: the plain method's [CallerFilePath] is "" there, not the user's file.
        if (path.Length == 0) return path;
        if (System.IO.Path.IsPathRooted(path) || !System.IO.Path.IsPathRooted(_filePath)) return path;
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_filePath) ?? "", path);
    }

    /// <summary>
    /// The span the compiler gives the plain method's sequence point for this node, so that a breakpoint and the
    /// goroutine's stack frames show the same statement: a declaration from its type on, an <c>if</c>, <c>while</c>
    /// or <c>switch</c> head from its keyword to the closing parenthesis.
    /// </summary>
    private static Microsoft.CodeAnalysis.Text.TextSpan SequencePointSpan(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax d } v when d.Variables[0] == v =>
            Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(d.SpanStart, v.Span.End),
        ExpressionSyntax e when e.Parent is IfStatementSyntax i && i.Condition == e =>
            Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(i.IfKeyword.SpanStart, i.CloseParenToken.Span.End),
        ExpressionSyntax e when e.Parent is WhileStatementSyntax w && w.Condition == e =>
            Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(w.WhileKeyword.SpanStart, w.CloseParenToken.Span.End),
        ExpressionSyntax e when e.Parent is DoStatementSyntax d && d.Condition == e =>
            Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(d.WhileKeyword.SpanStart, d.SemicolonToken.Span.End),
        ExpressionSyntax e when e.Parent is SwitchStatementSyntax sw && sw.Expression == e && sw.CloseParenToken.RawKind != 0 =>
            Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(sw.SwitchKeyword.SpanStart, sw.CloseParenToken.Span.End),
        _ => node.Span,
    };

    private void Hidden() => _w.Line("#line hidden");

    /// <summary>
    /// The omitted caller-info arguments of a plain call that only a speculated binding binds (an argument's type is a
    /// launcher result's, which the generator's model cannot see), valued as the compiler values the written call.
    /// </summary>
    internal List<string>? SpeculatedCallerInfo(InvocationExpressionSyntax inv)
    {
        var (op, original) = _launchers.OperationOf(inv);
        if (op is null || op.Syntax == inv) return null;
        return CallerInfo.Named(op.Arguments, a => _launchers.DefaultArgumentValue(op, a, original));
    }

    /// <summary>
    /// A copied expression on lines of its own under its span directive, hidden after it: for user code the lowering
    /// writes inside a line of its own making (a catch filter inside a wrapped <c>when</c>, a switch guard in the
    /// dispatch; a copied catch block, ExceptionHandlerLowering.MappedBlock), which would otherwise have no line or a
    /// wrong one (a <c>[CallerLineNumber]</c> call, a breakpoint).
    /// <code>
    /// case int v when (          // the dispatch's line
    /// #line (12,14)-(13,20) "f"
    ///     Check(v,
    ///         12) > 100
    /// #line hidden
    /// ): goto __case0_1;
    /// </code>
    /// </summary>
    private string MappedExpression(SyntaxNode node, string text) => "\n" + SpanDirective(node) + "\n" + text + "\n#line hidden\n";

    /// <summary>The node's 1-based line as written into the text: a marker relative to the method when lines are relative
    /// (resolved by the emitter, so moving the method does not change the lowering's output).</summary>
    private string Line(SyntaxNode node) => LineText(node.GetLocation().GetLineSpan().StartLinePosition.Line);

    /// <summary>
    /// The node's line as a number (1-based, or the 0-based offset from the line base when lines are relative), and the
    /// file it is in where a <c>#line</c> directive maps it to another (else null). Hidden text keeps its place in the
    /// user's file: a dump points at the physical line rather than at nothing.
    /// </summary>
    private int LineNumber(SyntaxNode node, out string? mappedFile)
    {
        mappedFile = null;
        var line = node.SyntaxTree.GetLineSpan(node.Span, _ct).StartLinePosition.Line;
        if (_lineBase < 0 && node.SyntaxTree.GetLineVisibility(node.SpanStart, _ct) != LineVisibility.Hidden)
        {
            var (path, span) = MappedSpan(node.SyntaxTree, node.Span);
            line = span.Start.Line;
            if (!string.Equals(path, _filePath, System.StringComparison.Ordinal)) mappedFile = path;
        }
        return _lineBase < 0 ? line + 1 : line - _lineBase;
    }

    private string LineText(int line0) =>
        _lineBase < 0 ? (line0 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : Emit.LineMarkers.Relative(line0 - _lineBase);

    public string Rewrite(SyntaxNode node, SyntaxNode? root = null, IReadOnlyDictionary<SyntaxNode, string>? replacements = null, ISet<ISymbol>? excluded = null) =>
        Renamer.WithoutDirectives(node, new Renamer(this, root ?? node, replacements, excluded).Visit(node)!, LineDirectiveAt).ToString();

    /// <summary>
    /// A user's <c>#line</c> directive inside copied text, written again for the frame's file: the file and line the
    /// plain method's code after it has (a <c>#line default</c> its own place in the user's file, a relative file
    /// name resolved as the compiler resolves it), hidden where it hides (<see cref="Renamer.WithoutDirectives"/>).
    /// </summary>
    internal string? LineDirectiveAt(SyntaxTrivia directive)
    {
        if (directive.SyntaxTree is not { } tree) return null;
        var after = new Microsoft.CodeAnalysis.Text.TextSpan(directive.FullSpan.End, 0);
        var (path, span) = MappedSpan(tree, after);
        if (tree.GetLineVisibility(after.Start, _ct) == LineVisibility.Hidden)
            return span.Start.Line < 1 ? "#line hidden " + Renamer.WrittenAgain : $"#line {LineText(span.Start.Line - 1)} \"{path}\" {Renamer.WrittenAgain}\n#line hidden {Renamer.WrittenAgain}";
        return $"#line {LineText(span.Start.Line)} \"{path}\" {Renamer.WrittenAgain}";
    }

    private string RewriteExpr(ExpressionSyntax e, IReadOnlyDictionary<SyntaxNode, string>? replacements = null) =>
        InContext(Rewrite(e, e, replacements));

    /// <summary>Copied expression text in the checked or unchecked context of the statement or expression it came from.</summary>
    private string InContext(string text) => _checked is null ? text : $"{_checked}({text})";

    /// <summary>
    /// Copied block text (a catch or finally block, which C# requires to be a block) in the checked or unchecked
    /// context of the statement it came from: <c>{ checked { ... } }</c>, nothing on a line of its own, so the
    /// block's lines still follow its span directive.
    /// </summary>
    private string BlockInContext(string block) => _checked is null ? block : "{ " + _checked + " " + block + " }";

    /// <summary>
    /// The checked or unchecked context <paramref name="node"/> is in by its text (the nearest <c>checked</c> or
    /// <c>unchecked</c> statement or expression around it; null: the compilation's default, which the frame
    /// shares). For text written outside <c>Resume</c>'s walk of the body, where <see cref="_checked"/> is not its
    /// context (a filter tried by the frame's <c>CatchesInFirstPass</c>).
    /// </summary>
    private static string? CheckedContextOf(SyntaxNode node) => CheckedContextNode(node) switch
    {
        CheckedStatementSyntax s => s.IsKind(SyntaxKind.CheckedStatement) ? "checked" : "unchecked",
        CheckedExpressionSyntax e => e.IsKind(SyntaxKind.CheckedExpression) ? "checked" : "unchecked",
        _ => null,
    };

    /// <summary>The nearest <c>checked</c> or <c>unchecked</c> statement or expression around <paramref name="node"/> in its member, or null.</summary>
    internal static SyntaxNode? CheckedContextNode(SyntaxNode node)
    {
        foreach (var a in node.Ancestors())
            switch (a)
            {
                case CheckedStatementSyntax or CheckedExpressionSyntax: return a;
                case MemberDeclarationSyntax: return null;
            }
        return null;
    }
}
