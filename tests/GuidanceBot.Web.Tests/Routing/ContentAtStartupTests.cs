using System.Diagnostics;

namespace GuidanceBot.Tests.Routing;

public sealed class ContentAtStartupTests
{
    [Fact]
    public async Task The_host_refuses_to_start_on_invalid_content_with_file_line_and_what_is_wrong()
    {
        var dir = Directory.CreateTempSubdirectory("gb-bad-dialogs-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "hong.yaml"), "id: hong\ntitle: { vi: \"Hỏng\" }\nstart: a\nsteps:\n  a:\n    nxet: b\n");

            var (exitCode, output) = await HostStartup.RunUntilExitAsync(dir.FullName, dir.FullName);

            Assert.Equal(1, exitCode);
            Assert.Contains($"{Path.Combine(dir.FullName, "hong.yaml")}:6:5: unknown field 'nxet' in step 'a'", output);
            Assert.Contains("hong.yaml:1:1: the flow has no 'topic'", output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_host_trains_the_intent_recogniser_while_it_starts()
    {
        var dir = Directory.CreateTempSubdirectory("gb-start-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:0"])
            {
                RedirectStandardOutput = true,
                Environment =
                {
                    ["GuidanceBot__Storage__SqlitePath"] = Path.Combine(dir.FullName, "bot.db"),
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Logging__LogLevel__Default"] = "Information",
                },
            };
            using var process = Process.Start(start)!;
            try
            {
                // Everything up to "listening" is the start-up; no message has been sent, so a training line there is the start-up's.
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                var startup = new List<string>();
                while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
                {
                    startup.Add(line);
                    if (line.Contains("Now listening on", StringComparison.Ordinal))
                    {
                        break;
                    }
                }
                Assert.Contains(startup, l => l.Contains("Intent recogniser trained on ", StringComparison.Ordinal) && l.Contains(" flows in ", StringComparison.Ordinal));
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
