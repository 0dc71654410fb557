using GuidanceBot.Content;

namespace GuidanceBot.Tests.Content;

/// <summary>The valid fixture flows, broken copies of them, and the place in a text where a test expects an error.</summary>
internal static class FlowFixtures
{
    public const string Procedure = "tam-tru-mini.yaml";
    public const string Guide = "dang-nhap-mini.yaml";

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", "Fixtures", name));

    public static (string Path, string Yaml)[] Valid() => [(Procedure, Read(Procedure)), (Guide, Read(Guide))];

    /// <summary>Loads both fixtures, the procedure edited by <paramref name="edit"/>.</summary>
    public static (ContentLoadResult Result, string Yaml) LoadEdited(Func<string, string> edit)
    {
        var yaml = edit(Read(Procedure));
        return (FlowLoader.LoadFiles([(Procedure, yaml), (Guide, Read(Guide))]), yaml);
    }

    /// <summary>Replaces text that must be in the fixture, so a changed fixture fails the test instead of passing it.</summary>
    public static string Edit(this string yaml, string old, string replacement, bool all = false)
    {
        Assert.Contains(old, yaml);
        if (all)
            return yaml.Replace(old, replacement, StringComparison.Ordinal);
        var index = yaml.IndexOf(old, StringComparison.Ordinal);
        return yaml[..index] + replacement + yaml[(index + old.Length)..];
    }

    /// <summary>The 1-based line and column where <paramref name="marker"/> starts (the n-th occurrence).</summary>
    public static (int Line, int Column) Where(string yaml, string marker, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = yaml.IndexOf(marker, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{marker}' not found in the test text");
        }
        var lineStart = index == 0 ? 0 : yaml.LastIndexOf('\n', index - 1) + 1;
        return (yaml[..index].Count(c => c == '\n') + 1, index - lineStart + 1);
    }

    /// <summary>Asserts that exactly one error was reported, at the marker, with a message containing <paramref name="message"/>.</summary>
    public static ContentError SingleErrorAt(ContentLoadResult result, string yaml, string marker, string message, string file = Procedure)
    {
        Assert.False(result.Ok);
        Assert.Null(result.Catalog);
        var error = Assert.Single(result.Errors);
        AssertAt(error, yaml, marker, message, file);
        return error;
    }

    /// <summary>Asserts that, among the errors, one is at the marker with a message containing <paramref name="message"/>.</summary>
    public static void HasErrorAt(ContentLoadResult result, string yaml, string marker, string message, string file = Procedure)
    {
        var (line, column) = Where(yaml, marker);
        Assert.Contains(result.Errors, e => e.File == file && e.Line == line && e.Column == column && e.Message.Contains(message));
    }

    public static void AssertAt(ContentError error, string yaml, string marker, string message, string file = Procedure)
    {
        var (line, column) = Where(yaml, marker);
        Assert.Equal(file, error.File);
        Assert.Contains(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
