using System.Xml.Linq;
using GuidanceBot.Secrets;
using GuidanceBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Tests;

/// <summary>What the stores of secrets every instance shares promise (<see cref="ISharedSecrets"/>, the data-protection <see cref="IXmlRepository"/>), on each database.</summary>
public abstract class SharedSecretsContract(StorageProvider provider) : IDisposable
{
    private readonly StorageUnderTest _storage = new(provider);

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task Instances_racing_to_add_a_secret_all_get_the_first_one_kept()
    {
        using var second = _storage.SecondInstance();
        var stores = new[] { _storage.Get<ISharedSecrets>(), second.GetRequiredService<ISharedSecrets>() };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            stores[i % 2].GetOrAddAsync("directline/development-secret", $"candidate-{i}", CancellationToken.None))));

        Assert.Single(results, r => r.Added);
        Assert.Single(results.Select(r => r.Value).Distinct());
        var kept = await stores[1].GetOrAddAsync("directline/development-secret", "late", CancellationToken.None);
        Assert.Equal((results[0].Value, false), (kept.Value, kept.Added));
        Assert.True((await stores[0].GetOrAddAsync("other", "x", CancellationToken.None)).Added);
    }

    [Fact]
    public void Key_ring_elements_stored_by_one_instance_are_read_by_another_and_a_name_is_kept_once()
    {
        using var second = _storage.SecondInstance();
        var repository = _storage.Get<IXmlRepository>();

        repository.StoreElement(new XElement("key", new XAttribute("id", "1"), "ạ"), "key-1");
        repository.StoreElement(new XElement("key", new XAttribute("id", "2")), "key-2");
        repository.StoreElement(new XElement("key", new XAttribute("id", "other")), "key-1");

        var elements = second.GetRequiredService<IXmlRepository>().GetAllElements();
        Assert.Equal(["1", "2"], elements.Select(e => (string)e.Attribute("id")!).Order());
        Assert.Equal("ạ", elements.Single(e => (string)e.Attribute("id")! == "1").Value);
    }

    [Fact]
    public void What_one_instance_protects_with_the_shared_key_ring_another_unprotects()
    {
        using var second = _storage.SecondInstance();
        var a = Protector(_storage.Get<IXmlRepository>());
        var b = Protector(second.GetRequiredService<IXmlRepository>());

        var cookie = a.Protect("staff: lan, admin");

        Assert.Equal("staff: lan, admin", b.Unprotect(cookie));
    }

    private static IDataProtector Protector(IXmlRepository repository)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("GuidanceBot");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = repository);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }
}

public sealed class SqliteSharedSecretsContract() : SharedSecretsContract(StorageProvider.Sqlite);

public sealed class PostgresSharedSecretsContract() : SharedSecretsContract(StorageProvider.Postgres);
