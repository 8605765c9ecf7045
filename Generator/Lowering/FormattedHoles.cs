using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// A hole of an interpolated string that C# builds into a string, before a suspension point in a later hole.
/// Since C# 10 the compiler builds such a string with <c>DefaultInterpolatedStringHandler</c>: each hole is
/// formatted (<c>ToString</c>, <c>IFormattable.ToString(format, null)</c>, <c>TryFormat</c>, the alignment's
/// padding) as soon as it is evaluated, before the next hole runs. Spilled as a value and formatted after the
/// suspension, a hole would show what a later hole changed (<c>$"{sb}{Tw(sb.Append("b"))}"</c>) and call its
/// <c>ToString</c> late. So the spill is the hole's text, formatted by a one-hole string of the same kind, and
/// the residual string formats that text again, which changes nothing (a string ignores a format, and its padding
/// is already there). A hole that is a string is spilled as its value: the handler appends it as it is. (Roslyn's async lowering falls back to <c>string.Format</c> when a hole awaits, so an async
/// method formats late; the plain call is the one to match.)
/// <code>
/// before:  var s = $"{sb,4}{Tw(n)}";
/// after:   _t0 = $"{_l0_sb,4}";             // formatted now, as the handler would
///          _aw1 = GetTwAwaiter&lt;int&gt;(_p_n); ... suspend ...
///          _l1_s = $"{_t0,4}{_aw1.GetResult()}";
/// </code>
/// Without the handler (C# 9 and earlier, a library without the type, or a dynamic hole anywhere in the string) C#
/// calls <c>string.Format</c> after every hole is evaluated, and the value is spilled as before; so is a hole of a string converted to
/// <c>FormattableString</c> or <c>IFormattable</c>, which formats later still.
/// </summary>
internal sealed partial class MethodLowerer
{
    private bool FormatsAsEvaluated(ExpressionSyntax op) =>
        op.Parent is InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax s }
        && !Model.GetConstantValue(op, _ct).HasValue
        // A string is appended as it is: its value, spilled, formats the same later.
        && Model.GetTypeInfo(op, _ct).Type?.SpecialType != SpecialType.System_String
        && ((CSharpParseOptions)s.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp10
        && Model.Compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.DefaultInterpolatedStringHandler") is not null
        && Model.GetTypeInfo(s, _ct) is { Type.SpecialType: SpecialType.System_String } info
        && info.ConvertedType is not { Name: "FormattableString" or "IFormattable", ContainingNamespace.Name: "System" }
        // A dynamic hole anywhere makes C# fall back to string.Format (Binder.ValidateInterpolatedStringParts): every
        // hole is then formatted after all are evaluated, as the residual does.
        && !s.Contents.OfType<InterpolationSyntax>().Any(h => TypeOf(h.Expression) is { TypeKind: TypeKind.Dynamic });

    /// <summary>
    /// The hole <paramref name="hole"/>, its value <paramref name="value"/> already lowered, as a string of the same
    /// kind as its own (regular, verbatim or raw, so its alignment and format read as written), formatted now.
    /// </summary>
    private string FormattedHole(InterpolationSyntax hole, string value)
    {
        var s = (InterpolatedStringExpressionSyntax)hole.Parent!;
        var text = Rewrite(hole, hole, new Dictionary<SyntaxNode, string> { [hole.Expression] = Parenthesized(value) });
        // A multi-line raw string ($"""\n ... \n""") becomes a single-line one: the hole is all its content.
        return s.StringStartToken.Text.Trim() + text + s.StringEndToken.Text.Trim();
    }
}
