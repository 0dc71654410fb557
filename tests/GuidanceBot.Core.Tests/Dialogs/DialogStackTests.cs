using System.Text.Json.Nodes;
using GuidanceBot.Analytics;
using GuidanceBot.Dialogs;

namespace GuidanceBot.Tests.Dialogs;

public class DialogStackTests
{
    /// <summary>parent: asks for a number through a child waterfall, then says what the child returned.</summary>
    private static Dialog[] ParentAndChild() =>
    [
        new WaterfallDialog("parent")
            .AddStep("call-child", (step, ct) => step.BeginDialogAsync("child", null, ct))
            .AddStep("after-child", (step, ct) =>
            {
                step.Turn.Send($"parent got {step.Result?.ToJsonString()} ({step.Reason})");
                return step.PromptAsync("confirm", new PromptOptions { Prompt = "Tiếp tục?" }, ct);
            })
            .AddStep("done", (step, ct) => step.EndDialogAsync(null, ct)),
        new WaterfallDialog("child")
            .AddStep("ask", (step, ct) => step.PromptAsync("number", new PromptOptions { Prompt = "Mấy tuổi?" }, ct))
            .AddStep("double", (step, ct) => step.EndDialogAsync(
                step.Result is JsonValue v && v.TryGetValue<decimal>(out var n) ? JsonValue.Create(n * 2) : JsonValue.Create("none"), ct)),
        new WaterfallDialog("other")
            .AddStep("hello", (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = "Đây là hội thoại khác. Đúng không?" }, ct))
            .AddStep("bye", (step, ct) => { step.Turn.Send("other ended"); return step.EndDialogAsync(null, ct); }),
        new NumberPrompt("number"),
        new ConfirmPrompt("confirm"),
    ];

    [Fact]
    public async Task Parent_resumes_with_the_result_when_its_child_ends()
    {
        var chat = new Conversation(new StackBot(ParentAndChild()));

        await chat.Say("bắt đầu");
        Assert.Equal("Mấy tuổi?", chat.LastText);

        await chat.Say("hai mươi mốt");

        Assert.Equal("parent got 42 (EndCalled)\nTiếp tục?", chat.LastText);
    }

    [Fact]
    public async Task Cancel_all_empties_the_stack_and_records_each_dialog_as_cancelled()
    {
        var bot = new CommandBot(ParentAndChild());
        var chat = new Conversation(bot);
        await chat.Say("bắt đầu");

        await chat.Say("/cancel");

        Assert.Equal("stack: 0", chat.LastText);
        var ended = (await chat.Events()).Where(e => e.Kind == EventKinds.DialogEnded).Select(e => (e.Property("dialog"), e.Property("reason")));
        Assert.Equal([("number", "cancelled"), ("child", "cancelled"), ("parent", "cancelled")], ended);

        await chat.Say("lại");
        Assert.Equal("Mấy tuổi?", chat.LastText); // a fresh start, not a resumed prompt
    }

    [Fact]
    public async Task Replace_swaps_the_active_dialog_without_resuming_its_parent()
    {
        var chat = new Conversation(new CommandBot(ParentAndChild()));
        await chat.Say("bắt đầu");     // parent > child > number
        await chat.Say("/replace");     // number is replaced by "other"
        Assert.Equal("Đây là hội thoại khác. Đúng không?", chat.LastText);

        await chat.Say("đúng");

        // "other" ended and handed its result to the child (its parent), not to the replaced prompt's step logic.
        Assert.StartsWith("other ended", chat.LastText);
        var events = await chat.Events();
        Assert.Contains(events, e => e.Kind == EventKinds.DialogEnded && e.Property("dialog") == "number" && e.Property("reason") == "replaced");
    }

    [Fact]
    public async Task Component_dialog_keeps_its_inner_stack_across_turns_in_sqlite()
    {
        using var database = new TestDatabase();
        {
            var chat = new Conversation(new StackBot(new Wrapper(ParentAndChild())), database.Store);

            await chat.Say("bắt đầu");
            Assert.Equal("Mấy tuổi?", chat.LastText);
            await chat.Say("10");
            Assert.Equal("parent got 20 (EndCalled)\nTiếp tục?", chat.LastText);
            await chat.Say("có");

            Assert.Equal("wrapper done", chat.LastText);
        }
    }

    private sealed class Wrapper : ComponentDialog
    {
        public Wrapper(Dialog[] inner) : base("wrapper")
        {
            foreach (var d in inner)
            {
                AddDialog(d);
            }
        }

        protected override Task<DialogTurnResult> EndComponentAsync(DialogContext outer, JsonNode? result, CancellationToken cancellationToken)
        {
            outer.Turn.Send("wrapper done");
            return base.EndComponentAsync(outer, result, cancellationToken);
        }
    }

    /// <summary>StackBot plus two test commands: /cancel (cancel all) and /replace (replace the active dialog with "other").</summary>
    private sealed class CommandBot(params Dialog[] dialogs) : GuidanceBot.Engine.IBot
    {
        private readonly DialogSet _set = dialogs.Aggregate(new DialogSet(), (set, d) => set.Add(d));

        public async Task OnTurnAsync(GuidanceBot.Engine.TurnContext turn, CancellationToken ct)
        {
            var dc = new DialogContext(_set, turn, turn.State.DialogStack);
            switch (turn.Activity.Text)
            {
                case "/cancel":
                    await dc.CancelAllDialogsAsync(ct);
                    turn.Send($"stack: {dc.Stack.Count}");
                    return;
                case "/replace":
                    await dc.ReplaceDialogAsync("other", null, ct);
                    return;
            }
            if ((await dc.ContinueDialogAsync(ct)).Status == DialogTurnStatus.Empty)
            {
                await dc.BeginDialogAsync(dialogs[0].Id, null, ct);
            }
        }
    }
}
