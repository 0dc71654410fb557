namespace GuidanceBot.Content;

/// <summary>Ends the flow with an outcome (see <see cref="Outcomes"/>) and an optional last message.</summary>
public sealed record EndStep(string Id, string Outcome, LocalizedText? Say, LocalizedText? Help) : StepDefinition(Id, Help)
{
    public override IReadOnlyList<string> NextSteps => [];
}
