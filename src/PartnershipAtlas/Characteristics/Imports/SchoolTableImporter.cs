using Microsoft.Extensions.Options;
using PartnershipAtlas.Attainment.Imports;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Pipeline;

namespace PartnershipAtlas.Characteristics.Imports;

/// <summary>
/// Imports one school table: the year from the folder (<c>2018-2019/england_census.csv</c> → 2019) or file name,
/// else <c>--year</c>, else the file is refused; each row a result set of that year (found again by URN, LA or
/// England), each measure a value with its status. Rows are read by <see cref="SchoolTableRow"/> and written by
/// attainment's <see cref="ResultSetWriter"/>.
/// </summary>
internal abstract class SchoolTableImporter(SchoolTable table, IOptions<ImportOptions> options) : RowDataset<PerformanceRow>
{
    public override string Dataset => table.Dataset;

    public override IReadOnlyList<string[]> RequiredColumns => table.RequiredColumns;

    public override string Description => table.Description;

    protected override async Task<(IRowParser<PerformanceRow>, IBatchWriter<PerformanceRow>)> OpenAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var year = ExamYear.FromPath(context.File.Path) ?? options.Value.Year
            ?? throw new ImportRefusedException("the year is neither in the folder name (e.g. 2018-2019/england_census.csv) nor the file name; give it with --year 2019.");
        var columns = new SchoolTableColumns(context.Rows);
        var (writer, measures) = await ResultSetWriter.OpenAsync(context, table.Table, year, columns.Measures, cancellationToken);
        return (new RowParser<PerformanceRow>(rows => ParsedRow<PerformanceRow>.From(SchoolTableRow.Read(rows, columns, measures)), row => row.ResultSet.Key, row => row.ResultSet.Key), writer);
    }
}

/// <summary>The <c>ks4-destinations</c> dataset.</summary>
internal sealed class Ks4DestinationsImporter(IOptions<ImportOptions> options) : SchoolTableImporter(SchoolTable.Ks4Destinations, options);

/// <summary>The <c>workforce</c> dataset.</summary>
internal sealed class WorkforceImporter(IOptions<ImportOptions> options) : SchoolTableImporter(SchoolTable.Workforce, options);
