using System.Collections.Generic;
using System.Linq;
using GoSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// Jumps out of lowered code: break, continue, goto (also goto case/default) and return. A jump that
/// leaves a try whose finally suspends cannot run that finally itself (it is lowered code after the try),
/// so it records a pending branch (<c>_pendingBranchN = k; goto __finallyN;</c>) that the finally takes
/// when it completes. <see cref="PendingRegion"/> is one such try; <see cref="JumpTarget"/> a loop or switch.
/// </summary>
internal sealed partial class MethodLowerer
{
    private const string Exit = "<exit>";

    /// <summary>The loops and switches being lowered, innermost last.</summary>
    private readonly List<JumpTarget> _targets = new();

    /// <summary>The trys whose finally suspends, being lowered, innermost last.</summary>
    private readonly List<PendingRegion> _pending = new();

    private readonly Dictionary<ILabelSymbol, string> _userLabels = new(SymbolEqualityComparer.Default);

    private sealed class JumpTarget
    {
        public JumpTarget(SyntaxNode node, string brk, string? cont, int depth)
        {
            Node = node; Break = brk; Continue = cont; Depth = depth;
        }
        public SyntaxNode Node { get; }
        public string Break { get; }
        public string? Continue { get; }
        public int Depth { get; }
        public List<(object? Value, string Label)> Cases { get; } = new();
        public string? Default { get; set; }
    }

    private sealed class PendingRegion
    {
        public PendingRegion(int id) => Id = id;
        public int Id { get; }
        public string FinLabel => "__finally" + Id;
        public string BranchField => "_pendingBranch" + Id;
        public List<(string Target, int Depth)> Branches { get; } = new();
    }

    public static SyntaxNode? BreakTarget(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => a is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax))
            .FirstOrDefault(a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax or SwitchStatementSyntax);

    public static SyntaxNode? ContinueTarget(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => a is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax))
            .FirstOrDefault(a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax);

    private JumpTarget? FindTarget(SyntaxNode node) => _targets.LastOrDefault(t => t.Node == node);

    /// <summary>A jump to <paramref name="target"/>, which lies inside <paramref name="depth"/> pending-finally regions.</summary>
    private string Jump(string target, int depth)
    {
        if (_pending.Count > depth)
        {
            var region = _pending[_pending.Count - 1];
            var index = region.Branches.IndexOf((target, depth));
            if (index < 0)
            {
                region.Branches.Add((target, depth));
                index = region.Branches.Count - 1;
            }
            return $"{{ {region.BranchField} = {index + 1}; goto {region.FinLabel}; }}";
        }
        return target == Exit ? "return " + CompletedResult + ";" : "goto " + target + ";";
    }

    public string JumpForBreak(SyntaxNode target)
    {
        var t = FindTarget(target);
        return t is null ? "break;" : Jump(t.Break, t.Depth);
    }

    public string JumpForContinue(SyntaxNode target)
    {
        var t = FindTarget(target);
        return t?.Continue is null ? "continue;" : Jump(t.Continue, t.Depth);
    }

    /// <summary>Rewrites a goto whose target lies outside the copied statement; null keeps it.</summary>
    public string? JumpForGoto(GotoStatementSyntax node, System.Func<SyntaxNode, bool> isInside)
    {
        if (node.IsKind(SyntaxKind.GotoStatement))
        {
            if (Model.GetSymbolInfo(node.Expression!).Symbol is not ILabelSymbol label) return null;
            var decl = label.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            if (decl is null || isInside(decl)) return null;
            return Jump(UserLabel(label), PendingDepth(decl));
        }
        var sw = node.Ancestors().OfType<SwitchStatementSyntax>().FirstOrDefault();
        if (sw is null || isInside(sw)) return null;
        var t = FindTarget(sw);
        if (t is null) return null;
        if (node.IsKind(SyntaxKind.GotoDefaultStatement))
            return t.Default is null ? null : Jump(t.Default, t.Depth);
        var value = Model.GetConstantValue(node.Expression!);
        foreach (var (v, l) in t.Cases)
            if (value.HasValue && SameCaseConstant(v, value.Value)) return Jump(l, t.Depth);
        Report(DiagnosticDescriptors.Unsupported, node, DiagnosticDescriptors.NotYet("This 'goto case'"));
        return null;
    }

    /// <summary>
    /// Whether a <c>goto case</c> constant names a case label's: C# converts it to the switch's type first, so
    /// <c>goto case 3</c> in a switch over a <c>long</c> (or <c>goto case 1</c> over a <c>double</c>) is <c>case 3L</c>.
    /// </summary>
    private static bool SameCaseConstant(object? label, object? target)
    {
        if (Equals(label, target)) return true;
        if (label is null || target is null) return false;
        static bool Integral(object o) => o is sbyte or byte or short or ushort or int or uint or long or ulong or char;
        static bool Numeric(object o) => Integral(o) || o is float or double or decimal;
        if (Integral(label) && Integral(target))
            return System.Convert.ToDecimal(label is char c ? (int)c : label) == System.Convert.ToDecimal(target is char d ? (int)d : target);
        return Numeric(label) && Numeric(target) && !(label is decimal) && !(target is decimal)
            && System.Convert.ToDouble(label is char e ? (int)e : label).Equals(System.Convert.ToDouble(target is char g ? (int)g : target));
    }

    private string UserLabel(ILabelSymbol label)
    {
        if (!_userLabels.TryGetValue(label, out var name))
        {
            name = "__user" + (_nextLabel++) + "_" + label.Name;
            _userLabels[label] = name;
        }
        return name;
    }

    /// <summary>How many pending-finally regions (try statements whose finally suspends) enclose a node.</summary>
    private int PendingDepth(SyntaxNode node)
    {
        var depth = 0;
        foreach (var a in node.Ancestors())
        {
            if (a is TryStatementSyntax t && t.Finally is not null && Suspends(t.Finally.Block)
                && (t.Block.Span.Contains(node.Span) || t.Catches.Any(c => c.Span.Contains(node.Span))))
                depth++;
            if (a is MemberDeclarationSyntax) break;
        }
        return depth;
    }

    public string ReturnText(string? value)
    {
        var jump = Jump(Exit, 0);
        return value is null ? jump : $"{{ {RuntimeContract.FrameOfT.Result} = {value}; {jump} }}";
    }
}
