using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports;

namespace PartnershipAtlas.Tests.Support;

/// <summary>The real server (Program's own composition) on its own SQLite file, with no default data unless asked.</summary>
public class AtlasFactory : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"atlas-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    protected virtual bool LoadDefaultData => false;

    /// <summary>More configuration for a test's own server.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseDefaultServiceProvider(options => { options.ValidateScopes = true; options.ValidateOnBuild = true; });
        builder.UseSetting("ConnectionStrings:Atlas", ConnectionString);
        builder.UseSetting("Atlas:LoadDefaultData", LoadDefaultData ? "true" : "false");
        builder.UseSetting("Atlas:Schedules:Enabled", "false");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(DatabasePath + suffix);
        GC.SuppressFinalize(this);
    }
}
