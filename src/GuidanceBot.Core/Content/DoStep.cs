namespace GuidanceBot.Content;

/// <summary>One action the citizen does online; the bot offers "Xong" (done) and "Bị vướng" (stuck).</summary>
/// <param name="Stuck">Help for the common failure, shown when the citizen is stuck.</param>
public sealed record DoStep(string Id, LocalizedText Instruction, LocalizedText Stuck, IReadOnlyList<FlowLink> Links, string Next, LocalizedText? Help)
    : StepDefinition(Id, Help)
{
    public override IReadOnlyList<string> NextSteps => [Next];
}
