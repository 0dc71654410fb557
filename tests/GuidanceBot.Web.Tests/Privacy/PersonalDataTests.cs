using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Tests.Privacy;

/// <summary>ID numbers, phone numbers and names a citizen types never reach the logs, the analytics or the stored state.</summary>
public sealed class PersonalDataTests
{
    private const string IdNumber = "001090012345";
    private const string Phone = "0912345678";
    private const string Name = "Nguyễn Thị Bích";

    [Fact]
    public async Task Id_and_phone_numbers_and_names_are_in_no_log_no_event_and_no_stored_byte()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = new TestHost();
        using var factory = host.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var client = factory.CreateClient();

        await host.Send(client, "p", null, type: "conversationUpdate");
        await host.Send(client, "p", "Kiểm tra điều kiện đăng ký VNeID");
        await host.Send(client, "p", "01/02/1990");
        await host.Send(client, "p", "có");
        await host.Send(client, "p", "001 090 01234"); // a wrong one first: refused without being repeated
        await host.Send(client, "p", IdNumber);
        await host.Send(client, "p", "+84 912 345 678");
        await host.Send(client, "p", "có");
        await host.Send(client, "p", "Android");
        var summary = await host.Send(client, "p", $"tôi là {Name}, sđt {Phone}, làm khai sinh");
        Assert.Contains("Hà Nội", ApiMessages.Texts(summary));
        await host.Send(client, "p", $"tên tôi là {Name}, số {IdNumber}, hỏi về con mèo"); // not understood: logged for staff, redacted

        var events = string.Join("\n", (await host.Events()).Select(e => e + string.Join(",", e.Properties ?? new Dictionary<string, string>())));
        Assert.Contains("[SỐ GIẤY TỜ]", events);
        var stored = await ReadAllBytesAsText(host.SqlitePath);
        // State JSON may escape Vietnamese letters, so look for the name in that form too.
        var escapedName = System.Text.Json.JsonEncodedText.Encode(Name).ToString();
        foreach (var secret in new[] { IdNumber, "001 090 01234", Phone, "912 345 678", Name, escapedName })
        {
            Assert.DoesNotContain(secret, events);
            Assert.DoesNotContain(secret, stored);
            Assert.DoesNotContain(logs.Messages, m => m.Contains(secret, StringComparison.Ordinal));
        }
        Assert.NotEmpty(logs.Messages);
    }

    [Fact]
    public async Task The_stored_direct_line_transcript_keeps_no_id_or_phone_number_or_name_and_its_echo_shows_them_redacted()
    {
        await using var host = GuidanceBot.Tests.DirectLine.DirectLineClient.NewHost();
        var dl = new GuidanceBot.Tests.DirectLine.DirectLineClient(host, host.CreateClient());
        var (conversationId, token, _) = await dl.Start();

        foreach (var (text, n) in new[] { "Kiểm tra điều kiện đăng ký VNeID", "01/02/1990", "có", IdNumber, "+84 912 345 678", $"tôi là {Name}, sđt {Phone}, làm khai sinh" }
            .Select((t, i) => (t, i)))
        {
            await dl.Json(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, GuidanceBot.Tests.DirectLine.DirectLineClient.Message(text, $"c{n}"));
        }

        var transcript = (await dl.Json(HttpMethod.Get, $"/conversations/{conversationId}/activities", token)).ToJsonString();
        Assert.Contains(GuidanceBot.Language.Redactor.IdNumber, System.Text.Json.Nodes.JsonNode.Parse(transcript)!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        var stored = await ReadAllBytesAsText(host.SqlitePath);
        var escapedName = System.Text.Json.JsonEncodedText.Encode(Name).ToString();
        foreach (var secret in new[] { IdNumber, Phone, "912 345 678", Name, escapedName })
        {
            Assert.DoesNotContain(secret, stored);
            Assert.DoesNotContain(secret, transcript);
        }
    }

    /// <summary>The database, its WAL and shared-memory files as text, so no table or page is missed.</summary>
    private static async Task<string> ReadAllBytesAsText(string path)
    {
        SqliteConnection.ClearAllPools();
        var text = new StringBuilder();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Queue { get; } = new();
        public IEnumerable<string> Messages => Queue;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Queue.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
