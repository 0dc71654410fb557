namespace GuidanceBot.Tests.Deployment;

/// <summary>
/// The one-step deployment scripts (deploymentTemplates/onprem/up.sh, deploymentTemplates/azure/deploy.sh), run with
/// stand-ins for docker, az, dotnet and zip that record what they were asked (no Docker engine or Azure here).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DeployScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gb-deploy-").FullName;

    public DeployScriptTests()
    {
        Directory.CreateDirectory(Bin);
        // Each stand-in logs its name and arguments, one call per line.
        Tool("docker", "");
        Tool("zip", "");
        Tool("dotnet", """
            out=""; prev=""
            for a in "$@"; do [ "$prev" = "-o" ] && out=$a; prev=$a; done
            mkdir -p "$out" && touch "$out/GuidanceBot.Web.dll"
            """);
        Tool("az", """
            case "$*" in
              "deployment group show"*"--query name"*) [ -n "${FAKE_DEPLOYED:-}" ] || exit 3 ;;
              *hostName*) echo "dn06-web-abc.azurewebsites.net" ;;
              *keyVaultName*) echo "dn06-kv-abc" ;;
              "deployment group create"*) echo "secrets ${#GB_DIRECTLINE_SECRET} ${#GB_POSTGRES_PASSWORD}" >> "$FAKE_LOG" ;;
            esac
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Bin => Path.Combine(_folder, "bin");

    private string Log => Path.Combine(_folder, "calls.log");

    private void Tool(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, $"#!/usr/bin/env bash\necho \"{name} $*\" >> \"$FAKE_LOG\"\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string[] Calls() => File.Exists(Log) ? File.ReadAllLines(Log) : [];

    private Task<(int ExitCode, string Output)> RunAsync(string script, IEnumerable<string> arguments, bool deployed = false)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = $"{Bin}:{Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_LOG"] = Log,
            ["FAKE_DEPLOYED"] = deployed ? "yes" : "",
            ["GB_DIRECTLINE_SECRET"] = "",
            ["GB_POSTGRES_PASSWORD"] = "",
        };
        return RepositoryFiles.RunAsync("bash", [script, .. arguments], environment);
    }

    /// <summary>A copy of deploymentTemplates/onprem, so the script writes its .env and tls/ there.</summary>
    private string OnPremCopy()
    {
        var copy = Path.Combine(_folder, "onprem");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Templates, "onprem"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Path.Combine(RepositoryFiles.Templates, "onprem"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    [Fact]
    public async Task On_premises_the_first_run_writes_the_secrets_makes_a_certificate_on_request_and_starts_compose_and_a_second_keeps_them()
    {
        var onprem = OnPremCopy();

        var first = await RunAsync(Path.Combine(onprem, "up.sh"), ["--self-signed", "chatbot.example.test"]);
        var env = await File.ReadAllLinesAsync(Path.Combine(onprem, ".env"));
        var second = await RunAsync(Path.Combine(onprem, "up.sh"), []);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(onprem, ".env")));
        Assert.Matches("^[0-9a-f]{48}$", env.Single(l => l.StartsWith("POSTGRES_PASSWORD=", StringComparison.Ordinal))["POSTGRES_PASSWORD=".Length..]);
        Assert.InRange(env.Single(l => l.StartsWith("GuidanceBot__DirectLine__Secret=", StringComparison.Ordinal)).Length - "GuidanceBot__DirectLine__Secret=".Length, 32, 100);
        // Everything else is env.example as it is; the second run changed nothing.
        var example = await File.ReadAllLinesAsync(Path.Combine(onprem, "env.example"));
        Assert.Equal(example.Where(l => !l.StartsWith("POSTGRES_PASSWORD=", StringComparison.Ordinal) && !l.StartsWith("GuidanceBot__DirectLine__Secret=", StringComparison.Ordinal)),
            env.Where(l => !l.StartsWith("POSTGRES_PASSWORD=", StringComparison.Ordinal) && !l.StartsWith("GuidanceBot__DirectLine__Secret=", StringComparison.Ordinal)));
        Assert.Equal(env, await File.ReadAllLinesAsync(Path.Combine(onprem, ".env")));
        var certificate = await RepositoryFiles.RunAsync("openssl", ["x509", "-in", Path.Combine(onprem, "tls", "fullchain.pem"), "-noout", "-subject"]);
        Assert.Contains("chatbot.example.test", certificate.Output);
        Assert.True(File.Exists(Path.Combine(onprem, "tls", "privkey.pem")));
        Assert.Equal(2, Calls().Count(c => c == "docker compose up -d --build --wait"));
    }

    [Fact]
    public async Task On_premises_without_a_certificate_it_stops_before_compose_and_says_where_one_goes()
    {
        var onprem = OnPremCopy();

        var run = await RunAsync(Path.Combine(onprem, "up.sh"), []);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("tls/fullchain.pem", run.Output);
        Assert.DoesNotContain(Calls(), c => c.StartsWith("docker compose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_azure_a_first_deployment_generates_the_secrets_deploys_the_template_then_the_code()
    {
        var run = await RunAsync(Path.Combine(RepositoryFiles.Templates, "azure", "deploy.sh"), ["rg-guidancebot"]);

        Assert.True(run.ExitCode == 0, run.Output);
        var calls = Calls();
        var order = new[]
        {
            "az group create -n rg-guidancebot -l southeastasia",
            $"az deployment group create -g rg-guidancebot -n main -f {Path.Combine(RepositoryFiles.Templates, "azure", "main.bicep")}",
            $"dotnet publish {Path.Combine(Repository.Root, "src", "GuidanceBot.Web")} -c Release",
            "zip -qr",
            "az webapp deploy -g rg-guidancebot -n dn06-web-abc --src-path",
        }.Select(start => Array.FindIndex(calls, c => c.StartsWith(start, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        // The template got a generated Direct Line secret (≥ 32 characters) and PostgreSQL password from the environment, not the command line.
        var secrets = calls.Single(c => c.StartsWith("secrets ", StringComparison.Ordinal)).Split(' ');
        Assert.True(int.Parse(secrets[1], System.Globalization.CultureInfo.InvariantCulture) >= 32 && int.Parse(secrets[2], System.Globalization.CultureInfo.InvariantCulture) >= 16);
        Assert.Contains("https://dn06-web-abc.azurewebsites.net/api/messages", run.Output);
    }

    [Fact]
    public async Task On_azure_a_redeployment_without_the_vaults_secrets_stops_and_says_how_to_read_them()
    {
        var run = await RunAsync(Path.Combine(RepositoryFiles.Templates, "azure", "deploy.sh"), ["rg-guidancebot"], deployed: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("az keyvault secret show --vault-name dn06-kv-abc -n directline-secret", run.Output);
        Assert.DoesNotContain(Calls(), c => c.StartsWith("az deployment group create", StringComparison.Ordinal));
    }
}
