namespace GuidanceBot.Content;

/// <summary>Tells the citizen something: documents to prepare, fees, processing time, links.</summary>
public sealed record InformStep(
    string Id,
    LocalizedText Text,
    IReadOnlyList<DocumentItem> Documents,
    FeeDefinition? Fee,
    LocalizedText? Time,
    IReadOnlyList<FlowLink> Links,
    string Next,
    LocalizedText? Help) : StepDefinition(Id, Help)
{
    public override IReadOnlyList<string> NextSteps => [Next];

    /// <summary>The documents that apply to these answers (step id → 1-based choice).</summary>
    public IReadOnlyList<DocumentItem> DocumentsFor(IReadOnlyDictionary<string, int> answers) =>
        Documents.Where(d => d.Applies(answers)).ToArray();
}
