namespace GuidanceBot.Content;

/// <summary>The outcome of loading content: a catalog when every file is valid, otherwise every error found.</summary>
public sealed record ContentLoadResult(FlowCatalog? Catalog, IReadOnlyList<ContentError> Errors)
{
    public bool Ok => Errors.Count == 0;
}
