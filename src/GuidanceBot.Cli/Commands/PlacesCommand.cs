using System.CommandLine;
using System.Text.Json;
using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Places;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>guidancebot places [--province ID] [--json]</c>: the province's communes, one <c>id⇥name⇥kind</c> line each;
/// <c>guidancebot places find TEXT [--province ID] [--json]</c>: what the bot recognises TEXT as.
/// </summary>
public static class PlacesCommand
{
    /// <summary>A commune or ward as <c>--json</c> lists it.</summary>
    public sealed record Unit(string Id, string Name, string Kind);

    /// <summary>What <c>places find --json</c> answers: found (one unit), ambiguous (candidates) or unknown.</summary>
    public sealed record Recognised(string Match, Unit? Unit = null, string? Via = null, bool? Corrected = null, string? Explanation = null,
        string? Reason = null, IReadOnlyList<Unit>? Candidates = null);

    public static Command Create(CliConsole console, DatabaseOptions database)
    {
        var province = new Option<string?>("--province")
        {
            Description = "The province's id, e.g. thanh-hoa (default: GuidanceBot:Bot:Province, else thanh-hoa; see docs/places.md).",
            HelpName = "ID",
            Recursive = true,
        };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tab-separated lines.", Recursive = true };
        var text = new Argument<string[]>("TEXT") { Description = "What a citizen wrote, e.g. phường Điện Biên cũ.", Arity = ArgumentArity.OneOrMore };
        var find = new Command("find", "Show what the bot recognises TEXT as: the unit (and the former unit it came through), the candidates, or unknown.") { text };
        var command = new Command("places", "The province's communes and wards (id<TAB>name<TAB>kind), or what a text is recognised as.") { province, json, find };

        int Run(ParseResult parse, string? textToRecognise)
        {
            // The host's settings: GuidanceBot:Bot:Province and the content folder, as the web host reads them.
            using var host = CliHost.Build(parse, database);
            return PlacesCommand.Run(textToRecognise,
                parse.GetValue(province) ?? host.Services.GetRequiredService<IOptions<BotOptions>>().Value.Province,
                host.Services.GetRequiredService<IOptions<ContentOptions>>().Value.Directory,
                console.Out, console.Error, parse.GetValue(json));
        }
        command.SetAction(parse => Run(parse, null));
        find.SetAction(parse => Run(parse, string.Join(' ', parse.GetValue(text)!)));
        return command;
    }

    /// <param name="text">The text to recognise (<c>places find TEXT</c>); null lists the communes.</param>
    /// <param name="province">The province id; null for the default (thanh-hoa).</param>
    /// <param name="contentDirectory">The content folder whose <c>places/</c> holds the province files.</param>
    /// <param name="json">Print JSON instead of tab-separated lines.</param>
    public static int Run(string? text, string? province, string contentDirectory, TextWriter stdout, TextWriter stderr, bool json = false)
    {
        PlaceDirectory places;
        try
        {
            places = PlaceLoader.LoadProvince(contentDirectory, province);
        }
        catch (ContentLoadException e)
        {
            foreach (var error in e.Errors)
                stderr.WriteLine(error.ToString());
            return 1;
        }

        if (text is null)
        {
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(places.Communes.Select(Of).ToList(), CliJson.Readable.IReadOnlyListUnit));
                return 0;
            }
            foreach (var commune in places.Communes)
                stdout.WriteLine($"{commune.Id}\t{commune.Name}\t{commune.Kind.Token()}");
            return 0;
        }

        var match = places.Recognize(text);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(match switch
            {
                PlaceMatch.Found found => new Recognised("found", Of(found.Commune), found.Via?.ToString(), found.Corrected, found.Explanation?.Vi),
                PlaceMatch.Ambiguous ambiguous => new Recognised("ambiguous", Reason: Reason(ambiguous.Reason), Candidates: ambiguous.Candidates.Select(c => Of(c.Commune)).ToList()),
                _ => new Recognised("unknown"),
            }, CliJson.Readable.Recognised));
            return 0;
        }
        switch (match)
        {
            case PlaceMatch.Found found:
                stdout.WriteLine(string.Join('\t', new[]
                {
                    "found", found.Commune.Id, found.Commune.Name, found.Commune.Kind.Token(),
                    found.Via is { } via ? $"via {via}" : null,
                    found.Corrected ? "corrected (one typing error)" : null,
                }.OfType<string>()));
                if (found.Explanation is { } explanation)
                    stdout.WriteLine(explanation.Vi);
                break;
            case PlaceMatch.Ambiguous ambiguous:
                stdout.WriteLine($"ambiguous\t{Reason(ambiguous.Reason)}");
                foreach (var candidate in ambiguous.Candidates)
                    stdout.WriteLine($"{candidate.Commune.Id}\t{candidate.Commune.Name}\t{candidate.Commune.Kind.Token()}\t{candidate.Label.Vi}");
                break;
            default:
                stdout.WriteLine($"unknown\tno commune or ward of {places.Name} is named in the text");
                break;
        }
        return 0;
    }

    private static Unit Of(Commune commune) => new(commune.Id, commune.Name, commune.Kind.Token());

    private static string Reason(AmbiguityReason reason) => reason switch
    {
        AmbiguityReason.Split => "the former unit was split between these",
        AmbiguityReason.FormerDistrict => "the former district now spans these",
        _ => "several units have this name",
    };
}
