namespace GuidanceBot.Web.Channels.BotConnector;

/// <summary>The bot's identity kind in Azure Bot Service (<c>MicrosoftAppType</c>), as in every Bot Framework bot.</summary>
public enum MicrosoftAppType
{
    /// <summary>An app registration usable from any Entra tenant (the classic default).</summary>
    MultiTenant,

    /// <summary>An app registration of one tenant (<c>MicrosoftAppTenantId</c>).</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity (no password) in one tenant.</summary>
    UserAssignedMSI,
}
