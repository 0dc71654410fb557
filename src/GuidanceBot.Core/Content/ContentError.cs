namespace GuidanceBot.Content;

/// <summary>One problem in the content, at a 1-based line and column of the offending YAML node.</summary>
/// <remarks>Line and column are 0 when the problem has no place in a file (e.g. a missing directory).</remarks>
public sealed record ContentError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
