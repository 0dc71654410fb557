namespace GuidanceBot.Content;

/// <summary>Where the flows are and whether to reload them when a file changes (bound from the "Content" section).</summary>
public sealed class ContentOptions
{
    public const string Section = "GuidanceBot:Content";

    /// <summary>The folder of flow files; relative paths are resolved from the current directory.</summary>
    public string Directory { get; set; } = "dialogs";

    /// <summary>Reload when a file changes; the host turns this on in Development.</summary>
    public bool WatchForChanges { get; set; }

    /// <summary>How long the files must stay quiet before a reload, so one save (often several file events) reloads once.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(300);
}
