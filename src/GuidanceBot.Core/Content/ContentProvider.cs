using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Content;

/// <summary>
/// Holds the current <see cref="FlowCatalog"/>. When watching, reloads after files change; an edit that does
/// not validate keeps the previous catalog and reports its errors (log + <see cref="ReloadFailed"/>).
/// </summary>
public sealed class ContentProvider : IDisposable
{
    private readonly ContentOptions _options;
    private readonly ILogger<ContentProvider> _logger;
    private readonly Lock _reloadLock = new();
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer? _debounce;
    private volatile FlowCatalog _current;
    private bool _disposed;

    /// <summary>Loads the content; throws <see cref="ContentLoadException"/> listing every error when it does not validate.</summary>
    public ContentProvider(IOptions<ContentOptions> options, ILogger<ContentProvider>? logger = null, TimeProvider? timeProvider = null)
    {
        _options = options.Value;
        _logger = logger ?? NullLogger<ContentProvider>.Instance;

        var result = FlowLoader.LoadDirectory(_options.Directory);
        if (!result.Ok)
            throw new ContentLoadException(result.Errors);
        _current = result.Catalog!;
        _logger.LogInformation("Loaded {FlowCount} flows from {Directory}", _current.Flows.Count, _options.Directory);

        if (_options.WatchForChanges)
        {
            _debounce = (timeProvider ?? TimeProvider.System).CreateTimer(_ => ReloadQuietly(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = new FileSystemWatcher(_options.Directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
                // Out-of-scope topics live in a sub-folder; other sub-folders' edits only cost a reload.
                IncludeSubdirectories = true,
            };
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Deleted += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.Error += (_, _) => ScheduleReload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The catalog in use: the last content that validated.</summary>
    public FlowCatalog Current => _current;

    /// <summary>Raised after a reload replaced <see cref="Current"/>.</summary>
    public event EventHandler<FlowCatalog>? Changed;

    /// <summary>Raised when a reload found errors; <see cref="Current"/> stays as it was.</summary>
    public event EventHandler<IReadOnlyList<ContentError>>? ReloadFailed;

    /// <summary>Loads the directory again now; replaces <see cref="Current"/> only when every file validates.</summary>
    public ContentLoadResult Reload()
    {
        ContentLoadResult result;
        lock (_reloadLock)
        {
            result = FlowLoader.LoadDirectory(_options.Directory);
            if (result.Ok)
                _current = result.Catalog!;
        }

        if (result.Ok)
        {
            _logger.LogInformation("Reloaded {FlowCount} flows from {Directory}", result.Catalog!.Flows.Count, _options.Directory);
            Changed?.Invoke(this, result.Catalog!);
        }
        else
        {
            _logger.LogWarning("Content edit rejected, keeping the previous content: {ErrorCount} error(s)", result.Errors.Count);
            foreach (var error in result.Errors)
                _logger.LogWarning("{ContentError}", error.ToString());
            ReloadFailed?.Invoke(this, result.Errors);
        }
        return result;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        if (FlowLoader.IsFlowFile(e.FullPath) || e is RenamedEventArgs r && FlowLoader.IsFlowFile(r.OldFullPath))
            ScheduleReload();
    }

    // Each event pushes the reload back, so a burst of events (editor save, git checkout) reloads once.
    private void ScheduleReload()
    {
        try
        {
            if (!_disposed)
                _debounce?.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // An event that arrives while the provider is being disposed has nothing left to reload.
        }
    }

    private void ReloadQuietly()
    {
        try
        {
            Reload();
        }
        catch (Exception e)
        {
            // A timer callback must not throw: that would end the process.
            _logger.LogError(e, "Content reload failed");
        }
    }
}
