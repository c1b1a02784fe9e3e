using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// NCTL's list of teaching schools and their alliances (<c>180312_teaching-schools-all.xls</c>, 12 March 2018), read with
/// ExcelDataReader. Header cells start with spaces (" URN"): columns are found by trimmed name. The list converts to the
/// <c>teaching-school-alliances</c> reference CSV with the source's columns (trimmed names) and the project's
/// <c>valid_from</c>, <c>valid_to</c>, <c>source</c>, <c>as_of</c> (<c>convert teaching-schools IN.xls OUT.csv</c>).
/// </summary>
public static class TeachingSchoolsWorkbook
{
    /// <summary>The source's columns, by trimmed header name, in its order.</summary>
    public static readonly string[] Columns = ["Alliance Name", "Teaching School", "URN", "Region", "Local Authority", "RSC", "Type", "Phase", "Religious Character"];

    /// <summary>The first day the list shows every alliance (its date), and the first day none was (designation ceased on 31 August 2021).</summary>
    public static readonly DateOnly ListDate = new(2018, 3, 12), Closed = new(2021, 9, 1);

    public const string Source =
        "NCTL list of teaching schools and alliances, 12 March 2018 (180312_teaching-schools-all.xls, via matt-dray/nctl-teaching-schools@da31b4cfd83b9461bb23e0e1dbb0896b01e33b14); "
        + "valid_from: the list's date, the first day it attests; valid_to: teaching school designation ceased on 31 August 2021 (DfE teaching school hubs guidance, 2020-11-20)";

    /// <summary>One teaching school row: the source's cells in <see cref="Columns"/> order, and its row number in the sheet.</summary>
    public sealed record Row(int Line, string[] Cells);

    /// <summary>Reads and checks the workbook's first sheet; a bad header or rows refuse it with the file, rows and reasons.</summary>
    public static IReadOnlyList<Row> Read(string path)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var name = Path.GetFileName(path);
        using var stream = File.OpenRead(path);
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.HeaderException or InvalidDataException or NotSupportedException)
        {
            throw new ImportRefusedException($"{name}: not an Excel workbook ({e.Message}).");
        }
        using (reader)
        {
            if (!reader.Read()) throw new ImportRefusedException($"{name}: the first sheet is empty.");
            var header = Enumerable.Range(0, reader.FieldCount).Select(i => Cell(reader, i).Trim()).ToList();
            var missing = Columns.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0) throw new ImportRefusedException($"{name} row 1: missing column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} (header cells are matched by trimmed name; found {string.Join(", ", header.Select(h => $"'{h}'"))}).");
            var ordinals = Columns.Select(c => header.IndexOf(c)).ToArray();
            var rows = new List<Row>();
            var errors = new List<string>();
            var firstRow = new Dictionary<int, int>();
            for (var line = 2; reader.Read(); line++)
            {
                var cells = ordinals.Select(o => Cell(reader, o).Trim()).ToArray();
                if (cells.All(c => c.Length == 0)) continue;
                var problems = Check(cells, line, firstRow);
                if (problems.Count > 0) errors.Add($"row {line}: {string.Join("; ", problems)}");
                else rows.Add(new Row(line, cells));
            }
            if (errors.Count > 0) throw new ImportRefusedException($"{name}: {errors.Count} row(s) are invalid and the list is read whole or not at all. {string.Join(" ", errors.Take(10))}");
            if (rows.Count == 0) throw new ImportRefusedException($"{name}: the sheet has a header but no rows.");
            return rows;
        }
    }

    /// <summary>The reference CSV: the source's columns, then valid_from, valid_to, source and as_of.</summary>
    public static string ToCsv(IReadOnlyList<Row> rows)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(",", Columns.Append("valid_from").Append("valid_to").Append("source").Append("as_of").Select(Quote))).Append('\n');
        var dates = new[] { ListDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Closed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Source, ListDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        foreach (var row in rows) csv.Append(string.Join(",", row.Cells.Concat(dates).Select(Quote))).Append('\n');
        return csv.ToString();
    }

    private static List<string> Check(string[] cells, int line, Dictionary<int, int> firstRow)
    {
        var problems = new List<string>();
        if (cells[0].Length == 0) problems.Add("Alliance Name is empty");
        if (cells[1].Length == 0) problems.Add("Teaching School is empty");
        if (!int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var urn) || urn <= 0) problems.Add($"URN '{cells[2]}' is not a positive whole number");
        else if (!firstRow.TryAdd(urn, line)) problems.Add($"URN {urn} appears again (first on row {firstRow[urn]})");
        return problems;
    }

    private static string Cell(IExcelDataReader reader, int ordinal) => ordinal < reader.FieldCount ? reader.GetValue(ordinal) switch
    {
        null => "",
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    } : "";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
