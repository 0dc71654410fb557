using GuidanceBot.Cli.Commands;

namespace GuidanceBot.Tests.Commands;

public sealed class PlacesCommandTests
{
    private static readonly string Dialogs = GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory);
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    private string[] Lines() => _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void Places_of_thanh_hoa_lists_166_units_as_id_name_kind_19_of_them_phuong()
    {
        var exit = PlacesCommand.Run(null, "thanh-hoa", Dialogs, _stdout, _stderr);

        Assert.Equal(0, exit);
        Assert.Equal("", _stderr.ToString());
        var lines = Lines();
        Assert.Equal(166, lines.Length);
        Assert.All(lines, l => Assert.Matches("^[a-z0-9-]+\t[^\t]+\t(xa|phuong)$", l));
        Assert.Equal(19, lines.Count(l => l.EndsWith("\tphuong", StringComparison.Ordinal)));
        Assert.Contains("phuong-hac-thanh\tHạc Thành\tphuong", lines);
    }

    [Fact]
    public void Without_a_province_the_default_is_thanh_hoa()
    {
        Assert.Equal(0, PlacesCommand.Run(null, null, Dialogs, _stdout, _stderr));
        Assert.Equal(166, Lines().Length);
    }

    [Fact]
    public void Find_shows_the_unit_the_former_unit_and_the_sentence()
    {
        var exit = PlacesCommand.Run("phường Điện Biên cũ", "thanh-hoa", Dialogs, _stdout, _stderr);

        Assert.Equal(0, exit);
        Assert.Equal(["found\tphuong-hac-thanh\tHạc Thành\tphuong\tvia phường Điện Biên (thành phố Thanh Hóa)",
            "Phường Điện Biên nay thuộc phường Hạc Thành."], Lines());
    }

    [Fact]
    public void Find_shows_the_candidates_of_an_ambiguous_name()
    {
        PlacesCommand.Run("Xuân Lộc", null, Dialogs, _stdout, _stderr);

        var lines = Lines();
        Assert.Equal("ambiguous\tseveral units have this name", lines[0]);
        Assert.Equal("xa-tho-phu\tThọ Phú\txa\tXã Thọ Phú (xã Xuân Lộc cũ, huyện Triệu Sơn)", lines[2]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Find_says_unknown_rather_than_guess()
    {
        PlacesCommand.Run("phường Bến Nghé", null, Dialogs, _stdout, _stderr);

        Assert.Equal(["unknown\tno commune or ward of Thanh Hóa is named in the text"], Lines());
    }

    [Fact]
    public void A_province_without_a_file_exits_1_naming_the_provinces_there_are()
    {
        var exit = PlacesCommand.Run(null, "ha-noi", Dialogs, _stdout, _stderr);

        Assert.Equal(1, exit);
        Assert.Contains("no place file for province 'ha-noi'", _stderr.ToString());
        Assert.Contains("thanh-hoa", _stderr.ToString());
        Assert.Equal("", _stdout.ToString());
    }

    [Theory]
    [InlineData("list", "Unrecognized command or argument 'list'")]
    [InlineData("find", "Required argument 'TEXT' missing")]
    public async Task Wrong_arguments_exit_2_with_what_is_wrong(string argument, string message)
    {
        var (exit, output, error) = await Cli.RunAsync(["places", argument]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.Contains("guidancebot places", error);
    }
}
