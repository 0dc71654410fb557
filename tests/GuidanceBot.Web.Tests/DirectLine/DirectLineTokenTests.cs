using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Engine;
using GuidanceBot.Web.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GuidanceBot.Tests.DirectLine;

public sealed class DirectLineTokenTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_token_for_one_conversation_gets_403_on_another_conversations_activities_reconnect_and_stream()
    {
        await using var host = DirectLineClient.NewHost();
        var dl = new DirectLineClient(host, host.CreateClient());
        var a = await dl.Start();
        var b = await dl.Start();

        var attempts = new[]
        {
            await dl.Send(HttpMethod.Get, $"/conversations/{b.ConversationId}/activities", a.Token),
            await dl.Send(HttpMethod.Post, $"/conversations/{b.ConversationId}/activities", a.Token, DirectLineClient.Message("giúp", "x")),
            await dl.Send(HttpMethod.Get, $"/conversations/{b.ConversationId}?watermark=0", a.Token),
        };
        foreach (var response in attempts)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("Forbidden", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        }
        // A's pre-authorised stream URL pointed at B's stream.
        var stolen = a.StreamUrl.Replace(a.ConversationId, b.ConversationId).Replace("ws://localhost", "");
        var streamAttempt = await host.CreateClient().GetAsync(stolen);
        Assert.Equal(HttpStatusCode.Forbidden, streamAttempt.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => dl.Connect(a.StreamUrl.Replace(a.ConversationId, b.ConversationId)));
        // B saw nothing of it.
        var bPage = await dl.Json(HttpMethod.Get, $"/conversations/{b.ConversationId}/activities", b.Token);
        Assert.Single(bPage["activities"]!.AsArray());
    }

    [Fact]
    public async Task An_expired_token_gets_403_TokenExpired_everywhere_and_cannot_be_refreshed()
    {
        var time = new FixedTime(Noon);
        await using var host = DirectLineClient.NewHost(time);
        var dl = new DirectLineClient(host, host.CreateClient());
        var (conversationId, token, streamUrl) = await dl.Start();

        time.Advance(TimeSpan.FromMinutes(31));

        var responses = new[]
        {
            await dl.Send(HttpMethod.Get, $"/conversations/{conversationId}/activities", token),
            await dl.Send(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("giúp", "x")),
            await dl.Send(HttpMethod.Get, $"/conversations/{conversationId}", token),
            await dl.Send(HttpMethod.Post, "/tokens/refresh", token),
            await host.CreateClient().GetAsync(streamUrl.Replace("ws://localhost", "")),
        };
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("TokenExpired", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        }
    }

    [Fact]
    public async Task Refreshing_before_expiry_gives_a_token_for_the_same_conversation_that_outlives_the_old_one()
    {
        var time = new FixedTime(Noon);
        await using var host = DirectLineClient.NewHost(time);
        var dl = new DirectLineClient(host, host.CreateClient());
        var (conversationId, token, _) = await dl.Start();

        time.Advance(TimeSpan.FromMinutes(20));
        var refreshed = await dl.Json(HttpMethod.Post, "/tokens/refresh", token);
        time.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(conversationId, (string?)refreshed["conversationId"]);
        Assert.Equal(1800, (int)refreshed["expires_in"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await dl.Send(HttpMethod.Get, $"/conversations/{conversationId}/activities", token)).StatusCode);
        await dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", (string)refreshed["token"]!);
    }

    [Fact]
    public async Task Token_generation_takes_the_secret_and_nothing_else()
    {
        await using var host = DirectLineClient.NewHost();
        var dl = new DirectLineClient(host, host.CreateClient());
        var (_, token, _) = await dl.Start();

        Assert.Equal(HttpStatusCode.Unauthorized, (await dl.Send(HttpMethod.Post, "/tokens/generate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dl.Send(HttpMethod.Post, "/tokens/generate", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dl.Send(HttpMethod.Post, "/tokens/generate", "not-the-secret")).StatusCode);
        var forged = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Forbidden, (await dl.Send(HttpMethod.Post, "/conversations", forged)).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_secret_a_development_secret_is_generated_once_and_kept_in_the_database()
    {
        await using var host = new TestHost();
        host.CreateClient();
        var secret = host.Services.GetRequiredService<DirectLineSecret>().Value;

        Assert.True(secret.Length >= 40);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(host.SqlitePath)!, DirectLineSecret.LegacyFileName)));
        var dl = new DirectLineClient(host, host.CreateClient());
        var generated = await dl.Json(HttpMethod.Post, "/tokens/generate", secret);
        // The same database after a restart: the same secret, and the token made before is accepted.
        await using var second = new TestHost(host.SqlitePath);
        var again = new DirectLineClient(second, second.CreateClient());
        await again.Json(HttpMethod.Post, "/conversations", (string)generated["token"]!, new { locale = "vi-VN" }, status: 201);
        Assert.Equal(secret, second.Services.GetRequiredService<DirectLineSecret>().Value);
        await using var other = new TestHost();
        other.CreateClient();
        Assert.NotEqual(secret, other.Services.GetRequiredService<DirectLineSecret>().Value);
    }

    [Fact]
    public async Task A_development_secret_an_earlier_version_saved_in_a_file_is_taken_over_by_the_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gb-dl-legacy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var saved = "legacy-secret-" + new string('x', 40);
        await File.WriteAllTextAsync(Path.Combine(folder, DirectLineSecret.LegacyFileName), saved + "\n");
        try
        {
            await using var host = new TestHost(Path.Combine(folder, "bot.db"));
            var dl = new DirectLineClient(host, host.CreateClient());

            await dl.Json(HttpMethod.Post, "/tokens/generate", saved);
            var kept = await host.Services.GetRequiredService<GuidanceBot.Secrets.ISharedSecrets>()
                .GetOrAddAsync(DirectLineSecret.SecretName, "another", CancellationToken.None);
            Assert.Equal((saved, false), (kept.Value, kept.Added));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_turn_that_takes_a_while_shows_typing_on_the_stream_before_the_reply()
    {
        await using var host = DirectLineClient.NewHost(services: s =>
        {
            var inner = s.Single(d => d.ServiceType == typeof(IBot));
            s.Remove(inner);
            s.AddSingleton(inner.ImplementationType!);
            s.AddSingleton<IBot>(sp => new SlowBot((IBot)sp.GetRequiredService(inner.ImplementationType!)));
        });
        var dl = new DirectLineClient(host, host.CreateClient());
        var (conversationId, token, streamUrl) = await dl.Start();
        await using var stream = await dl.Connect(streamUrl);
        await stream.Until(a => (string?)a["type"] == "message");

        await dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("giúp", "slow"));
        var reply = await stream.Until(a => (string?)a["replyToId"] is not null);

        var typing = stream.Activities.FindIndex(a => (string?)a["type"] == "typing");
        Assert.True(typing >= 0 && typing < stream.Activities.IndexOf(reply));
        Assert.Equal("guidancebot", (string?)stream.Activities[typing]["from"]!["id"]);
        // Typing is for the stream only: never in the stored transcript.
        var page = await dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        Assert.DoesNotContain(page["activities"]!.AsArray(), a => (string?)a!["type"] == "typing");
    }

    [Fact]
    public async Task After_a_restart_the_transcript_is_replayed_and_a_valid_token_continues_the_dialog_with_ids_that_never_repeat()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gb-dl-restart-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "bot.db");
        try
        {
            string conversationId, token, oldWatermark;
            HashSet<string> oldIds;
            await using (var before = new TestHost(path))
            {
                before.Settings["GuidanceBot:DirectLine:Secret"] = DirectLineClient.Secret;
                var dl = new DirectLineClient(before, before.CreateClient());
                (conversationId, token, _) = await dl.Start();
                await dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("khai sinh", "c1"));
                var page = await dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
                oldWatermark = (string)page["watermark"]!;
                oldIds = page["activities"]!.AsArray().Select(a => (string)a!["id"]!).ToHashSet();
            }
            await using var after = new TestHost(path);
            after.Settings["GuidanceBot:DirectLine:Secret"] = DirectLineClient.Secret;
            var again = new DirectLineClient(after, after.CreateClient());

            var reconnect = await again.Json(HttpMethod.Get, $"/conversations/{conversationId}?watermark={oldWatermark}", token);
            await again.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", (string)reconnect["token"]!, DirectLineClient.Message("bệnh viện", "c2"));
            var page2 = await again.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={oldWatermark}", token);

            var activities = page2["activities"]!.AsArray();
            Assert.Equal("Bé sinh được bao lâu rồi?", (string?)activities[^1]!["text"]);
            Assert.DoesNotContain(activities, a => oldIds.Contains((string)a!["id"]!));
            Assert.True(long.Parse((string)page2["watermark"]!) > long.Parse(oldWatermark));
            // The transcript outlived the restart: read from the start it holds the greeting and the first turn, then the new one.
            var all = (await again.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token))["activities"]!.AsArray();
            Assert.Equal(oldIds, all.Take(oldIds.Count).Select(a => (string)a!["id"]!).ToHashSet());
            Assert.Equal(oldIds.Count + activities.Count, all.Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private sealed class SlowBot(IBot inner) : IBot
    {
        public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            if (turn.Activity.Type == ActivityTypes.Message)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            await inner.OnTurnAsync(turn, cancellationToken);
        }
    }
}
