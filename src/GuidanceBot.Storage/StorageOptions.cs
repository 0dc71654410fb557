namespace GuidanceBot.Storage;

/// <summary>Settings under <c>GuidanceBot:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "GuidanceBot:Storage";

    /// <summary>The SQLite database file; created with its folder on first run.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "guidancebot.db");
}
