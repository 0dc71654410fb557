namespace GuidanceBot.Language;

/// <summary>
/// What the bot asks of a text analyser: which language a citizen wrote in, and the text with personal data replaced.
/// <see cref="LocalTextAnalyzer"/> answers on this server (the default); <see cref="AzureTextAnalyzer"/> asks Azure AI
/// Language where an operator enables it, and falls back to the local answer whenever the service fails.
/// </summary>
public interface ITextAnalyzer
{
    /// <summary>The language of <paramref name="text"/>; <see cref="DetectedLanguage.Unknown"/> when unsure (short texts, button taps).</summary>
    Task<DetectedLanguage> DetectLanguageAsync(string text, CancellationToken cancellationToken);

    /// <summary>The text with personal data replaced by placeholders; never redacts less than <see cref="Redactor.Redact"/>.</summary>
    /// <param name="language">"vi" or "en": the conversation's language, a hint for the analyser.</param>
    Task<string> RedactAsync(string text, string language, CancellationToken cancellationToken);
}
