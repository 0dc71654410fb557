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
        var hello = greeted && act != ConversationalAct.Greeting ? turn.T("Chào bạn! ", "Hello! ") : "";
        return act switch
        {
            ConversationalAct.Greeting => (Welcome(turn), TopicMenu.Buttons(turn)),
            ConversationalAct.Thanks => (turn.T("Không có gì ạ! Bạn cần mình hướng dẫn thêm thủ tục nào không?",
                "You're welcome! Is there another procedure I can guide you through?"), TopicMenu.Buttons(turn)),
            ConversationalAct.Goodbye => (turn.T("Cảm ơn bạn đã nhắn. Khi cần làm thủ tục, bạn cứ nhắn lại mình bất cứ lúc nào. Chúc bạn một ngày tốt lành!",
                "Thanks for your message. Whenever you need a procedure, message me again. Have a good day!"), []),
            ConversationalAct.Acknowledgement => (hello + turn.T("Vâng. Bạn cần làm thủ tục gì? Bạn chọn một nhóm bên dưới hoặc gõ điều bạn cần.",
                "OK. Which procedure do you need? Pick a group below or type what you need."), TopicMenu.Buttons(turn)),
            ConversationalAct.WhoAreYou => (hello + turn.T(
                $"Mình là trợ lý ảo (chatbot) hướng dẫn người dân làm thủ tục hành chính trực tuyến, không phải cán bộ. Cần người hỗ trợ, bạn gõ \"gặp cán bộ\" hoặc gọi tổng đài {options.Hotline}.",
                $"I am a virtual assistant (a chatbot) that guides citizens through online public-service procedures, not a member of staff. For a person, type \"talk to staff\" or call {options.Hotline}."),
                TopicMenu.Buttons(turn)),
            ConversationalAct.WhatCanYouDo => (hello + turn.T(
                $"Mình hướng dẫn từng bước các thủ tục trực tuyến về: {TopicMenu.List(turn)}. Trong lúc làm, bạn hỏi được lệ phí, thời gian, giấy tờ cần chuẩn bị. Bạn chọn một nhóm bên dưới nhé.",
                $"I guide you step by step through online procedures on: {TopicMenu.List(turn)}. On the way you can ask about fees, time and documents. Pick a group below."),
                TopicMenu.Buttons(turn)),
            ConversationalAct.VagueRequest => (hello + turn.T("Bạn cứ hỏi nhé. Bạn cần làm thủ tục gì? Bạn chọn một nhóm bên dưới, hoặc gõ ngắn gọn, ví dụ \"đăng ký tạm trú\".",
                "Go ahead. Which procedure do you need? Pick a group below, or type it briefly, e.g. \"temporary residence\"."), TopicMenu.Buttons(turn)),
            _ => (turn.T(
                $"Xin lỗi vì mình chưa giúp được bạn như mong muốn. Bạn gọi tổng đài {options.Hotline} (miễn phí) hoặc bấm \"Gặp cán bộ\" để được người hỗ trợ, hoặc \"Bắt đầu lại\" để chọn lại thủ tục.",
                $"Sorry I have not been more helpful. Call the hotline {options.Hotline} (free) or tap \"Talk to staff\" for a person, or \"Start over\" to pick a procedure again."),
                [CardAction.ImBack(turn.T("Gặp cán bộ", "Talk to staff")), CardAction.ImBack(turn.T("Bắt đầu lại", "Start over"))]),
        };
    }

    /// <summary>Answers an act inside a flow; the flow shows its step again after it.</summary>
    public string InFlow(TurnContext turn, ConversationalAct act, FlowDefinition flow) => act switch
    {
        ConversationalAct.Greeting => turn.T($"Chào bạn! Mình đang hướng dẫn bạn \"{flow.Title.Vi}\", mình nhắc lại bước hiện tại nhé.",
            $"Hello! I am guiding you through \"{flow.Title.For("en")}\"; here is the current step again."),
        ConversationalAct.Thanks => turn.T("Không có gì ạ! Mình tiếp tục hướng dẫn nhé.", "You're welcome! Let's carry on."),
        ConversationalAct.Goodbye => turn.T("Tạm biệt bạn! Khi quay lại, mình hướng dẫn tiếp từ bước này. Muốn dừng hẳn thì gõ \"thoát\".",
            "Goodbye! When you come back, we go on from this step. To stop for good, type \"cancel\"."),
        ConversationalAct.Acknowledgement => turn.T("Vâng. Bạn trả lời bước này bằng một nút bên dưới nhé.", "OK. Please answer this step with a button below."),
        ConversationalAct.WhoAreYou => turn.T($"Mình là trợ lý ảo hướng dẫn thủ tục hành chính trực tuyến, không phải cán bộ. Cần người hỗ trợ, bạn gõ \"gặp cán bộ\" (tổng đài {options.Hotline}).",
            $"I am a virtual assistant for online procedures, not a member of staff. For a person, type \"talk to staff\" (hotline {options.Hotline})."),
        ConversationalAct.WhatCanYouDo => turn.T($"Mình đang hướng dẫn bạn \"{flow.Title.Vi}\" từng bước. Bạn hỏi được lệ phí, thời gian, giấy tờ, nơi nộp của thủ tục này; gõ \"quay lại\" để về bước trước, \"thoát\" để dừng.",
            $"I am guiding you through \"{flow.Title.For("en")}\" step by step. You can ask about its fee, time, documents and where to apply; type \"back\" for the previous step, \"cancel\" to stop."),
        ConversationalAct.VagueRequest => turn.T("Bạn cứ hỏi, ví dụ lệ phí, thời gian giải quyết hay giấy tờ cần chuẩn bị của thủ tục này. Còn đây là bước hiện tại:",
            "Go ahead and ask, e.g. about the fee, processing time or documents of this procedure. Here is the current step:"),
        _ => turn.T($"Xin lỗi vì bước này khó theo dõi. Bạn gọi tổng đài {options.Hotline} hoặc gõ \"gặp cán bộ\" để được người hỗ trợ; gõ \"quay lại\" để về bước trước.",
            $"Sorry this step is hard to follow. Call {options.Hotline} or type \"talk to staff\" for a person; type \"back\" for the previous step."),
    };

    /// <summary>The welcome with the menu's explanation, for a greeting and for a new conversation.</summary>
    public static string Welcome(TurnContext turn) => turn.T(
        "Xin chào! Mình là trợ lý ảo hướng dẫn làm thủ tục hành chính trực tuyến. Bạn chọn một nhóm bên dưới, hoặc gõ điều bạn cần, ví dụ \"làm giấy khai sinh cho con\".",
        "Hello! I guide you through online public services. Pick a group below, or type what you need, e.g. \"register my baby's birth\".");
}
