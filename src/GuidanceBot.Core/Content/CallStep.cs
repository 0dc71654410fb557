namespace GuidanceBot.Content;

/// <summary>Runs another flow (e.g. logging in with VNeID), then goes on to <see cref="Next"/>.</summary>
public sealed record CallStep(string Id, string FlowId, string Next, LocalizedText? Help) : StepDefinition(Id, Help)
{
    public override IReadOnlyList<string> NextSteps => [Next];
}
