// Written by generate.py in this folder (python3 generate.py): edit the script and rerun it, not this file.
using System.ComponentModel;
using GoSharp.CompilerServices;
using GoSharp.Selecting;

namespace GoSharp;

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
public readonly struct Selected<T1>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;

    internal Selected(int index, bool ok, T1 v1) { Index = index; Ok = ok; Value1 = v1; }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
public readonly struct Selected<T1, T2>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;

    internal Selected(int index, bool ok, T1 v1, T2 v2) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
public readonly struct Selected<T1, T2, T3>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
public readonly struct Selected<T1, T2, T3, T4>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;
    /// <summary>The value received by case 3 (when <see cref="Index"/> is 3).</summary>
    public readonly T4 Value4;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3, T4 v4) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; Value4 = v4; }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
public readonly struct Selected<T1, T2, T3, T4, T5>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;
    /// <summary>The value received by case 3 (when <see cref="Index"/> is 3).</summary>
    public readonly T4 Value4;
    /// <summary>The value received by case 4 (when <see cref="Index"/> is 4).</summary>
    public readonly T5 Value5;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3, T4 v4, T5 v5) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; Value4 = v4; Value5 = v5; }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
/// <typeparam name="T6">Element type of case 5.</typeparam>
public readonly struct Selected<T1, T2, T3, T4, T5, T6>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;
    /// <summary>The value received by case 3 (when <see cref="Index"/> is 3).</summary>
    public readonly T4 Value4;
    /// <summary>The value received by case 4 (when <see cref="Index"/> is 4).</summary>
    public readonly T5 Value5;
    /// <summary>The value received by case 5 (when <see cref="Index"/> is 5).</summary>
    public readonly T6 Value6;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; Value4 = v4; Value5 = v5; Value6 = v6; }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
/// <typeparam name="T6">Element type of case 5.</typeparam>
/// <typeparam name="T7">Element type of case 6.</typeparam>
public readonly struct Selected<T1, T2, T3, T4, T5, T6, T7>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;
    /// <summary>The value received by case 3 (when <see cref="Index"/> is 3).</summary>
    public readonly T4 Value4;
    /// <summary>The value received by case 4 (when <see cref="Index"/> is 4).</summary>
    public readonly T5 Value5;
    /// <summary>The value received by case 5 (when <see cref="Index"/> is 5).</summary>
    public readonly T6 Value6;
    /// <summary>The value received by case 6 (when <see cref="Index"/> is 6).</summary>
    public readonly T7 Value7;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; Value4 = v4; Value5 = v5; Value6 = v6; Value7 = v7; }
}

/// <summary>What a select did: <see cref="Index"/> is the case taken (0-based, in argument order).</summary>
/// <typeparam name="T1">Element type of case 0.</typeparam>
/// <typeparam name="T2">Element type of case 1.</typeparam>
/// <typeparam name="T3">Element type of case 2.</typeparam>
/// <typeparam name="T4">Element type of case 3.</typeparam>
/// <typeparam name="T5">Element type of case 4.</typeparam>
/// <typeparam name="T6">Element type of case 5.</typeparam>
/// <typeparam name="T7">Element type of case 6.</typeparam>
/// <typeparam name="T8">Element type of case 7.</typeparam>
public readonly struct Selected<T1, T2, T3, T4, T5, T6, T7, T8>
{
    /// <summary>The position of the case taken.</summary>
    public readonly int Index;
    /// <summary>For a receive case: true if the value came from a send, false if the channel is closed (Go: <c>v, ok := &lt;-ch</c>). True for a send case.</summary>
    public readonly bool Ok;
    /// <summary>The value received by case 0 (when <see cref="Index"/> is 0).</summary>
    public readonly T1 Value1;
    /// <summary>The value received by case 1 (when <see cref="Index"/> is 1).</summary>
    public readonly T2 Value2;
    /// <summary>The value received by case 2 (when <see cref="Index"/> is 2).</summary>
    public readonly T3 Value3;
    /// <summary>The value received by case 3 (when <see cref="Index"/> is 3).</summary>
    public readonly T4 Value4;
    /// <summary>The value received by case 4 (when <see cref="Index"/> is 4).</summary>
    public readonly T5 Value5;
    /// <summary>The value received by case 5 (when <see cref="Index"/> is 5).</summary>
    public readonly T6 Value6;
    /// <summary>The value received by case 6 (when <see cref="Index"/> is 6).</summary>
    public readonly T7 Value7;
    /// <summary>The value received by case 7 (when <see cref="Index"/> is 7).</summary>
    public readonly T8 Value8;

    internal Selected(int index, bool ok, T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8) { Index = index; Ok = ok; Value1 = v1; Value2 = v2; Value3 = v3; Value4 = v4; Value5 = v5; Value6 = v6; Value7 = v7; Value8 = v8; }
}
