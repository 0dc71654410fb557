using System.Diagnostics;

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

            var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:0"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                Environment =
                {
                    ["GuidanceBot__Content__Directory"] = dir.FullName,
                    ["GuidanceBot__Storage__SqlitePath"] = Path.Combine(dir.FullName, "bot.db"),
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                },
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(deadline.Token);

            Assert.Equal(1, process.ExitCode);
            Assert.Contains($"{placeFile}:{broken + 1}:11: unit 'phuong-hac-thanh'.kind 'phuogn' is not a kind of unit since 2025-07-01",
                await stderr + await stdout);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
