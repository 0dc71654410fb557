using System.Diagnostics;

namespace GuidanceBot.Tests.Hosting;

/// <summary>The real host process with a database it cannot use: it stops at start-up, names the setting, never prints the password.</summary>
public sealed class StorageAtStartupTests
{
    private const string Password = "s3cret-Passw0rd-never-printed";

    private static async Task<(int ExitCode, string Output)> StartAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Information",
                // A configured secret, so the development secret file (kept beside the SQLite file) plays no part.
                ["GuidanceBot__DirectLine__Secret"] = "storage-at-startup-tests-secret-0123456789",
            },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The host kept running although its database cannot be used.");
        }
        return (process.ExitCode, await stderr + await stdout);
    }

    [Fact]
    public async Task An_unreachable_postgres_stops_start_up_naming_the_setting_without_the_password()
    {
        // A port nothing listens on: the connection is refused at once.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exitCode, output) = await StartAsync(new()
        {
            ["GuidanceBot__Storage__Provider"] = "Postgres",
            ["ConnectionStrings__GuidanceBot"] = $"Host=127.0.0.1;Port={port};Database=guidancebot;Username=bot;Password={Password};Timeout=3",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:GuidanceBot", output);
        Assert.Contains($"Port={port}", output);
        Assert.DoesNotContain(Password, output);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_start_up_naming_the_setting()
    {
        var (exitCode, output) = await StartAsync(new() { ["GuidanceBot__Storage__Provider"] = "Postgres" });

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:GuidanceBot is not set", output);
    }

    [Fact]
    public async Task A_wrong_password_stops_start_up_without_printing_it()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgresTestDatabase.ServerConnectionString());
        using var database = new PostgresTestDatabase();
        await using (var admin = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            var role = "gb_" + Guid.NewGuid().ToString("N")[..8];
            await using var create = new Npgsql.NpgsqlCommand($"CREATE ROLE {role} LOGIN PASSWORD 'the-real-one'", admin);
            await create.ExecuteNonQueryAsync();
            server.Username = role;
        }
        server.Database = database.Name;
        server.Password = Password;

        var (exitCode, output) = await StartAsync(new()
        {
            ["GuidanceBot__Storage__Provider"] = "Postgres",
            ["ConnectionStrings__GuidanceBot"] = server.ConnectionString,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:GuidanceBot", output);
        Assert.DoesNotContain(Password, output);
    }

    [Fact]
    public async Task A_sqlite_path_that_cannot_be_a_file_stops_start_up_naming_the_setting()
    {
        var blocker = Path.GetTempFileName();
        try
        {
            // A file where the database's folder should be.
            var (exitCode, output) = await StartAsync(new() { ["GuidanceBot__Storage__SqlitePath"] = Path.Combine(blocker, "bot.db") });

            Assert.Equal(1, exitCode);
            Assert.Contains("GuidanceBot:Storage:SqlitePath", output);
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
