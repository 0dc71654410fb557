using System.CommandLine;
using GuidanceBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Cli;

/// <summary>
/// The services a CLI command runs on: the same configuration sources (appsettings.json, environment variables) and the
/// same storage registration as the web host, so every command reaches the same database, unless <c>--sqlite</c> or
/// <c>--connection</c> picks another for this run.
/// </summary>
public static class CliHost
{
    public static IHost Build(ParseResult parse, DatabaseOptions database, Action<IServiceCollection, IConfiguration>? addServices = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        database.ApplyTo(parse, builder.Configuration);
        builder.Services.AddGuidanceBot(builder.Configuration, development: false);
        builder.Services.AddGuidanceBotStorage(builder.Configuration);
        addServices?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
