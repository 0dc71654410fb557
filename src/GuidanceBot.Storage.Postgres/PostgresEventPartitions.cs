using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// The monthly partitions of <c>events</c> (UTC months, <c>events_yYYYYmMM</c>). Made ahead at start-up for the months
/// around now, and by the writer for any month it is about to write into that it has not seen yet; creation is
/// idempotent and serialised between instances by an advisory lock.
/// </summary>
internal sealed class PostgresEventPartitions(NpgsqlDataSource dataSource)
{
    /// <summary>The advisory lock key of partition creation ("GBpartit").</summary>
    private const long PartitionLock = 0x4742706172746974;

    private readonly ConcurrentDictionary<int, bool> _made = new();

    /// <summary>Last month, this month and the next two.</summary>
    public void EnsureAround(DateTimeOffset now)
    {
        for (var offset = -1; offset <= 2; offset++)
        {
            Ensure(Month(now.UtcDateTime.AddMonths(offset)));
        }
    }

    /// <summary>Makes sure a partition exists for each timestamp's month (a dictionary look-up when it does).</summary>
    public async ValueTask EnsureForAsync(IEnumerable<DateTimeOffset> timestamps, CancellationToken cancellationToken)
    {
        foreach (var month in timestamps.Select(t => Month(t.UtcDateTime)).Distinct())
        {
            if (!_made.ContainsKey(month))
            {
                await EnsureAsync(month, cancellationToken);
            }
        }
    }

    private static int Month(DateTime utc) => utc.Year * 12 + utc.Month - 1;

    private static string Sql(int month)
    {
        var from = new DateTime(month / 12, month % 12 + 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddMonths(1);
        string Literal(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"SELECT pg_advisory_xact_lock({PartitionLock}); " +
            $"CREATE TABLE IF NOT EXISTS events_y{from:yyyy}m{from:MM} PARTITION OF events FOR VALUES FROM ('{Literal(from)} 00:00:00+00') TO ('{Literal(to)} 00:00:00+00')";
    }

    private void Ensure(int month)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var command = new NpgsqlCommand(Sql(month), connection, transaction);
        command.ExecuteNonQuery();
        transaction.Commit();
        _made[month] = true;
    }

    private async Task EnsureAsync(int month, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql(month), connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _made[month] = true;
    }
}
