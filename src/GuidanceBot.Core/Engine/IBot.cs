namespace GuidanceBot.Engine;

/// <summary>What the turn engine runs for each incoming activity.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
