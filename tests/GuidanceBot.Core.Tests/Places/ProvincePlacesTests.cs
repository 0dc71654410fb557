using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Places;
using GuidanceBot.Tests.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Tests.Places;

/// <summary>Loading the configured province's places from a content folder, directly and as the host's service.</summary>
public sealed class ProvincePlacesTests : IDisposable
{
    private readonly DirectoryInfo _content = Directory.CreateTempSubdirectory("gb-places-");

    public void Dispose() => _content.Delete(recursive: true);

    private void Write(string yaml)
    {
        var places = Directory.CreateDirectory(Path.Combine(_content.FullName, PlaceLoader.Folder));
        File.WriteAllText(Path.Combine(places.FullName, "tinh-mau.yaml"), yaml);
    }

    private PlaceDirectory Resolve(string? province)
    {
        using var provider = new ServiceCollection()
            .AddSingleton(Options.Create(new ContentOptions { Directory = _content.FullName }))
            .AddSingleton(Options.Create(new BotOptions { Province = province }))
            .AddPlaces()
            .BuildServiceProvider();
        return provider.GetRequiredService<PlaceDirectory>();
    }

    [Fact]
    public void The_configured_province_selects_its_file()
    {
        Write(PlaceFixtures.Valid);

        var places = Resolve("tinh-mau");

        Assert.Equal("tinh-mau", places.Province);
        Assert.Equal(2, places.Communes.Count);
    }

    [Fact]
    public void A_broken_place_file_fails_the_service_with_file_and_line()
    {
        var yaml = PlaceFixtures.Valid.Edit("    name: An Bình\n", "");
        Write(yaml);

        var e = Assert.Throws<ContentLoadException>(() => Resolve("tinh-mau"));
        var error = Assert.Single(e.Errors);
        Assert.Equal((FlowFixtures.Where(yaml, "id: phuong-an-binh").Line, "unit 'phuong-an-binh' has no 'name'"), (error.Line, error.Message));
    }

    [Fact]
    public void An_invalid_file_stops_the_load_of_any_province_not_only_its_own()
    {
        var yaml = PlaceFixtures.Valid.Edit("    kind: xa\n", "    kind: village\n");
        Write(yaml);

        var e = Assert.Throws<ContentLoadException>(() => PlaceLoader.LoadProvince(_content.FullName, null));
        Assert.Contains($"tinh-mau.yaml:{FlowFixtures.Where(yaml, "village").Line}:11: unit 'xa-binh-minh'.kind 'village'", e.Message);
    }

    [Fact]
    public void A_province_without_a_file_stops_the_load_naming_the_provinces_there_are()
    {
        Write(PlaceFixtures.Valid);

        var e = Assert.Throws<ContentLoadException>(() => PlaceLoader.LoadProvince(_content.FullName, "ha-noi"));
        var error = Assert.Single(e.Errors);
        Assert.EndsWith("ha-noi.yaml", error.File);
        Assert.Contains("no place file for province 'ha-noi' (GuidanceBot:Bot:Province)", error.Message);
        Assert.Contains("one of: tinh-mau", error.Message);
    }

    [Fact]
    public void Without_a_configured_province_it_is_thanh_hoa_and_its_file_must_be_there()
    {
        Write(PlaceFixtures.Valid);

        var e = Assert.Throws<ContentLoadException>(() => Resolve(null));
        Assert.Contains("no place file for province 'thanh-hoa'", e.Message);
    }
}
