namespace GuidanceBot.Content;

/// <summary>What one out-of-scope file yielded: the topic when the file is valid on its own, its errors, and the ids other files may clash with.</summary>
internal sealed record ParsedOutOfScopeFile(string File, OutOfScopeTopic? Topic, IReadOnlyList<ContentError> Errors, NamedReference? TopicId, IReadOnlyList<NamedReference> Links);
