using GuidanceBot.Engine;

namespace GuidanceBot.Privacy;

/// <summary>
/// What the database keeps about one citizen beyond anonymous analytics — conversation state, the Direct Line transcript,
/// the Zalo queues — and deleting it: on the citizen's request (Nghị định 13/2023/NĐ-CP on personal data protection) or
/// after the retention period. Analytics events are never deleted here: they carry no personal data.
/// </summary>
public interface ICitizenData
{
    /// <summary>
    /// Deletes the state of <paramref name="conversations"/>, and everything kept under the channel's user id
    /// <paramref name="userId"/>: Direct Line conversations started by that user (state and transcript), Zalo inbox,
    /// outbox and service-window rows of that user.
    /// </summary>
    Task<CitizenDataRemoved> ForgetAsync(string channel, string userId, IReadOnlyList<ConversationKey> conversations, CancellationToken cancellationToken);

    /// <summary>Deletes conversation state and Direct Line transcripts untouched since <paramref name="before"/>.</summary>
    Task<CitizenDataRemoved> RemoveUntouchedSinceAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
