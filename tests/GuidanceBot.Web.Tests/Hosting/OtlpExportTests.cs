using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GuidanceBot.Tests.Hosting;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_set_metrics_and_traces_are_pushed_to_it()
    {
        // An OpenTelemetry collector's OTLP/HTTP receiver, as far as the exporter can tell: it takes protobuf posts.
        var received = new ConcurrentDictionary<string, long>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var collector = await LoopbackServer.StartAsync(app =>
            app.MapPost("/v1/{signal}", async (string signal, HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                received.AddOrUpdate(signal, body.Length, (_, n) => n + body.Length);
                if (received.ContainsKey("metrics") && received.ContainsKey("traces"))
                {
                    both.TrySetResult();
                }
                return Results.Ok();
            }));
        await using var host = new TestHost();
        host.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url;
        host.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        host.Settings["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
        host.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        var client = host.CreateClient();

        await host.Send(client, $"otlp-{Guid.NewGuid():N}", "xin chào");

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await both.Task.WaitAsync(deadline.Token);
        Assert.True(received["metrics"] > 0 && received["traces"] > 0);
    }
}
