using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// The site's Direct Line secret: the configured one, or a random development secret generated on first run, saved
/// next to the SQLite file (so tokens survive a restart) and printed once. There is never a fixed default.
/// </summary>
public sealed class DirectLineSecret
{
    public const string FileName = "directline-secret.txt";

    public DirectLineSecret(IOptions<DirectLineOptions> options, IOptions<GuidanceBot.Storage.StorageOptions> storage, ILogger<DirectLineSecret> logger)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Secret))
        {
            Value = options.Value.Secret.Trim();
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(storage.Value.SqlitePath)) ?? Directory.GetCurrentDirectory();
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 32 } saved)
        {
            Value = saved;
            return;
        }
        Directory.CreateDirectory(folder);
        Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.WriteAllText(path, Value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        // Printed once, when it is created: the operator needs it for the portal's back end (POST /tokens/generate).
        Console.WriteLine($"Direct Line development secret (saved in {path}; set GuidanceBot:DirectLine:Secret in production): {Value}");
        logger.LogWarning("No GuidanceBot:DirectLine:Secret configured: generated a development secret in {Path}", path);
    }

    public string Value { get; }

    /// <summary>True when <paramref name="candidate"/> is the secret, compared in constant time.</summary>
    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(candidate), System.Text.Encoding.UTF8.GetBytes(Value));
}
