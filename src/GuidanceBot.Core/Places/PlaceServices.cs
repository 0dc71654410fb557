using GuidanceBot.Bot;
using GuidanceBot.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Places;

/// <summary>Registers the configured province's <see cref="PlaceDirectory"/>.</summary>
public static class PlaceServices
{
    /// <summary>
    /// The places of <c>GuidanceBot:Bot:Province</c> (thanh-hoa when unset) from <c>places/</c> in the content folder,
    /// loaded when first asked for; hosts ask at start-up so a broken or missing file stops the start with its errors
    /// (<see cref="ContentLoadException"/>).
    /// </summary>
    public static IServiceCollection AddPlaces(this IServiceCollection services) =>
        services.AddSingleton(sp =>
        {
            var content = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
            var places = PlaceLoader.LoadProvince(content.Directory, sp.GetRequiredService<IOptions<BotOptions>>().Value.Province);
            sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(PlaceDirectory)).LogInformation(
                "Loaded {Communes} communes and wards of {Province} from {File}", places.Communes.Count, places.Province, places.File);
            return places;
        });
}
