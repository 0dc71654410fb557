using System.Collections.Concurrent;
using System.Diagnostics;

namespace GuidanceBot.Tests;

/// <summary>
/// The built web host as its own process (<c>dotnet GuidanceBot.Web.dll</c>) on 127.0.0.1 at a free port, with its
/// output collected; for what only a real process shows (start-up output, signals). Disposing kills it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _readers;

    private HostProcess(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
    }

    public string Url { get; private set; } = "";

    public int Id => _process.Id;

    public string Output => string.Join("\n", _output);

    /// <summary>Starts the host with these environment variables and waits (at most a minute) until it listens.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var host = new HostProcess(Process.Start(start)!);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            host.Url = await host._listening.Task.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The host did not start listening within a minute:\n{host.Output}");
        }
        return host;
    }

    /// <summary>Sends SIGTERM, as systemd, Docker and Kubernetes do to stop a service.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        await _readers;
        return _process.ExitCode;
    }

    private async Task ReadAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            _output.Enqueue(line);
            const string marker = "Now listening on: ";
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                _listening.TrySetResult(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
