using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GuidanceBot.Tests.AzureLanguage;
using Microsoft.AspNetCore.Http;

namespace GuidanceBot.Tests.Hosting;

public sealed class GracefulShutdownTests
{
    private static JsonObject Message(string conversationId, string text) => new()
    {
        ["type"] = "message",
        ["channelId"] = "test",
        ["from"] = new JsonObject { ["id"] = "user" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["text"] = text,
        ["deliveryMode"] = "expectReplies",
    };

    [Fact]
    public async Task On_sigterm_the_turn_in_flight_is_answered_new_turns_get_503_and_the_process_exits_cleanly()
    {
        // A slow turn: the host asks Azure AI Language (a local stub) for the language of an English message,
        // and the stub answers only when the test says so.
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var language = await AzureLanguageStub.StartAsync();
        language.Override = async (_, _) =>
        {
            asked.TrySetResult();
            await answer.Task;
            return Results.Json(AzureLanguageStub.Documents("LanguageDetectionResults", "2023-12-01", new JsonObject
            {
                ["id"] = "1",
                ["detectedLanguage"] = new JsonObject { ["name"] = "English", ["iso6391Name"] = "en", ["confidenceScore"] = 1.0 },
                ["warnings"] = new JsonArray(),
            }));
        };
        var folder = Directory.CreateTempSubdirectory("gb-sigterm-");
        try
        {
            await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
            {
                ["GuidanceBot__Storage__SqlitePath"] = Path.Combine(folder.FullName, "bot.db"),
                ["GuidanceBot__Language__Azure__Endpoint"] = language.Endpoint,
                ["GuidanceBot__Language__Azure__Key"] = AzureLanguageStub.Key,
                ["GuidanceBot__Language__Azure__Timeout"] = "00:02:00",
                ["GuidanceBot__Hosting__DrainTimeout"] = "00:02:00",
            });
            using var client = new HttpClient { BaseAddress = new Uri(host.Url), Timeout = TimeSpan.FromMinutes(2) };
            var inFlight = client.PostAsJsonAsync("/api/messages", Message("slow", "Hello, I would like to register the birth of my daughter please"));
            using (var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            {
                await asked.Task.WaitAsync(deadline.Token);
            }

            host.Terminate();
            // Draining: readiness turns red first, so a load balancer stops sending; a new turn that still arrives is refused.
            using (var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            {
                while ((await client.GetAsync("/readyz", deadline.Token)).StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    await Task.Yield();
                }
            }
            var refused = await client.PostAsJsonAsync("/api/messages", Message("late", "xin chào"));
            Assert.False(inFlight.IsCompleted);
            answer.SetResult();
            var answered = await inFlight;
            var exitCode = await host.WaitForExitAsync(TimeSpan.FromMinutes(1));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("ShuttingDown", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            var replies = (await answered.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
            Assert.Contains(replies, r => ((string?)r!["text"])?.Contains("I will answer in English", StringComparison.Ordinal) == true);
            Assert.Equal(0, exitCode);
            Assert.Contains("Drained: the 1 turns in flight at shutdown finished", host.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
