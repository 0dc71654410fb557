using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using GuidanceBot.Tests.Deployment;

namespace GuidanceBot.Tests.Docs;

/// <summary>
/// docs/configuration.md against the options classes (every class with a <c>Section</c>, in Core, Storage and Web): each
/// settable property is a row with its key, its environment variable and, where the row gives a value, the code's
/// default; and no row names a <c>GuidanceBot:</c> setting that does not exist.
/// </summary>
public sealed partial class ConfigurationDocsTests
{
    /// <summary>Properties bound from the Bot Framework's own top-level names (BotConnectorServices), documented under those.</summary>
    private static readonly Dictionary<string, string> TopLevelNames = new(StringComparer.Ordinal)
    {
        ["GuidanceBot:BotConnector:AppType"] = "MicrosoftAppType",
        ["GuidanceBot:BotConnector:AppId"] = "MicrosoftAppId",
        ["GuidanceBot:BotConnector:AppPassword"] = "MicrosoftAppPassword",
        ["GuidanceBot:BotConnector:TenantId"] = "MicrosoftAppTenantId",
    };

    private sealed record Setting(string Key, string Environment, Type Type, object? Default);

    private sealed record Row(string Key, string? Environment, string Default);

    [Fact]
    public void Every_setting_of_the_options_classes_is_documented_with_its_environment_form_and_default()
    {
        var rows = Rows();
        var problems = new List<string>();
        foreach (var setting in Settings())
        {
            if (!rows.TryGetValue(setting.Key, out var row))
            {
                problems.Add($"{setting.Key} is not documented (a row `{setting.Key}` | `{setting.Environment}` | default | meaning).");
                continue;
            }
            if (row.Environment != setting.Environment)
            {
                problems.Add($"{setting.Key}: the environment form is `{setting.Environment}`, the page says `{row.Environment}`.");
            }
            if (DefaultProblem(setting, row.Default) is { } problem)
            {
                problems.Add($"{setting.Key}: {problem}");
            }
        }

        Assert.True(problems.Count == 0, "docs/configuration.md is out of date:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_GuidanceBot_setting_the_page_documents_exists()
    {
        var known = Settings().Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

        var unknown = Rows().Keys.Where(k => (k.StartsWith("GuidanceBot:", StringComparison.Ordinal) || k.StartsWith("MicrosoftApp", StringComparison.Ordinal))
            && !known.Contains(k)).ToList();

        Assert.True(unknown.Count == 0, "docs/configuration.md documents settings no options class has: " + string.Join(", ", unknown));
    }

    /// <summary>Every settable property of every options class, as a configuration key (nested options classes included).</summary>
    private static List<Setting> Settings()
    {
        var assemblies = new[] { typeof(Program).Assembly, typeof(GuidanceBot.Bot.BotOptions).Assembly, typeof(GuidanceBot.Storage.StorageOptions).Assembly };
        var settings = new List<Setting>();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.GetRawConstantValue() is string section)
            {
                Collect(section, Activator.CreateInstance(type)!, settings);
            }
        }
        Assert.True(settings.Count > 50, $"Only {settings.Count} settings found: is the options discovery broken?");
        return settings;
    }

    private static void Collect(string prefix, object options, List<Setting> settings)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var value = property.GetValue(options);
            var type = property.PropertyType;
            if (type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type))
            {
                Collect(key, value!, settings);
                continue;
            }
            var list = type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
            key = TopLevelNames.GetValueOrDefault(key, key);
            settings.Add(new Setting(key, key.Replace(":", "__", StringComparison.Ordinal) + (list ? "__0" : ""), type, value));
        }
    }

    /// <summary>The page's table rows by the setting in their first cell: the environment variable and the default cell.</summary>
    private static Dictionary<string, Row> Rows()
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Repository.Root, "docs", "configuration.md")))
        {
            var cells = line.Split('|');
            if (!line.StartsWith("| `", StringComparison.Ordinal) || cells.Length < 5)
            {
                continue;
            }
            var key = Code().Match(cells[1]).Groups[1].Value;
            rows[key] = new Row(key, Code().Match(cells[2]) is { Success: true } env ? env.Groups[1].Value : null, cells[3].Trim());
        }
        return rows;
    }

    /// <summary>A default cell that starts with a value in backticks must be the code's default; one in words is only for a setting that is empty by default.</summary>
    private static string? DefaultProblem(Setting setting, string cell)
    {
        var type = Nullable.GetUnderlyingType(setting.Type) ?? setting.Type;
        var empty = setting.Default is null || setting.Default is "" || (setting.Default is IEnumerable items and not string && !items.Cast<object>().Any());
        if (!cell.StartsWith('`'))
        {
            return empty ? null : $"the default is `{Format(setting.Default)}` in the code; write it first in the default cell.";
        }
        var written = Code().Match(cell).Groups[1].Value;
        object? parsed;
        try
        {
            parsed = type == typeof(string) ? written
                : type == typeof(TimeSpan) ? TimeSpan.Parse(written, CultureInfo.InvariantCulture)
                : type.IsEnum ? Enum.Parse(type, written, ignoreCase: true)
                : Convert.ChangeType(written, type, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidCastException or OverflowException)
        {
            return $"the default cell's `{written}` is not a {type.Name}.";
        }
        return Equals(parsed, setting.Default) ? null : $"the page says the default is `{written}`, the code's is `{Format(setting.Default)}`.";
    }

    private static string Format(object? value) => value switch
    {
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
