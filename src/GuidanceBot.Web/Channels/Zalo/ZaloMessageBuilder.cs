using System.Text;
using System.Text.Json.Nodes;
using GuidanceBot.Activities;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>
/// Renders a reply activity as OA API v3 <c>message</c> objects: text of at most 2,000 characters (longer text split at
/// sentence boundaries), choices as up to 5 <c>oa.query.show</c> buttons (their payload comes back as the citizen's text),
/// links as <c>oa.open.url</c> buttons. More buttons than Zalo allows become a numbered list the citizen answers by number.
/// </summary>
public static class ZaloMessageBuilder
{
    public const int MaxText = 2000;
    public const int MaxButtons = 5;
    private const int MaxButtonTitle = 100;

    /// <summary>The values of the reply's choice buttons, in order: what a tap sends back as text.</summary>
    public static IReadOnlyList<string> Choices(Activity reply) => ChoiceActions(reply).Select(a => a.Value ?? a.Title!).ToList();

    private static List<CardAction> ChoiceActions(Activity reply) =>
        (reply.SuggestedActions?.Actions ?? []).Where(a => a.Type is CardActionTypes.ImBack or CardActionTypes.PostBack && !string.IsNullOrEmpty(a.Value ?? a.Title)).ToList();

    public static IReadOnlyList<JsonObject> Build(Activity reply)
    {
        var text = reply.Text?.Trim() ?? "";
        var actions = reply.SuggestedActions?.Actions ?? [];
        var choices = ChoiceActions(reply);
        var links = actions.Where(a => a.Type == CardActionTypes.OpenUrl && !string.IsNullOrEmpty(a.Value)).ToList();

        var buttons = new JsonArray();
        var body = new StringBuilder(text);
        if (choices.Count + links.Count <= MaxButtons)
        {
            foreach (var choice in choices)
            {
                buttons.Add(QueryButton(choice));
            }
            foreach (var link in links)
            {
                buttons.Add(LinkButton(link));
            }
        }
        else
        {
            // The dialogs recognise "2" as the second option, so a numbered list works as well as buttons.
            for (var i = 0; i < choices.Count; i++)
            {
                body.Append(body.Length > 0 ? "\n" : "").Append(i + 1).Append(". ").Append(choices[i].Title ?? choices[i].Value);
            }
            if (links.Count <= MaxButtons)
            {
                links.ForEach(l => buttons.Add(LinkButton(l)));
            }
            else
            {
                links.ForEach(l => body.Append('\n').Append(l.Title).Append(": ").Append(l.Value));
            }
        }

        var chunks = Split(body.ToString(), MaxText);
        if (chunks.Count == 0 && buttons.Count > 0)
        {
            chunks = ["…"];
        }
        var messages = new List<JsonObject>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var message = new JsonObject { ["text"] = chunks[i] };
            if (i == chunks.Count - 1 && buttons.Count > 0)
            {
                message["attachment"] = new JsonObject
                {
                    ["type"] = "template",
                    ["payload"] = new JsonObject { ["buttons"] = buttons },
                };
            }
            messages.Add(message);
        }
        return messages;
    }

    /// <summary>Splits text into pieces of at most <paramref name="limit"/> characters, preferring paragraph, then sentence, then word ends.</summary>
    public static List<string> Split(string text, int limit)
    {
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > limit)
        {
            var cut = LastBreak(rest, limit);
            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0)
        {
            pieces.Add(rest);
        }
        return pieces;
    }

    private static int LastBreak(string text, int limit)
    {
        // A cut after index i keeps text[..(i+1)]; look for the best boundary in the allowed window, but not too early.
        var floor = limit / 2;
        var paragraph = text.LastIndexOf('\n', limit - 1);
        if (paragraph >= floor)
        {
            return paragraph + 1;
        }
        for (var i = limit - 1; i >= floor; i--)
        {
            if (text[i] is '.' or '!' or '?' or '…' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                return i + 1;
            }
        }
        var space = text.LastIndexOf(' ', limit - 1);
        return space >= floor ? space + 1 : limit;
    }

    private static JsonObject QueryButton(CardAction action)
    {
        var value = action.Value ?? action.Title!;
        return new JsonObject
        {
            ["title"] = Truncate(action.Title ?? value, MaxButtonTitle),
            ["type"] = "oa.query.show",
            ["payload"] = Truncate(value, 1000),
        };
    }

    private static JsonObject LinkButton(CardAction action) => new()
    {
        ["title"] = Truncate(action.Title ?? action.Value!, MaxButtonTitle),
        ["type"] = "oa.open.url",
        ["payload"] = new JsonObject { ["url"] = action.Value },
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
