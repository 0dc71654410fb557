using GuidanceBot.Analytics;
using GuidanceBot.Channels.DirectLine;
using GuidanceBot.Channels.Zalo;
using GuidanceBot.Engine;
using GuidanceBot.Privacy;
using GuidanceBot.Storage;

namespace GuidanceBot.Tests;

/// <summary>
/// Deleting a citizen's data on request (<c>guidancebot forget</c>) and after the retention period (<see cref="ICitizenData"/>),
/// on each database: state, transcript and queue rows go, other citizens' stay, anonymous events stay.
/// </summary>
public abstract class CitizenDataContract : IDisposable
{
    private static readonly DirectLineRetention Retention = new(MaxActivities: 500, MaxActivityBytes: 64 * 1024, MaxConversationBytes: 1024 * 1024);
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly StorageUnderTest _storage;

    protected CitizenDataContract(StorageProvider provider) => _storage = new StorageUnderTest(provider, _time);

    public void Dispose() => _storage.Dispose();

    private IConversationStore Store => _storage.Get<IConversationStore>();

    private IDirectLineTranscript Transcript => _storage.Get<IDirectLineTranscript>();

    private ICitizenData Data => _storage.Get<ICitizenData>();

    private async Task ConverseAsync(ConversationKey key, string? directLineUser = null)
    {
        var started = new AnalyticsEvent(key.Id, key.Channel, EventKinds.ConversationStarted, _time.GetUtcNow());
        var json = $"{{\"lastActivityAt\":\"{_time.GetUtcNow():O}\"}}";
        Assert.NotNull(await Store.SaveAsync(key, new ConversationWrite(json, _time.GetUtcNow(), null), null, [started], CancellationToken.None));
        if (directLineUser is not null)
        {
            await Transcript.StartAsync(key.Id, directLineUser, CancellationToken.None);
            await Transcript.AppendAsync(key.Id, directLineUser, ["{\"type\":\"message\",\"text\":\"tôi là [TÊN]\"}"], Retention, CancellationToken.None);
        }
    }

    private async Task<int> EventCountAsync() => (await _storage.Get<IAnalyticsSink>().ReadAsync(null, CancellationToken.None)).Count;

    [Fact]
    public async Task Forgetting_a_direct_line_user_deletes_their_state_and_transcript_and_keeps_others_and_the_events()
    {
        var alice = new ConversationKey("directline", "dl-conv-alice");
        var aliceAgain = new ConversationKey("directline", "dl-conv-alice-2");
        var bob = new ConversationKey("directline", "dl-conv-bob");
        await ConverseAsync(alice, "dl_alice");
        await ConverseAsync(aliceAgain, "dl_alice");
        await ConverseAsync(bob, "dl_bob");

        var removed = await Data.ForgetAsync("directline", "dl_alice", [], CancellationToken.None);

        Assert.Equal(new CitizenDataRemoved(2, 2, 0), removed);
        Assert.Null(await Store.LoadAsync(alice, CancellationToken.None));
        Assert.Null(await Store.LoadAsync(aliceAgain, CancellationToken.None));
        Assert.Null(await Transcript.FindAsync(alice.Id, CancellationToken.None));
        Assert.NotNull(await Store.LoadAsync(bob, CancellationToken.None));
        Assert.NotNull(await Transcript.FindAsync(bob.Id, CancellationToken.None));
        Assert.Equal(3, await EventCountAsync());
    }

    [Fact]
    public async Task Forgetting_a_zalo_user_deletes_their_state_and_queue_rows()
    {
        var inbox = _storage.Get<IZaloInbox>();
        var citizen = new ConversationKey("zalo", "zalo-0123456789abcdef");
        await ConverseAsync(citizen);
        await inbox.AddAsync(new ZaloInboxEntry("m1", "user_send_text", "z-user-1", "số tôi 0912345678", true), CancellationToken.None);
        await inbox.AddAsync(new ZaloInboxEntry("m2", "user_send_text", "z-user-2", "xin chào", true), CancellationToken.None);

        var removed = await Data.ForgetAsync("zalo", "z-user-1", [citizen], CancellationToken.None);

        Assert.Equal(1, removed.Conversations);
        // The inbox row and the service-window row the inbox keeps per user.
        Assert.Equal(2, removed.QueueRows);
        Assert.Null(await Store.LoadAsync(citizen, CancellationToken.None));
        Assert.Equal(1, await inbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Retention_deletes_state_and_transcripts_untouched_for_the_period_and_keeps_the_events()
    {
        var old = new ConversationKey("directline", "dl-old");
        var recent = new ConversationKey("directline", "dl-recent");
        await ConverseAsync(old, "dl_old");
        _time.Advance(TimeSpan.FromDays(40));
        await ConverseAsync(recent, "dl_recent");

        var removed = await Data.RemoveUntouchedSinceAsync(_time.GetUtcNow() - TimeSpan.FromDays(30), CancellationToken.None);

        Assert.Equal(new CitizenDataRemoved(1, 1, 0), removed);
        Assert.Null(await Store.LoadAsync(old, CancellationToken.None));
        Assert.Null(await Transcript.FindAsync(old.Id, CancellationToken.None));
        Assert.NotNull(await Store.LoadAsync(recent, CancellationToken.None));
        Assert.NotNull(await Transcript.FindAsync(recent.Id, CancellationToken.None));
        Assert.Equal(2, await EventCountAsync());
    }
}

public sealed class SqliteCitizenDataContract() : CitizenDataContract(StorageProvider.Sqlite);

public sealed class PostgresCitizenDataContract() : CitizenDataContract(StorageProvider.Postgres);
