using System.Diagnostics;
using System.Globalization;
using GuidanceBot.DirectLineLoad;

// Web Chat-like load on Direct Line: N clients, each with its own conversation and WebSocket stream, walking flows.
// Usage: dotnet GuidanceBot.DirectLineLoad.dll [--url http://127.0.0.1:5080] [--clients 500] [--duration 20] [--warmup 5]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : "");
var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:5080"));
var clients = int.Parse(options.GetValueOrDefault("clients", "500"), CultureInfo.InvariantCulture);
var duration = double.Parse(options.GetValueOrDefault("duration", "20"), CultureInfo.InvariantCulture);
var warmup = double.Parse(options.GetValueOrDefault("warmup", "5"), CultureInfo.InvariantCulture);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
var tally = new LoadTally();
using var stop = new CancellationTokenSource();
var all = Enumerable.Range(0, clients).Select(n => new WebChatLikeClient(http, url, n)).ToList();
Console.WriteLine($"== {clients} clients connecting to {url}");
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
