using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

// Arguments of a launcher call that take their type from the launched method's parameter.
internal sealed partial class LauncherTypeInference
{
    /// <summary>
    /// The type an argument with no type of its own (a collection expression, a target-typed <c>new()</c>, a method
    /// group, a conditional of those) takes from the parameter it fills in a launcher call: <c>GoPair([n], Tw(xs))</c>
    /// spills <c>[n]</c> before the suspension as the <c>List&lt;int&gt;</c> C# makes of it there. The model, which
    /// cannot see the launcher, converts it to nothing; the launched method, constructed as for the launcher's type,
    /// has the parameter. Null elsewhere, or where the parameter's type is not known.
    /// </summary>
    private ITypeSymbol? LaunchedParameterType(ExpressionSyntax e)
    {
        if (e.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax inv } list } argument
            || LaunchedMethod(inv) is not { } target) return null;
        if (target.IsGenericMethod)
        {
            var typeArgs = ExplicitTypeArguments(inv) ?? InferTypeArguments(target, inv);
            if (typeArgs is not null && typeArgs.Length == target.Arity) target = target.Construct(typeArgs);
            else if (SpeculateLaunchedCall(inv, target) is { } constructed) target = constructed;
            else return null;
        }
        var ps = target.Parameters;
        var i = list.Arguments.IndexOf(argument);
        var p = argument.NameColon is { } named ? ps.FirstOrDefault(q => q.Name == named.Name.Identifier.ValueText)
            : i < ps.Length ? ps[i] : ps.LastOrDefault(q => q.IsParams);
        if (p is null) return null;
        // An expanded params array's element (more arguments than parameters, or a `new()`, which no array is).
        var type = p.IsParams && p.Type is IArrayTypeSymbol array && argument.NameColon is null
            && (list.Arguments.Count != ps.Length || e is ImplicitObjectCreationExpressionSyntax) ? array.ElementType : p.Type;
        return HasErrorType(type) || HasForeignTypeParameter(type, e) ? null : type;
    }
}
