using GuidanceBot.Analytics;
using Npgsql;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// Analytics over PostgreSQL, the same roll-ups as on SQLite: <see cref="RefreshAsync"/> folds each run (by run start
/// day) into daily roll-ups, recomputing only the days whose runs got new events. "New" is by writing transaction
/// (<c>events.xid</c>): a refresh folds in events up to the oldest transaction still running, so an event whose
/// transaction commits late is folded in by the next refresh instead of being skipped. One refresh at a time across
/// instances (an advisory lock); the others find the watermark moved and do little.
/// </summary>
public sealed class PostgresAnalyticsReader(PostgresDatabase database, TimeSpan dayOffset) : IAnalyticsReader
{
    private const string Watermark = "events-xid";

    /// <summary>The advisory lock key of roll-up refreshes ("GBrollup").</summary>
    private const long RefreshLock = 0x4742726F6C6C7570;

    private const string StepColumns =
        "SUM(entered), SUM(moved_on), SUM(ended_completed), SUM(ended_abandoned), SUM(ended_cancelled), SUM(ended_handed_off), SUM(ended_replaced), SUM(in_progress), SUM(resumed)";

    private readonly SemaphoreSlim _refresh = new(1, 1);

    private string DayOf(string column) => $"to_char(({column} AT TIME ZONE 'UTC') + make_interval(secs => {(long)dayOffset.TotalSeconds}), 'YYYYMMDD')::integer";

