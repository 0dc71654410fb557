using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Tests.Zalo;

namespace GuidanceBot.Tests.ManyInstances;

/// <summary>
/// PostgreSQL restarted under traffic: while it is down requests fail fast with 503 and Retry-After, the host serves
/// again by itself when it is back, and every turn that was acknowledged is in the database. The test runs a private
/// server (tests/postgres-cluster.sh) so it can stop and start it.
/// </summary>
public sealed class PostgresRestartTests : IAsyncLifetime
{
    private readonly Dictionary<string, string> _cluster = new();
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        foreach (var line in (await Cluster("start")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // export NAME='value'
            var eq = line.IndexOf('=');
            _cluster[line[7..eq]] = line[(eq + 2)..^1];
        }
        var server = new Npgsql.NpgsqlConnectionStringBuilder(_cluster["GUIDANCEBOT_TEST_POSTGRES"]);
        await using (var admin = new Npgsql.NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand("CREATE DATABASE restart", admin);
            await create.ExecuteNonQueryAsync();
        }
        server.Database = "restart";
        _connectionString = server.ConnectionString;
    }

    public async Task DisposeAsync() => await Cluster("stop", _cluster["GUIDANCEBOT_TEST_PGDATA"]);

    private static async Task<string> Cluster(params string[] args)
    {
        var script = FindUpwards(Path.Combine("tests", "postgres-cluster.sh"));
        var start = new ProcessStartInfo("bash", [script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"postgres-cluster.sh {string.Join(' ', args)} failed: {await error}");
        return await output;
    }

    private static string FindUpwards(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, relative)))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }
        throw new FileNotFoundException(relative);
    }

    /// <summary>A word no procedure knows, different for every turn: the turn's not-understood event keeps it.</summary>
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
                var text = "con mèo " + Word(Interlocked.Increment(ref turn));
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

        await Cluster("pause", _cluster["GUIDANCEBOT_TEST_PGDATA"]);
        await Eventually.Until(() => unavailable, n => n >= 6, "503s while the database is down", seconds: 60);
        var beforeResume = acknowledged.Count;
        await Cluster("resume", _cluster["GUIDANCEBOT_TEST_PGDATA"]);
        await Eventually.Until(() => acknowledged.Count, n => n >= beforeResume + 30, "turns after the restart", seconds: 60);
        stop.Cancel();
        await Task.WhenAll(citizens);

        Assert.Empty(other);
        var stored = (await PostgresQuery.TextsAsync(_connectionString, "SELECT props->>'text' FROM events WHERE kind = 'not-understood'")).ToHashSet();
        Assert.All(acknowledged, text => Assert.Contains(text, stored));
    }
}
