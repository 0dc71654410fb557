using System.Globalization;
using GuidanceBot.Analytics;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// Analytics over the SQLite file. Funnels never scan raw events: <see cref="RefreshAsync"/> folds each run
/// (by run start day) into daily roll-ups, recomputing only the days whose runs got new events since the last refresh.
/// Not-understood texts, link clicks and "helpful" answers are counted from events through the (kind, ts) index.
/// </summary>
public sealed class SqliteAnalyticsReader(SqliteDatabase database, TimeSpan dayOffset) : IAnalyticsReader
{
    private const string Watermark = "events";
    private readonly SemaphoreSlim _refresh = new(1, 1);

    private const string StepColumns =
        "SUM(entered), SUM(moved_on), SUM(ended_completed), SUM(ended_abandoned), SUM(ended_cancelled), SUM(ended_handed_off), SUM(ended_replaced), SUM(in_progress), SUM(resumed)";

    public async Task<long> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            using var connection = database.Open();
            // IMMEDIATE: another process refreshing the same file waits, then finds the watermark moved and does little.
            using var transaction = connection.BeginTransaction(deferred: false);
            var from = Scalar(connection, transaction, "SELECT COALESCE((SELECT value FROM rollup_state WHERE name = $name), 0)", ("$name", Watermark));
            var to = Scalar(connection, transaction, "SELECT COALESCE(MAX(id), 0) FROM events");
            if (to <= from)
            {
                return 0;
            }
            Execute(connection, transaction,
                "INSERT OR IGNORE INTO analytics_runs(run_id, day) " +
                "SELECT run_id, CAST(strftime('%Y%m%d', ts / 1000 + $offset, 'unixepoch') AS INTEGER) FROM events " +
                "WHERE id > $from AND id <= $to AND kind = 'flow-started' AND run_id IS NOT NULL",
                ("$offset", (long)dayOffset.TotalSeconds), ("$from", from), ("$to", to));
            var days = new List<long>();
            using (var command = Command(connection, transaction,
                "SELECT DISTINCT r.day FROM events e JOIN analytics_runs r ON r.run_id = e.run_id WHERE e.id > $from AND e.id <= $to AND e.run_id IS NOT NULL",
                ("$from", from), ("$to", to)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    days.Add(reader.GetInt64(0));
                }
            }
            foreach (var day in days)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RebuildDay(connection, transaction, day, to);
            }
            Execute(connection, transaction, "INSERT INTO rollup_state(name, value) VALUES($name, $to) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                ("$name", Watermark), ("$to", to));
            transaction.Commit();
            return to - from;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static void RebuildDay(SqliteConnection connection, SqliteTransaction transaction, long day, long upTo)
    {
        foreach (var table in new[] { "rollup_runs", "rollup_steps", "rollup_step_seconds", "rollup_outcomes" })
        {
            Execute(connection, transaction, $"DELETE FROM {table} WHERE day = $day", ("$day", day));
        }
        var rollup = new DayRollup();
        using (var command = Command(connection, transaction,
            "SELECT e.run_id, e.kind, e.ts, e.step_id, e.flow_id, e.content_version, e.channel, e.language, " +
            "CASE WHEN e.kind IN ('flow-completed', 'flow-resumed') THEN json_extract(e.props, '$.outcome') END, " +
            "CASE WHEN e.kind IN ('flow-started', 'commune-known') THEN json_extract(e.props, '$.commune') END " +
            "FROM analytics_runs r JOIN events e ON e.run_id = r.run_id WHERE r.day = $day AND e.id <= $to ORDER BY e.run_id, e.id",
            ("$day", day), ("$to", upTo)))
        using (var reader = command.ExecuteReader())
        {
            string? run = null;
            var events = new List<RunEvent>();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (id != run)
                {
                    rollup.Add(RunFacts.Fold(events));
                    events.Clear();
                    run = id;
                }
                events.Add(new RunEvent(
                    reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    Text(reader, 3), Text(reader, 4), Text(reader, 5), reader.GetString(6), Text(reader, 7), Text(reader, 8), Text(reader, 9)));
            }
            rollup.Add(RunFacts.Fold(events));
        }
        Write(rollup, connection, transaction, day);
    }

    private static void Write(DayRollup rollup, SqliteConnection connection, SqliteTransaction transaction, long day)
    {
        using (var insert = Prepared(connection, transaction,
            "INSERT INTO rollup_runs(flow_id, day, content_version, channel, language, commune, started, completed, abandoned, cancelled, handed_off, replaced, in_progress, resumed) " +
            "VALUES($f, $d, $v, $c, $l, $m, $p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)", 8))
        {
            foreach (var ((flow, version, channel, language, commune), values) in rollup.Runs)
            {
                Run(insert, flow, day, version, channel, language, commune, values);
            }
        }
        using (var insert = Prepared(connection, transaction,
            "INSERT INTO rollup_steps(flow_id, day, content_version, channel, language, commune, step_id, entered, moved_on, ended_completed, ended_abandoned, " +
            "ended_cancelled, ended_handed_off, ended_replaced, in_progress, resumed) VALUES($f, $d, $v, $c, $l, $m, $s, $p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)", 9, "$s"))
        {
            foreach (var ((flow, version, channel, language, commune, step), values) in rollup.Steps)
            {
                insert.Parameters["$s"].Value = step;
                Run(insert, flow, day, version, channel, language, commune, values);
            }
        }
        using (var insert = Prepared(connection, transaction,
            "INSERT INTO rollup_step_seconds(flow_id, day, content_version, channel, language, commune, step_id, bucket, runs) VALUES($f, $d, $v, $c, $l, $m, $s, $p0, $p1)", 2, "$s"))
        {
            foreach (var ((flow, version, channel, language, commune, step, bucket), runs) in rollup.Seconds)
            {
                insert.Parameters["$s"].Value = step;
                Run(insert, flow, day, version, channel, language, commune, [bucket, runs]);
            }
        }
        using (var insert = Prepared(connection, transaction,
            "INSERT INTO rollup_outcomes(flow_id, day, content_version, channel, language, commune, outcome, runs) VALUES($f, $d, $v, $c, $l, $m, $s, $p0)", 1, "$s"))
        {
            foreach (var ((flow, version, channel, language, commune, outcome), runs) in rollup.Outcomes)
            {
                insert.Parameters["$s"].Value = outcome;
                Run(insert, flow, day, version, channel, language, commune, [runs]);
            }
        }
    }

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, int values, params string[] extra)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "$f", "$d", "$v", "$c", "$l", "$m" }.Concat(extra).Concat(Enumerable.Range(0, values).Select(i => $"$p{i}")))
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    private static void Run(SqliteCommand insert, string flow, long day, string version, string channel, string language, string commune, long[] values)
    {
        insert.Parameters["$m"].Value = commune;
        insert.Parameters["$f"].Value = flow;
        insert.Parameters["$d"].Value = day;
        insert.Parameters["$v"].Value = version;
        insert.Parameters["$c"].Value = channel;
        insert.Parameters["$l"].Value = language;
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[$"$p{i}"].Value = values[i];
        }
        insert.ExecuteNonQuery();
    }

    public Task<IReadOnlyList<RunTotals>> RunTotalsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        RunSumsAsync("flow_id", flowId, filter, (key, n) => new RunTotals(key, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]), cancellationToken);

    public Task<IReadOnlyList<CommuneTotals>> CommuneTotalsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        RunSumsAsync("commune", flowId, filter, (key, n) => new CommuneTotals(key, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]), cancellationToken);

    /// <summary>The eight run columns of rollup_runs summed per value of <paramref name="by"/> (a column name of ours, never input).</summary>
    private Task<IReadOnlyList<T>> RunSumsAsync<T>(string by, string? flowId, AnalyticsFilter filter, Func<string, long[], T> map, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT {by}, SUM(started), SUM(completed), SUM(abandoned), SUM(cancelled), SUM(handed_off), SUM(replaced), SUM(in_progress), SUM(resumed) " +
            $"FROM rollup_runs WHERE {RollupWhere(flowId, filter)} GROUP BY {by} ORDER BY {by}",
            r => map(r.GetString(0), [.. Enumerable.Range(1, 8).Select(r.GetInt64)]),
            cancellationToken, RollupParameters(flowId, filter));

    public Task<IReadOnlyList<StepTotals>> StepTotalsAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT flow_id, step_id, {StepColumns} FROM rollup_steps WHERE {RollupWhere(flowId, filter)} GROUP BY flow_id, step_id",
            r => new StepTotals(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
                r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10)),
            cancellationToken, RollupParameters(flowId, filter));

    public Task<IReadOnlyList<StepSecondsBar>> StepSecondsAsync(string flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT flow_id, step_id, bucket, SUM(runs) FROM rollup_step_seconds WHERE {RollupWhere(flowId, filter)} GROUP BY flow_id, step_id, bucket",
            r => new StepSecondsBar(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3)),
            cancellationToken, RollupParameters(flowId, filter));

    public Task<IReadOnlyList<KeyedCount>> OutcomesAsync(string? flowId, AnalyticsFilter filter, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT flow_id, outcome, SUM(runs) FROM rollup_outcomes WHERE {RollupWhere(flowId, filter)} GROUP BY flow_id, outcome ORDER BY 3 DESC, 2",
            r => new KeyedCount(r.GetString(0), r.GetString(1), r.GetInt64(2)),
            cancellationToken, RollupParameters(flowId, filter));

    public Task<IReadOnlyList<KeyedCount>> NotUnderstoodAsync(string? flowId, AnalyticsFilter filter, int limit, CancellationToken cancellationToken)
    {
        var (where, parameters) = EventWhere(EventKinds.NotUnderstood, filter);
        if (flowId is not null)
        {
            where += " AND flow_id = $flow";
            parameters.Add(("$flow", flowId));
        }
        parameters.Add(("$limit", limit));
        return database.QueryAsync(
            $"SELECT json_extract(props, '$.text') AS text, COUNT(*) FROM events WHERE {where} AND text IS NOT NULL GROUP BY text ORDER BY 2 DESC, 1 LIMIT $limit",
            r => new KeyedCount(flowId, r.GetString(0), r.GetInt64(1)),
            cancellationToken, [.. parameters]);
    }

    public async Task<IReadOnlyList<NotUnderstoodText>> NotUnderstoodOffersAsync(AnalyticsFilter filter, int limit, CancellationToken cancellationToken)
    {
        var (where, parameters) = EventWhere(EventKinds.NotUnderstood, filter);
        // One pass over the period's not-understood events; the few (text, flow, offer) groups are merged here.
        var groups = await database.QueryAsync(
            $"SELECT json_extract(props, '$.text') AS text, flow_id, COALESCE(json_extract(props, '$.offered'), ''), COUNT(*) FROM events WHERE {where} AND text IS NOT NULL " +
            "GROUP BY text, flow_id, 3",
            r => (Text: r.GetString(0), Flow: r.IsDBNull(1) ? null : r.GetString(1), Offered: r.GetString(2), Count: r.GetInt64(3)),
            cancellationToken, [.. parameters]);
        return NotUnderstoodText.Merge(groups, limit);
    }

    public Task<IReadOnlyList<KeyedCount>> LinkClicksAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = EventWhere(EventKinds.LinkClicked, filter);
        return database.QueryAsync(
            $"SELECT flow_id, json_extract(props, '$.link') AS link, COUNT(*) FROM events WHERE {where} AND link IS NOT NULL GROUP BY flow_id, link ORDER BY 1, 3 DESC",
            r => new KeyedCount(r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1), r.GetInt64(2)),
            cancellationToken, [.. parameters]);
    }

    public Task<IReadOnlyList<HelpfulTotals>> HelpfulAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = EventWhere(EventKinds.HelpfulAnswered, filter);
        return database.QueryAsync(
            $"SELECT flow_id, COUNT(*), SUM(json_extract(props, '$.helpful') = 'yes') FROM events WHERE {where} AND flow_id IS NOT NULL GROUP BY flow_id ORDER BY 1",
            r => new HelpfulTotals(r.GetString(0), r.GetInt64(1), r.GetInt64(2)),
            cancellationToken, [.. parameters]);
    }

    public Task<IReadOnlyList<string>> VersionsAsync(string flowId, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT content_version FROM rollup_runs WHERE flow_id = $flow GROUP BY content_version ORDER BY MAX(day) DESC, content_version",
            r => r.GetString(0),
            cancellationToken, ("$flow", flowId));

    private static string RollupWhere(string? flowId, AnalyticsFilter filter) =>
        string.Join(" AND ", new[]
        {
            flowId is null ? "1 = 1" : "flow_id = $flow",
            filter.From is null ? null : "day >= $from",
            filter.To is null ? null : "day <= $to",
            filter.Channel is null ? null : "channel = $channel",
            filter.Version is null ? null : "content_version = $version",
            filter.Language is null ? null : "language = $language",
            filter.Commune is null ? null : "commune = $commune",
        }.Where(c => c is not null));

    private static (string, object?)[] RollupParameters(string? flowId, AnalyticsFilter filter)
    {
        var parameters = new List<(string, object?)>();
        if (flowId is not null) parameters.Add(("$flow", flowId));
        if (filter.From is { } from) parameters.Add(("$from", AnalyticsFilter.DayNumber(from)));
        if (filter.To is { } to) parameters.Add(("$to", AnalyticsFilter.DayNumber(to)));
        if (filter.Channel is not null) parameters.Add(("$channel", filter.Channel));
        if (filter.Version is not null) parameters.Add(("$version", filter.Version));
        if (filter.Language is not null) parameters.Add(("$language", filter.Language));
        if (filter.Commune is not null) parameters.Add(("$commune", filter.Commune));
        return [.. parameters];
    }

    /// <summary>Events of one kind in the filter's days (as timestamps in the reporting time zone).</summary>
    private (string Where, List<(string, object?)> Parameters) EventWhere(string kind, AnalyticsFilter filter)
    {
        var where = "kind = $kind";
        var parameters = new List<(string, object?)> { ("$kind", kind) };
        if (filter.From is { } from)
        {
            where += " AND ts >= $fromTs";
            parameters.Add(("$fromTs", DayStart(from)));
        }
        if (filter.To is { } to)
        {
            where += " AND ts < $toTs";
            parameters.Add(("$toTs", DayStart(to.AddDays(1))));
        }
        if (filter.Channel is not null)
        {
            where += " AND channel = $channel";
            parameters.Add(("$channel", filter.Channel));
        }
        if (filter.Version is not null)
        {
            where += " AND content_version = $version";
            parameters.Add(("$version", filter.Version));
        }
        if (filter.Language is not null)
        {
            where += " AND language = $language";
            parameters.Add(("$language", filter.Language));
        }
        return (where, parameters);
    }

    private long DayStart(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), dayOffset).ToUnixTimeMilliseconds();

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = SqliteDatabase.Command(connection, sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }
}
