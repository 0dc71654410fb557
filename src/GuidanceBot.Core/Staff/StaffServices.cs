using GuidanceBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GuidanceBot.Staff;

/// <summary>Registers <see cref="StaffAccounts"/> and <see cref="ApiKeys"/> over the SQLite store's file (after <c>AddGuidanceBot</c>, which migrates it).</summary>
public static class StaffServices
{
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services) =>
        services.AddSingleton(sp => new StaffAccounts(sp.GetRequiredService<SqliteStore>().FilePath, sp.GetRequiredService<TimeProvider>()));

    /// <summary>Both the analytics API and the dashboard need the keys; registering twice keeps one.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ApiKeys(sp.GetRequiredService<SqliteStore>().FilePath, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
