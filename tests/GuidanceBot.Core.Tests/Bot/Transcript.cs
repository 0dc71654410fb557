using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GuidanceBot.Tests.Bot;

/// <summary>
/// A scripted walk through a flow, read from Transcripts/*.yaml: what the citizen first says, then each button they tap
/// (or, prefixed with "> ", what they type), and the outcome the flow must end with.
/// </summary>
public sealed class Transcript
{
    public string Name { get; set; } = "";
    public string Say { get; set; } = "";
    public List<string> Answers { get; set; } = [];
    public string Outcome { get; set; } = "completed";

    public override string ToString() => Name;
}

/// <summary>All transcripts of one flow.</summary>
public sealed class TranscriptFile
{
    public string Flow { get; set; } = "";
    public List<Transcript> Transcripts { get; set; } = [];

    private static readonly IDeserializer Reader = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public static IReadOnlyList<TranscriptFile> All { get; } = Directory
        .GetFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.yaml")
        .Order(StringComparer.Ordinal)
        .Select(f => Reader.Deserialize<TranscriptFile>(File.ReadAllText(f)))
        .ToList();
}
