using GuidanceBot.Staff;

namespace GuidanceBot.Web.Dashboard.Pages;

/// <summary>The accounts page and its two posts: add (or reset) an account, remove one.</summary>
public sealed partial class AccountsPage
{
    [CascadingParameter] public HttpContext Http { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<StaffAccount> Accounts { get; set; } = [];

    [Parameter, EditorRequired] public IReadOnlyList<ApiKey> Keys { get; set; } = [];

    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }

    /// <summary>What the last action did, shown on top.</summary>
    [Parameter] public string? Message { get; set; }

    /// <summary>Why the last action was refused, shown on top.</summary>
    [Parameter] public string? Error { get; set; }

    /// <summary>The API key made just before, shown this once.</summary>
    [Parameter] public CreatedApiKey? Created { get; set; }

    public static Task<RazorComponentResult<AccountsPage>> RenderAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, CancellationToken cancellationToken) =>
        WithAsync(http, accounts, keys, message: null, error: null, cancellationToken);

    public static async Task<RazorComponentResult<AccountsPage>> AddAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, IStringLocalizer<DashboardText> text,
        ILogger<StaffAccounts> log, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString().Trim();
        var role = form["role"].ToString();
        var password = form["password"].ToString();
        var error = StaffAccounts.CheckName(name) is not null ? text["BadName"].Value
            : !StaffRoles.IsKnown(role) ? text["BadRole"].Value
            : StaffAccounts.CheckPassword(password) is not null ? text["ShortPassword", StaffAccounts.MinPasswordLength].Value
            : null;
        if (error is not null)
        {
            return await WithAsync(http, accounts, keys, null, error, cancellationToken, StatusCodes.Status400BadRequest);
        }
        var added = await accounts.AddOrResetAsync(name, role, password, cancellationToken);
        log.LogInformation("Staff {Admin} {Action} dashboard account {Name} ({Role})", http.User.Identity!.Name, added ? "added" : "reset", name, role);
        return await WithAsync(http, accounts, keys, added ? text["AccountAdded", name] : text["AccountReset", name], null, cancellationToken);
    }

    public static async Task<RazorComponentResult<AccountsPage>> RemoveAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, IStringLocalizer<DashboardText> text,
        ILogger<StaffAccounts> log, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString();
        if (string.Equals(name, http.User.Identity!.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await WithAsync(http, accounts, keys, null, text["CannotRemoveSelf"], cancellationToken, StatusCodes.Status400BadRequest);
        }
        var removed = await accounts.RemoveAsync(name, cancellationToken);
        log.LogInformation("Staff {Admin} removed dashboard account {Name}: {Removed}", http.User.Identity!.Name, name, removed);
        return removed
            ? await WithAsync(http, accounts, keys, text["AccountRemoved", name], null, cancellationToken)
            : await WithAsync(http, accounts, keys, null, text["NoSuchAccount"], cancellationToken);
    }

    /// <summary>The whole page with a message or an error on top and, right after one was made, the new API key.</summary>
    internal static async Task<RazorComponentResult<AccountsPage>> WithAsync(HttpContext http, StaffAccounts accounts, ApiKeys keys, string? message, string? error,
        CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        var keyList = await keys.ListAsync(cancellationToken);
        return new(new
        {
            Accounts = await accounts.ListAsync(cancellationToken),
            Keys = keyList,
            Now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            Message = message,
            Error = error,
            Created = ApiKeyActions.TakeCreated(http, keyList),
        })
        { StatusCode = status };
    }
}
