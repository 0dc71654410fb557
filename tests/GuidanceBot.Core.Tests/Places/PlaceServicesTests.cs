using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Places;
using GuidanceBot.Tests.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Tests.Places;

public sealed class PlaceServicesTests : IDisposable
{
    private readonly DirectoryInfo _content = Directory.CreateTempSubdirectory("gb-places-services-");

    public void Dispose() => _content.Delete(recursive: true);

    private PlaceDirectory Resolve(string? province, string yaml)
    {
        var places = Directory.CreateDirectory(Path.Combine(_content.FullName, PlaceLoader.Folder));
        File.WriteAllText(Path.Combine(places.FullName, "tinh-mau.yaml"), yaml);
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
        var places = Resolve("tinh-mau", PlaceFixtures.Valid);

        Assert.Equal("tinh-mau", places.Province);
        Assert.Equal(2, places.Communes.Count);
    }

    [Fact]
    public void A_broken_place_file_fails_the_resolution_with_file_and_line()
    {
        var yaml = PlaceFixtures.Valid.Edit("    name: An Bình\n", "");

        var e = Assert.Throws<ContentLoadException>(() => Resolve("tinh-mau", yaml));
        var error = Assert.Single(e.Errors);
        Assert.Equal((FlowFixtures.Where(yaml, "id: phuong-an-binh").Line, "unit 'phuong-an-binh' has no 'name'"), (error.Line, error.Message));
    }

    [Fact]
    public void Without_a_configured_province_it_is_thanh_hoa_and_its_file_must_be_there()
    {
        var e = Assert.Throws<ContentLoadException>(() => Resolve(null, PlaceFixtures.Valid));

        Assert.Contains("no place file for province 'thanh-hoa'", e.Message);
    }
}
