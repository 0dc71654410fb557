using System.Security.Cryptography;
using System.Text;

namespace GuidanceBot.Channels.Zalo;

/// <summary>
/// The conversation id the bot uses for a Zalo user: an HMAC of the user id, stable, and not revealing the user id.
/// The host maps events with it; <c>guidancebot forget</c> finds a citizen's conversation with it.
/// </summary>
public sealed class ZaloConversationId
{
    private readonly byte[] _key;

    /// <param name="oaSecretKey">GuidanceBot:Zalo:OaSecretKey; the key is derived from it unless <paramref name="conversationSecret"/> is set.</param>
    /// <param name="conversationSecret">GuidanceBot:Zalo:ConversationSecret, when the operator set one.</param>
    public ZaloConversationId(string oaSecretKey, string? conversationSecret) =>
        _key = string.IsNullOrEmpty(conversationSecret)
            ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(oaSecretKey), "guidancebot/zalo/conversation-id"u8)
            : Encoding.UTF8.GetBytes(conversationSecret);

    /// <summary>The conversation id of <paramref name="userId"/>.</summary>
    public string For(string userId) => "zalo-" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId)))[..32];
}
