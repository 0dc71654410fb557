using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Hosting;

/// <summary>Start-up validation whose message names what is wrong (the options builder's <c>Validate</c> takes one fixed message).</summary>
public sealed class OptionsProblem<T>(Func<T, string?> problem) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        problem(options) is { } message ? ValidateOptionsResult.Fail(message) : ValidateOptionsResult.Success;
}
