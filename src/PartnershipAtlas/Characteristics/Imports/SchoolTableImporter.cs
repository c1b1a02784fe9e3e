using Microsoft.Extensions.Options;
using PartnershipAtlas.Attainment.Imports;
using PartnershipAtlas.Imports;

namespace PartnershipAtlas.Characteristics.Imports;

/// <summary>
/// Imports one school table: the year from the folder (<c>2018-2019/england_census.csv</c> → 2019) or file name,
/// else <c>--year</c>, else the file is refused; each row a result set of that year (found again by URN, LA or
/// England), each measure a value with its status. Rows are read by <see cref="SchoolTableRow"/> and written by
/// attainment's <see cref="ResultSetWriter"/>.
/// </summary>
public abstract class SchoolTableImporter(SchoolTable table, IOptions<ImportOptions> options) : IDatasetImporter
{
    public string Dataset => table.Dataset;

    public IReadOnlyList<string[]> RequiredColumns => table.RequiredColumns;

    public string Description => table.Description;

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var (rows, connection, transaction) = (context.Rows, context.Connection, context.Transaction);
        var year = ExamYear.FromPath(context.File.Path) ?? options.Value.Year
            ?? throw new ImportRefusedException("the year is neither in the folder name (e.g. 2018-2019/england_census.csv) nor the file name; give it with --year 2019.");
        context.Counts.Year = year;
        var columns = new SchoolTableColumns(rows);
        using var catalog = await MeasureCatalog.LoadAsync(connection, transaction, table.Table, cancellationToken);
        var measures = new List<(int Id, string Code, int Ordinal)>();
        foreach (var (code, ordinal) in columns.Measures) measures.Add((await catalog.IdOfAsync(code, cancellationToken), code, ordinal));
        using var writer = await ResultSetWriter.LoadAsync(connection, transaction, table.Table, year, context.RunId, cancellationToken);
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);

        while (await rows.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var (row, error) = SchoolTableRow.Read(rows, columns, measures);
            if (row is null)
            {
                context.Rejections.Reject(rows.Line, error!);
                continue;
            }
            if (!firstLineOf.TryAdd(row.ResultSet.Key, rows.Line))
            {
                context.Rejections.Reject(rows.Line, $"{row.ResultSet.Key} appears again (first on line {firstLineOf[row.ResultSet.Key]})");
                continue;
            }
            for (var i = 0; i < row.Values.Count; i++)
            {
                if (row.Values[i].Cell.IsPercentage) await catalog.MarkPercentageAsync(measures[i].Code, cancellationToken);
            }
            await writer.WriteAsync(row, context.Counts, cancellationToken);
        }
    }
}

/// <summary>The <c>census</c> dataset.</summary>
public sealed class CensusImporter(IOptions<ImportOptions> options) : SchoolTableImporter(SchoolTable.Census, options);

/// <summary>The <c>absence</c> dataset.</summary>
public sealed class AbsenceImporter(IOptions<ImportOptions> options) : SchoolTableImporter(SchoolTable.Absence, options);

/// <summary>The <c>ks4-destinations</c> dataset.</summary>
public sealed class Ks4DestinationsImporter(IOptions<ImportOptions> options) : SchoolTableImporter(SchoolTable.Ks4Destinations, options);

/// <summary>The <c>workforce</c> dataset.</summary>
public sealed class WorkforceImporter(IOptions<ImportOptions> options) : SchoolTableImporter(SchoolTable.Workforce, options);
