using System.Collections.Generic;
using GoSharp.Generator.Emit;
using GoSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GoSharp.Generator.Lowering;

/// <summary>
/// State numbers and resume labels. Each suspension gets the next state number (in source order) and a
/// <c>__resumeN</c> label; the labels of a scope are reached through a <c>switch (State)</c> at the head of
/// <c>Resume</c> or of the enclosing try's body (a goto cannot enter a try from outside).
/// </summary>
internal sealed partial class MethodLowerer
{
    private int NewState(SyntaxNode at, string description)
    {
        var n = _nextState++;
        States.Add(new StateModel(n, LineNumber(at, out var file), description, file));
        _stateSites.Add((n, at));
        return n;
    }

    private void ResumeLabel(int state)
    {
        var label = "__resume" + state;
        _scope.Add((state, label));
        _w.Line(label + ":");
        _w.Line(RuntimeContract.Frame.State + " = -1;");
    }

    /// <summary>The <c>switch (State)</c> that sends each state of a scope (Resume's body, or a try's) to its label.</summary>
    private static void EmitDispatch(IndentedWriter w, List<(int State, string Label)> scope)
    {
        if (scope.Count == 0) return;
        w.Open("switch (" + RuntimeContract.Frame.State + ")");
        foreach (var (state, label) in scope) w.Line($"case {state}: goto {label};");
        w.Close();
    }
}
