using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Hosting;

/// <summary>
/// Graceful shutdown: on SIGTERM (or any stop) the host first stops admitting turns (<see cref="TurnAdmission"/>,
/// <c>/readyz</c> turns unhealthy) and waits here, before the web server stops, for the turns in flight to finish —
/// at most <see cref="HostingOptions.DrainTimeout"/>. Only then do the server and the background workers stop.
/// </summary>
public sealed partial class ShutdownDrain(TurnGate gate, IOptions<HostingOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        gate.Stop();
        var inFlight = gate.InFlight;
        LogDraining(inFlight, options.Value.DrainTimeout.TotalSeconds);
        if (await gate.WaitForDrainAsync(options.Value.DrainTimeout, cancellationToken))
        {
            LogDrained(inFlight);
        }
        else
        {
            LogDrainTimedOut(gate.InFlight);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: new turns are refused (503); waiting for {InFlight} turns in flight, at most {Seconds} s")]
    private partial void LogDraining(int inFlight, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drained: the {InFlight} turns in flight at shutdown finished")]
    private partial void LogDrained(int inFlight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drain timed out with {InFlight} turns still running; they are cancelled")]
    private partial void LogDrainTimedOut(int inFlight);
}
