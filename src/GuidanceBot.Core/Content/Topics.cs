namespace GuidanceBot.Content;

/// <summary>The topics flows are grouped under in menus and on the dashboard.</summary>
public static class Topics
{
    public const string Accounts = "accounts";
    public const string CivilStatus = "civil-status";
    public const string Residence = "residence";
    public const string Identity = "identity";
    public const string JobsInsurance = "jobs-insurance";

    public static IReadOnlyList<string> All { get; } = [Accounts, CivilStatus, Residence, Identity, JobsInsurance];

    public static bool IsKnown(string? topic) => topic is not null && All.Contains(topic, StringComparer.Ordinal);
}
