// Intent recognition benchmark: training time on the flows of dialogs/ and recognition time per utterance (warm),
// for every recogniser, over the evaluation sets' utterances; "reading" times what the bot does with a message —
// acts and fact questions, then the registered recogniser, then the decision. Run in Release; see bench/README.md.
using System.Diagnostics;
using GuidanceBot;
using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Language;

var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
// One recogniser per process gives an honest "first train": nothing JIT-compiled by an earlier one.
var only = args.Length > 1 ? args[1] : null;
var root = Directory.GetCurrentDirectory();
var catalog = FlowLoader.LoadDirectory(GuidanceBotServices.FindDialogsDirectory(root)).Catalog
    ?? throw new InvalidOperationException("dialogs/ does not load; run `guidancebot validate`.");
var utterances = new[] { "intents.tsv", "acts.tsv", "out-of-scope.tsv", "fresh.tsv" }
    .Select(name => FindUpwards(root, $"tests/GuidanceBot.Core.Tests/Language/Evaluation/{name}") ?? throw new InvalidOperationException($"Evaluation set {name} not found."))
    .SelectMany(path =>
    {
        using var reader = File.OpenText(path);
        return LabelledUtterance.ReadTsv(reader).Select(u => u.Text).ToArray();
    })
    .ToArray();
// "reading": the registered recogniser inside the bot's MessageReader, timed on Read + Decide.
var trainers = IntentRecognizers.All
    .Select(r => (Name: r.Name, Train: r.Train, Reads: false))
    .Append((Name: "reading", Train: IntentRecognizers.All.Single(r => r.Name == IntentRecognizers.Default).Train, Reads: true))
    .ToList();

Console.WriteLine($"{catalog.Flows.Count} flows and {catalog.OutOfScope.Count} out-of-scope topics, {IntentTraining.Examples(catalog).Count} training examples; {utterances.Length} utterances × {rounds} rounds; {Environment.ProcessorCount} cores");
Console.WriteLine($"{"recogniser",-12} {"first train",12} {"retrain (median of 5)",22} {"p50 µs",8} {"p99 µs",8} {"max µs",8} {"cpu p50",8} {"cpu p99",8} {"KB/msg",7} {"GC 0/1/2",10} {"cpu/wall",9}");
foreach (var (name, train, reads) in trainers.Where(r => only is null || r.Name == only))
{
    // First training in this process: what start-up pays, JIT included.
    var clock = Stopwatch.StartNew();
    var recognizer = train(catalog);
    var first = clock.Elapsed.TotalMilliseconds;

    var retrains = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        clock.Restart();
        recognizer = train(catalog);
        retrains.Add(clock.Elapsed.TotalMilliseconds);
    }
    var messages = new MessageReader(() => catalog, recognizer, new BotOptions());
    Action<string> recognize = reads ? text => messages.Decide(messages.Read(text)) : text => recognizer.Recognize(text, 3);

    // Warm means tiered up: the runtime recompiles hot methods with full optimisation on a background thread, starting
    // 100 ms after the last new method and after whatever training queued (ML.NET queues hundreds of methods); one pass
    // over the set ends long before that, so warm up for three seconds (cpu/wall over 100 % means it was still going).
    var warmUp = Stopwatch.StartNew();
    for (var pass = 0; pass < 3 || warmUp.ElapsedMilliseconds < 3000; pass++)
    {
        foreach (var text in utterances)
        {
            recognize(text);
        }
    }
    var times = new List<double>(utterances.Length * rounds);
    var cpuTimes = new List<double>(utterances.Length * rounds);
    // What the process allocated and collected, and how much of the wall time it had a core: a slow percentile with
    // cpu/wall well under 100 % was spent waiting for a core, not recognising.
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var text in utterances)
        {
            var cpuStart = ThreadCpuTime.Now();
            var start = Stopwatch.GetTimestamp();
            recognize(text);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            if (ThreadCpuTime.Now() - cpuStart is { } cpuSpent)
            {
                cpuTimes.Add(cpuSpent);
            }
        }
    }
    var cpuShare = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / wall.Elapsed;
    var perMessage = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / times.Count;
    var gcs = string.Join('/', collections.Select((before, gen) => GC.CollectionCount(gen) - before));
    times.Sort();
    cpuTimes.Sort();
    retrains.Sort();
    var cpuPercentiles = cpuTimes.Count == 0 ? $"{"—",8} {"—",8}" : $"{Percentile(cpuTimes, 0.50),8:0} {Percentile(cpuTimes, 0.99),8:0}";
    Console.WriteLine($"{name,-12} {first,9:0} ms {retrains[2],19:0} ms {Percentile(times, 0.50),8:0} {Percentile(times, 0.99),8:0} {times[^1],8:0} {cpuPercentiles} {perMessage,7:0.0} {gcs,10} {cpuShare,8:0%}");
}
return 0;

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string? FindUpwards(string start, string relative)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, relative);
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }
    return null;
}
