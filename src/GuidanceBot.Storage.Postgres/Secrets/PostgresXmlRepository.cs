using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GuidanceBot.Storage.Postgres;

/// <summary>
/// ASP.NET Core data-protection keys in <c>data_protection_keys</c>, one key ring for every instance: a sign-in cookie or
/// an antiforgery token made by one instance is read by any other. Synchronous because <see cref="IXmlRepository"/> is;
/// data protection reads the ring rarely and writes it every 90 days.
/// </summary>
public sealed class PostgresXmlRepository(PostgresDatabase database, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = database.Command("SELECT xml FROM data_protection_keys ORDER BY created_at, name");
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
        using var command = database.Command(
            "INSERT INTO data_protection_keys(name, xml, created_at) VALUES(@name, @xml, @now) ON CONFLICT (name) DO NOTHING",
            ("name", string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName),
            ("xml", element.ToString(SaveOptions.DisableFormatting)), ("now", time.GetUtcNow().ToUniversalTime()));
        command.ExecuteNonQuery();
    }
}
