using System.Security.Cryptography;
using GuidanceBot.Activities;
using GuidanceBot.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Web.Channels.DirectLine;

/// <summary>
/// Direct Line conversations as the channel sees them, over the transcript in the database (<see cref="IDirectLineTranscript"/>),
/// the one source of truth for every instance: starting one, appending activities (each gets its number, which is the
/// watermark after it, and its id), and reading them back in Direct Line's wire form.
/// </summary>
public sealed class DirectLineConversations(IDirectLineTranscript transcript, IOptions<DirectLineOptions> options)
{
    private readonly DirectLineOptions _options = options.Value;

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Marks the conversation started; true only for the first start, on whichever instance.</summary>
    public Task<bool> StartAsync(string conversationId, string? userId, CancellationToken cancellationToken) =>
        transcript.StartAsync(conversationId, userId, cancellationToken);

    /// <summary>The user the conversation was started for, when known.</summary>
    public async Task<string?> UserIdAsync(string conversationId, CancellationToken cancellationToken) =>
        (await transcript.FindAsync(conversationId, cancellationToken))?.UserId;

    /// <summary>The activity as the transcript keeps it (serialised once), and whether it fits <see cref="DirectLineOptions.MaxActivityBytes"/>.</summary>
    public StoredActivity Prepare(Activity activity)
    {
        var json = DirectLineActivities.Stored(activity);
        return new StoredActivity(activity, json, System.Text.Encoding.UTF8.GetByteCount(json) <= _options.MaxActivityBytes);
    }

    /// <summary>Appends prepared activities in order (each must fit); each gets its id. Open streams on every instance are woken.</summary>
    public async Task AppendAsync(string conversationId, string? userId, IReadOnlyList<StoredActivity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return;
        }
        var first = await transcript.AppendAsync(conversationId, userId, activities.Select(a => a.Json).ToList(), _options.Retention, cancellationToken);
        for (var i = 0; i < activities.Count; i++)
        {
            activities[i].Activity.Id = DirectLineActivities.Id(conversationId, first + i);
        }
    }

    /// <summary>
    /// The activities after <paramref name="watermark"/> (a page) as Direct Line's <c>{activities, watermark}</c>, or null
    /// when the transcript does not hold the conversation. A client that asks with a watermark never gets a smaller one back.
    /// </summary>
    public async Task<byte[]?> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var page = await transcript.ReadAsync(conversationId, watermark, _options.PageSize, cancellationToken);
        if (page is null)
        {
            return null;
        }
        var next = page.Entries.Count > 0 ? page.Entries[^1].Sequence : Math.Min(watermark, page.LastSequence);
        return DirectLineActivities.Set(conversationId, page.Entries, next);
    }

    /// <summary>One page of activities after <paramref name="after"/>, for a stream catching up.</summary>
    public async Task<IReadOnlyList<DirectLineEntry>> PageAfterAsync(string conversationId, long after, CancellationToken cancellationToken) =>
        (await transcript.ReadAsync(conversationId, after, _options.PageSize, cancellationToken))?.Entries ?? [];

    public int PageSize => _options.PageSize;
}

/// <summary>An activity and its JSON as the transcript keeps it (without an id).</summary>
public sealed record StoredActivity(Activity Activity, string Json, bool Fits);
