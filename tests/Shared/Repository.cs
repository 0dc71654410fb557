namespace GuidanceBot.Testing;

/// <summary>Where the repository is on this machine, found from the test's own folder (the folder holding GuidanceBot.sln).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>A folder under TestResults/ at the repository root (where test.sh collects results), created if missing.</summary>
    public static string TestResults(string folder)
    {
        var path = Path.Combine(Root, "TestResults", folder);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GuidanceBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No GuidanceBot.sln above {AppContext.BaseDirectory}");
    }
}
