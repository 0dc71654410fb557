using System.Net;
using GuidanceBot.Tests.Zalo;

namespace GuidanceBot.Tests.DirectLine;

/// <summary>How much transcript the host keeps (GuidanceBot:DirectLine retention settings), and what it removes.</summary>
public sealed class DirectLineTranscriptTests
{
    [Fact]
    public async Task Only_the_newest_activities_are_kept_and_watermarks_keep_counting()
    {
        await using var host = DirectLineClient.NewHost();
        host.Settings["GuidanceBot:DirectLine:MaxActivitiesPerConversation"] = "4";
        var dl = new DirectLineClient(host, host.CreateClient());
        var (conversationId, token, _) = await dl.Start();

        await dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("khai sinh", "c1"));
        await dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("giúp", "c2"));
        var page = await dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);

        var activities = page["activities"]!.AsArray();
        var watermark = long.Parse((string)page["watermark"]!);
        // At most 4; trimmed to 3 (nine tenths) when it went over.
        Assert.InRange(activities.Count, 3, 4);
        Assert.True(watermark > 4);
        Assert.Equal(DirectLineIds(conversationId, watermark - activities.Count + 1, watermark), activities.Select(a => (string)a!["id"]!));
        Assert.DoesNotContain(activities, a => ((string?)a!["text"])?.StartsWith("Xin chào") == true);
    }

    [Fact]
    public async Task A_conversation_idle_longer_than_the_retention_is_removed_by_the_cleanup()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero));
        await using var host = DirectLineClient.NewHost(time);
        host.Settings["GuidanceBot:DirectLine:RetainIdleFor"] = "01:00:00";
        host.Settings["GuidanceBot:DirectLine:CleanupEvery"] = "00:00:00.100";
        var dl = new DirectLineClient(host, host.CreateClient());
        var (idle, _, _) = await dl.Start();
        time.Advance(TimeSpan.FromMinutes(61));
        var (recent, _, _) = await dl.Start();

        await Eventually.Until(() => dl.Send(HttpMethod.Get, $"/conversations/{idle}/activities", DirectLineClient.Secret),
            r => r.StatusCode == HttpStatusCode.NotFound, "the idle conversation removed");

        var kept = await dl.Json(HttpMethod.Get, $"/conversations/{recent}/activities", DirectLineClient.Secret);
        Assert.Single(kept["activities"]!.AsArray());
    }

    [Fact]
    public async Task A_conversation_id_that_cannot_be_one_gets_400_even_with_the_secret()
    {
        await using var host = DirectLineClient.NewHost();
        var dl = new DirectLineClient(host, host.CreateClient());

        var response = await dl.Send(HttpMethod.Post, "/conversations/a%20b%7Cc/activities", DirectLineClient.Secret, DirectLineClient.Message("giúp", "x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static IEnumerable<string> DirectLineIds(string conversationId, long from, long to)
    {
        for (var n = from; n <= to; n++)
        {
            yield return GuidanceBot.Web.Channels.DirectLine.DirectLineActivities.Id(conversationId, n);
        }
    }
}
