using GoSharp.Generator.Model;

namespace GoSharp.Generator.Emit;

/// <summary>
/// The emit stage's value: a lowered method and the line its relative line numbers count from
/// (<see cref="LineBases.FirstLineOf"/>). Comparing it is cheap when the model is the cached one (same reference).
/// </summary>
internal sealed record EmitItem(LoweredMethod Lowered, int FirstLine, string HintSuffix);
