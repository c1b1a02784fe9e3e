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
    // Without a lock (issue 20: under 32 connections the lock was contended on every request). A request joins the
    // batch that has not started reading yet, or starts one; one reader at a time takes the waiting batch, reads once
    // for all of it, and goes on while batches wait.
    private TaskCompletionSource<StoreStamps>? waiting; // the batch not yet taken by the reader
    private int reading; // 1 while a reader runs
    private volatile bool disposed;
    private DbCommand? command; // used by the one reader

    /// <summary>The store stamp (what cached answers are kept against).</summary>
    public async Task<long> ReadAsync(CancellationToken cancellationToken) => (await ReadBothAsync(cancellationToken)).Stamp;

    /// <summary>The store stamp and the data stamp, read together.</summary>
    public Task<StoreStamps> ReadBothAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (true)
        {
            if (Volatile.Read(ref waiting) is { } batch) return batch.Task.WaitAsync(cancellationToken);
            var started = new TaskCompletionSource<StoreStamps>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref waiting, started, null) is not null) continue;
            if (Interlocked.CompareExchange(ref reading, 1, 0) == 0) _ = ReadWhileWaitingAsync();
            return started.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Takes the waiting batch and reads for it, until none waits; then stops, unless a batch came as it did.</summary>
    private async Task ReadWhileWaitingAsync()
    {
        while (true)
        {
            if (Interlocked.Exchange(ref waiting, null) is { } batch)
            {
                try
                {
                    batch.SetResult(await ReadOnceAsync());
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                    try
                    {
                        await CloseAsync();
                    }
                    catch (Exception)
                    {
                        // The read's own failure went to its requests; a connection that also fails to close is dropped
                        // (`command` is cleared first), and the next read opens another, so this reader must go on.
                    }
                }
                continue;
            }
            // A full fence, not a volatile write: the read of `waiting` below must not move before it, or a request
            // that set a batch just then, and found a reader still running, would be left with no reader at all.
            Interlocked.Exchange(ref reading, 0);
            if (Volatile.Read(ref waiting) is null || Interlocked.CompareExchange(ref reading, 1, 0) != 0) return;
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
        var (closing, connection) = (command, command.Connection);
        command = null;
        await closing.DisposeAsync();
        if (connection is not null) await connection.DisposeAsync();
    }

    /// <summary>Closes the connection once no read is under way.</summary>
    public async ValueTask DisposeAsync()
    {
        disposed = true;
        while (Volatile.Read(ref reading) != 0) await Task.Delay(10);
        await CloseAsync();
    }
}
