using GuidanceBot.LoadGen;

// Drives concurrent scripted conversations against POST {url}/api/messages (deliveryMode expectReplies)
// and prints throughput and latency percentiles. See bench/README.md.

var options = LoadOptions.Parse(args, out var error, out var help);
if (options is null)
{
    if (help)
    {
        Console.WriteLine(LoadOptions.Usage);
        return 0;
    }
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// Distinct per run, so runs against the same database never continue each other's conversations.
var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
var conversationNumber = 0;
// One client per instance; conversation n talks to instance n mod count, like a load balancer with sticky sessions.
var clients = options.MessagesUrls.Select(url => new ConnectorClient(url, options.Conversations)).ToList();
var errors = new ErrorLog(limit: 5);

Console.WriteLine($"loadgen {runId}: {options.Conversations} conversations, {options.WarmupSeconds} s warm-up + {options.DurationSeconds} s against {string.Join(", ", options.MessagesUrls)}");
var window = MeasurementWindow.StartingNow(TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.DurationSeconds));
var workers = Enumerable.Range(0, options.Conversations)
    .Select(n => new ConversationWorker(clients[n % clients.Count], errors, runId, () => Interlocked.Increment(ref conversationNumber), options.TurnsPerConversation))
    .Select(worker => Task.Run(() => worker.RunAsync(window, stop.Token)))
    .ToArray();
var tallies = await Task.WhenAll(workers);

var report = LoadReport.From(options, window, tallies);
report.Print(Console.Out);
if (stop.IsCancellationRequested)
{
    Console.WriteLine("  (interrupted)");
}
clients.ForEach(c => c.Dispose());
return report.HasErrors ? 1 : 0;
