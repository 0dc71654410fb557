namespace GuidanceBot.Content;

/// <summary>A question with 2–5 choices, each leading to a step.</summary>
public sealed record AskStep(string Id, LocalizedText Question, IReadOnlyList<ChoiceDefinition> Choices, LocalizedText? Help)
    : StepDefinition(Id, Help)
{
    public override IReadOnlyList<string> NextSteps => Choices.Select(c => c.Next).ToArray();
}
