using YamlDotNet.RepresentationModel;

namespace GuidanceBot.Tests.Deployment;

/// <summary>The on-premises files: the systemd unit passes systemd's own check, the Dockerfile and compose.yaml have the shape the docs promise.</summary>
public sealed class OnPremisesTemplateTests
{
    private static string OnPrem => Path.Combine(RepositoryFiles.Templates, "onprem");

    [Fact]
    public async Task The_systemd_unit_passes_systemd_analyze_verify_without_a_word()
    {
        var verify = await RepositoryFiles.RunAsync("systemd-analyze", ["verify", Path.Combine(OnPrem, "systemd", "guidancebot.service")]);

        Assert.True(verify.ExitCode == 0 && verify.Output.Length == 0, verify.Output);
    }

    [Fact]
    public void The_systemd_unit_is_hardened_and_stops_with_sigterm_after_the_drain()
    {
        var unit = File.ReadAllLines(Path.Combine(OnPrem, "systemd", "guidancebot.service"));

        foreach (var setting in new[] { "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "CapabilityBoundingSet=", "KillSignal=SIGTERM", "User=guidancebot" })
        {
            Assert.Contains(setting, unit);
        }
        Assert.DoesNotContain("MemoryDenyWriteExecute=yes", unit);
        Assert.Contains("TimeoutStopSec=45", unit);
    }

    [Fact]
    public void The_dockerfile_builds_in_one_stage_and_runs_as_a_non_root_user_in_another()
    {
        var lines = File.ReadAllLines(Path.Combine(OnPrem, "Dockerfile")).Select(l => l.Trim()).ToList();

        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("COPY --from=build", StringComparison.Ordinal));
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain("root", user);
        Assert.Contains(lines, l => l.StartsWith("VOLUME [\"/data\"]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal) && l.Contains("/readyz", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_runs_two_bot_replicas_read_only_behind_nginx_with_postgres_health_checks_and_secrets_from_an_env_file()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(OnPrem, "compose.yaml")))
        {
            yaml.Load(reader);
        }
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        var bot = (YamlMappingNode)services["bot"];

        Assert.Equal("2", ((YamlScalarNode)((YamlMappingNode)bot["deploy"])["replicas"]).Value);
        Assert.Equal("true", ((YamlScalarNode)bot["read_only"]).Value);
        Assert.Contains(((YamlSequenceNode)bot["volumes"]).Children, v => ((YamlScalarNode)v).Value!.EndsWith(":/data", StringComparison.Ordinal));
        Assert.Contains(((YamlSequenceNode)bot["env_file"]).Children, v => ((YamlScalarNode)v).Value == ".env");
        Assert.Equal("Postgres", ((YamlScalarNode)((YamlMappingNode)bot["environment"])["GuidanceBot__Storage__Provider"]).Value);
        foreach (var name in new[] { "postgres", "bot", "proxy" })
        {
            Assert.True(((YamlMappingNode)services[name]).Children.ContainsKey("healthcheck"), $"{name} has no health check");
        }
        var postgresVolumes = ((YamlSequenceNode)((YamlMappingNode)services["postgres"])["volumes"]).Children;
        Assert.Contains(postgresVolumes, v => ((YamlScalarNode)v).Value!.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));
        var proxyVolumes = ((YamlSequenceNode)((YamlMappingNode)services["proxy"])["volumes"]).Children.Select(v => ((YamlScalarNode)v).Value!).ToList();
        Assert.Contains(proxyVolumes, v => v.StartsWith("./nginx/guidancebot.conf:", StringComparison.Ordinal));
        Assert.Contains(proxyVolumes, v => v.StartsWith("./nginx/upstream-compose.conf:/etc/nginx/guidancebot-upstream.conf", StringComparison.Ordinal));
        // The proxies the bot believes are the compose network's, where nginx is.
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var ipam = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["networks"])["backend"])["ipam"];
        var subnet = ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)ipam["config"])[0])["subnet"]).Value;
        Assert.Equal(subnet, ((YamlScalarNode)((YamlMappingNode)bot["environment"])["GuidanceBot__Hosting__KnownNetworks__0"]).Value);
    }
}
