using System.Diagnostics;

namespace GuidanceBot.Tests.ManyInstances;

/// <summary>
/// A PostgreSQL server of the test's own (tests/postgres-cluster.sh), for tests that stop and start it; stopped and
/// deleted on dispose.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    private PostgresCluster(Dictionary<string, string> environment, string connectionString) =>
        (_environment, ConnectionString) = (environment, connectionString);

    /// <summary>A connection string to the database <paramref name="database"/> on it.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts a cluster and creates <paramref name="database"/> on it.</summary>
    public static async Task<PostgresCluster> StartAsync(string database)
    {
        var environment = new Dictionary<string, string>();
        foreach (var line in (await RunAsync("start")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // export NAME='value'
            var eq = line.IndexOf('=');
            environment[line[7..eq]] = line[(eq + 2)..^1];
        }
        var server = new Npgsql.NpgsqlConnectionStringBuilder(environment["GUIDANCEBOT_TEST_POSTGRES"]);
        await using (var admin = new Npgsql.NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        server.Database = database;
        return new PostgresCluster(environment, server.ConnectionString);
    }

    /// <summary>Stops the server (fast shutdown: connections are closed), keeping its data.</summary>
    public Task PauseAsync() => RunAsync("pause", _environment["GUIDANCEBOT_TEST_PGDATA"]);

    /// <summary>Starts it again on the same port.</summary>
    public Task ResumeAsync() => RunAsync("resume", _environment["GUIDANCEBOT_TEST_PGDATA"]);

    public async ValueTask DisposeAsync() => await RunAsync("stop", _environment["GUIDANCEBOT_TEST_PGDATA"]);

    private static async Task<string> RunAsync(params string[] args)
    {
        var script = Path.Combine(Repository.Root, "tests", "postgres-cluster.sh");
        var start = new ProcessStartInfo("bash", [script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"postgres-cluster.sh {string.Join(' ', args)} failed: {await error}");
        return await output;
    }
}
