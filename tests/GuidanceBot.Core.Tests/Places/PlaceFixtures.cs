using GuidanceBot.Content;
using GuidanceBot.Places;

namespace GuidanceBot.Tests.Places;

/// <summary>A small valid place file to break one rule at a time, and the real dialogs/places/ of the repository.</summary>
internal static class PlaceFixtures
{
    public const string FilePath = "places/tinh-mau.yaml";

    // Two units share a split former xã (part: true on both); the other kinds and fields appear once each.
    public const string Valid = """
        province: tinh-mau
        name: Tỉnh Mẫu
        effective: 2025-07-01
        sources:
          - { title: Nghị quyết mẫu, url: https://example.org/nq }
        units:
          - id: phuong-an-binh
            name: An Bình
            kind: phuong
            clause: 1
            from:
              - { kind: phuong, name: An Lạc, district: thành phố Mẫu }
              - { kind: xa, name: Bình Minh, district: thành phố Mẫu, part: true }
            servicePoints:
              - name: Trung tâm Phục vụ hành chính công phường An Bình
                address: Số 1 đường Mẫu, phường An Bình
                phone: "0237 000 000"
                hours: Thứ Hai đến thứ Sáu, 7:30-17:00
                source: https://example.org/an-binh
                checked: 2026-12-04
          - id: xa-binh-minh
            name: Bình Minh
            kind: xa
            clause: 2
            from:
              - { kind: xa, name: Bình Minh, district: thành phố Mẫu, part: true }
              - { kind: thi-tran, name: Chợ Mới, district: huyện Mẫu Sơn, aka: [Chợ Mứi] }

        """;

    public static PlaceLoadResult Load(string yaml) => PlaceLoader.LoadFiles([(FilePath, yaml)]);

    /// <summary>The repository's dialogs/places/ folder (found upwards from the test's folder, like the tools do).</summary>
    public static string RepositoryPlaces => Path.Combine(GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory), PlaceLoader.Folder);

    private static readonly Lazy<PlaceDirectory> LazyThanhHoa = new(() =>
    {
        var result = PlaceLoader.LoadDirectory(RepositoryPlaces);
        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        return result.Find("thanh-hoa")!;
    });

    /// <summary>dialogs/places/thanh-hoa.yaml, loaded once for all tests.</summary>
    public static PlaceDirectory ThanhHoa => LazyThanhHoa.Value;

    /// <summary>Asserts exactly one error, at the marker, whose message contains <paramref name="message"/>.</summary>
    public static ContentError SingleErrorAt(PlaceLoadResult result, string yaml, string marker, string message, int occurrence = 1)
    {
        Assert.False(result.Ok);
        Assert.Empty(result.Provinces);
        var error = Assert.Single(result.Errors);
        var (line, column) = GuidanceBot.Tests.Content.FlowFixtures.Where(yaml, marker, occurrence);
        Assert.Equal(FilePath, error.File);
        Assert.Contains(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
        return error;
    }
}
