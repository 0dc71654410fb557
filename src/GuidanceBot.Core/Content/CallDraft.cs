namespace GuidanceBot.Content;

/// <summary>A call step as read from its file, for the checks across files.</summary>
/// <param name="Callee">The called flow's id, at the <c>call:</c> value.</param>
/// <param name="Handled">The outcomes its <c>on:</c> names, each at its key.</param>
/// <param name="PassedOn">The outcomes for which the calling flow ends the same way (<c>on: … end</c>).</param>
internal sealed record CallDraft(string StepId, NamedReference Callee, IReadOnlyList<NamedReference> Handled, IReadOnlyList<string> PassedOn);
