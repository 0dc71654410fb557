using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Tests.AzureLanguage;

/// <summary>Every log line, at every level, with its exception, so a test can look for text that must not be there.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Line)> Lines { get; } = new();

    public IEnumerable<string> Warnings => Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Line);

    public string All => string.Join("\n", Lines.Select(l => l.Line));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public ILogger<T> For<T>() => new LoggerFactory([this]).CreateLogger<T>();

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((logLevel, $"{category}: {formatter(state, exception)} {exception}"));
    }
}
