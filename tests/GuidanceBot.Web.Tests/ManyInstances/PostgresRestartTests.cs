using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Tests.DirectLine;
using GuidanceBot.Tests.Zalo;

namespace GuidanceBot.Tests.ManyInstances;

/// <summary>
/// PostgreSQL restarted under traffic: while it is down requests fail fast with 503 and Retry-After, the host serves
/// again by itself when it is back, and every turn that was acknowledged is in the database; <c>/readyz</c> says so
/// meanwhile. The tests run a private server (tests/postgres-cluster.sh) so they can stop and start it.
/// </summary>
public sealed class PostgresRestartTests : IAsyncLifetime
{
    private PostgresCluster _cluster = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync("restart");
        _connectionString = _cluster.ConnectionString;
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    /// <summary>A word nothing knows, different for every turn: the turn's not-understood event keeps it.</summary>
    private static string Word(int n)
    {
        var letters = new char[8];
        for (var i = 0; i < letters.Length; i++, n /= 3)
        {
            letters[i] = "xqz"[n % 3];
        }
        return new string(letters);
    }

    [Fact]
    public async Task Requests_fail_fast_with_503_while_postgres_restarts_and_nothing_acknowledged_is_lost()
    {
        await using var host = TestHost.OnPostgres(_connectionString + ";Timeout=3;Command Timeout=10");
        var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);   // a hung request fails the test instead of hanging it
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var unavailable = 0;
        var other = new System.Collections.Concurrent.ConcurrentBag<string>();
        var turn = 0;
        using var stop = new CancellationTokenSource();

        async Task Citizen(int n)
        {
            while (!stop.IsCancellationRequested)
            {
                // Only letters no procedure or out-of-scope topic uses ("con mèo" is out of scope, with the weather).
                var text = Word(Interlocked.Increment(ref turn));
                var response = await client.PostAsJsonAsync("/api/messages", new JsonObject
                {
                    ["type"] = "message", ["channelId"] = "test", ["text"] = text, ["locale"] = "vi-VN", ["deliveryMode"] = "expectReplies",
                    ["from"] = new JsonObject { ["id"] = "user" }, ["recipient"] = new JsonObject { ["id"] = "bot" },
                    ["conversation"] = new JsonObject { ["id"] = $"restart-{n}" },
                });
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add(text);
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
                {
                    Interlocked.Increment(ref unavailable);
                    await Task.Delay(50);   // a polite client backs off; the header says 5 s, the test is impatient
                }
                else
                {
                    other.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        var citizens = Enumerable.Range(0, 6).Select(n => Task.Run(() => Citizen(n))).ToList();
        await Eventually.Until(() => acknowledged.Count, n => n >= 30, "turns before the restart", seconds: 60);

        await _cluster.PauseAsync();
        await Eventually.Until(() => unavailable, n => n >= 6, "503s while the database is down", seconds: 60);
        var beforeResume = acknowledged.Count;
        await _cluster.ResumeAsync();
        await Eventually.Until(() => acknowledged.Count, n => n >= beforeResume + 30, "turns after the restart", seconds: 60);
        stop.Cancel();
        await Task.WhenAll(citizens);

        Assert.Empty(other);
        var stored = (await PostgresQuery.TextsAsync(_connectionString, "SELECT props->>'text' FROM events WHERE kind = 'not-understood'")).ToHashSet();
        Assert.All(acknowledged, text => Assert.Contains(text, stored));
    }

    [Fact]
    public async Task A_stream_gets_replies_made_on_another_instance_again_after_postgres_restarts()
    {
        var connectionString = _connectionString + ";Timeout=3;Command Timeout=10";
        await using var a = DirectLineClient.NewHost();
        await using var b = DirectLineClient.NewHost();
        foreach (var host in new[] { a, b })
        {
            host.Settings["GuidanceBot:Storage:Provider"] = "Postgres";
            host.Settings["ConnectionStrings:GuidanceBot"] = connectionString;
        }
        var onA = new DirectLineClient(a, a.CreateClient());
        var onB = new DirectLineClient(b, b.CreateClient());
        var (conversationId, token, streamUrl) = await onA.Start();
        await using var stream = await onA.Connect(streamUrl);
        await stream.Until(x => ((string?)x["text"])?.StartsWith("Xin chào") == true);

        await _cluster.PauseAsync();
        await _cluster.ResumeAsync();

        // B's first requests may meet pooled connections the restart closed (503); a client tries again.
        var posted = await Eventually.Until(
            () => onB.Send(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("giúp", "after-restart")),
            r => r.StatusCode == HttpStatusCode.OK, "a post accepted after the restart", seconds: 60);
        var id = (string?)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"];
        // A's LISTEN connection was closed by the restart: it listens again and the reply made on B reaches A's socket.
        await stream.Until(x => (string?)x["replyToId"] == id, seconds: 60);
    }

    [Fact]
    public async Task Readyz_fails_while_postgres_is_down_and_recovers_after_while_liveness_stays_ok()
    {
        await using var host = TestHost.OnPostgres(_connectionString + ";Timeout=3;Command Timeout=5");
        var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);

        async Task<(HttpStatusCode Status, string Storage)> ReadyAsync()
        {
            var response = await client.GetAsync("/readyz");
            var checks = (await response.Content.ReadFromJsonAsync<JsonObject>())!["checks"]!.AsArray();
            return (response.StatusCode, (string)checks.Single(c => (string?)c!["name"] == "storage")!["status"]!);
        }

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadyAsync());

        await _cluster.PauseAsync();
        var down = await ReadyAsync();
        var liveness = await client.GetAsync("/healthz");
        await _cluster.ResumeAsync();
        // The pool opens new connections by itself once the server is back.
        var up = await Eventually.Until(ReadyAsync, r => r.Status == HttpStatusCode.OK, "readiness after the restart", seconds: 60);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), down);
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
        Assert.Equal("Healthy", up.Storage);
    }
}
