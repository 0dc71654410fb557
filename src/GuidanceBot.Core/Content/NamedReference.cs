namespace GuidanceBot.Content;

/// <summary>An id written somewhere in a file (a flow id, link id, call or need), kept for checks across files.</summary>
internal sealed record NamedReference(string Id, string File, int Line, int Column)
{
    public ContentError Error(string message) => new(File, Line, Column, message);

    public string Place => $"{File}:{Line}:{Column}";
}
