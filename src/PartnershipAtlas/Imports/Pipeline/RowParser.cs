using PartnershipAtlas.Imports.Csv;

namespace PartnershipAtlas.Imports.Pipeline;

/// <summary>A parser declared by its three parts: how a row is read, what makes it unique in its file, how a duplicate is named.</summary>
public sealed class RowParser<TRow>(Func<CsvRows, ParsedRow<TRow>> parse, Func<TRow, object> keyOf, Func<TRow, string> describe) : IRowParser<TRow>
{
    public ParsedRow<TRow> Parse(CsvRows rows) => parse(rows);

    public object KeyOf(TRow row) => keyOf(row);

    public string Describe(TRow row) => describe(row);
}
