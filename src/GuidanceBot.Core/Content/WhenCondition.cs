using YamlDotNet.RepresentationModel;

namespace GuidanceBot.Content;

/// <summary>One <c>when</c> entry of a document: the ask step it names and the choice numbers.</summary>
internal sealed record WhenCondition(string StepId, YamlNode At, IReadOnlyList<(int Choice, YamlNode At)> Choices);
