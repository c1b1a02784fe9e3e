using System.Data.Common;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>Runs one statement inside an import's transaction.</summary>
internal static class SqlText
{
    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        using var command = new PreparedCommand(connection, transaction, sql, values.Length);
        return await command.ExecuteAsync(cancellationToken, values);
    }
}