    public async Task<long> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, $"SELECT pg_advisory_xact_lock({RefreshLock})", cancellationToken);
            var from = (long)(await Scalar(connection, "SELECT COALESCE((SELECT value FROM rollup_state WHERE name = @name), 0)", cancellationToken, ("name", Watermark)))!;
            var to = await FinishedBeforeAsync(connection, cancellationToken);
            if (to <= from)
            {
                return 0;
            }
            var range = new (string, object?)[] { ("from", from), ("to", to) };
            const string NewEvents = "e.xid >= @from AND e.xid < @to";
            var covered = (long)(await Scalar(connection, $"SELECT COUNT(*) FROM events e WHERE {NewEvents}", cancellationToken, range))!;
            await Execute(connection,
                $"INSERT INTO analytics_runs(conversation_id, run_id, day) SELECT e.conversation_id, e.run_id, MIN({DayOf("e.ts")}) FROM events e " +
                $"WHERE {NewEvents} AND e.kind = 'flow-started' AND e.run_id IS NOT NULL GROUP BY e.conversation_id, e.run_id ON CONFLICT DO NOTHING",
                cancellationToken, range);
            var days = new List<int>();
            await using (var command = PostgresDatabase.Command(connection,
                $"SELECT DISTINCT r.day FROM events e JOIN analytics_runs r ON r.conversation_id = e.conversation_id AND r.run_id = e.run_id " +
                $"WHERE {NewEvents} AND e.run_id IS NOT NULL", range))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    days.Add(reader.GetInt32(0));
                }
            }
            foreach (var day in days)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await RebuildDayAsync(connection, day, cancellationToken);
            }
            await Execute(connection, "INSERT INTO rollup_state(name, value) VALUES(@name, @to) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                cancellationToken, ("name", Watermark), ("to", to));
            await transaction.CommitAsync(cancellationToken);
            return covered;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// The first transaction id that may still write events here: the oldest transaction still running in this database
    /// (as a 64-bit id, like <c>events.xid</c>), or the next id to be given out. Every event of a smaller id is committed or rolled back, so
    /// it is visible now. Transactions of other databases on the server are left out: they cannot write these events,
    /// and a long one there must not hold back the roll-ups here.
    /// </summary>
    private static async Task<long> FinishedBeforeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // The snapshot first: a transaction that got its id before it is still listed below if it is still running,
        // and one that gets its id after it has an id at or above xmax.
        var xmax = (long)(await Scalar(connection, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint", cancellationToken))!;
        var oldest = await Scalar(connection,
            "SELECT MIN(@xmax - ((@xmax % 4294967296) - backend_xid::text::bigint + 4294967296) % 4294967296) FROM pg_stat_activity " +
            "WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()",
            cancellationToken, ("xmax", xmax));
        return oldest is long running ? Math.Min(running, xmax) : xmax;
    }

    private static async Task RebuildDayAsync(NpgsqlConnection connection, int day, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "rollup_runs", "rollup_steps", "rollup_step_seconds", "rollup_outcomes" })
        {
            await Execute(connection, $"DELETE FROM {table} WHERE day = @day", cancellationToken, ("day", day));
        }
        var rollup = new DayRollup();
        await using (var command = PostgresDatabase.Command(connection,
            "SELECT e.run_id, e.kind, e.ts, e.step_id, e.flow_id, e.content_version, e.channel, e.language, " +
            "CASE WHEN e.kind IN ('flow-completed', 'flow-resumed') THEN e.props->>'outcome' END, " +
            "CASE WHEN e.kind IN ('flow-started', 'commune-known') THEN e.props->>'commune' END " +
            "FROM analytics_runs r JOIN events e ON e.conversation_id = r.conversation_id AND e.run_id = r.run_id " +
            "WHERE r.day = @day ORDER BY r.conversation_id, e.run_id, e.id", ("day", day)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            string? run = null;
            var events = new List<RunEvent>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (id != run)
                {
                    rollup.Add(RunFacts.Fold(events));
                    events.Clear();
                    run = id;
                }
                events.Add(new RunEvent(
                    reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                    Text(reader, 3), Text(reader, 4), Text(reader, 5), reader.GetString(6), Text(reader, 7), Text(reader, 8), Text(reader, 9)));
            }
            rollup.Add(RunFacts.Fold(events));
        }
        await WriteAsync(connection, rollup, day, cancellationToken);
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>The day's roll-up rows, each table in one statement from arrays.</summary>
    private static async Task WriteAsync(NpgsqlConnection connection, DayRollup rollup, int day, CancellationToken cancellationToken)
    {
        if (rollup.Runs.Count > 0)
        {
            var rows = rollup.Runs.ToList();
            await Execute(connection,
                "INSERT INTO rollup_runs(day, flow_id, content_version, channel, language, commune, started, completed, abandoned, cancelled, handed_off, replaced, in_progress, resumed) " +
                "SELECT @day, * FROM unnest(@f::text[], @v::text[], @c::text[], @l::text[], @m::text[], @p0::bigint[], @p1::bigint[], @p2::bigint[], @p3::bigint[], " +
                "@p4::bigint[], @p5::bigint[], @p6::bigint[], @p7::bigint[])",
                cancellationToken, [("day", day), .. Keys(rows.Select(r => r.Key)), .. Columns(rows.Select(r => r.Value), 8)]);
        }
        if (rollup.Steps.Count > 0)
        {
            var rows = rollup.Steps.ToList();
            await Execute(connection,
                "INSERT INTO rollup_steps(day, flow_id, content_version, channel, language, commune, step_id, entered, moved_on, ended_completed, ended_abandoned, " +
                "ended_cancelled, ended_handed_off, ended_replaced, in_progress, resumed) " +
                "SELECT @day, * FROM unnest(@f::text[], @v::text[], @c::text[], @l::text[], @m::text[], @s::text[], @p0::bigint[], @p1::bigint[], @p2::bigint[], " +
                "@p3::bigint[], @p4::bigint[], @p5::bigint[], @p6::bigint[], @p7::bigint[], @p8::bigint[])",
                cancellationToken, [("day", day), .. Keys(rows.Select(r => (r.Key.Flow, r.Key.Version, r.Key.Channel, r.Key.Language, r.Key.Commune))),
                    ("s", rows.Select(r => r.Key.Step).ToArray()), .. Columns(rows.Select(r => r.Value), 9)]);
        }
        if (rollup.Seconds.Count > 0)
        {
            var rows = rollup.Seconds.ToList();
            await Execute(connection,
                "INSERT INTO rollup_step_seconds(day, flow_id, content_version, channel, language, commune, step_id, bucket, runs) " +
                "SELECT @day, * FROM unnest(@f::text[], @v::text[], @c::text[], @l::text[], @m::text[], @s::text[], @b::integer[], @p0::bigint[])",
                cancellationToken, [("day", day), .. Keys(rows.Select(r => (r.Key.Flow, r.Key.Version, r.Key.Channel, r.Key.Language, r.Key.Commune))),
                    ("s", rows.Select(r => r.Key.Step).ToArray()), ("b", rows.Select(r => r.Key.Bucket).ToArray()), ("p0", rows.Select(r => r.Value).ToArray())]);
        }
        if (rollup.Outcomes.Count > 0)
        {
            var rows = rollup.Outcomes.ToList();
            await Execute(connection,
                "INSERT INTO rollup_outcomes(day, flow_id, content_version, channel, language, commune, outcome, runs) " +
                "SELECT @day, * FROM unnest(@f::text[], @v::text[], @c::text[], @l::text[], @m::text[], @s::text[], @p0::bigint[])",
                cancellationToken, [("day", day), .. Keys(rows.Select(r => (r.Key.Flow, r.Key.Version, r.Key.Channel, r.Key.Language, r.Key.Commune))),
                    ("s", rows.Select(r => r.Key.Outcome).ToArray()), ("p0", rows.Select(r => r.Value).ToArray())]);
        }
    }

    private static IEnumerable<(string, object?)> Keys(IEnumerable<(string Flow, string Version, string Channel, string Language, string Commune)> keys)
    {
        var list = keys.ToList();
        yield return ("f", list.Select(k => k.Flow).ToArray());
        yield return ("v", list.Select(k => k.Version).ToArray());
        yield return ("c", list.Select(k => k.Channel).ToArray());
        yield return ("l", list.Select(k => k.Language).ToArray());
        yield return ("m", list.Select(k => k.Commune).ToArray());
    }

    private static IEnumerable<(string, object?)> Columns(IEnumerable<long[]> rows, int count)
    {
        var list = rows.ToList();
        for (var i = 0; i < count; i++)
        {
            var column = i;
            yield return ($"p{i}", list.Select(r => r[column]).ToArray());
        }
    }

    public Task<IReadOnlyList<RunTotals>> RunTotalsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        RunSumsAsync("flow_id", flowId, filter, (key, n) => new RunTotals(key, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]), cancellationToken);

    public Task<IReadOnlyList<CommuneTotals>> CommuneTotalsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        RunSumsAsync("commune", flowId, filter, (key, n) => new CommuneTotals(key, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]), cancellationToken);

    /// <summary>The eight run columns of rollup_runs summed per value of <paramref name="by"/> (a column name of ours, never input).</summary>
    private Task<IReadOnlyList<T>> RunSumsAsync<T>(string by, string? flowId, AnalyticsFilter filter, Func<string, long[], T> map, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT {by}, SUM(started)::bigint, SUM(completed)::bigint, SUM(abandoned)::bigint, SUM(cancelled)::bigint, SUM(handed_off)::bigint, " +
            $"SUM(replaced)::bigint, SUM(in_progress)::bigint, SUM(resumed)::bigint FROM rollup_runs WHERE {RollupWhere(flowId, filter)} GROUP BY {by} ORDER BY {by}",
            r => map(r.GetString(0), [.. Enumerable.Range(1, 8).Select(r.GetInt64)]),
            cancellationToken, RollupParameters(flowId, filter));

    public Task<IReadOnlyList<StepTotals>> StepTotalsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT flow_id, step_id, {StepColumns.Replace(")", ")::bigint", StringComparison.Ordinal)} FROM rollup_steps WHERE {RollupWhere(flowId, filter)} GROUP BY flow_id, step_id",
            r => new StepTotals(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
                r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10)),
            cancellationToken, RollupParameters(flowId, filter));

    public Task<IReadOnlyList<StepSecondsBar>> StepSecondsAsync(string flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT flow_id, step_id, bucket, SUM(runs)::bigint FROM rollup_step_seconds WHERE {RollupWhere(flowId, filter)} GROUP BY flow_id, step_id, bucket",
            r => new StepSecondsBar(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3)),
            cancellationToken, RollupParameters(flowId, filter));

    public Task<IReadOnlyList<KeyedCount>> OutcomesAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT flow_id, outcome, SUM(runs)::bigint FROM rollup_outcomes WHERE {RollupWhere(flowId, filter)} GROUP BY flow_id, outcome ORDER BY 3 DESC, 2",
            r => new KeyedCount(r.GetString(0), r.GetString(1), r.GetInt64(2)),
            cancellationToken, RollupParameters(flowId, filter));

    public Task<IReadOnlyList<KeyedCount>> NotUnderstoodAsync(string? flowId, AnalyticsFilter filter, int limit, CancellationToken cancellationToken)
    {
        var (where, parameters) = EventWhere(EventKinds.NotUnderstood, filter);
        if (flowId is not null)
        {
            where += " AND flow_id = @flow";
            parameters.Add(("flow", flowId));
        }
        parameters.Add(("limit", limit));
        return database.QueryAsync(
            $"SELECT props->>'text' AS text, COUNT(*) FROM events WHERE {where} AND props->>'text' IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT @limit",
            r => new KeyedCount(flowId, r.GetString(0), r.GetInt64(1)),
            cancellationToken, [.. parameters]);
    }

    public async Task<IReadOnlyList<NotUnderstoodText>> NotUnderstoodOffersAsync(AnalyticsFilter filter, int limit, CancellationToken cancellationToken)
    {
        var (where, parameters) = EventWhere(EventKinds.NotUnderstood, filter);
        var groups = await database.QueryAsync(
            $"SELECT props->>'text', flow_id, COALESCE(props->>'offered', ''), COUNT(*) FROM events WHERE {where} AND props->>'text' IS NOT NULL " +
            "GROUP BY 1, 2, 3",
            r => (Text: r.GetString(0), Flow: r.IsDBNull(1) ? null : r.GetString(1), Offered: r.GetString(2), Count: r.GetInt64(3)),
            cancellationToken, [.. parameters]);
        return NotUnderstoodText.Merge(groups, limit);
    }

    public Task<IReadOnlyList<KeyedCount>> LinkClicksAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = EventWhere(EventKinds.LinkClicked, filter);
        return database.QueryAsync(
            $"SELECT flow_id, props->>'link' AS link, COUNT(*) FROM events WHERE {where} AND props->>'link' IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 3 DESC",
            r => new KeyedCount(r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1), r.GetInt64(2)),
            cancellationToken, [.. parameters]);
    }

    public Task<IReadOnlyList<HelpfulTotals>> HelpfulAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = EventWhere(EventKinds.HelpfulAnswered, filter);
        return database.QueryAsync(
            $"SELECT flow_id, COUNT(*), COUNT(*) FILTER (WHERE props->>'helpful' = 'yes') FROM events WHERE {where} AND flow_id IS NOT NULL GROUP BY 1 ORDER BY 1",
            r => new HelpfulTotals(r.GetString(0), r.GetInt64(1), r.GetInt64(2)),
            cancellationToken, [.. parameters]);
    }

    public Task<IReadOnlyList<string>> VersionsAsync(string flowId, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT content_version FROM rollup_runs WHERE flow_id = @flow GROUP BY content_version ORDER BY MAX(day) DESC, content_version",
            r => r.GetString(0), cancellationToken, ("flow", flowId));

    private static string RollupWhere(string? flowId, AnalyticsFilter filter) =>
        string.Join(" AND ", new[]
        {
            flowId is null ? "TRUE" : "flow_id = @flow",
            filter.From is null ? null : "day >= @from",
            filter.To is null ? null : "day <= @to",
            filter.Channel is null ? null : "channel = @channel",
            filter.Version is null ? null : "content_version = @version",
            filter.Language is null ? null : "language = @language",
            filter.Commune is null ? null : "commune = @commune",
        }.Where(c => c is not null));

    private static (string, object?)[] RollupParameters(string? flowId, AnalyticsFilter filter)
    {
        var parameters = new List<(string, object?)>();
        if (flowId is not null) parameters.Add(("flow", flowId));
        if (filter.From is { } from) parameters.Add(("from", AnalyticsFilter.DayNumber(from)));
        if (filter.To is { } to) parameters.Add(("to", AnalyticsFilter.DayNumber(to)));
        if (filter.Channel is not null) parameters.Add(("channel", filter.Channel));
        if (filter.Version is not null) parameters.Add(("version", filter.Version));
        if (filter.Language is not null) parameters.Add(("language", filter.Language));
        if (filter.Commune is not null) parameters.Add(("commune", filter.Commune));
        return [.. parameters];
    }

    /// <summary>Events of one kind in the filter's days (as times in the reporting time zone).</summary>
    private (string Where, List<(string, object?)> Parameters) EventWhere(string kind, AnalyticsFilter filter)
    {
        var where = "kind = @kind";
        var parameters = new List<(string, object?)> { ("kind", kind) };
        if (filter.From is { } from)
        {
            where += " AND ts >= @fromTs";
            parameters.Add(("fromTs", DayStart(from)));
        }
        if (filter.To is { } to)
        {
            where += " AND ts < @toTs";
            parameters.Add(("toTs", DayStart(to.AddDays(1))));
        }
        if (filter.Channel is not null)
        {
            where += " AND channel = @channel";
            parameters.Add(("channel", filter.Channel));
        }
        if (filter.Version is not null)
        {
            where += " AND content_version = @version";
            parameters.Add(("version", filter.Version));
        }
        if (filter.Language is not null)
        {
            where += " AND language = @language";
            parameters.Add(("language", filter.Language));
        }
        return (where, parameters);
    }

    private DateTimeOffset DayStart(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), dayOffset).ToUniversalTime();

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = PostgresDatabase.Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = PostgresDatabase.Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
