using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GuidanceBot.Storage;

/// <summary>Tells a database that is down or busy for a moment (worth retrying later) from a bug.</summary>
public static class StorageFaults
{
    /// <summary>How long a caller is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>True when the exception, or one inside it, says the database cannot be reached or used right now.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StorageUnavailableException:
                case NpgsqlException { IsTransient: true }:
                // 57P01-57P03: the server is shutting down or starting; 08xxx: the connection failed.
                case PostgresException p when p.SqlState is "57P01" or "57P02" or "57P03" || p.SqlState.StartsWith("08", StringComparison.Ordinal):
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED after the busy timeout
                    return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnavailable))
            {
                return true;
            }
        }
        return false;
    }
}
