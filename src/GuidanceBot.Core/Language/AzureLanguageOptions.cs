namespace GuidanceBot.Language;

/// <summary>
/// Settings under <c>GuidanceBot:Language:Azure</c>. Azure AI Language is off (no HTTP request at all) until both
/// <see cref="Endpoint"/> and <see cref="Key"/> are set; then citizens' text leaves the province's servers.
/// </summary>
public sealed class AzureLanguageOptions
{
    public const string Section = "GuidanceBot:Language:Azure";

    /// <summary>The Language resource's endpoint, e.g. https://my-resource.cognitiveservices.azure.com.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>One of the resource's keys, sent as <c>Ocp-Apim-Subscription-Key</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The REST API version of <c>:analyze-text</c> (a GA version; see <see cref="AzureTextAnalyzer"/>).</summary>
    public string ApiVersion { get; set; } = "2024-11-01";

    /// <summary>A request that takes longer is abandoned and the local result used.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Key);

    /// <summary>An https URL, or http to this machine only (a test stub): the key must not cross a network in clear text.</summary>
    public bool HasUsableEndpoint =>
        Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
