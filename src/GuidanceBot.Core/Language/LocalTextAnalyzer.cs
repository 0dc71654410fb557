namespace GuidanceBot.Language;

/// <summary>The default analyser: everything on this server, nothing sent anywhere.</summary>
public sealed class LocalTextAnalyzer : ITextAnalyzer
{
    public static LocalTextAnalyzer Instance { get; } = new();

    public Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken cancellationToken) =>
        Task.FromResult(LanguageHeuristic.Detect(text));

    public Task<string> RedactAsync(string text, string language, CancellationToken cancellationToken) =>
        Task.FromResult(Redactor.Redact(text));
}
