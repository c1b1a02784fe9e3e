using System.Data.Common;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports;

namespace PartnershipAtlas.Attainment.Imports;

/// <summary>The measures of one key stage, by code: known ones loaded once, new ones added as a file names them.</summary>
internal sealed class MeasureCatalog : IDisposable
{
    private readonly Dictionary<string, (int Id, bool IsPercentage)> byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly KeyStage keyStage;
    private readonly PreparedCommand insert;
    private readonly PreparedCommand markPercentage;

    private MeasureCatalog(DbConnection connection, DbTransaction transaction, KeyStage keyStage)
    {
        this.keyStage = keyStage;
        insert = new PreparedCommand(connection, transaction, "INSERT INTO \"Measures\" (\"KeyStage\", \"Code\", \"IsPercentage\") VALUES (@p0, @p1, FALSE) RETURNING \"Id\"", 2);
        markPercentage = new PreparedCommand(connection, transaction, "UPDATE \"Measures\" SET \"IsPercentage\" = TRUE WHERE \"Id\" = @p0", 1);
    }

    public static async Task<MeasureCatalog> LoadAsync(DbConnection connection, DbTransaction transaction, KeyStage keyStage, CancellationToken cancellationToken)
    {
        var catalog = new MeasureCatalog(connection, transaction, keyStage);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"Id\", \"Code\", \"IsPercentage\" FROM \"Measures\" WHERE \"KeyStage\" = @keyStage";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@keyStage";
        parameter.Value = keyStage.ToString();
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) catalog.byCode[reader.GetString(1)] = (reader.GetInt32(0), reader.GetBoolean(2));
        return catalog;
    }

    public async Task<int> IdOfAsync(string code, CancellationToken cancellationToken)
    {
        if (byCode.TryGetValue(code, out var known)) return known.Id;
        var id = Convert.ToInt32(await insert.ScalarAsync(cancellationToken, keyStage.ToString(), code));
        byCode[code] = (id, false);
        return id;
    }

    /// <summary>Records that the measure's values are percentages (they end in <c>%</c> in the file).</summary>
    public async Task MarkPercentageAsync(string code, CancellationToken cancellationToken)
    {
        var (id, isPercentage) = byCode[code];
        if (isPercentage) return;
        await markPercentage.ExecuteAsync(cancellationToken, id);
        byCode[code] = (id, true);
    }

    public void Dispose()
    {
        insert.Dispose();
        markPercentage.Dispose();
    }
}
