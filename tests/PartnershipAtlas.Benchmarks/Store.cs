using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports;

namespace PartnershipAtlas.Benchmarks;

/// <summary>The real server on a temporary SQLite file, with its SQL statements counted.</summary>
public sealed class Store : WebApplicationFactory<PartnershipAtlas.Data.AtlasDbContext>
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"atlas-bench-{Guid.NewGuid():N}.db");

    public StatementCounter Statements { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(FindRepositoryRoot(), "src", "PartnershipAtlas"));
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("ConnectionStrings:Atlas", $"Data Source={path}");
        builder.UseSetting("Atlas:LoadDefaultData", "false");
        builder.UseSetting("Atlas:Schedules:Enabled", "false");
        builder.UseSetting("Atlas:ResponseCache:Enabled", "false"); // the computation is measured, not the cache
        // A page of 100 trusts with their attainment costs more than the default 1,000: a dashboard deployment raises it.
        builder.UseSetting("Atlas:Limits:MaxCost", "100000");
        builder.UseSetting("Atlas:Limits:CostPerMinute", "100000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.ConfigureDbContext<AtlasDbContext>(options => options.AddInterceptors(Statements)));
    }

    public async Task<ImportRun> ImportAsync(string dataset, string file)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportService>().ImportFileAsync(dataset, file, null, CancellationToken.None);
    }

    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PartnershipAtlas.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("PartnershipAtlas.sln not found above the benchmark binaries.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }
}
