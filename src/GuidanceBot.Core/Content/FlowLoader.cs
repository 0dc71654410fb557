using System.Security.Cryptography;
using System.Text;

namespace GuidanceBot.Content;

/// <summary>Loads and validates flow files; reports every error in every file, not only the first.</summary>
public static class FlowLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Loads every <c>*.yaml</c> / <c>*.yml</c> file directly in <paramref name="directory"/> (not sub-folders), in file-name order.</summary>
    public static ContentLoadResult LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            return new ContentLoadResult(null, [new ContentError(directory, 0, 0, "directory not found")]);

        var paths = Directory.EnumerateFiles(directory)
            .Where(IsFlowFile)
            .Order(StringComparer.Ordinal);
        var parsed = new List<ParsedFlowFile>();
        foreach (var path in paths)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (IOException e)
            {
                parsed.Add(Unreadable(path, $"cannot read the file: {e.Message}"));
                continue;
            }
            parsed.Add(Parse(path, bytes));
        }
        return Combine(parsed);
    }

    /// <summary>Loads flows given as text (e.g. in tests); the content version hashes the text's UTF-8 bytes.</summary>
    public static ContentLoadResult LoadFiles(IEnumerable<(string Path, string Yaml)> files) =>
        Combine(files.Select(f => FlowFileReader.Read(f.Path, f.Yaml, VersionOf(Encoding.UTF8.GetBytes(f.Yaml)))).ToList());

    /// <summary>The first 12 hex characters of the SHA-256 of the file's bytes.</summary>
    public static string VersionOf(ReadOnlySpan<byte> fileBytes) =>
        Convert.ToHexStringLower(SHA256.HashData(fileBytes))[..12];

    internal static bool IsFlowFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static ParsedFlowFile Parse(string path, byte[] bytes)
    {
        string text;
        try
        {
            var preamble = StrictUtf8.Preamble;
            var body = bytes.AsSpan().StartsWith(preamble) ? bytes.AsSpan(preamble.Length) : bytes;
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Unreadable(path, "the file is not UTF-8 text: save it as UTF-8");
        }
        return FlowFileReader.Read(path, text, VersionOf(bytes));
    }

    private static ParsedFlowFile Unreadable(string path, string message) =>
        new(path, null, [new ContentError(path, 1, 1, message)], null, [], [], [], []);

    private static ContentLoadResult Combine(IReadOnlyList<ParsedFlowFile> files)
    {
        var errors = files.SelectMany(f => f.Errors)
            .Concat(CatalogCheck.Check(files))
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ToArray();
        return errors.Length > 0
            ? new ContentLoadResult(null, errors)
            : new ContentLoadResult(new FlowCatalog(files.Select(f => f.Flow!)), errors);
    }
}
