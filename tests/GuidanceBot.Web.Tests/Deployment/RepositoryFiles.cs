using System.Diagnostics;

namespace GuidanceBot.Tests.Deployment;

/// <summary>Where the deployment templates are, and running the tools that check them.</summary>
public static class RepositoryFiles
{
    public static string Templates => Path.Combine(Repository.Root, "deploymentTemplates");

    /// <summary>Runs a tool to its end (at most two minutes); its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
