using Microsoft.Extensions.Options;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Imports.Pipeline;

namespace PartnershipAtlas.Attainment.Imports;

/// <summary>
/// The <c>ks2</c> and <c>ks4</c> datasets: DfE performance tables (per-LA or national <c>*_ks2final.csv</c> /
/// <c>*_ks4final.csv</c>). Each row becomes a result set (a school, an LA or England) and each other field one value
/// with its status. Short rows (new schools stop after ~25 fields) keep what they have.
/// </summary>
internal abstract class PerformanceTableImporter(KeyStageRules rules, IOptions<ImportOptions> options) : RowDataset<PerformanceRow>
{
    public override IReadOnlyList<string[]> RequiredColumns { get; } = [["RECTYPE"], ["URN"], ["LEA"], [rules.CohortCode]];

    public override bool ShortRowsAreNormal => true;

    protected override async Task<(IRowParser<PerformanceRow>, IBatchWriter<PerformanceRow>)> OpenAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var year = ExamYear.FromPath(context.File.Path) ?? options.Value.Year
            ?? throw new ImportRefusedException("the exam year is neither in the file name (e.g. 2018-2019_…) nor its folder; give it with --year 2019.");
        var provisional = context.File.FileName.Contains("provisional", StringComparison.OrdinalIgnoreCase);
        var columns = new PerformanceTableColumns(context.Rows, rules);
        var (writer, measures) = await ResultSetWriter.OpenAsync(context, rules.KeyStage, year, columns.Measures, cancellationToken, provisional);
        return (new RowParser<PerformanceRow>(rows => Read(rows, columns, measures), row => row.ResultSet.Key, row => row.ResultSet.Key), writer);
    }

    private ParsedRow<PerformanceRow> Read(CsvRows rows, PerformanceTableColumns columns, List<(int Id, string Code, int Ordinal)> measures)
    {
        var (resultSet, error) = PerformanceRow.ReadResultSet(rows, columns, rules);
        if (resultSet is null) return ParsedRow<PerformanceRow>.Rejected(error!);
        var values = new List<(int, PerformanceCell)>(measures.Count);
        foreach (var (id, _, ordinal) in measures)
        {
            if (ordinal >= rows.RowFieldCount) break;
            values.Add((id, PerformanceCell.Parse(rows.GetRaw(ordinal))));
        }
        resultSet.IsNewInstitution = values.Any(v => v.Item2.Status == MeasureStatus.NewInstitution);
        return new PerformanceRow(resultSet, values);
    }
}

/// <summary>The <c>ks2</c> dataset: KS2 (end of primary) performance tables.</summary>
internal sealed class Ks2Importer(IOptions<ImportOptions> options) : PerformanceTableImporter(KeyStageRules.Ks2, options)
{
    public override string Dataset => "ks2";
}

/// <summary>The <c>ks4</c> dataset: KS4 (GCSE) performance tables.</summary>
internal sealed class Ks4Importer(IOptions<ImportOptions> options) : PerformanceTableImporter(KeyStageRules.Ks4, options)
{
    public override string Dataset => "ks4";
}
