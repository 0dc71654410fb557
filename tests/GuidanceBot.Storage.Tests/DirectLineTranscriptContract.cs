using System.Collections.Concurrent;
using GuidanceBot.Channels.DirectLine;
using GuidanceBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests;

/// <summary>What every <see cref="IDirectLineTranscript"/> promises, on each database.</summary>
public abstract class DirectLineTranscriptContract : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);
    private static readonly DirectLineRetention Retention = new(MaxActivities: 500, MaxActivityBytes: 64 * 1024, MaxConversationBytes: 1024 * 1024);
    private readonly FixedTime _time = new(Start);
    private readonly StorageUnderTest _storage;

    protected DirectLineTranscriptContract(StorageProvider provider) => _storage = new StorageUnderTest(provider, _time);

    public void Dispose() => _storage.Dispose();

    private IDirectLineTranscript Transcript => _storage.Get<IDirectLineTranscript>();

    private static string Activity(string text) => $"{{\"type\":\"message\",\"text\":\"{text}\"}}";

    private static List<string> Texts(DirectLinePage page) =>
        page.Entries.Select(e => System.Text.Json.Nodes.JsonNode.Parse(e.Json)!["text"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_conversation_is_started_once_however_many_instances_start_it()
    {
        using var second = _storage.SecondInstance(_time);
        var other = second.GetRequiredService<IDirectLineTranscript>();

        var started = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? Transcript : other).StartAsync("conv-1", "dl_user", CancellationToken.None)));

        Assert.Equal(1, started.Count(s => s));
        Assert.Equal(new DirectLineConversationRecord("conv-1", "dl_user", true, 0), await other.FindAsync("conv-1", CancellationToken.None));
        Assert.Null(await Transcript.FindAsync("conv-2", CancellationToken.None));
    }

    [Fact]
    public async Task Activities_are_numbered_from_one_and_read_in_pages_after_a_watermark()
    {
        await Transcript.StartAsync("conv-1", "dl_user", CancellationToken.None);

        Assert.Equal(1, await Transcript.AppendAsync("conv-1", "dl_user", [Activity("chào")], Retention, CancellationToken.None));
        Assert.Equal(2, await Transcript.AppendAsync("conv-1", "dl_user", [Activity("khai sinh"), Activity("Bé sinh ở đâu?")], Retention, CancellationToken.None));

        var all = (await Transcript.ReadAsync("conv-1", 0, 100, CancellationToken.None))!;
        Assert.Equal([1L, 2, 3], all.Entries.Select(e => e.Sequence));
        Assert.Equal(["chào", "khai sinh", "Bé sinh ở đâu?"], Texts(all));
        Assert.Equal(3, all.LastSequence);
        var page = (await Transcript.ReadAsync("conv-1", 1, 1, CancellationToken.None))!;
        Assert.Equal((2L, 3L), (Assert.Single(page.Entries).Sequence, page.LastSequence));
        var empty = (await Transcript.ReadAsync("conv-1", 3, 100, CancellationToken.None))!;
        Assert.Equal((0, 3L), (empty.Entries.Count, empty.LastSequence));
        Assert.Null(await Transcript.ReadAsync("unknown", 0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Appends_from_two_instances_at_once_get_one_order_and_never_interleave()
    {
        await Transcript.StartAsync("conv-1", "dl_user", CancellationToken.None);
        using var second = _storage.SecondInstance(_time);
        var other = second.GetRequiredService<IDirectLineTranscript>();

        var firsts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? Transcript : other).AppendAsync("conv-1", "dl_user", [Activity($"{i}-a"), Activity($"{i}-b")], Retention, CancellationToken.None))));

        var page = (await Transcript.ReadAsync("conv-1", 0, 100, CancellationToken.None))!;
        Assert.Equal(Enumerable.Range(1, 40).Select(n => (long)n), page.Entries.Select(e => e.Sequence));
        var texts = Texts(page);
        for (var i = 0; i < 20; i++)
        {
            var at = (int)firsts[i] - 1;
            Assert.Equal([$"{i}-a", $"{i}-b"], texts.Skip(at).Take(2));
        }
    }

    [Fact]
    public async Task A_conversation_the_store_does_not_hold_numbers_on_from_the_clock_so_old_ids_never_come_back()
    {
        var first = await Transcript.AppendAsync("conv-1", "dl_user", [Activity("a")], Retention, CancellationToken.None);

        Assert.Equal(Start.ToUnixTimeMilliseconds() + 1, first);
        Assert.Equal(new DirectLineConversationRecord("conv-1", "dl_user", false, first), await Transcript.FindAsync("conv-1", CancellationToken.None));
        // Started later (a client that starts after reconnecting): started now, numbering goes on.
        Assert.True(await Transcript.StartAsync("conv-1", null, CancellationToken.None));
        Assert.Equal(first + 1, await Transcript.AppendAsync("conv-1", null, [Activity("b")], Retention, CancellationToken.None));
    }

    [Fact]
    public async Task A_conversation_over_a_bound_keeps_its_newest_activities_within_nine_tenths_of_the_bounds()
    {
        var byCount = Retention with { MaxActivities = 5 };
        await Transcript.StartAsync("count", null, CancellationToken.None);
        for (var i = 1; i <= 8; i++)
        {
            await Transcript.AppendAsync("count", null, [Activity($"m{i}")], byCount, CancellationToken.None);
        }
        await Transcript.AppendAsync("count", null, [Activity("m9"), Activity("m10")], byCount, CancellationToken.None);

        var counted = (await Transcript.ReadAsync("count", 0, 100, CancellationToken.None))!;
        // Over 5 at m6 (down to 4: m3–m6), at m8 (m5–m8), at m9+m10 (m7–m10).
        Assert.Equal(["m7", "m8", "m9", "m10"], Texts(counted));
        Assert.Equal(10, counted.LastSequence);

        var bytesEach = System.Text.Encoding.UTF8.GetByteCount(Activity("ư1"));
        var byBytes = Retention with { MaxConversationBytes = 3 * bytesEach + bytesEach / 2 };
        await Transcript.StartAsync("bytes", null, CancellationToken.None);
        for (var i = 1; i <= 6; i++)
        {
            await Transcript.AppendAsync("bytes", null, [Activity($"ư{i}")], byBytes, CancellationToken.None);
        }
        Assert.Equal(["ư4", "ư5", "ư6"], Texts((await Transcript.ReadAsync("bytes", 0, 100, CancellationToken.None))!));
        // The bounds hold after many more appends too (the kept count and bytes are tracked, not recounted).
        for (var i = 7; i <= 20; i++)
        {
            await Transcript.AppendAsync("bytes", null, [Activity($"ư{i % 10}")], byBytes, CancellationToken.None);
        }
        var bounded = (await Transcript.ReadAsync("bytes", 0, 100, CancellationToken.None))!;
        Assert.Equal(3, bounded.Entries.Count);
        Assert.Equal(20, bounded.Entries[^1].Sequence);
    }

    [Fact]
    public async Task An_activity_over_the_size_limit_or_not_an_object_is_refused_and_nothing_is_stored()
    {
        await Transcript.StartAsync("conv-1", null, CancellationToken.None);
        var small = Retention with { MaxActivityBytes = 100 };

        var tooBig = await Assert.ThrowsAsync<ArgumentException>(() =>
            Transcript.AppendAsync("conv-1", null, [Activity("ok"), Activity(new string('ạ', 60))], small, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Transcript.AppendAsync("conv-1", null, ["[1]"], small, CancellationToken.None));

        Assert.Contains("100 bytes", tooBig.Message);
        var page = (await Transcript.ReadAsync("conv-1", 0, 100, CancellationToken.None))!;
        Assert.Equal((0, 0L), (page.Entries.Count, page.LastSequence));
    }

    [Fact]
    public async Task Idle_conversations_are_removed_with_their_activities_and_numbering_after_a_removal_never_goes_back()
    {
        await Transcript.StartAsync("old", null, CancellationToken.None);
        await Transcript.AppendAsync("old", null, [Activity("a"), Activity("b")], Retention, CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(2));
        await Transcript.StartAsync("recent", null, CancellationToken.None);
        await Transcript.AppendAsync("recent", null, [Activity("c")], Retention, CancellationToken.None);

        Assert.Equal(1, await Transcript.RemoveIdleAsync(Start + TimeSpan.FromDays(1), CancellationToken.None));

        Assert.Null(await Transcript.ReadAsync("old", 0, 100, CancellationToken.None));
        Assert.Single((await Transcript.ReadAsync("recent", 0, 100, CancellationToken.None))!.Entries);
        var again = await Transcript.AppendAsync("old", null, [Activity("d")], Retention, CancellationToken.None);
        Assert.True(again > 2);
        Assert.Equal(["d"], Texts((await Transcript.ReadAsync("old", 0, 100, CancellationToken.None))!));
    }

    [Fact]
    public async Task This_instances_observers_are_told_of_each_append_with_its_activities_after_it_is_stored()
    {
        var seen = new ConcurrentQueue<(DirectLineAppended Appended, int Stored)>();
        using var subscription = _storage.Get<IDirectLineNotifications>().Subscribe(new Observer(a =>
            seen.Enqueue((a, Transcript.ReadAsync(a.ConversationId, 0, 100, CancellationToken.None).GetAwaiter().GetResult()!.Entries.Count))));
        await Transcript.StartAsync("conv-1", null, CancellationToken.None);

        await Transcript.AppendAsync("conv-1", null, [Activity("a"), Activity("b")], Retention, CancellationToken.None);

        var (appended, stored) = Assert.Single(seen, s => s.Appended.Activities is not null);
        Assert.Equal(("conv-1", 1L, 2L, 2), (appended.ConversationId, appended.FirstSequence, appended.LastSequence, stored));
        Assert.Equal([Activity("a"), Activity("b")], appended.Activities!);
    }

    /// <summary>Records appends; <see cref="Missed"/> counts the "may have missed" calls.</summary>
    internal sealed class Observer(Action<DirectLineAppended> appended) : IDirectLineObserver
    {
        private int _missed;

        public int Missed => Volatile.Read(ref _missed);

        public void Appended(DirectLineAppended a) => appended(a);

        public void MayHaveMissed() => Interlocked.Increment(ref _missed);
    }
}

public sealed class SqliteDirectLineTranscriptContract() : DirectLineTranscriptContract(StorageProvider.Sqlite);

public sealed class PostgresDirectLineTranscriptContract() : DirectLineTranscriptContract(StorageProvider.Postgres);
