using System.CommandLine;
using GuidanceBot.Channels.Zalo;
using GuidanceBot.Engine;
using GuidanceBot.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Cli.Commands;

/// <summary>
/// <c>guidancebot forget --channel C --user U</c>: deletes what the database keeps about one citizen — conversation
/// state, Direct Line transcript, Zalo and Bot Connector queue rows — on their request under Nghị định 13/2023/NĐ-CP.
/// Anonymous analytics events stay. The user is the channel's own id: the Direct Line user id (dl_…), the Zalo user id,
/// or for other channels the conversation id.
/// </summary>
public static class ForgetCommand
{
    public static Command Create(CliConsole console, DatabaseOptions database)
    {
        var channel = new Option<string>("--channel")
        {
            Description = "The channel the citizen used: directline, zalo, or another channel's id (cli, msteams, …).",
            HelpName = "CHANNEL",
            Required = true,
        };
        var user = new Option<string>("--user")
        {
            Description = "The citizen's id on that channel: the Direct Line user id (dl_…), the Zalo user id, or for other channels the conversation id.",
            HelpName = "USER-ID",
            Required = true,
        };
        var command = new Command("forget",
            "Delete one citizen's conversation state, Direct Line transcript and queue rows (their request under Nghị định 13/2023/NĐ-CP); anonymous analytics events stay.")
        {
            channel,
            user,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse, database);
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            var zalo = configuration["GuidanceBot:Zalo:OaSecretKey"] is { Length: > 0 } oaSecretKey
                ? new ZaloConversationId(oaSecretKey, configuration["GuidanceBot:Zalo:ConversationSecret"])
                : null;
            return await RunAsync(host.Services.GetRequiredService<ICitizenData>(), zalo, parse.GetValue(channel), parse.GetValue(user), console.Out, console.Error,
                cancellationToken);
        });
        return command;
    }

    /// <param name="zaloConversationId">Finds a Zalo user's conversation; null when GuidanceBot:Zalo:OaSecretKey is not set.</param>
    public static async Task<int> RunAsync(ICitizenData data, ZaloConversationId? zaloConversationId, string? channel, string? user, TextWriter output,
        TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(channel) || string.IsNullOrWhiteSpace(user))
        {
            error.WriteLine("Usage: guidancebot forget --channel directline|zalo|CHANNEL --user USER-ID [--sqlite PATH | --connection CONNECTION-STRING]");
            return 2;
        }
        List<ConversationKey> conversations;
        switch (channel)
        {
            case "directline":
                // The store finds every conversation the user started.
                conversations = [];
                break;
            case "zalo" when zaloConversationId is null:
                error.WriteLine("Set GuidanceBot:Zalo:OaSecretKey (and GuidanceBot:Zalo:ConversationSecret if the host has one), as on the host: the Zalo conversation id is derived from them.");
                return 2;
            case "zalo":
                conversations = [new ConversationKey(channel, zaloConversationId!.For(user))];
                break;
            default:
                conversations = [new ConversationKey(channel, user)];
                break;
        }
        var removed = await data.ForgetAsync(channel, user, conversations, cancellationToken);
        output.WriteLine($"Deleted {removed.Conversations} conversation state(s), {removed.Transcripts} Direct Line transcript(s) and {removed.QueueRows} queue row(s) of {channel} user {user}.");
        if (removed.Total == 0)
        {
            output.WriteLine("Nothing was kept for this user (or it was already deleted). Analytics events are anonymous and stay.");
        }
        return 0;
    }
}
