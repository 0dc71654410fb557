using GuidanceBot.Analytics;
using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Engine;
using GuidanceBot.Language;
using GuidanceBot.Places;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidanceBot;

/// <summary>
/// Registers the engine, the bot and the content; hosts (web, CLI) add the storage layer (<c>AddGuidanceBotStorage</c>)
/// and their channels on top.
/// </summary>
public static class GuidanceBotServices
{
    /// <summary>Binds the settings from configuration (validated at start-up) and registers the core services.</summary>
    public static IServiceCollection AddGuidanceBot(this IServiceCollection services, IConfiguration configuration, bool development)
    {
        services.AddOptions<ContentOptions>()
            .Configure(o =>
            {
                o.Directory = FindDialogsDirectory(Directory.GetCurrentDirectory());
                o.WatchForChanges = development;
            })
            .Bind(configuration.GetSection(ContentOptions.Section))
            .Validate(o => Directory.Exists(o.Directory), "GuidanceBot:Content:Directory must name the folder of flow files (dialogs/).")
            .ValidateOnStart();
        services.AddOptions<BotOptions>()
            .Bind(configuration.GetSection(BotOptions.Section))
            .Validate(o => o.ResumeAfter > TimeSpan.Zero, "GuidanceBot:Bot:ResumeAfter must be a positive time span, e.g. 00:30:00.")
            .Validate(o => o.StrongMatch is > 0 and <= 1, "GuidanceBot:Bot:StrongMatch must be between 0 and 1.")
            .Validate(o => o.ConfirmMatch > 0 && o.ConfirmMatch <= o.StrongMatch, "GuidanceBot:Bot:ConfirmMatch must be above 0 and at most StrongMatch.")
            .Validate(o => o.OutOfScopeMatch is > 0 and <= 1, "GuidanceBot:Bot:OutOfScopeMatch must be between 0 and 1.")
            .ValidateOnStart();
        services.AddOptions<AzureLanguageOptions>()
            .Bind(configuration.GetSection(AzureLanguageOptions.Section))
            .Validate(o => !o.IsConfigured || o.HasUsableEndpoint,
                "GuidanceBot:Language:Azure:Endpoint must be an https URL (the Language resource's endpoint), or http on this machine for a test stub.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "GuidanceBot:Language:Azure:Timeout must be a positive time span, e.g. 00:00:02.")
            .Validate(o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.ApiVersion), "GuidanceBot:Language:Azure:ApiVersion must name a REST API version, e.g. 2024-11-01.")
            .ValidateOnStart();
        return services.AddGuidanceBotCore();
    }

    public static IServiceCollection AddGuidanceBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ContentProvider>();
        services.AddSingleton<Func<FlowCatalog>>(sp =>
        {
            var content = sp.GetRequiredService<ContentProvider>();
            return () => content.Current;
        });
        services.AddSingleton<IIntentRecognizer>(sp =>
        {
            // Trained at start-up and again after every content reload; see README, "Language understanding".
            var content = sp.GetRequiredService<ContentProvider>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var recognizer = new RetrainingIntentRecognizer(() => content.Current, catalog => IntentRecognizers.Train(IntentRecognizers.Default, catalog));
            sp.GetService<ILoggerFactory>()?.CreateLogger<RetrainingIntentRecognizer>().LogInformation(
                "Intent recogniser trained on {Flows} flows in {Milliseconds} ms", content.Current.Flows.Count, clock.ElapsedMilliseconds);
            content.Changed += (_, catalog) => recognizer.Retrain(catalog);
            return recognizer;
        });
        // Local unless an operator set both the endpoint and the key of Azure AI Language (README): no HTTP request otherwise.
        services.AddHttpClient(AzureTextAnalyzer.HttpClientName, client => client.MaxResponseContentBufferSize = 1 << 20);
        services.AddSingleton<ITextAnalyzer>(sp => sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value.IsConfigured
            ? ActivatorUtilities.CreateInstance<AzureTextAnalyzer>(sp)
            : LocalTextAnalyzer.Instance);
        services.AddSingleton(sp => new RootDialog(
            sp.GetRequiredService<Func<FlowCatalog>>(),
            sp.GetRequiredService<IIntentRecognizer>(),
            sp.GetRequiredService<IOptions<BotOptions>>().Value,
            sp.GetRequiredService<ITextAnalyzer>(),
            sp.GetRequiredService<PlaceDirectory>()));
        services.AddPlaces();
        services.AddSingleton<IBot, DialogBot>();
        services.AddSingleton<TurnEngine>();
        services.AddSingleton<Diagnostics.GuidanceBotMetrics>();
        return services;
    }

    /// <summary>Finds <c>dialogs/</c> from the working directory upwards, so the tools work from any folder of the repo.</summary>
    public static string FindDialogsDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "dialogs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine(start, "dialogs");
    }
}
