using System.Diagnostics;

namespace GuidanceBot.Tests.Commands;

/// <summary>The real <c>guidancebot</c> process: every command that uses the database works on SQLite and on PostgreSQL through the same options.</summary>
public sealed class CommandsOnBothDatabasesTests
{
    private static async Task<(int ExitCode, string Output)> Run(string[] args, string stdin = "")
    {
        var start = new ProcessStartInfo("dotnet", [typeof(GuidanceBot.Cli.GuidanceBotCli).Assembly.Location, .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }

    private static async Task Every_command_works(string[] database)
    {
        async Task<string> Ok(string[] args, string stdin = "")
        {
            var (exitCode, output) = await Run([.. args, .. database], stdin);
            Assert.True(exitCode == 0, $"guidancebot {string.Join(' ', args)} exited {exitCode}: {output}");
            return output;
        }

        Assert.Contains("schema version", await Ok(["migrate"]));
        Assert.Contains("Added lan.admin (admin)", await Ok(["staff", "add", "lan.admin", "--role", "admin", "--password-stdin"], "a-long-password\n"));
        Assert.Contains("lan.admin\tadmin", await Ok(["staff", "list"]));
        Assert.StartsWith("gb_", await Ok(["apikey", "add", "monthly", "report"]));
        Assert.Contains("monthly report", await Ok(["apikey", "list"]));
        Assert.Contains("Stored the Zalo token pair", await Ok(["zalo", "token", "set"], "access-token refresh-token"));
        Assert.Contains(">", await Ok(["chat", "--conversation", "cli-test"], "tôi muốn làm giấy khai sinh cho con\n/quit\n"));
        Assert.Contains("runs: started 1", await Ok(["funnel", "khai-sinh"]));
        Assert.Contains("flow,started,completed", await Ok(["report", "--from", "2026-01-01", "--to", "2030-12-31"]));
    }

    [Fact]
    public async Task Every_database_command_works_on_sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gb-cli-{Guid.NewGuid():N}");
        try
        {
            await Every_command_works(["--sqlite", Path.Combine(folder, "bot.db")]);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Every_database_command_works_on_postgres()
    {
        using var database = new PostgresTestDatabase();
        await Every_command_works(["--connection", database.ConnectionString]);
    }

    [Fact]
    public async Task An_unreachable_database_is_named_without_its_password()
    {
        var (exitCode, output) = await Run(["staff", "list", "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=bot;Password=hunter2-hunter2"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:GuidanceBot", output);
        Assert.DoesNotContain("hunter2", output);
    }
}
