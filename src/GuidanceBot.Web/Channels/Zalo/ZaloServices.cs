using GuidanceBot.Bot;
using GuidanceBot.Web.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>Registers the Zalo OA channel. Its workers stay idle and its webhook answers 503 until it is configured.</summary>
public static class ZaloServices
{
    public static IServiceCollection AddZalo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZaloOptions>()
            .Bind(configuration.GetSection(ZaloOptions.Section))
            .Validate(o => !o.IsConfigured || Uri.IsWellFormedUriString(o.OpenApiBaseUrl, UriKind.Absolute), "GuidanceBot:Zalo:OpenApiBaseUrl must be an absolute URL.")
            .Validate(o => !o.IsConfigured || Uri.IsWellFormedUriString(o.OAuthBaseUrl, UriKind.Absolute), "GuidanceBot:Zalo:OAuthBaseUrl must be an absolute URL.")
            .Validate(o => o.ReplayWindow > TimeSpan.Zero && o.CustomerServiceWindow > TimeSpan.Zero, "GuidanceBot:Zalo:ReplayWindow and CustomerServiceWindow must be positive.")
            .Validate(o => o.InboxLease >= TimeSpan.FromSeconds(10), "GuidanceBot:Zalo:InboxLease must be at least 00:00:10, much longer than a turn.")
            .Validate(o => o.MaxSendAttempts >= 1, "GuidanceBot:Zalo:MaxSendAttempts must be at least 1.")
            .Validate(o => o.SendLease >= o.MinSendLease,
                "GuidanceBot:Zalo:SendLease must be at least 2 × (1 min + 8 × RequestTimeout), so a send ends before another worker may take its reply.")
            .Validate(o => !o.Reminders.Enabled || (o.Reminders.After > TimeSpan.Zero && o.Reminders.After < o.CustomerServiceWindow),
                "GuidanceBot:Zalo:Reminders:After must be positive and shorter than GuidanceBot:Zalo:CustomerServiceWindow.")
            .Validate(o => !o.Reminders.Enabled || o.Reminders.CheckEvery > TimeSpan.Zero, "GuidanceBot:Zalo:Reminders:CheckEvery must be positive.")
            .ValidateOnStart();

        services.AddSingleton<ZaloWakeUps>();
        services.AddSingleton<ZaloEventMapper>();
        services.AddSingleton<ZaloTokens>();
        services.AddSingleton<ZaloSender>();
        services.AddSingleton<ResumeReminders>();

        // Quick in-process retries of a lost connection or a 5xx; the outbox's durable backoff takes over after that.
        services.AddHttpClient(ZaloSender.HttpClientName).AddResilienceHandler("zalo-send", Resilience);
        // A refresh is never retried blindly: the refresh token is single-use, and Zalo may have spent it already.
        services.AddHttpClient(ZaloTokens.HttpClientName).AddResilienceHandler("zalo-oauth", (pipeline, context) =>
            pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value.RequestTimeout));

        services.AddSingleton(sp => new QueueDepthSource("zalo-inbox", sp.GetRequiredService<GuidanceBot.Channels.Zalo.IZaloInbox>().CountPendingAsync));
        services.AddSingleton(sp => new QueueDepthSource("zalo-outbox", sp.GetRequiredService<GuidanceBot.Channels.Zalo.IZaloOutbox>().CountPendingAsync));
        services.AddHostedService<ZaloInboxWorker>();
        services.AddHostedService<ZaloOutboxWorker>();
        services.AddHostedService<ZaloReminderWorker>();
        return services;
    }

    private static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var timeout = context.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value.RequestTimeout;
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        });
        pipeline.AddTimeout(timeout);
    }
}
