using System.Text.Json.Nodes;

namespace GuidanceBot.Dialogs;

/// <summary>Where the stack is after a dialog call.</summary>
public enum DialogTurnStatus { Empty, Waiting, Complete, Cancelled }

/// <summary>
/// Why a dialog is being resumed or ended: Bot Framework's reasons, plus the retry limit of prompts and a prompt that
/// passed an answer it did not recognise on to the dialog below (<see cref="PromptOptions.PassOn"/>).
/// </summary>
public enum DialogReason { BeginCalled, ContinueCalled, EndCalled, ReplaceCalled, CancelCalled, NextCalled, RetryLimit, PassedOn }

/// <summary>The outcome of a dialog call, with the result of a completed dialog.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, JsonNode? Result = null)
{
    public static readonly DialogTurnResult Waiting = new(DialogTurnStatus.Waiting);
    public static readonly DialogTurnResult Empty = new(DialogTurnStatus.Empty);
}
