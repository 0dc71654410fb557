using GuidanceBot.Activities;
using GuidanceBot.Content;
using GuidanceBot.Engine;
using GuidanceBot.Language;

namespace GuidanceBot.Bot;

/// <summary>
/// The short answers to conversational acts: with nothing running, a welcome, a polite close or a question about what the
/// citizen needs, with the topic menu; inside a flow, a line that fits, after which the flow shows its step again.
/// </summary>
public sealed class ActReplies(BotOptions options)
{
    /// <summary>Answers an act with nothing running: the reply and its buttons.</summary>
    public (string Text, IEnumerable<CardAction> Buttons) AtTheMenu(TurnContext turn, ConversationalAct act, bool greeted)
    {
        var hello = greeted && act != ConversationalAct.Greeting ? turn.Text("Hello") : "";
        return act switch
        {
            ConversationalAct.Greeting => (Welcome(turn), TopicMenu.Buttons(turn)),
            ConversationalAct.Thanks => (turn.Text("ActThanks"), TopicMenu.Buttons(turn)),
            ConversationalAct.Goodbye => (turn.Text("ActGoodbye"), []),
            ConversationalAct.Acknowledgement => (hello + turn.Text("ActAcknowledgement"), TopicMenu.Buttons(turn)),
            ConversationalAct.WhoAreYou => (hello + turn.Text("ActWhoAreYou", options.Hotline),
                TopicMenu.Buttons(turn)),
            ConversationalAct.WhatCanYouDo => (hello + turn.Text("ActWhatCanYouDo", TopicMenu.List(turn)),
                TopicMenu.Buttons(turn)),
            ConversationalAct.VagueRequest => (hello + turn.Text("ActVagueRequest"), TopicMenu.Buttons(turn)),
            _ => (turn.Text("ActComplaint", options.Hotline),
                [CardAction.ImBack(turn.Text("TalkToStaff")), CardAction.ImBack(turn.Text("StartOver"))]),
        };
    }

    /// <summary>Answers an act inside a flow; the flow shows its step again after it.</summary>
    public string InFlow(TurnContext turn, ConversationalAct act, FlowDefinition flow) => act switch
    {
        ConversationalAct.Greeting => turn.Text("InFlowGreeting", flow.Title.For(turn.Language)),
        ConversationalAct.Thanks => turn.Text("InFlowThanks"),
        ConversationalAct.Goodbye => turn.Text("InFlowGoodbye"),
        ConversationalAct.Acknowledgement => turn.Text("InFlowAcknowledgement"),
        ConversationalAct.WhoAreYou => turn.Text("InFlowWhoAreYou", options.Hotline),
        ConversationalAct.WhatCanYouDo => turn.Text("InFlowWhatCanYouDo", flow.Title.For(turn.Language)),
        ConversationalAct.VagueRequest => turn.Text("InFlowVagueRequest"),
        _ => turn.Text("InFlowComplaint", options.Hotline),
    };

    /// <summary>The welcome with the menu's explanation, for a greeting and for a new conversation.</summary>
    public static string Welcome(TurnContext turn) => turn.Text("HelloGuideThroughOnlinePublic");
}
