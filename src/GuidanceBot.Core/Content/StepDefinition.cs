namespace GuidanceBot.Content;

/// <summary>One step of a flow: exactly one of ask, inform, do, call or end.</summary>
/// <param name="Help">Shown when the citizen asks for help ("giúp") at this step.</param>
public abstract record StepDefinition(string Id, LocalizedText? Help)
{
    /// <summary>The ids of the steps this step can go to, in order (first choice first).</summary>
    public abstract IReadOnlyList<string> NextSteps { get; }
}
