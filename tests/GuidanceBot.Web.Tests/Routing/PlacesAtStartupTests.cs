namespace GuidanceBot.Tests.Routing;

public sealed class PlacesAtStartupTests
{
    [Fact]
    public async Task The_host_refuses_to_start_on_an_invalid_place_file_with_file_line_and_what_is_wrong()
    {
        var dir = Directory.CreateTempSubdirectory("gb-bad-places-");
        try
        {
            // The repository's flows (valid) and a copy of its place file with one unit's kind misspelt.
            var dialogs = GuidanceBotServices.FindDialogsDirectory(AppContext.BaseDirectory);
            foreach (var flow in Directory.GetFiles(dialogs, "*.yaml"))
                File.Copy(flow, Path.Combine(dir.FullName, Path.GetFileName(flow)));
            var places = Directory.CreateDirectory(Path.Combine(dir.FullName, "places"));
            var lines = File.ReadAllLines(Path.Combine(dialogs, "places", "thanh-hoa.yaml"));
            var broken = Array.IndexOf(lines, "    kind: phuong");
            lines[broken] = "    kind: phuogn";
            var placeFile = Path.Combine(places.FullName, "thanh-hoa.yaml");
            File.WriteAllLines(placeFile, lines);

            var (exitCode, output) = await HostStartup.RunUntilExitAsync(dir.FullName, dir.FullName);

            Assert.Equal(1, exitCode);
            Assert.Contains($"{placeFile}:{broken + 1}:11: unit 'phuong-hac-thanh'.kind 'phuogn' is not a kind of unit since 2025-07-01",
                output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
