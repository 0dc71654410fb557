using System.Text.Json.Serialization;
using GuidanceBot.Web.Channels.DirectLine;
using Microsoft.Extensions.FileProviders;

namespace GuidanceBot.Web.WebChat;

/// <summary>
/// The citizen chat page at <c>/</c> (<see cref="ChatPage"/>; wwwroot: app.js, site.css, Web Chat vendored under lib/) and <c>POST /webchat/token</c>, which
/// gives the page a Direct Line token for a new conversation and a random user id, so the secret never reaches a browser.
/// </summary>
public static class WebChatPage
{
    public static WebApplication MapWebChatPage(this WebApplication app)
    {
        // The content root is the caller's folder under `dotnet run` (so data/ is shared with the CLI): take wwwroot from
        // there when it has the page's files, otherwise the copy next to the assembly.
        var root = new[] { app.Environment.WebRootPath, Path.Combine(AppContext.BaseDirectory, "wwwroot") }
            .FirstOrDefault(d => d is not null && File.Exists(Path.Combine(d, "app.js")));
        if (root is null)
        {
            app.Logger.LogWarning("The chat page's files (wwwroot/app.js, Web Chat) were not found; only the Direct Line endpoints are served");
        }
        else
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
            app.MapGet("/", () => new RazorComponentResult<ChatPage>());
        }
        app.MapPost("/webchat/token", (DirectLineTokens tokens, IOptions<DirectLineOptions> options) =>
        {
            var userId = $"dl_{DirectLineConversations.NewId()}";
            var info = DirectLineEndpoints.IssueConversationToken(tokens, options.Value, userId);
            return Results.Json(new WebChatSession(info.ConversationId, info.Token, info.ExpiresIn, userId), WebChatJson.Default.WebChatSession);
        });
        return app;
    }
}

/// <summary>What the page needs to start Web Chat: the token, its conversation and the user id the token is bound to.</summary>
public sealed record WebChatSession(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string UserId);

/// <summary>Source-generated JSON for the page's token answer.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WebChatSession))]
internal sealed partial class WebChatJson : JsonSerializerContext;
