using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PartnershipAtlas.Data;

/// <summary>
/// Reads the <see cref="StoreStamp"/> on a pooled connection of its own, without a DbContext: one small statement,
/// cheap enough to run for every request that a cached answer might serve.
/// </summary>
public sealed class StoreStampReader(StoreProvider provider, string connectionString)
{
    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = StoreStamp.ReadSql;
        return await command.ExecuteScalarAsync(cancellationToken) is { } version and not DBNull ? Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private DbConnection Open() => provider == StoreProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
}
