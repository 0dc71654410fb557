using Npgsql;

namespace GuidanceBot.Tests;

/// <summary>
/// A database of its own on the test PostgreSQL server that <c>./test.sh</c> starts (connection string in
/// <see cref="Variable"/>): created with a random name, dropped on dispose, so test classes run in any order and in parallel.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public const string Variable = "GUIDANCEBOT_TEST_POSTGRES";

    public PostgresTestDatabase()
    {
        Server = ServerConnectionString();
        Name = "gbtest_" + Guid.NewGuid().ToString("N")[..16];
        using var admin = new NpgsqlConnection(Server);
        admin.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", admin);
        create.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ToString();
    }

    /// <summary>The test server's connection string; a clear failure (never a silent skip) when the tests run without one.</summary>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL tests cannot run. Run the tests through ./test.sh (it starts a throw-away " +
                $"PostgreSQL), or start one with `eval \"$(tests/postgres-cluster.sh start)\"`.");

    public string Server { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        using var admin = new NpgsqlConnection(Server);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
