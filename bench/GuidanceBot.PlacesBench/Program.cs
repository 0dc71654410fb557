// Place recognition benchmark: loading dialogs/places/<province>.yaml, and PlaceDirectory.Recognize per message (warm),
// over citizens' messages that name no place (the evaluation set) and messages built from every name in the file.
// Run in Release; see bench/README.md.
using System.Diagnostics;
using GuidanceBot;
using GuidanceBot.Language;
using GuidanceBot.Places;

var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
var province = args.Length > 1 ? args[1] : PlaceLoader.DefaultProvince;
var root = Directory.GetCurrentDirectory();
var dialogs = GuidanceBotServices.FindDialogsDirectory(root);

// First load in this process pays the JIT, as start-up does; reloads are what a warm process pays.
var clock = Stopwatch.StartNew();
var places = PlaceLoader.LoadProvince(dialogs, province);
var firstLoad = clock.Elapsed.TotalMilliseconds;
var reloads = new List<double>();
for (var i = 0; i < 5; i++)
{
    clock.Restart();
    places = PlaceLoader.LoadProvince(dialogs, province);
    reloads.Add(clock.Elapsed.TotalMilliseconds);
}
reloads.Sort();

// The intent evaluation set: real citizens' phrasings, almost none of which name a place.
using var reader = File.OpenText(Path.Combine(Path.GetDirectoryName(dialogs)!, "tests", "GuidanceBot.Core.Tests", "Language", "Evaluation", "intents.tsv"));
var plain = LabelledUtterance.ReadTsv(reader).Select(u => u.Text).ToArray();
var named = PlaceTexts(places).ToArray();

Console.WriteLine($"{places.Name}: {places.Communes.Count} units, {places.Communes.Sum(c => c.From.Count)} former-unit shares; "
    + $"{plain.Length} messages without a place + {named.Length} naming one × {rounds} rounds; {Environment.ProcessorCount} cores");
Console.WriteLine($"load: first {firstLoad:0} ms (JIT included), reload median {reloads[2]:0} ms");

var all = plain.Concat(named).ToArray();
// Warm means tiered up: hot methods are recompiled with full optimisation in the background after ~100 ms of use.
var warmUp = Stopwatch.StartNew();
for (var pass = 0; pass < 3 || warmUp.ElapsedMilliseconds < 3000; pass++)
{
    foreach (var text in all)
        places.Recognize(text);
}

Console.WriteLine($"{"messages",-16} {"p50 µs",8} {"p99 µs",8} {"max µs",8} {"cpu p50",8} {"cpu p99",8} {"KB/msg",7} {"GC 0/1/2",10} {"cpu/wall",9} {"found/ambiguous/unknown",24}");
Measure("without a place", plain);
Measure("naming a place", named);
Measure("all", all);
return 0;

void Measure(string label, string[] texts)
{
    var times = new List<double>(texts.Length * rounds);
    var cpuTimes = new List<double>(texts.Length * rounds);
    int found = 0, ambiguous = 0, unknown = 0;
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var text in texts)
        {
            var cpuStart = ThreadCpuTime.Now();
            var start = Stopwatch.GetTimestamp();
            var match = places.Recognize(text);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            if (ThreadCpuTime.Now() - cpuStart is { } cpuSpent)
                cpuTimes.Add(cpuSpent);
            if (round == 0)
            {
                _ = match switch
                {
                    PlaceMatch.Found => found++,
                    PlaceMatch.Ambiguous => ambiguous++,
                    _ => unknown++,
                };
            }
        }
    }
    var cpuShare = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / wall.Elapsed;
    var perMessage = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / times.Count;
    var gcs = string.Join('/', collections.Select((before, gen) => GC.CollectionCount(gen) - before));
    times.Sort();
    cpuTimes.Sort();
    var cpuPercentiles = cpuTimes.Count == 0 ? $"{"—",8} {"—",8}" : $"{Percentile(cpuTimes, 0.50),8:0.0} {Percentile(cpuTimes, 0.99),8:0.0}";
    Console.WriteLine($"{label,-16} {Percentile(times, 0.50),8:0.0} {Percentile(times, 0.99),8:0.0} {times[^1],8:0} {cpuPercentiles} {perMessage,7:0.00} {gcs,10} {cpuShare,8:0%} {$"{found}/{ambiguous}/{unknown}",24}");
}

// Every name in the file the ways citizens write it: with a kind or ở, without diacritics, "cũ" and the former
// district, a long sentence around it, and one swapped pair of letters.
static IEnumerable<string> PlaceTexts(PlaceDirectory places)
{
    foreach (var commune in places.Communes)
    {
        yield return commune.Title;
        yield return "tôi ở " + VietnameseText.Fold(commune.Title);
        foreach (var former in commune.From)
        {
            var folded = VietnameseText.Fold(former.Name);
            yield return $"{former.Title} cũ";
            yield return $"nhà mình ở {(former.Kind == CommuneKind.Phuong ? "p" : former.Kind == CommuneKind.ThiTran ? "tt" : "x")} {folded} cu";
            yield return $"Cho tôi hỏi, tôi ở {former.Title} {former.District} cũ, giờ muốn làm căn cước cho con thì nộp hồ sơ ở đâu ạ?";
            if (folded.Length > 4)
                yield return $"{former.Kind.Word()} {folded[..2]}{folded[3]}{folded[2]}{folded[4..]}";
        }
    }
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
