using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Engine;
using GuidanceBot.Language;

namespace GuidanceBot.Dialogs;

/// <summary>What a prompt made of the user's answer: a value, or the reason it was refused.</summary>
public sealed record PromptRecognition<T>(bool Succeeded, T? Value, LocalizedReason? Error = null)
{
    public static PromptRecognition<T> Success(T value) => new(true, value);
    public static PromptRecognition<T> Failure(LocalizedReason? error = null) => new(false, default, error);
}

/// <summary>What a validator sees; set <see cref="Error"/> to tell the user why the answer was refused.</summary>
public sealed class PromptValidatorContext<T>(TurnContext turn, PromptRecognition<T> recognized, PromptOptions options, int attemptCount)
{
    public TurnContext Turn { get; } = turn;
    public PromptRecognition<T> Recognized { get; } = recognized;
    public PromptOptions Options { get; } = options;
    public int AttemptCount { get; } = attemptCount;
    public LocalizedReason? Error { get; set; }
}

/// <summary>Extra check on a recognised value (a range, a business rule); false sends the retry prompt.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> context, CancellationToken cancellationToken);

/// <summary>
/// Asks one question and ends with the recognised answer. A wrong answer gets the reason and the retry prompt;
/// after <see cref="PromptOptions.MaxAttempts"/> wrong answers the prompt ends with <see cref="DialogReason.RetryLimit"/>.
/// With <see cref="PromptOptions.PassOn"/>, an answer it does not recognise ends it at once for the dialog below to read.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator) : Dialog(id)
{
    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        state["options"] = options?.DeepClone();
        state["attempts"] = 0;
        Ask(dc.Turn, PromptOptions.FromJson(options), retry: false, error: null);
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!dc.Turn.Activity.IsMessage)
        {
            return DialogTurnResult.Waiting;
        }
        var state = dc.ActiveDialog!.State;
        var options = PromptOptions.FromJson(state["options"]);
        var attempts = (int)state["attempts"]! + 1;
        state["attempts"] = attempts;

        var recognized = Recognize(dc.Turn, dc.Turn.Activity.Text ?? "", options);
        var valid = recognized.Succeeded;
        var error = recognized.Error;
        if (valid && validator is not null)
        {
            var context = new PromptValidatorContext<T>(dc.Turn, recognized, options, attempts);
            valid = await validator(context, cancellationToken);
            error = context.Error ?? error;
        }
        if (valid)
        {
            return await dc.EndDialogAsync(ToResult(recognized.Value!), cancellationToken);
        }
        if (options.PassOn && !recognized.Succeeded)
        {
            return await dc.EndDialogAsync(null, DialogReason.PassedOn, cancellationToken);
        }
        if (attempts >= options.MaxAttempts)
        {
            return await dc.EndDialogAsync(null, DialogReason.RetryLimit, cancellationToken);
        }
        dc.Turn.Record(EventKinds.PromptRetried, properties: new Dictionary<string, string>
        {
            ["dialog"] = Id,
            ["attempt"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Ask(dc.Turn, options, retry: true, error);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
    {
        Ask(dc.Turn, PromptOptions.FromJson(instance.State["options"]), retry: false, error: null);
        return Task.CompletedTask;
    }

    /// <summary>Turns the user's text into a value, or a refusal with its reason.</summary>
    protected abstract PromptRecognition<T> Recognize(TurnContext turn, string text, PromptOptions options);

    /// <summary>The value handed to the parent dialog. It is kept in the parent's state only if the parent stores it.</summary>
    protected abstract JsonNode? ToResult(T value);

    /// <summary>Buttons shown with the question.</summary>
    protected virtual IEnumerable<CardAction>? Buttons(TurnContext turn, PromptOptions options) => null;

    private void Ask(TurnContext turn, PromptOptions options, bool retry, LocalizedReason? error)
    {
        options = options.For(turn);
        var question = retry ? options.RetryPrompt ?? options.Prompt : options.Prompt;
        var text = error is { } reason ? $"{reason.For(turn.Language)}\n{question}" : question;
        turn.Send(text ?? "", (Buttons(turn, options) ?? []).Concat(options.Actions ?? []));
    }
}
