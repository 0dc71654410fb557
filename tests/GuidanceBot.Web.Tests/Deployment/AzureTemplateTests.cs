using System.Reflection;
using System.Text.Json.Nodes;

namespace GuidanceBot.Tests.Deployment;

/// <summary>
/// deploymentTemplates/azure compiles with the Bicep CLI (restored from NuGet by this project's PackageDownload) with
/// no error and no warning, for the build and for the linter alike, and its parameters file fits the template.
/// </summary>
public sealed class AzureTemplateTests
{
    private static readonly string Bicep = typeof(AzureTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepCli").Value!;

    private static string Azure => Path.Combine(RepositoryFiles.Templates, "azure");

    private static List<string> BicepPaths() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Templates, "azure"), "*.bicep", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(RepositoryFiles.Templates, f))];

    public static TheoryData<string> BicepFiles() => new(BicepPaths());

    [Fact]
    public void The_bicep_cli_is_restored_and_there_are_templates_to_check()
    {
        Assert.True(File.Exists(Bicep), $"Bicep CLI missing at {Bicep}; restore tests/GuidanceBot.Web.Tests.");
        Assert.Contains(Path.Combine("azure", "main.bicep"), BicepPaths());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Every_bicep_file_builds_and_lints_without_errors_or_warnings(string file)
    {
        var path = Path.Combine(RepositoryFiles.Templates, file);

        var build = await RepositoryFiles.RunAsync(Bicep, ["build", path, "--stdout"]);
        var lint = await RepositoryFiles.RunAsync(Bicep, ["lint", path]);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.DoesNotContain("Warning", lint.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", lint.Output, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("{", build.Output);
    }

    [Fact]
    public async Task The_parameters_file_fits_the_template_with_secrets_from_the_environment()
    {
        var secrets = new Dictionary<string, string>
        {
            ["GB_DIRECTLINE_SECRET"] = new string('d', 48),
            ["GB_POSTGRES_PASSWORD"] = new string('p', 24),
            ["GB_BOT_APP_PASSWORD"] = "client-secret",
        };

        var built = await RepositoryFiles.RunAsync(Bicep, ["build-params", Path.Combine(Azure, "main.bicepparam"), "--stdout"], secrets);
        var withoutSecrets = await RepositoryFiles.RunAsync(Bicep, ["build-params", Path.Combine(Azure, "main.bicepparam"), "--stdout"]);

        Assert.True(built.ExitCode == 0, built.Output);
        Assert.DoesNotContain("Warning", built.Output, StringComparison.OrdinalIgnoreCase);
        var parameters = JsonNode.Parse(built.Output)!["parametersJson"] is { } inner ? JsonNode.Parse((string)inner!)! : JsonNode.Parse(built.Output)!;
        Assert.Equal("SingleTenant", (string?)parameters["parameters"]!["botAppType"]!["value"]);
        // Forgetting a secret is an error at deploy time, not a deployment with an empty password.
        Assert.NotEqual(0, withoutSecrets.ExitCode);
        Assert.Contains("GB_POSTGRES_PASSWORD", withoutSecrets.Output);
    }

    [Fact]
    public async Task The_template_keeps_every_secret_in_key_vault_and_turns_on_websockets_and_the_health_check()
    {
        var build = await RepositoryFiles.RunAsync(Bicep, ["build", Path.Combine(Azure, "main.bicep"), "--stdout"]);
        var arm = JsonNode.Parse(build.Output)!;
        var resources = arm["resources"]!.AsArray().Select(r => r!).ToList();

        var site = resources.Single(r => (string?)r["type"] == "Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;
        Assert.True((bool)config["webSocketsEnabled"]!);
        Assert.Equal("/readyz", (string?)config["healthCheckPath"]);
        // The app settings compile to one ARM expression: each secret's value must be a Key Vault reference.
        var settings = (string)resources.Single(r => (string?)r["type"] == "Microsoft.Web/sites/config")["properties"]!;
        foreach (var secret in new[] { "MicrosoftAppPassword", "ConnectionStrings__GuidanceBot", "GuidanceBot__DirectLine__Secret", "GuidanceBot__Zalo__OaSecretKey", "GuidanceBot__Zalo__AppSecret" })
        {
            Assert.Contains($"'{secret}', format('@Microsoft.KeyVault(SecretUri={{0}})'", settings);
        }
        Assert.DoesNotContain("parameters('postgresAdminPassword')", settings);
        var bot = resources.Single(r => (string?)r["type"] == "Microsoft.BotService/botServices");
        Assert.Contains("https://{0}/api/messages", (string?)bot["properties"]!["endpoint"]);
        Assert.Contains(resources, r => (string?)r["type"] == "Microsoft.DBforPostgreSQL/flexibleServers");
        Assert.Contains(resources, r => (string?)r["type"] == "Microsoft.Insights/components");
        Assert.DoesNotContain(arm["outputs"]!.AsObject(), o => o.Key.Contains("password", StringComparison.OrdinalIgnoreCase) || o.Key.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }
}
