using GuidanceBot.Content;
using GuidanceBot.Places;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>guidancebot places [--province ID]</c>: the province's communes, one <c>id⇥name⇥kind</c> line each;
/// <c>guidancebot places find TEXT [--province ID]</c>: what the bot recognises TEXT as.
/// </summary>
public static class PlacesCommand
{
    /// <param name="arguments">The positional arguments after <c>places</c>: none, or <c>find</c> and the text.</param>
    /// <param name="province">The province id; null for the default (thanh-hoa).</param>
    /// <param name="contentDirectory">The content folder whose <c>places/</c> holds the province files.</param>
    public static int Run(IReadOnlyList<string> arguments, string? province, string contentDirectory, TextWriter stdout, TextWriter stderr)
    {
        var finding = arguments.Count > 0 && arguments[0] == "find";
        if (arguments.Count > 0 && !finding || finding && string.IsNullOrWhiteSpace(string.Join(' ', arguments.Skip(1))))
        {
            stderr.WriteLine("usage: guidancebot places [--province ID] | guidancebot places find TEXT [--province ID]");
            return 2;
        }

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

        if (!finding)
        {
            foreach (var commune in places.Communes)
                stdout.WriteLine($"{commune.Id}\t{commune.Name}\t{commune.Kind.Token()}");
            return 0;
        }

        switch (places.Recognize(string.Join(' ', arguments.Skip(1))))
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

    private static string Reason(AmbiguityReason reason) => reason switch
    {
        AmbiguityReason.Split => "the former unit was split between these",
        AmbiguityReason.FormerDistrict => "the former district now spans these",
        _ => "several units have this name",
    };
}
