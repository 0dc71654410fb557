namespace GuidanceBot.Web.Dashboard;

/// <summary>
/// The dashboard's fixed texts, read through <c>IStringLocalizer&lt;DashboardText&gt;</c>: DashboardText.resx in Vietnamese
/// (the default) and DashboardText.en.resx in English.
/// </summary>
public sealed class DashboardText;
