using GuidanceBot.Content;
using Microsoft.Extensions.Options;
using static GuidanceBot.Tests.Content.FlowFixtures;

namespace GuidanceBot.Tests.Content;

public sealed class ContentProviderTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly string _directory = Directory.CreateTempSubdirectory("guidancebot-provider-").FullName;

    public ContentProviderTests() => FlowLoaderTests.CopyFixturesTo(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string ProcedurePath => Path.Combine(_directory, Procedure);

    private ContentProvider Start(bool watch) => new(Options.Create(new ContentOptions
    {
        Directory = _directory,
        WatchForChanges = watch,
        ReloadDelay = TimeSpan.FromMilliseconds(50),
    }));

    [Fact]
    public void Starting_with_invalid_content_throws_with_every_error()
    {
        File.WriteAllText(ProcedurePath, Read(Procedure).Edit("end: completed", "end: done").Edit("topic: residence", "topic: housing"));

        var error = Assert.Throws<ContentLoadException>(() => Start(watch: false));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("unknown outcome 'done'", error.Message);
        Assert.Contains("unknown topic 'housing'", error.Message);
    }

    [Fact]
    public void Reload_replaces_the_catalog_only_when_the_content_is_valid()
    {
        using var provider = Start(watch: false);
        var original = provider.Current;
        IReadOnlyList<ContentError>? reported = null;
        provider.ReloadFailed += (_, errors) => reported = errors;

        File.WriteAllText(ProcedurePath, Read(Procedure).Edit("end: completed", "end: done"));
        var rejected = provider.Reload();

        Assert.False(rejected.Ok);
        Assert.Same(original, provider.Current);
        Assert.Equal(ProcedurePath, Assert.Single(reported!).File);

        File.WriteAllText(ProcedurePath, Read(Procedure).Edit("Bạn cần chuẩn bị:", "Bạn cần mang theo:"));
        var accepted = provider.Reload();

        Assert.True(accepted.Ok);
        Assert.Same(accepted.Catalog, provider.Current);
        Assert.Equal("Bạn cần mang theo:", ((InformStep)provider.Current.Find("tam-tru-mini")!.Step("giay-to")).Text.Vi);
    }

    [Fact]
    public async Task Watching_reloads_after_a_valid_edit_and_keeps_the_previous_catalog_after_an_invalid_one()
    {
        using var provider = Start(watch: true);
        var original = provider.Current;
        var failed = new TaskCompletionSource<IReadOnlyList<ContentError>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var changed = new TaskCompletionSource<FlowCatalog>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.ReloadFailed += (_, errors) => failed.TrySetResult(errors);
        provider.Changed += (_, catalog) => changed.TrySetResult(catalog);

        await File.WriteAllTextAsync(ProcedurePath, Read(Procedure).Edit("end: completed", "end: done"));
        var errors = await failed.Task.WaitAsync(Deadline);

        Assert.Contains("unknown outcome 'done'", Assert.Single(errors).Message);
        Assert.Same(original, provider.Current);
        Assert.False(changed.Task.IsCompleted);

        await File.WriteAllTextAsync(ProcedurePath, Read(Procedure).Edit("Bạn cần chuẩn bị:", "Bạn cần mang theo:"));
        var catalog = await changed.Task.WaitAsync(Deadline);

        Assert.Same(catalog, provider.Current);
        var flow = provider.Current.Find("tam-tru-mini")!;
        Assert.Equal("Bạn cần mang theo:", ((InformStep)flow.Step("giay-to")).Text.Vi);
        Assert.NotEqual(original.Find("tam-tru-mini")!.ContentVersion, flow.ContentVersion);
    }
}
