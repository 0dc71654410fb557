using GuidanceBot.Web.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuidanceBot.Tests.Hosting;

public sealed class TurnGateTests
{
    [Fact]
    public async Task Once_stopped_no_turn_is_admitted_and_the_drain_ends_when_the_last_turn_in_flight_leaves()
    {
        using var gate = new TurnGate(new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));
        var first = gate.TryEnter();
        var second = gate.TryEnter();

        gate.Stop();
        var drained = gate.WaitForDrainAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        var refused = gate.TryEnter();
        first!.Dispose();
        var drainedWithOneLeft = drained.IsCompleted;
        second!.Dispose();

        Assert.Null(refused);
        Assert.False(drainedWithOneLeft);
        Assert.True(await drained);
        Assert.False(gate.Abandoned.IsCancellationRequested);
    }

    [Fact]
    public async Task A_host_stopped_in_code_with_nothing_in_flight_drains_at_once()
    {
        // IHost.StopAsync (tests, embedding hosts) reaches the drain before ApplicationStopping fires.
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        using var gate = new TurnGate(lifetime);

        gate.Stop();

        Assert.True(await gate.WaitForDrainAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.True(gate.IsStopping);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task A_drain_that_times_out_cancels_the_turns_still_running()
    {
        using var gate = new TurnGate(new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));
        using var stuck = gate.TryEnter();

        gate.Stop();

        Assert.False(await gate.WaitForDrainAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None));
        Assert.True(gate.Abandoned.IsCancellationRequested);
    }
}
