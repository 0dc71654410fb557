using System.Globalization;
using System.Text.RegularExpressions;

namespace GuidanceBot.Tests.Hosting;

public sealed class MetricsTests
{
    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Sample(string scrape, string metric, params string[] labels)
    {
        var lines = scrape.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(l.Contains)).ToList();
        var line = Assert.Single(lines);
        return double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Metrics_show_turn_counters_latency_histograms_and_not_understood_per_channel_without_conversation_ids()
    {
        await using var host = new TestHost();
        var client = host.CreateClient();
        // A channel of its own, so turns of other test hosts in this process do not count here.
        const string channel = "metricstest";
        var conversation = $"metrics-{Guid.NewGuid():N}";

        await host.Send(client, conversation, null, type: "conversationUpdate", channel: channel);
        await host.Send(client, conversation, "xin chào", channel: channel);
        await host.Send(client, conversation, "qwzx plorf vrrk", channel: channel);
        var notUnderstood = (await host.Events()).Count(e => e.Channel == channel && e.Kind == GuidanceBot.Analytics.EventKinds.NotUnderstood);
        var scrape = await client.GetStringAsync("/metrics");

        Assert.Equal(3, Sample(scrape, "guidancebot_turns_total", $"channel=\"{channel}\""));
        Assert.Equal(3, Sample(scrape, "guidancebot_turn_duration_seconds_count", $"channel=\"{channel}\""));
        Assert.True(Sample(scrape, "guidancebot_turn_duration_seconds_sum", $"channel=\"{channel}\"") > 0);
        Assert.Equal(3, Sample(scrape, "guidancebot_turn_duration_seconds_bucket", $"channel=\"{channel}\"", "le=\"+Inf\""));
        Assert.True(notUnderstood > 0);
        Assert.Equal(notUnderstood, Sample(scrape, "guidancebot_not_understood_total", $"channel=\"{channel}\""));
        // ASP.NET Core's request metrics are there too, by route template.
        Assert.Contains("http_route=\"/api/messages\"", scrape);
        Assert.DoesNotContain(conversation, scrape);
    }

    [Fact]
    public async Task Flow_starts_are_counted_by_flow_id()
    {
        await using var host = new TestHost();
        var client = host.CreateClient();
        const string channel = "flowmetrics";
        var conversation = $"flows-{Guid.NewGuid():N}";

        await host.Send(client, conversation, null, type: "conversationUpdate", channel: channel);
        var before = await host.Events();
        await host.Send(client, conversation, "Đăng ký khai sinh", channel: channel);
        await host.Send(client, conversation, "có", channel: channel);
        var started = (await host.Events()).Skip(before.Count).Where(e => e.Kind == GuidanceBot.Analytics.EventKinds.FlowStarted).ToList();
        var scrape = await client.GetStringAsync("/metrics");

        Assert.NotEmpty(started);
        foreach (var flow in started.GroupBy(e => e.FlowId))
        {
            Assert.Equal(flow.Count(), Sample(scrape, "guidancebot_flows_started_total", $"channel=\"{channel}\"", $"flow=\"{flow.Key}\""));
        }
    }

    [Fact]
    public void Labels_that_do_not_look_like_ours_become_other()
    {
        Assert.Equal("webchat", GuidanceBot.Diagnostics.GuidanceBotMetrics.Label("webchat"));
        Assert.Equal("other", GuidanceBot.Diagnostics.GuidanceBotMetrics.Label("Nguyễn Văn A"));
        Assert.Equal("other", GuidanceBot.Diagnostics.GuidanceBotMetrics.Label(new string('a', 60)));
        Assert.Equal("none", GuidanceBot.Diagnostics.GuidanceBotMetrics.Label(null));
    }
}
