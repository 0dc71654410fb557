using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GuidanceBot.Staff;

/// <summary>Registers <see cref="StaffAccounts"/> and <see cref="ApiKeys"/> over the configured storage (<c>AddGuidanceBotStorage</c>).</summary>
public static class StaffServices
{
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new StaffAccounts(sp.GetRequiredService<IStaffAccountStore>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Both the analytics API and the dashboard need the keys; registering twice keeps one.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.TryAddSingleton<ApiKeys>();
        return services;
    }
}
