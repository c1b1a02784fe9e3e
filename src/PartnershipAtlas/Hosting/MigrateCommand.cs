using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Hosting;

/// <summary>
/// <c>migrate</c>: applies the store's pending migrations and exits, for a deploy step that runs once before several
/// instances start (each would also apply them at start-up; EF Core's migration lock keeps concurrent starts safe),
/// then brings the reference lists up to date (<see cref="Imports.Reference.ReferenceLists"/>).
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] hostArgs)
    {
        try
        {
            var builder = Host.CreateApplicationBuilder(hostArgs);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddAtlasCore(builder.Configuration);
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await db.MigrateStoreAsync(CancellationToken.None);
            Console.WriteLine(pending.Count == 0
                ? $"The store ({StoreServiceCollectionExtensions.ProviderOf(builder.Configuration)}) is up to date."
                : $"Applied {pending.Count} migration(s) to the store ({StoreServiceCollectionExtensions.ProviderOf(builder.Configuration)}): {string.Join(", ", pending)}.");
            return await Imports.ImportCommand.ApplyReferenceListsAsync(host.Services) ?? 0;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"migrate: {e.Message}");
            return 1;
        }
    }
}
