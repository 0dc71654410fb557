using System.Globalization;
using System.Security.Cryptography;
using GuidanceBot.Channels.DirectLine;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// This instance's <c>LISTEN directline</c>: one connection outside the pool, opened when the first observer subscribes
/// (so the CLI never opens it). Each notification names the instance that appended, the conversation and the numbers
/// appended; this instance's own are skipped (its observers were told directly). When the connection breaks (the
/// database restarted) it is opened again, backing off up to 30 s, the pool's idle connections are dropped (they went
/// down with it), and observers are told they may have missed some.
/// </summary>
public sealed class PostgresDirectLineListener(PostgresDatabase database, DirectLineObservers observers, TimeProvider time,
    ILogger<PostgresDirectLineListener> logger) : IDirectLineNotifications, IAsyncDisposable, IDisposable
{
    public const string Channel = "directline";

    /// <summary>How long the connection may stay silent before a query checks that it is still alive.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _disposed;

    /// <summary>A random name for this process in notifications, so it can tell its own appends from other instances'.</summary>
    public string InstanceId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public IDisposable Subscribe(IDirectLineObserver observer)
    {
        var subscription = observers.Subscribe(observer);
        lock (_lock)
        {
            _loop ??= Task.Run(() => ListenAsync(_stop.Token));
        }
        return subscription;
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        var backoff = TimeSpan.FromSeconds(1);
        var lostAt = (DateTimeOffset?)null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenDedicatedAsync(stop);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }
                if (lostAt is not null)
                {
                    // What broke this connection (a restart, a failover) most likely broke the idle pooled ones too: drop them
                    // now rather than fail the next requests, the streams' catch-up reads among them.
                    database.DataSource.Clear();
                    logger.LogInformation("Direct Line notifications: listening again after {Seconds:F0} s", (time.GetUtcNow() - lostAt.Value).TotalSeconds);
                }
                lostAt = null;
                backoff = TimeSpan.FromSeconds(1);
                // Whatever was appended before LISTEN took effect (or while it was down) is read from the transcript.
                observers.MayHaveMissed();
                while (true)
                {
                    if (!await connection.WaitAsync(KeepAlive, stop))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stop);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                if (lostAt is null)
                {
                    lostAt = time.GetUtcNow();
                    logger.LogWarning("Direct Line notifications: the listening connection failed ({Reason}); opening it again", e.Message);
                }
                try
                {
                    await Task.Delay(backoff, time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Payload: "instance conversation first last".</summary>
    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        var parts = e.Payload.Split(' ');
        if (parts.Length != 4 || parts[0] == InstanceId
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            return;
        }
        try
        {
            observers.Appended(new DirectLineAppended(parts[1], first, last, null));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A Direct Line observer failed on a notification");
        }
    }

    // The container disposes this once per registration it was resolved through, so disposing twice does nothing.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stop.CancelAsync();
        if (_loop is { } loop)
        {
            await loop;
        }
        _stop.Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _stop.Cancel();
        _loop?.GetAwaiter().GetResult();
        _stop.Dispose();
    }
}
