namespace GuidanceBot.Content;

/// <summary>What one file yielded: the flow when the file is valid on its own, its errors, and the ids other files may clash with or refer to.</summary>
internal sealed record ParsedFlowFile(
    string File,
    FlowDefinition? Flow,
    IReadOnlyList<ContentError> Errors,
    NamedReference? FlowId,
    IReadOnlyList<NamedReference> Links,
    IReadOnlyList<CallDraft> Calls,
    IReadOnlyList<NamedReference> Needs,
    IReadOnlyList<string> EndOutcomes);
