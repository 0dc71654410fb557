using System.Diagnostics;
using System.Globalization;
using GuidanceBot;
using GuidanceBot.Analytics;
using GuidanceBot.AnalyticsBench;
using GuidanceBot.Content;
using GuidanceBot.Storage.Postgres;
using GuidanceBot.Storage.Sqlite;

// Fills a database with synthetic flow runs through the store's real write path, then times the roll-up and the queries.
// Usage: dotnet run -c Release --project bench/GuidanceBot.AnalyticsBench -- --events 1000000 [--db PATH] [--days 90] [--seed 1] [--reuse yes]
//        ... --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=bench"   (an empty database) instead of --db
// --reuse yes times the queries again on a database an earlier run filled with the same --events/--days/--seed (no writing).
var named = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    named[args[i].TrimStart('-')] = args[i + 1];
}
var target = long.Parse(named.GetValueOrDefault("events", "1000000"), CultureInfo.InvariantCulture);
var days = int.Parse(named.GetValueOrDefault("days", "90"), CultureInfo.InvariantCulture);
var seed = int.Parse(named.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture);
var postgres = named.GetValueOrDefault("postgres");
var path = named.GetValueOrDefault("db", Path.Combine(Path.GetTempPath(), $"gb-analytics-bench-{target}.db"));
var reuse = named.GetValueOrDefault("reuse") == "yes" && (postgres is not null || File.Exists(path));
if (!reuse && postgres is null)
{
    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(path + suffix);
    }
}

var loaded = FlowLoader.LoadDirectory(GuidanceBotServices.FindDialogsDirectory(Directory.GetCurrentDirectory()));
if (!loaded.Ok)
{
    Console.Error.WriteLine(string.Join("\n", loaded.Errors));
    return 1;
}
var catalog = loaded.Catalog!;
var end = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
var generator = new SyntheticRuns(catalog, new Random(seed), end.AddDays(-days), days);

Console.WriteLine($"database {(postgres is null ? path : "PostgreSQL")}; target {target:N0} events over {days} days, {catalog.Flows.Count} flows{(reuse ? " (reused, nothing written)" : "")}");
long written = 0;
var clock = Stopwatch.StartNew();
var sqlite = postgres is null ? new SqliteDatabase(path) : null;
var pg = postgres is null ? null : new PostgresDatabase(postgres);
IAnalyticsSink OpenStore() => sqlite is not null ? new SqliteConversationStore(sqlite) : new PostgresConversationStore(pg!);
using (var store = (IDisposable)OpenStore())
{
    var pending = new List<Task>();
    while (!reuse && written < target)
    {
        var batch = generator.NextBatch(5000);
        written += batch.Count;
        pending.Add(((IAnalyticsSink)store).AppendAsync(batch, CancellationToken.None));
        if (pending.Count >= 8)
        {
            await Task.WhenAll(pending);
            pending.Clear();
        }
    }
    await Task.WhenAll(pending);
}
var writeSeconds = clock.Elapsed.TotalSeconds;
if (!reuse)
{
    Console.WriteLine($"written  {written:N0} events ({generator.Runs:N0} runs) in {writeSeconds:F1} s = {written / writeSeconds:N0} events/s");
}

IAnalyticsReader reader = sqlite is not null
    ? new SqliteAnalyticsReader(sqlite, TimeSpan.FromHours(7))
    : new PostgresAnalyticsReader(pg!, TimeSpan.FromHours(7));
var query = new FunnelQuery(reader, () => catalog);
clock.Restart();
await reader.RefreshAsync(CancellationToken.None);
Console.WriteLine(reuse ? $"roll-up  catching up {clock.Elapsed.TotalSeconds:F1} s" : $"roll-up  first build {clock.Elapsed.TotalSeconds:F1} s");

var busiest = generator.BusiestFlow;
var month = new AnalyticsFilter(DateOnly.FromDateTime(end.AddDays(-30).UtcDateTime), DateOnly.FromDateTime(end.UtcDateTime));
await Time("funnel   all time, busiest flow " + busiest, () => query.FunnelAsync(busiest, new AnalyticsFilter(), CancellationToken.None));
await Time("funnel   last 30 days, channel zalo", () => query.FunnelAsync(busiest, month with { Channel = "zalo" }, CancellationToken.None));
var version = catalog.Find(busiest)!.ContentVersion;
await Time("funnel   version comparison", () => query.CompareAsync(busiest, new AnalyticsFilter(Version: version), "000000000000", CancellationToken.None));
await Time("report   last 30 days, all flows", () => query.ReportAsync(month, CancellationToken.None));
await Time("report   all time, all flows", () => query.ReportAsync(new AnalyticsFilter(), CancellationToken.None));
await Time("not-understood top 100, all time", () => query.NotUnderstoodAsync(null, new AnalyticsFilter(), 100, CancellationToken.None));

// A day of live traffic arriving after the roll-up: the next funnel pays for folding it in.
using (var store = (IDisposable)OpenStore())
{
    var live = new SyntheticRuns(catalog, new Random(seed + 1), end.AddDays(-1), 1);
    await ((IAnalyticsSink)store).AppendAsync(live.NextBatch(10_000), CancellationToken.None);
}
await Time("funnel   after 10k new events (incremental roll-up + query)", () => query.FunnelAsync(busiest, new AnalyticsFilter(), CancellationToken.None));
if (sqlite is not null)
{
    Console.WriteLine($"file     {new FileInfo(path).Length / 1024.0 / 1024:N0} MB");
}
return 0;

static async Task Time<T>(string what, Func<Task<T>> run)
{
    var best = double.MaxValue;
    for (var i = 0; i < 3; i++)
    {
        var clock = Stopwatch.StartNew();
        await run();
        best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        if (what.Contains("after 10k", StringComparison.Ordinal))
        {
            break; // only the first call has new events to fold
        }
    }
    Console.WriteLine($"{what,-62} {best,8:F1} ms");
}
