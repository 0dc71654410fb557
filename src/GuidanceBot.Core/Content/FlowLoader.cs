using System.Security.Cryptography;
using System.Text;

namespace GuidanceBot.Content;

/// <summary>Loads and validates flow files; reports every error in every file, not only the first.</summary>
public static class FlowLoader
{
    /// <summary>
    /// Loads every <c>*.yaml</c> / <c>*.yml</c> file directly in <paramref name="directory"/> as a flow, and those in its
    /// <c>out-of-scope/</c> sub-folder as out-of-scope topics, in file-name order; other sub-folders are not read.
    /// </summary>
    public static ContentLoadResult LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            return new ContentLoadResult(null, [new ContentError(directory, 0, 0, "directory not found")]);

        var flows = new List<ParsedFlowFile>();
        foreach (var path in FilesIn(directory))
        {
            var (bytes, text, error) = ContentFileText.Read(path);
            flows.Add(error is null ? FlowFileReader.Read(path, text!, VersionOf(bytes)) : new(path, null, [error], null, [], [], [], []));
        }
        var outOfScope = new List<ParsedOutOfScopeFile>();
        foreach (var path in FilesIn(Path.Combine(directory, OutOfScopeTopic.Folder)))
        {
            var (_, text, error) = ContentFileText.Read(path);
            outOfScope.Add(error is null ? OutOfScopeFileReader.Read(path, text!) : new(path, null, [error], null, []));
        }
        return Combine(flows, outOfScope);
    }

    /// <summary>
    /// Loads files given as text (e.g. in tests): flows, and out-of-scope topics for paths in an <c>out-of-scope/</c>
    /// folder; the content version hashes the text's UTF-8 bytes.
    /// </summary>
    public static ContentLoadResult LoadFiles(IEnumerable<(string Path, string Yaml)> files)
    {
        var all = files.ToList();
        return Combine(
            all.Where(f => !IsOutOfScopePath(f.Path)).Select(f => FlowFileReader.Read(f.Path, f.Yaml, VersionOf(Encoding.UTF8.GetBytes(f.Yaml)))).ToList(),
            all.Where(f => IsOutOfScopePath(f.Path)).Select(f => OutOfScopeFileReader.Read(f.Path, f.Yaml)).ToList());
    }

    /// <summary>The first 12 hex characters of the SHA-256 of the file's bytes.</summary>
    public static string VersionOf(ReadOnlySpan<byte> fileBytes) =>
        Convert.ToHexStringLower(SHA256.HashData(fileBytes))[..12];

    internal static bool IsFlowFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    internal static bool IsOutOfScopePath(string path) =>
        string.Equals(Path.GetFileName(Path.GetDirectoryName(path)), OutOfScopeTopic.Folder, StringComparison.Ordinal);

    private static IEnumerable<string> FilesIn(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory).Where(IsFlowFile).Order(StringComparer.Ordinal) : [];

    private static ContentLoadResult Combine(IReadOnlyList<ParsedFlowFile> flows, IReadOnlyList<ParsedOutOfScopeFile> outOfScope)
    {
        var errors = flows.SelectMany(f => f.Errors)
            .Concat(outOfScope.SelectMany(f => f.Errors))
            .Concat(CatalogCheck.Check(flows, outOfScope))
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ToArray();
        return errors.Length > 0
            ? new ContentLoadResult(null, errors)
            : new ContentLoadResult(new FlowCatalog(flows.Select(f => f.Flow!), outOfScope.Select(f => f.Topic!)), errors);
    }
}
