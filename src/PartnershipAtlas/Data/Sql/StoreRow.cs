using System.Data.Common;
using SQLitePCL;

namespace PartnershipAtlas.Data.Sql;

/// <summary>
/// The current row of a statement read by <see cref="StoreRows"/>: on SQLite straight from the compiled statement,
/// elsewhere from the provider's data reader.
/// </summary>
public readonly struct StoreRow
{
    private readonly sqlite3_stmt? statement;
    private readonly DbDataReader? reader;

    internal StoreRow(sqlite3_stmt statement) => this.statement = statement;

    internal StoreRow(DbDataReader reader) => this.reader = reader;

    public int Int32(int column) => statement is not null ? raw.sqlite3_column_int(statement, column) : reader!.GetInt32(column);

    public long Int64(int column) => statement is not null ? raw.sqlite3_column_int64(statement, column) : reader!.GetInt64(column);

    public string Text(int column) => statement is not null ? raw.sqlite3_column_text(statement, column).utf8_to_string() : reader!.GetString(column);

    public bool IsNull(int column) => statement is not null ? raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL : reader!.IsDBNull(column);

    /// <summary>A date: on SQLite the text EF Core stores (<c>yyyy-MM-dd</c>), elsewhere the provider's date.</summary>
    public DateOnly Date(int column) => statement is not null
        ? DateOnly.ParseExact(raw.sqlite3_column_text(statement, column).utf8_to_string(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : reader!.GetFieldValue<DateOnly>(column);
}
