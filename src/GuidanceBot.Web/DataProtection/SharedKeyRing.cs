using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GuidanceBot.Web.DataProtection;

/// <summary>
/// ASP.NET Core data protection (sign-in cookies, antiforgery tokens, the one-time API-key display) with its key ring in
/// the database (the storage layer's <see cref="IXmlRepository"/>) under one application name, so every instance on the
/// same database reads what any other protected, wherever it is installed, and a restart signs no one out.
/// </summary>
public static class SharedKeyRing
{
    /// <summary>The same on every instance: by default ASP.NET Core uses the content root path, which differs between installations.</summary>
    public const string ApplicationName = "GuidanceBot";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IXmlRepository>((options, repository) => options.XmlRepository = repository);
        return services;
    }
}
