using System.Data.Common;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>Finds or creates partnerships by source key inside an import's transaction, keeping names current.</summary>
internal sealed class PartnershipWriter : IDisposable
{
    private readonly Dictionary<string, (int Id, string Name)> known = new(StringComparer.Ordinal);
    private readonly PreparedCommand insert;
    private readonly PreparedCommand rename;

    private PartnershipWriter(DbConnection connection, DbTransaction transaction)
    {
        insert = new PreparedCommand(connection, transaction, "INSERT INTO Partnerships (Kind, Name, SourceKey, FederationType) VALUES (@p0, @p1, @p2, @p3) RETURNING Id", 4);
        rename = new PreparedCommand(connection, transaction, "UPDATE Partnerships SET Name = @p1 WHERE Id = @p0", 2);
    }

    public static async Task<PartnershipWriter> LoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var writer = new PartnershipWriter(connection, transaction);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Id, SourceKey, Name FROM Partnerships";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) writer.known[reader.GetString(1)] = (reader.GetInt32(0), reader.GetString(2));
        return writer;
    }

    public async Task<int> IdOfAsync(PartnershipRef network, CancellationToken cancellationToken)
    {
        if (known.TryGetValue(network.SourceKey, out var existing))
        {
            if (existing.Name != network.Name)
            {
                await rename.ExecuteAsync(cancellationToken, existing.Id, network.Name);
                known[network.SourceKey] = (existing.Id, network.Name);
            }
            return existing.Id;
        }
        var id = Convert.ToInt32(await insert.ScalarAsync(cancellationToken, network.Kind.ToString(), network.Name, network.SourceKey, FederationTypeOf(network.Kind)));
        known[network.SourceKey] = (id, network.Name);
        return id;
    }

    /// <summary>GIAS records federations under one governing body (School Governance (Federations) Regulations): hard ones.</summary>
    private static string? FederationTypeOf(PartnershipKind kind) => kind == PartnershipKind.Federation ? nameof(FederationType.Hard) : null;

    public void Dispose()
    {
        insert.Dispose();
        rename.Dispose();
    }
}
