using System.CommandLine;
using System.Globalization;
using GuidanceBot.Activities;
using GuidanceBot.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Cli.Commands;

/// <summary>Chats with the bot in the terminal, on the same engine and store as the web host. Buttons become numbered options.</summary>
public sealed class ChatCommand(TurnEngine engine, TextReader input, TextWriter output)
{
    public static Command Create(CliConsole console, DatabaseOptions database)
    {
        var conversation = new Option<string>("--conversation")
        {
            Description = "The conversation to continue or start (default: cli-USER).",
            HelpName = "ID",
            DefaultValueFactory = _ => "cli-" + Environment.UserName,
        };
        var locale = new Option<string>("--locale") { Description = "The language the chat starts in.", DefaultValueFactory = _ => "vi-VN" };
        locale.AcceptOnlyFromAmong("vi-VN", "en-US");
        var command = new Command("chat", "Chat with the bot in the terminal, on the same engine and database as the web host; buttons become numbered options.")
        {
            conversation, locale,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse, database);
            var engine = host.Services.GetRequiredService<TurnEngine>();
            return await new ChatCommand(engine, console.In, console.Out).RunAsync(parse.GetValue(conversation)!, parse.GetValue(locale)!, cancellationToken);
        });
        return command;
    }

    public async Task<int> RunAsync(string conversationId, string locale, CancellationToken cancellationToken)
    {
        output.WriteLine(locale.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? "GuidanceBot chat. Type a number to pick an option; Ctrl+D or \"/quit\" to leave."
            : "GuidanceBot — trò chuyện. Gõ số để chọn; Ctrl+D hoặc \"/quit\" để thoát.");
        var options = Print(await engine.ProcessAsync(NewActivity(conversationId, locale, ActivityTypes.ConversationUpdate, null), cancellationToken));

        while (!cancellationToken.IsCancellationRequested)
        {
            output.Write("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() == "/quit")
            {
                break;
            }
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var text = int.TryParse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= options.Count
                ? options[n - 1]
                : line;
            options = Print(await engine.ProcessAsync(NewActivity(conversationId, locale, ActivityTypes.Message, text), cancellationToken));
        }
        return 0;
    }

    private List<string> Print(IReadOnlyList<Activity> replies)
    {
        var options = new List<string>();
        foreach (var reply in replies.Where(r => r.IsMessage))
        {
            if (!string.IsNullOrEmpty(reply.Text))
            {
                output.WriteLine(reply.Text);
            }
            foreach (var action in reply.SuggestedActions?.Actions ?? [])
            {
                if (action.Type == CardActionTypes.OpenUrl)
                {
                    output.WriteLine($"   🔗 {action.Title}: {action.Value}");
                    continue;
                }
                options.Add(action.Value ?? action.Title ?? "");
                output.WriteLine($"   {options.Count}. {action.Title}");
            }
        }
        return options;
    }

    private static Activity NewActivity(string conversationId, string locale, string type, string? text) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = "cli",
        From = new ChannelAccount { Id = "cli-user" },
        Recipient = new ChannelAccount { Id = "guidancebot" },
        Conversation = new ConversationAccount { Id = conversationId },
        Locale = locale,
        Text = text,
        MembersAdded = type == ActivityTypes.ConversationUpdate ? [new ChannelAccount { Id = "cli-user" }] : null,
    };
}
