namespace GuidanceBot.Content;

/// <summary>Thrown at start-up when dialogs/ does not load; the message lists every error.</summary>
public sealed class ContentLoadException(IReadOnlyList<ContentError> errors)
    : Exception($"The content does not load ({errors.Count} error(s)):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}
