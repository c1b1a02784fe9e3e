namespace PartnershipAtlas.Data.Backups;

/// <summary>While the server runs on a SQLite store it holds the store's hold file (shared), so <c>restore</c> refuses to overwrite it.</summary>
public sealed class StoreHold(IConfiguration configuration) : IHostedService, IDisposable
{
    private FileStream? hold;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (StoreServiceCollectionExtensions.ProviderOf(configuration) != StoreProvider.Sqlite) return Task.CompletedTask;
        var store = new SqliteStoreFile(configuration.GetConnectionString(StoreServiceCollectionExtensions.ConnectionStringName) ?? StoreServiceCollectionExtensions.DefaultConnectionString);
        try
        {
            hold = store.HoldShared();
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The store {store.Path} is being restored (its hold file {store.HoldPath} is locked): start the server when the restore has finished.", e);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        hold?.Dispose();
        hold = null;
    }
}
