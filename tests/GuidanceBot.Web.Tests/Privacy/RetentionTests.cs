using GuidanceBot.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests.Privacy;

/// <summary>The running host deletes conversation state untouched for GuidanceBot:Privacy:RetentionDays, and keeps the anonymous events.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task A_conversation_untouched_for_the_retention_period_is_deleted_and_its_events_stay()
    {
        var time = new FixedTime(DateTimeOffset.UtcNow - TimeSpan.FromDays(31));
        await using var host = new TestHost { Time = time };
        host.Settings["GuidanceBot:Privacy:RetentionDays"] = "30";
        host.Settings["GuidanceBot:Privacy:RetentionEvery"] = "00:00:00.200";
        var client = host.CreateClient();
        await host.Send(client, "c-old", "đăng ký khai sinh");
        time.Now = DateTimeOffset.UtcNow;
        await host.Send(client, "c-recent", "đăng ký khai sinh");
        var store = host.Services.GetRequiredService<IConversationStore>();
        var eventsBefore = (await host.Events()).Count;

        await Eventually.Until<StoredConversation?>(async () => await store.LoadAsync(new ConversationKey("test", "c-old"), CancellationToken.None), s => s is null,
            "the old conversation deleted");

        Assert.NotNull(await store.LoadAsync(new ConversationKey("test", "c-recent"), CancellationToken.None));
        Assert.Equal(eventsBefore, (await host.Events()).Count);
    }
}
