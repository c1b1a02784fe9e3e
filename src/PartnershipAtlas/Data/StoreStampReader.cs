using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PartnershipAtlas.Data;

/// <summary>
/// Reads the <see cref="StoreStamp"/> (the stamp and the data stamp) on a connection of its own, kept open with the statement prepared, without a
/// DbContext. Reads are shared: a
/// request arriving while a read is under way waits for the next one, which starts when that ends and serves every
/// request that arrived meanwhile. So each request still sees a stamp read after it arrived (a write committed before
/// it is seen), but under load one round trip to the store serves many requests instead of one each.
/// </summary>
public sealed class StoreStampReader(StoreProvider provider, string connectionString) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private DbCommand? command; // used by one read at a time
    private bool reading;
    private bool disposed;
    private TaskCompletionSource<StoreStamps>? next;

    /// <summary>The store stamp (what cached answers are kept against).</summary>
    public async Task<long> ReadAsync(CancellationToken cancellationToken) => (await ReadBothAsync(cancellationToken)).Stamp;

    /// <summary>The store stamp and the data stamp, read together.</summary>
    public Task<StoreStamps> ReadBothAsync(CancellationToken cancellationToken)
    {
        Task<StoreStamps> read;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (reading)
            {
                next ??= new TaskCompletionSource<StoreStamps>(TaskCreationOptions.RunContinuationsAsynchronously);
                read = next.Task;
            }
            else
            {
                reading = true;
                var now = new TaskCompletionSource<StoreStamps>(TaskCreationOptions.RunContinuationsAsynchronously);
                read = now.Task;
                _ = ReadForAsync(now);
            }
        }
        return read.WaitAsync(cancellationToken);
    }

    /// <summary>Reads for the requests waiting on <paramref name="waiting"/>, then for those that came meanwhile, until none did.</summary>
    private async Task ReadForAsync(TaskCompletionSource<StoreStamps> waiting)
    {
        while (true)
        {
            try
            {
                waiting.SetResult(await ReadOnceAsync());
            }
            catch (Exception e)
            {
                await CloseAsync();
                waiting.SetException(e);
            }
            lock (gate)
            {
                if (next is null)
                {
                    reading = false;
                    return;
                }
                (waiting, next) = (next, null);
            }
        }
    }

    private async Task<StoreStamps> ReadOnceAsync()
    {
        command ??= await PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new StoreStamps(reader.GetInt64(0), reader.GetInt64(1)) : default;
    }

    private async Task<DbCommand> PrepareAsync()
    {
        DbConnection connection = provider == StoreProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            var prepared = connection.CreateCommand();
            prepared.CommandText = StoreStamp.ReadSql;
            await prepared.PrepareAsync();
            return prepared;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CloseAsync()
    {
        if (command is null) return;
        var connection = command.Connection;
        await command.DisposeAsync();
        if (connection is not null) await connection.DisposeAsync();
        command = null;
    }

    /// <summary>Closes the connection once no read is under way.</summary>
    public async ValueTask DisposeAsync()
    {
        while (true)
        {
            lock (gate)
            {
                disposed = true;
                if (!reading) break;
            }
            await Task.Delay(10);
        }
        await CloseAsync();
    }
}
