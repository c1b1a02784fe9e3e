using System.Net;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Establishments;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Reference;

namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// The real server (Program's own composition) on a store of its own (a SQLite file, or a PostgreSQL database when
/// the tests run on PostgreSQL: see <see cref="TestDatabases"/>), with no default data unless asked.
/// </summary>
public class AtlasFactory : WebApplicationFactory<Program>
{
    private readonly Lazy<string> ownStore = new(TestDatabases.Create);

    /// <summary>The store's connection string: this server's own, or the one <see cref="Settings"/> gives (another server's).</summary>
    public string ConnectionString => Settings.TryGetValue("ConnectionStrings:Atlas", out var shared) ? shared : ownStore.Value;

    /// <summary>The configuration naming the store, for another process (the command line) on the same store.</summary>
    public IEnumerable<string> StoreArguments => ArgumentsFor(ConnectionString, ApplyReferenceLists);

    /// <param name="referenceLists">Whether the command applies the reference lists (the product always does; most tests' stores stay empty).</param>
    public static IEnumerable<string> ArgumentsFor(string connectionString, bool referenceLists = false) =>
    [
        $"--{StoreServiceCollectionExtensions.ProviderKey}={TestDatabases.Provider}", $"--ConnectionStrings:Atlas={connectionString}",
        $"--{ReferenceDataOptions.Section}:Enabled={(referenceLists ? "true" : "false")}",
    ];

    protected virtual bool LoadDefaultData => false;

    /// <summary>
    /// Whether this server (and the command line on its store) applies the reference lists at start, as the product
    /// always does; off unless a test asks, so that a test's store holds only what the test imports.
    /// </summary>
    protected virtual bool ApplyReferenceLists => LoadDefaultData;

    /// <summary>More configuration for a test's own server.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseDefaultServiceProvider(options => { options.ValidateScopes = true; options.ValidateOnBuild = true; });
        builder.UseSetting(StoreServiceCollectionExtensions.ProviderKey, TestDatabases.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Atlas", ConnectionString);
        builder.UseSetting("Atlas:LoadDefaultData", LoadDefaultData ? "true" : "false");
        builder.UseSetting($"{ReferenceDataOptions.Section}:Enabled", ApplyReferenceLists ? "true" : "false");
        builder.UseSetting("Atlas:Schedules:Enabled", "false");
        builder.UseSetting(StoreServiceCollectionExtensions.ThreadSafetyChecksKey, "true");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Imports files through the same service the command line and the schedules use.</summary>
    public async Task<ImportRun> ImportAsync(string dataset, string path, DateOnly? extractDate = null)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportService>().ImportFileAsync(dataset, path, extractDate, CancellationToken.None);
    }

    public async Task<T> WithStoreAsync<T>(Func<AtlasDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AtlasDbContext>());
    }

    public Task<(int Establishments, int Partnerships, int Memberships)> CountRowsAsync() => WithStoreAsync(async db =>
        (await db.Establishments.CountAsync(), await db.Partnerships.CountAsync(), await db.Memberships.CountAsync()));

    /// <summary>Also listen on a real loopback port (for the browser and the spec audit); returns the base URL.</summary>
    public string StartOnLoopback()
    {
        var port = FreePort();
        UseKestrel(port);
        StartServer();
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownStore.IsValueCreated) TestDatabases.Drop(ownStore.Value);
        GC.SuppressFinalize(this);
    }
}
