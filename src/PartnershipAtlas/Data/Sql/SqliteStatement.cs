using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PartnershipAtlas.Data.Sql;

/// <summary>
/// One SQLite statement compiled once and run for many rows, its parameters (<c>@p0</c>, <c>@p1</c>, …) bound by
/// position. Microsoft.Data.Sqlite looks every parameter up by name and allocates a binder for each value on every
/// run; an import binds tens of millions of values, and that lookup was a third of its time. Values are stored
/// exactly as Microsoft.Data.Sqlite stores them (its <c>SqliteValueBinder</c> with no type given), errors are its
/// <see cref="SqliteException"/>, and a busy store is retried the way its commands retry.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly int[] positions;
    private readonly bool readOnly;

    private SqliteStatement(sqlite3 database, sqlite3_stmt statement, IEnumerable<string> parameterNames)
    {
        (this.database, this.statement) = (database, statement);
        positions = parameterNames.Select(Position).ToArray();
        readOnly = raw.sqlite3_stmt_readonly(statement) != 0;
    }

    /// <summary>Where the statement takes the parameter (0: nowhere), as Microsoft.Data.Sqlite finds it: the name as given, else with each prefix.</summary>
    private int Position(string name)
    {
        var position = raw.sqlite3_bind_parameter_index(statement, name);
        if (position != 0 || name is ['@' or '$' or ':', ..]) return position;
        return new[] { "@", "$", ":" }.Select(prefix => raw.sqlite3_bind_parameter_index(statement, prefix + name)).FirstOrDefault(p => p != 0);
    }

    /// <summary>The statement compiled on the open connection, or null when <paramref name="sql"/> holds more than one statement.</summary>
    public static SqliteStatement? TryPrepare(SqliteConnection connection, string sql, int parameterCount) =>
        TryPrepare(connection, sql, Enumerable.Range(0, parameterCount).Select(i => "@p" + i));

    /// <summary>The statement compiled on the open connection, its parameters named as given (with their prefix), or null when <paramref name="sql"/> holds more than one statement.</summary>
    public static SqliteStatement? TryPrepare(SqliteConnection connection, string sql, IEnumerable<string> parameterNames)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(database, sql, out var statement, out var tail);
        SqliteException.ThrowExceptionForRC(rc, database);
        if (!string.IsNullOrWhiteSpace(tail))
        {
            statement.Dispose();
            return null;
        }
        return new SqliteStatement(database, statement, parameterNames);
    }

    /// <summary>Runs the statement with <paramref name="values"/> and reads every row it returns with <paramref name="read"/>.</summary>
    public List<T> Rows<T>(object?[] values, Func<StoreRow, T> read)
    {
        try
        {
            BindAll(values);
            var rows = new List<T>();
            var row = new StoreRow(statement);
            int rc;
            for (rc = StepWhileBusy(); rc == raw.SQLITE_ROW; rc = raw.sqlite3_step(statement)) rows.Add(read(row));
            SqliteException.ThrowExceptionForRC(rc, database);
            return rows;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Runs the statement with <paramref name="values"/>; the rows it inserted, updated or deleted (-1 for a read).</summary>
    public int Execute(object?[] values)
    {
        var before = raw.sqlite3_total_changes(database);
        Run(values, readFirst: false);
        if (readOnly) return -1;
        return raw.sqlite3_total_changes(database) > before ? raw.sqlite3_changes(database) : 0;
    }

    /// <summary>Runs the statement with <paramref name="values"/>; the first column of its first row, or null when it returned none.</summary>
    public object? Scalar(object?[] values) => Run(values, readFirst: true);

    private object? Run(object?[] values, bool readFirst)
    {
        try
        {
            BindAll(values);
            var rc = StepWhileBusy();
            object? first = null;
            if (rc == raw.SQLITE_ROW && readFirst) first = Column(0);
            while (rc == raw.SQLITE_ROW) rc = raw.sqlite3_step(statement);
            SqliteException.ThrowExceptionForRC(rc, database);
            return first;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private void BindAll(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (positions[i] != 0) Bind(positions[i], values[i]);
        }
    }

    /// <summary>Steps once, retrying while another connection holds the store (as Microsoft.Data.Sqlite does: every 150 ms, for up to 30 s).</summary>
    private int StepWhileBusy()
    {
        var started = Environment.TickCount64;
        int rc;
        while ((rc = raw.sqlite3_step(statement)) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && Environment.TickCount64 - started < BusyTimeout.TotalMilliseconds)
        {
            raw.sqlite3_reset(statement);
            Thread.Sleep(150);
        }
        SqliteException.ThrowExceptionForRC(rc, database);
        return rc;
    }

    private object? Column(int i) => raw.sqlite3_column_type(statement, i) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, i),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, i),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(statement, i).utf8_to_string(),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, i).ToArray(),
        _ => DBNull.Value,
    };

    private void Bind(int position, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, position),
            string text => raw.sqlite3_bind_text(statement, position, text),
            int number => raw.sqlite3_bind_int64(statement, position, number),
            long number => raw.sqlite3_bind_int64(statement, position, number),
            bool flag => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0),
            double number => BindDouble(position, number),
            DateOnly date => raw.sqlite3_bind_text(statement, position, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            DateTime time => raw.sqlite3_bind_text(statement, position, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateTimeOffset time => raw.sqlite3_bind_text(statement, position, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            decimal number => raw.sqlite3_bind_text(statement, position, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            float number => BindDouble(position, number),
            Enum or byte or sbyte or short or ushort or uint => raw.sqlite3_bind_int64(statement, position, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            ulong number => raw.sqlite3_bind_int64(statement, position, unchecked((long)number)),
            char character => raw.sqlite3_bind_text(statement, position, character.ToString()),
            Guid id => raw.sqlite3_bind_text(statement, position, id.ToString().ToUpperInvariant()),
            byte[] bytes => raw.sqlite3_bind_blob(statement, position, bytes),
            _ => throw new InvalidOperationException($"No mapping exists from object type {value.GetType().FullName} to a known managed provider native type."),
        };
        SqliteException.ThrowExceptionForRC(rc, database);
    }

    private int BindDouble(int position, double value) =>
        double.IsNaN(value) ? throw new InvalidOperationException("Cannot store 'NaN' values.") : raw.sqlite3_bind_double(statement, position, value);

    public void Dispose() => statement.Dispose();
}
