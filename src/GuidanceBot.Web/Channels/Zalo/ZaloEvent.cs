using System.Text.Json;

namespace GuidanceBot.Web.Channels.Zalo;

/// <summary>What GuidanceBot does with a kind of webhook event.</summary>
public enum ZaloEventKind
{
    /// <summary>Echoes of the OA's own messages, delivery/seen receipts and events the bot has no use for.</summary>
    Ignored,
    Text,
    /// <summary>Image, file, sticker, location …: the bot only reads text.</summary>
    NonText,
    Follow,
    Unfollow,
    /// <summary>An answer to a request_user_info card: acknowledged, never stored.</summary>
    SubmitInfo,
}

/// <summary>The parts of a webhook event the channel uses. Personal fields (submitted info, attachments) are not kept.</summary>
public sealed record ZaloEvent(string EventName, ZaloEventKind Kind, string AppId, string Timestamp, string UserId, string? MsgId, string? Text)
{
    /// <summary>The key the inbox de-duplicates on: the message id, or for events without one, event + user + time.</summary>
    public string Key => MsgId is { Length: > 0 } id ? id : $"{EventName}:{UserId}:{Timestamp}";

    private static readonly HashSet<string> NonTextEvents = new(StringComparer.Ordinal)
    {
        "user_send_image", "user_send_file", "user_send_audio", "user_send_video", "user_send_gif",
        "user_send_sticker", "user_send_link", "user_send_location", "user_send_business_card",
    };

    /// <summary>Reads an event; null when the body is not a JSON object with <c>event_name</c>, <c>app_id</c> and <c>timestamp</c>.</summary>
    public static ZaloEvent? Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\ud800") is valid JSON but no text: such an event is refused like a malformed one.
                return null;
            }
        }
    }

    private static ZaloEvent? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var name = Str(root, "event_name");
        var appId = Str(root, "app_id");
        var timestamp = Str(root, "timestamp");
        if (name is null || appId is null || timestamp is null)
        {
            return null;
        }
        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var msgId = message.ValueKind == JsonValueKind.Object ? Str(message, "msg_id") : null;
        var sender = root.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var fromAdmin = sender.ValueKind == JsonValueKind.Object && sender.TryGetProperty("admin_id", out _);

        var kind = name switch
        {
            _ when fromAdmin || name.StartsWith("oa_", StringComparison.Ordinal) => ZaloEventKind.Ignored,
            "user_send_text" => ZaloEventKind.Text,
            "follow" or "user_click_chatnow" => ZaloEventKind.Follow,
            "unfollow" => ZaloEventKind.Unfollow,
            "user_submit_info" => ZaloEventKind.SubmitInfo,
            _ when NonTextEvents.Contains(name) => ZaloEventKind.NonText,
            // user_received_message, user_seen_message (sender is the OA), reactions, ZNS and group events …
            _ => ZaloEventKind.Ignored,
        };
        var userId = kind switch
        {
            ZaloEventKind.Follow or ZaloEventKind.Unfollow =>
                (root.TryGetProperty("follower", out var f) && f.ValueKind == JsonValueKind.Object ? Str(f, "id") : null)
                ?? Str(root, "user_id")
                ?? (sender.ValueKind == JsonValueKind.Object ? Str(sender, "id") : null),
            _ => sender.ValueKind == JsonValueKind.Object ? Str(sender, "id") : null,
        };
        if (kind != ZaloEventKind.Ignored && string.IsNullOrEmpty(userId))
        {
            return null;
        }
        var text = kind == ZaloEventKind.Text && message.ValueKind == JsonValueKind.Object ? Str(message, "text") : null;
        // Noncharacters (U+FFFE …) cannot be normalised: the bot reads them as U+FFFD.
        return new ZaloEvent(name, kind, appId, timestamp, userId ?? "", msgId, text is null ? null : GuidanceBot.Engine.MessageLimits.Clean(text));
    }

    /// <summary>A string property; Zalo sends ids and timestamps as strings, but numbers are tolerated.</summary>
    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
