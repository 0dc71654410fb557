using GuidanceBot.Storage.Postgres;
using GuidanceBot.Storage.Sqlite;
using Npgsql;

namespace GuidanceBot.Tests;

/// <summary>Migrations run when a database is first opened, once, however many instances open it at the same moment.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Instances_starting_at_once_on_a_new_postgres_database_apply_each_migration_once()
    {
        using var database = new PostgresTestDatabase();

        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new PostgresDatabase(database.ConnectionString))));

        Assert.All(opened, d => Assert.Equal(PostgresSchema.Latest, d.SchemaVersion));
        Assert.Equal(PostgresSchema.Latest, opened.Sum(d => d.MigrationsApplied));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var versions = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_version", connection);
        await using var reader = await versions.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((long)PostgresSchema.Latest, reader.GetInt64(0));
        Assert.Equal((long)PostgresSchema.Latest, reader.GetInt64(1));
        foreach (var d in opened)
        {
            await d.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_postgres_database_behind_the_build_is_refused_when_migrations_are_left_to_the_operator()
    {
        using var database = new PostgresTestDatabase();

        var refused = Assert.Throws<InvalidOperationException>(() => new PostgresDatabase(database.ConnectionString, migrate: false));
        Assert.Contains("guidancebot migrate", refused.Message);

        await using var migrated = new PostgresDatabase(database.ConnectionString);
        await using var later = new PostgresDatabase(database.ConnectionString, migrate: false);
        Assert.Equal((PostgresSchema.Latest, 0), (later.SchemaVersion, later.MigrationsApplied));
    }

    [Fact]
    public void A_new_sqlite_file_gets_every_migration_and_an_existing_one_none()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gb-migrate-{Guid.NewGuid():N}");
        try
        {
            var first = new SqliteDatabase(Path.Combine(folder, "bot.db"));
            var again = new SqliteDatabase(Path.Combine(folder, "bot.db"));

            Assert.Equal((SqliteSchema.Latest, SqliteSchema.Latest), (first.SchemaVersion, first.MigrationsApplied));
            Assert.Equal((SqliteSchema.Latest, 0), (again.SchemaVersion, again.MigrationsApplied));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
