using GuidanceBot;
using GuidanceBot.Analytics;
using GuidanceBot.Content;
using GuidanceBot.Staff;
using GuidanceBot.Storage;
using GuidanceBot.Web.Channels.BotConnector;
using GuidanceBot.Web.Channels.DirectLine;
using GuidanceBot.Web.Analytics;
using GuidanceBot.Web.Channels.Zalo;
using GuidanceBot.Web.Dashboard;
using GuidanceBot.Web.DataProtection;
using GuidanceBot.Web.Hosting;
using GuidanceBot.Web.Html;
using GuidanceBot.Web.Links;
using GuidanceBot.Web.Privacy;
using GuidanceBot.Web.WebChat;

var builder = WebApplication.CreateBuilder(args);
builder.AddGuidanceBotHosting();
builder.AddAbuseLimits();
builder.Services.AddGuidanceBot(builder.Configuration, builder.Environment.IsDevelopment());
builder.Services.AddGuidanceBotStorage(builder.Configuration);
builder.Services.AddHostedService<ContentStartupCheck>();
builder.Services.AddDirectLine(builder.Configuration);
builder.Services.AddGuidanceBotAnalytics(builder.Configuration);
builder.Services.AddHostedService<AbandonmentSweepService>();
builder.Services.AddApiKeys();
builder.Services.AddSingleton<AnalyticsApiKeys>();
builder.Services.AddZalo(builder.Configuration);
builder.Services.AddServerPages();
builder.Services.AddDashboard();
builder.Services.AddBotConnector(builder.Configuration);
builder.Services.AddSharedKeyRing();
builder.Services.AddCitizenDataRetention(builder.Configuration);

var app = builder.Build();
app.UseGuidanceBotHosting();
app.UseAbuseLimits();
app.UseMiddleware<StorageFaultMiddleware>();
app.UseServerPages();
app.UseDashboard();
app.UseStaticFiles();

app.MapBotConnector();
app.MapLinkRedirect();
app.MapDirectLine();
app.MapWebChatPage();
app.MapAnalytics();
app.MapZalo();
app.MapDashboard();

try
{
    app.Run();
}
catch (ContentLoadException e)
{
    // The same messages as `guidancebot validate`: file:line:column: what is wrong.
    Console.Error.WriteLine(e.Message);
    Environment.ExitCode = 1;
}
catch (StorageUnavailableException e)
{
    // Names the setting to fix; never the password.
    Console.Error.WriteLine(e.Message);
    Environment.ExitCode = 1;
}

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
