using GuidanceBot;
using GuidanceBot.Content;
using GuidanceBot.Web.Channels.BotConnector;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGuidanceBot(builder.Configuration, builder.Environment.IsDevelopment());

var app = builder.Build();

try
{
    // Load and validate dialogs/ now, so a broken file stops the start with its errors instead of failing a citizen later.
    app.Services.GetRequiredService<ContentProvider>();
}
catch (ContentLoadException e)
{
    Console.Error.WriteLine(e.Message);
    Environment.ExitCode = 1;
    return;
}

app.MapGet("/healthz", () => Results.Text("ok"));
app.MapBotConnector();

app.Run();

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
