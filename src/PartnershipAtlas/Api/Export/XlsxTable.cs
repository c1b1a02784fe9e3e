using MiniExcelLibs;

namespace PartnershipAtlas.Api.Export;

/// <summary>
/// A table as an .xlsx workbook (MiniExcel): sheet "Table" with the rows under their column names, sheet "About" with
/// what was asked and when. MiniExcel writes a workbook from a synchronous sequence, so the rows go to a temporary
/// file as they come (one page in memory at a time) and the file is then sent.
/// </summary>
public static class XlsxTable
{
    public const string TableSheet = "Table";
    public const string AboutSheet = "About";

    public static async Task WriteAsync(Stream output, IReadOnlyList<TableColumn> columns, IAsyncEnumerable<string[]> rows, Func<IEnumerable<KeyValuePair<string, string>>> about,
        CancellationToken cancellationToken)
    {
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var sheets = new Dictionary<string, object>
        {
            [TableSheet] = AsRecords(columns, rows.ToBlockingEnumerable(cancellationToken)),
            [AboutSheet] = AboutRows(about),
        };
        await Task.Run(() => file.SaveAs(sheets, excelType: ExcelType.XLSX), cancellationToken);
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    private static IEnumerable<IDictionary<string, object?>> AsRecords(IReadOnlyList<TableColumn> columns, IEnumerable<string[]> rows)
    {
        foreach (var cells in rows)
        {
            var record = new Dictionary<string, object?>(columns.Count);
            for (var i = 0; i < columns.Count; i++) record[columns[i].Name] = cells[i];
            yield return record;
        }
    }

    /// <summary>The About sheet, read after the table is written (so it can say how many rows it has).</summary>
    private static IEnumerable<IDictionary<string, object?>> AboutRows(Func<IEnumerable<KeyValuePair<string, string>>> about)
    {
        foreach (var (item, value) in about()) yield return new Dictionary<string, object?> { ["Item"] = item, ["Value"] = value };
    }
}
