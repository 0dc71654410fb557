using GuidanceBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Staff;

/// <summary>Registers <see cref="StaffAccounts"/> over the SQLite store's file (after <c>AddGuidanceBot</c>, which migrates it).</summary>
public static class StaffServices
{
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services) =>
        services.AddSingleton(sp => new StaffAccounts(sp.GetRequiredService<SqliteStore>().FilePath, sp.GetRequiredService<TimeProvider>()));
}
