using Microsoft.Extensions.Options;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Attainment.Imports;

/// <summary>
/// The <c>ks2</c> and <c>ks4</c> datasets: DfE performance tables (per-LA or national <c>*_ks2final.csv</c> /
/// <c>*_ks4final.csv</c>). Each row becomes a result set (a school, an LA or England) and each other field one value
/// with its status. Short rows (new schools stop after ~25 fields) keep what they have.
/// </summary>
public abstract class PerformanceTableImporter(KeyStageRules rules, IOptions<ImportOptions> options) : IDatasetImporter
{
    public abstract string Dataset { get; }

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["RECTYPE"], ["URN"], ["LEA"], [rules.CohortCode]];

    public bool ShortRowsAreNormal => true;

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var (rows, connection, transaction) = (context.Rows, context.Connection, context.Transaction);
        var year = ExamYear.FromPath(context.File.Path) ?? options.Value.Year
            ?? throw new ImportRefusedException("the exam year is neither in the file name (e.g. 2018-2019_…) nor its folder; give it with --year 2019.");
        context.Counts.Year = year;
        var provisional = context.File.FileName.Contains("provisional", StringComparison.OrdinalIgnoreCase);
        var columns = new PerformanceTableColumns(rows, rules);
        using var catalog = await MeasureCatalog.LoadAsync(connection, transaction, rules.KeyStage, cancellationToken);
        var measureIds = new List<(int Id, string Code, int Ordinal)>();
        foreach (var (code, ordinal) in columns.Measures) measureIds.Add((await catalog.IdOfAsync(code, cancellationToken), code, ordinal));
        using var writer = await ResultSetWriter.LoadAsync(connection, transaction, rules.KeyStage, year, context.RunId, cancellationToken, provisional);
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);

        while (await rows.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var (resultSet, error) = PerformanceRow.ReadResultSet(rows, columns, rules);
            if (resultSet is null)
            {
                context.Rejections.Reject(rows.Line, error!);
                continue;
            }
            if (!firstLineOf.TryAdd(resultSet.Key, rows.Line))
            {
                context.Rejections.Reject(rows.Line, $"{resultSet.Key} appears again (first on line {firstLineOf[resultSet.Key]})");
                continue;
            }
            var values = await ReadValuesAsync(rows, measureIds, catalog, cancellationToken);
            resultSet.IsNewInstitution = values.Any(v => v.Cell.Status == MeasureStatus.NewInstitution);
            await writer.WriteAsync(new PerformanceRow(resultSet, values), context.Counts, cancellationToken);
        }
    }

    private static async Task<List<(int MeasureId, PerformanceCell Cell)>> ReadValuesAsync(
        CsvRows rows, List<(int Id, string Code, int Ordinal)> measures, MeasureCatalog catalog, CancellationToken cancellationToken)
    {
        var values = new List<(int, PerformanceCell)>(measures.Count);
        foreach (var (id, code, ordinal) in measures)
        {
            if (ordinal >= rows.RowFieldCount) break;
            var cell = PerformanceCell.Parse(rows.GetRaw(ordinal));
            if (cell.IsPercentage) await catalog.MarkPercentageAsync(code, cancellationToken);
            values.Add((id, cell));
        }
        return values;
    }
}

/// <summary>The <c>ks2</c> dataset: KS2 (end of primary) performance tables.</summary>
public sealed class Ks2Importer(IOptions<ImportOptions> options) : PerformanceTableImporter(KeyStageRules.Ks2, options)
{
    public override string Dataset => "ks2";
}

/// <summary>The <c>ks4</c> dataset: KS4 (GCSE) performance tables.</summary>
public sealed class Ks4Importer(IOptions<ImportOptions> options) : PerformanceTableImporter(KeyStageRules.Ks4, options)
{
    public override string Dataset => "ks4";
}
