using System.Data.Common;
using PartnershipAtlas.Data.Sql;

namespace PartnershipAtlas.Attainment.Imports;

/// <summary>The measures of one key stage, by code: known ones loaded once, new ones added as a file names them.</summary>
internal sealed class MeasureCatalog : IDisposable
{
    private readonly Dictionary<string, int> idByCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> percentages = [];
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
        var measures = await DbCommands.QueryAsync(connection, transaction, "SELECT \"Id\", \"Code\", \"IsPercentage\" FROM \"Measures\" WHERE \"KeyStage\" = @p0",
            r => (Id: r.GetInt32(0), Code: r.GetString(1), IsPercentage: r.GetBoolean(2)), cancellationToken, keyStage.ToString());
        foreach (var (id, code, isPercentage) in measures)
        {
            catalog.idByCode[code] = id;
            if (isPercentage) catalog.percentages.Add(id);
        }
        return catalog;
    }

    /// <summary>The measure columns of a file with their measures' ids, adding the measures the catalog does not know yet.</summary>
    public async Task<List<(int Id, string Code, int Ordinal)>> ColumnsAsync(IEnumerable<(string Code, int Ordinal)> measures, CancellationToken cancellationToken)
    {
        var columns = new List<(int, string, int)>();
        foreach (var (code, ordinal) in measures) columns.Add((await IdOfAsync(code, cancellationToken), code, ordinal));
        return columns;
    }

    private async Task<int> IdOfAsync(string code, CancellationToken cancellationToken)
    {
        if (idByCode.TryGetValue(code, out var known)) return known;
        return idByCode[code] = Convert.ToInt32(await insert.ScalarAsync(cancellationToken, keyStage.ToString(), code));
    }

    /// <summary>Records that the measure's values are percentages (they end in <c>%</c> in the file).</summary>
    public async Task MarkPercentageAsync(int measureId, CancellationToken cancellationToken)
    {
        if (percentages.Add(measureId)) await markPercentage.ExecuteAsync(cancellationToken, measureId);
    }

    public void Dispose()
    {
        insert.Dispose();
        markPercentage.Dispose();
    }
}
