using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using static GuidanceBot.Storage.Sqlite.SqliteDatabase;

namespace GuidanceBot.Storage.Sqlite;

/// <summary>
/// ASP.NET Core data-protection keys in <c>data_protection_keys</c>, so the key ring (sign-in cookies, antiforgery
/// tokens, the one-time API-key display) outlives a restart and does not depend on the service account's home folder.
/// Synchronous because <see cref="IXmlRepository"/> is; data protection reads the ring rarely and writes it every 90 days.
/// </summary>
public sealed class SqliteXmlRepository(SqliteDatabase database, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.Open();
        using var command = Command(connection, "SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.Open();
        using var command = Command(connection,
            "INSERT INTO data_protection_keys(name, xml, created_at) VALUES($name, $xml, $now) ON CONFLICT(name) DO NOTHING",
            ("$name", string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName),
            ("$xml", element.ToString(SaveOptions.DisableFormatting)), ("$now", Ms(time.GetUtcNow())));
        command.ExecuteNonQuery();
    }
}
