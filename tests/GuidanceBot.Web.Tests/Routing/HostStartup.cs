using System.Diagnostics;

namespace GuidanceBot.Tests.Routing;

/// <summary>Runs the real web host as a process on a content folder, for tests of what it does while it starts.</summary>
internal static class HostStartup
{
    /// <summary>Starts the host (Production, a SQLite file in <paramref name="workDirectory"/>) and waits up to a minute for it to exit.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string contentDirectory, string workDirectory)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["GuidanceBot__Content__Directory"] = contentDirectory,
                ["GuidanceBot__Storage__SqlitePath"] = Path.Combine(workDirectory, "bot.db"),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stderr + await stdout);
    }
}
