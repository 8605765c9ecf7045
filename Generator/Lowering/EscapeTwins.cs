using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// The try-entry dummy of a ref to a ref struct whose location a call returns (<c>ref Span&lt;int&gt; rs = ref
/// Pick(ref x);</c>, read in a suspending <c>try</c>; StackOnlyCompounds.cs). C# ref-assigns such a local only a
/// reference whose value has the same escape scope as its own (CS9096), and the call's scope follows from its
/// parameters' ref kinds, <c>scoped</c> and <c>[UnscopedRef]</c> and from its arguments; calling it again would run
/// it again, and a null reference's scope is the caller's. So the frame gets a twin of the callee: the same
/// parameter list and return, returning a null reference without reading anything, called with the same arguments
/// (locals given their dummies before, or fields of them), so the compiler computes the same scope:
/// <code>
/// before:  Span&lt;int&gt; x = stackalloc int[3]; ref Span&lt;int&gt; rs = ref Pick(ref x); try { ... Tw(1) ... }
/// after:   __try2: ; _l0_x = default; _l1_rs = ref __GoEscapeTwin0(ref _l0_x); __tryin3: ;
/// frame:   private static ref global::System.Span&lt;int&gt; __GoEscapeTwin0(ref global::System.Span&lt;int&gt; p0)
///              =&gt; ref global::System.Runtime.CompilerServices.Unsafe.NullRef&lt;global::System.Span&lt;int&gt;&gt;();
/// </code>
/// Only for an ordinary static, non-generic method of this compilation (its ref safety rules are this compiler's),
/// every argument given positionally, none <c>out</c> and none <c>params</c>; a ref or ref struct argument must name
/// such a local again, and a value of another type is passed as <c>default</c> (it takes no part in the scope).
/// Anything else stays GOSH0008, where async accepts it.
/// </summary>
internal sealed partial class MethodLowerer
{
    private string? EscapeTwinCall(InvocationExpressionSyntax call, List<ILocalSymbol> given)
    {
        if (Model.GetSymbolInfo(call, _ct).Symbol is not IMethodSymbol { IsStatic: true, IsGenericMethod: false, MethodKind: MethodKind.Ordinary } m
            || !(m.ReturnsByRef || m.ReturnsByRefReadonly)
            || !SymbolEqualityComparer.Default.Equals(m.ContainingAssembly, Model.Compilation.Assembly)
            || m.Parameters.Any(p => p.IsParams || p.RefKind == RefKind.Out)
            || call.ArgumentList.Arguments.Count != m.Parameters.Length
            || call.ArgumentList.Arguments.Any(a => a.NameColon is not null))
            return null;
        var parameters = new List<string>();
        var arguments = new List<string>();
        for (var i = 0; i < m.Parameters.Length; i++)
        {
            var p = m.Parameters[i];
            var a = call.ArgumentList.Arguments[i];
            if (p.RefKind != RefKind.None || SymbolFacts.IsRefLike(p.Type))
            {
                if (!AgainFromLocals(a.Expression, given)) return null;
                arguments.Add((a.RefKindKeyword.RawKind == 0 ? "" : a.RefKindKeyword.Text + " ") + RewriteExpr(a.Expression));
            }
            else arguments.Add($"default({p.Type.Fq()})");
            var unscoped = p.GetAttributes().Any(x => x.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.UnscopedRefAttribute")
                ? "[global::System.Diagnostics.CodeAnalysis.UnscopedRef] " : "";
            var scoped = p.ScopedKind != ScopedKind.None ? "scoped " : "";
            var refKind = p.RefKind switch
            {
                RefKind.Ref => "ref ",
                RefKind.In => "in ",
                RefKind.RefReadOnlyParameter => "ref readonly ",
                _ => "",
            };
            parameters.Add($"{unscoped}{scoped}{refKind}{p.Type.Fq()} p{i}");
        }
        var returned = m.ReturnType.Fq();
        var name = "__GoEscapeTwin" + ExampleHelpers.Count;
        ExampleHelpers.Add($"private static ref {(m.ReturnsByRefReadonly ? "readonly " : "")}{returned} {name}({string.Join(", ", parameters)}) => " +
            $"ref global::System.Runtime.CompilerServices.Unsafe.NullRef<{returned}>();");
        return $"{name}({string.Join(", ", arguments)})";
    }
}
