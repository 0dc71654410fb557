using GuidanceBot.Content;

namespace GuidanceBot.Places;

/// <summary>Loads and validates the place files in <c>dialogs/places/</c>, one province per file named after its id.</summary>
public static class PlaceLoader
{
    /// <summary>The folder of place files inside the content folder.</summary>
    public const string Folder = "places";

    /// <summary>The province used when <c>GuidanceBot:Bot:Province</c> is not set.</summary>
    public const string DefaultProvince = "thanh-hoa";

    /// <summary>Loads every <c>*.yaml</c> file in <paramref name="placesDirectory"/>, in file-name order.</summary>
    public static PlaceLoadResult LoadDirectory(string placesDirectory)
    {
        if (!Directory.Exists(placesDirectory))
            return new PlaceLoadResult([], [new ContentError(placesDirectory, 0, 0, "directory not found: the places of the province go in dialogs/places/ (see docs/places.md)")]);
        var files = new List<(string, string)>();
        var errors = new List<ContentError>();
        foreach (var path in Directory.EnumerateFiles(placesDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var (_, text, error) = ContentFileText.Read(path);
            if (error is null)
            {
                files.Add((path, text!));
            }
            else
            {
                errors.Add(error);
            }
        }
        var loaded = LoadFiles(files);
        return errors.Count == 0 ? loaded : new PlaceLoadResult([], [.. errors, .. loaded.Errors]);
    }

    /// <summary>Loads place files given as text (e.g. in tests); each path's file name must be its province id.</summary>
    public static PlaceLoadResult LoadFiles(IEnumerable<(string Path, string Yaml)> files)
    {
        var provinces = new List<PlaceDirectory>();
        var errors = new List<ContentError>();
        foreach (var (path, yaml) in files)
        {
            var (places, fileErrors) = PlaceFileReader.Read(path, yaml);
            errors.AddRange(fileErrors);
            if (places is not null)
                provinces.Add(places);
        }
        return errors.Count == 0 ? new PlaceLoadResult(provinces, []) : new PlaceLoadResult([], errors);
    }

    /// <summary>
    /// The places of <paramref name="province"/> (the default when null or blank) from <c>places/</c> in the content
    /// folder; throws <see cref="ContentLoadException"/> listing every error when a file does not validate or the
    /// province has no file.
    /// </summary>
    public static PlaceDirectory LoadProvince(string contentDirectory, string? province)
    {
        var id = string.IsNullOrWhiteSpace(province) ? DefaultProvince : province.Trim().ToLowerInvariant();
        var directory = Path.Combine(contentDirectory, Folder);
        var result = LoadDirectory(directory);
        if (!result.Ok)
            throw new ContentLoadException(result.Errors);
        return result.Find(id) ?? throw new ContentLoadException([new ContentError(Path.Combine(directory, id + ".yaml"), 0, 0,
            $"no place file for province '{id}' (GuidanceBot:Bot:Province): add it (see docs/places.md) or set the province to one of: "
            + (result.Provinces.Count == 0 ? "(none yet)" : string.Join(", ", result.Provinces.Select(p => p.Province))))]);
    }
}
