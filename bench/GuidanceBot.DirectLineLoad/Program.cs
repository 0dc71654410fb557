using System.Diagnostics;
using System.Globalization;
using GuidanceBot.DirectLineLoad;

// Web Chat-like load on Direct Line: N clients, each with its own conversation and WebSocket stream, walking flows.
// Usage: dotnet GuidanceBot.DirectLineLoad.dll [--url http://127.0.0.1:5080 [--url …]] [--clients 500] [--duration 20] [--warmup 5]
// With several --url (instances on one database), client n opens its conversation and WebSocket on instance n mod k and
// posts every message through the next instance, as a load balancer without affinity would send it: every reply then
// reaches its socket through the database (LISTEN/NOTIFY).
var pairs = args.Select((a, i) => (Name: a, Value: i + 1 < args.Length ? args[i + 1] : "")).Where(p => p.Name.StartsWith("--", StringComparison.Ordinal)).ToList();
var options = pairs.GroupBy(p => p.Name[2..]).ToDictionary(g => g.Key, g => g.Last().Value);
var urls = pairs.Where(p => p.Name == "--url").Select(p => new Uri(p.Value)).DefaultIfEmpty(new Uri("http://127.0.0.1:5080")).ToList();
var clients = int.Parse(options.GetValueOrDefault("clients", "500"), CultureInfo.InvariantCulture);
var duration = double.Parse(options.GetValueOrDefault("duration", "20"), CultureInfo.InvariantCulture);
var warmup = double.Parse(options.GetValueOrDefault("warmup", "5"), CultureInfo.InvariantCulture);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
var tally = new LoadTally();
using var stop = new CancellationTokenSource();
var all = Enumerable.Range(0, clients).Select(n => new WebChatLikeClient(http, urls[n % urls.Count], urls[(n + 1) % urls.Count], n)).ToList();
Console.WriteLine(urls.Count == 1
    ? $"== {clients} clients connecting to {urls[0]}"
    : $"== {clients} clients: conversation and WebSocket on {string.Join(" / ", urls)} in turn, each message posted through the next one");
var running = all.Select(c => Task.Run(() => c.RunAsync(tally, stop.Token))).ToList();

await Task.Delay(TimeSpan.FromSeconds(warmup));
tally.Measuring = true;
var clock = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(duration));
tally.Measuring = false;
var seconds = clock.Elapsed.TotalSeconds;
stop.Cancel();
try
{
    await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(15));
}
catch (Exception e) when (e is OperationCanceledException or TimeoutException)
{
    // Clients stopping.
}
foreach (var failed in running.Where(t => t.IsFaulted))
{
    tally.Error(failed.Exception!.GetBaseException().Message);
}
await Task.WhenAll(all.Select(c => c.CloseAsync()));
tally.Print(clients, seconds, Console.Out);
return tally.Errors == 0 ? 0 : 1;
