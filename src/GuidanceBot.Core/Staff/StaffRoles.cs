namespace GuidanceBot.Staff;

/// <summary>Dashboard roles: a viewer reads dashboards; an admin also manages staff accounts and API keys.</summary>
public static class StaffRoles
{
    public const string Viewer = "viewer";
    public const string Admin = "admin";

    public static bool IsKnown(string role) => role is Viewer or Admin;
}
