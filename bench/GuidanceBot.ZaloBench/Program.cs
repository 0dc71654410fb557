// Posts signed Zalo webhook events (each a new msg_id) with N concurrent senders and prints how fast the
// webhook acknowledges them: the durable-inbox write is all that happens before the 200.
// usage: GuidanceBot.ZaloBench BASE_URL APP_ID OA_SECRET_KEY [concurrency=200] [posts=30000] [warmup=5000]
// The first `warmup` posts are sent the same way but not counted: the host is fresh, and .NET's tiered JIT needs a few
// seconds of traffic before the acknowledgement path runs fully optimised code.
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: GuidanceBot.ZaloBench BASE_URL APP_ID OA_SECRET_KEY [concurrency=200] [posts=30000] [warmup=5000]");
    return 2;
}
var baseUrl = args[0].TrimEnd('/');
var appId = args[1];
var secret = args[2];
var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
var posts = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 30000;
var warmup = Math.Min(args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 5000, posts / 2);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(baseUrl) };
var latencies = new double[posts];
var failures = 0;
var next = -1;
var run = Guid.NewGuid().ToString("N")[..8];

async Task Sender()
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < posts)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        // 1,000 distinct citizens, so the worker behind the inbox has realistic per-conversation work.
        var body = $$"""{"app_id":"{{appId}}","event_name":"user_send_text","sender":{"id":"bench-{{i % 1000}}"},"recipient":{"id":"oa"},"message":{"msg_id":"{{run}}-{{i}}","text":"dang ky tam tru"},"timestamp":"{{ts}}"}""";
        var raw = Encoding.UTF8.GetBytes(body);
        var mac = "mac=" + Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(appId), .. raw, .. Encoding.UTF8.GetBytes(ts + secret)]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/zalo/webhook") { Content = new ByteArrayContent(raw) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", mac);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref failures);
        }
        latencies[i] = clock.Elapsed.TotalMilliseconds;
    }
}

var wall = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Sender)));
wall.Stop();

var measured = latencies.Skip(warmup).Order().ToArray();
double P(double q) => measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(q * measured.Length) - 1)];
Console.WriteLine($"zalo webhook: {posts} posts ({warmup} warm-up not counted), {concurrency} concurrent, {posts / wall.Elapsed.TotalSeconds:F0} posts/s, {failures} failed");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack latency ms: p50 {P(0.50):F1}  p90 {P(0.90):F1}  p99 {P(0.99):F1}  max {measured[^1]:F1}"));
return failures == 0 ? 0 : 1;
