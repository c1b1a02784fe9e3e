using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// An independent reading of a real file (the framework's TextFieldParser, not the product's CSV code), so tests
/// compare what the API says with a recount from the file itself.
/// </summary>
public sealed class CsvRecount
{
    static CsvRecount() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly Dictionary<string, int> columns;

    public List<string[]> Rows { get; } = [];

    public string[] Header { get; }

    public CsvRecount(string path, string encoding = "windows-1252")
    {
        using var parser = new TextFieldParser(path, Encoding.GetEncoding(encoding)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        Header = header;
        columns = header.Select((name, i) => (name, i)).GroupBy(x => x.name).ToDictionary(g => g.Key, g => g.First().i);
        while (!parser.EndOfData) Rows.Add(parser.ReadFields()!);
    }

    public bool Has(string column) => columns.ContainsKey(column);

    public string Value(string[] row, string column) => columns.TryGetValue(column, out var i) && i < row.Length ? row[i].Trim() : "";

    /// <summary>Rows naming each value of a column, ignoring GIAS's placeholders for "none".</summary>
    public Dictionary<string, List<string[]>> GroupBy(string column, Func<string[], bool>? where = null) => Rows
        .Where(r => where?.Invoke(r) ?? true)
        .Select(r => (Key: Value(r, column), Row: r))
        .Where(x => x.Key is not ("" or "Not applicable" or "Does not apply"))
        .GroupBy(x => x.Key.ToUpperInvariant())
        .ToDictionary(g => g.Key, g => g.Select(x => x.Row).ToList());
}
