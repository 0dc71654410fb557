using System.Text.Json.Nodes;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;

namespace GuidanceBot.Tests.Dialogs;

/// <summary>A bot that runs a given set of dialogs: continues the stack, or begins the first dialog when it is empty.</summary>
public sealed class StackBot(params Dialog[] dialogs) : IBot
{
    private readonly DialogSet _set = dialogs.Aggregate(new DialogSet(), (set, d) => set.Add(d));

    public List<DialogTurnResult> Results { get; } = [];

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(_set, turn, turn.State.DialogStack);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialogs[0].Id, null, cancellationToken);
        }
        Results.Add(result);
    }

    /// <summary>A waterfall that asks one prompt and reports what came back ("got: …" or "gave up").</summary>
    public static StackBot AskingWith(Dialog prompt, PromptOptions options) => new(
        new WaterfallDialog("ask")
            .AddStep("ask", (step, ct) => step.PromptAsync(prompt.Id, options, ct))
            .AddStep("report", (step, ct) =>
            {
                step.Turn.Send(step.Reason == DialogReason.RetryLimit ? "gave up" : Got(step.Result));
                return step.EndDialogAsync(step.Result, ct);
            }),
        prompt);

    public static string Got(JsonNode? node) => $"got: {node?.ToJsonString(Readable)}";

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
