using GuidanceBot.Content;

namespace GuidanceBot.Places;

/// <summary>The provinces of <c>dialogs/places/</c> when every file is valid, otherwise every error found.</summary>
public sealed record PlaceLoadResult(IReadOnlyList<PlaceDirectory> Provinces, IReadOnlyList<ContentError> Errors)
{
    public bool Ok => Errors.Count == 0;

    /// <summary>The province with this id, or null.</summary>
    public PlaceDirectory? Find(string province) => Provinces.FirstOrDefault(p => p.Province == province);
}
