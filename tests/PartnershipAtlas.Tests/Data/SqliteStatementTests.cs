using Microsoft.Data.Sqlite;
using PartnershipAtlas.Data.Sql;

namespace PartnershipAtlas.Tests.Data;

/// <summary>
/// Imports on SQLite run their prepared statements through <see cref="SqliteStatement"/> (bound by position) instead of
/// Microsoft.Data.Sqlite's commands: every value must be stored exactly as the provider's own command stores it, rows
/// changed counted the same way, and errors be the same <see cref="SqliteException"/>.
/// </summary>
public sealed class SqliteStatementTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public SqliteStatementTests()
    {
        connection.Open();
        Run("CREATE TABLE t (k INTEGER PRIMARY KEY, v, w TEXT NOT NULL)");
    }

    public static TheoryData<object?> Values() =>
    [
        null, DBNull.Value, "text", "", "é ✓ 😀", 42, -7L, long.MaxValue, true, false, 1.5, 1e-300, -0.0, 2.5f, 12.345m, 1m,
        new DateOnly(2019, 1, 17), new DateTime(2024, 2, 29, 13, 4, 5, 6), new DateTime(2024, 2, 29), new DateTimeOffset(2024, 2, 29, 13, 4, 5, TimeSpan.FromHours(1)),
        DayOfWeek.Friday, (byte)200, (short)-3, (uint)4_000_000_000, 'x', Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), new byte[] { 1, 2, 255 },
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_stored_as_the_providers_own_command_stores_it(object? value)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO t (k, v, w) VALUES (1, @p0, 'provider')";
            command.Parameters.AddWithValue("@p0", value ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
        using (var statement = SqliteStatement.TryPrepare(connection, "INSERT INTO t (k, v, w) VALUES (@p1, @p0, 'positional')", 2)!)
        {
            Assert.Equal(1, statement.Execute([value, 2]));
        }

        var stored = Query("SELECT k, typeof(v), quote(v) FROM t ORDER BY k");
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[0][1..], stored[1][1..]);
    }

    [Fact]
    public void An_upsert_that_finds_the_row_unchanged_counts_no_row_and_one_that_changes_it_counts_one()
    {
        const string Upsert = "INSERT INTO t (k, v, w) VALUES (@p0, @p1, 'x') ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE t.v IS DISTINCT FROM excluded.v";
        using var statement = SqliteStatement.TryPrepare(connection, Upsert, 2)!;
        Assert.Equal(1, statement.Execute([1, "a"]));
        Assert.Equal(0, statement.Execute([1, "a"]));
        Assert.Equal(1, statement.Execute([1, "b"]));
        using var read = SqliteStatement.TryPrepare(connection, "SELECT v FROM t WHERE k = @p0", 1)!;
        Assert.Equal(-1, read.Execute([1]));
        Assert.Equal("b", read.Scalar([1]));
        Assert.Null(read.Scalar([2]));
    }

    [Fact]
    public void Returning_gives_the_new_rows_id_and_each_run_takes_its_own_values()
    {
        using var insert = SqliteStatement.TryPrepare(connection, "INSERT INTO t (v, w) VALUES (@p0, @p1) RETURNING k", 2)!;
        var first = insert.Scalar([10, "one"]);
        var second = insert.Scalar([null, "two"]);
        Assert.IsType<long>(first);
        Assert.Equal((long)first! + 1, second);
        Assert.Equal([["10", "'one'"], ["NULL", "'two'"]], Query("SELECT quote(v), quote(w) FROM t ORDER BY k"));
    }

    [Fact]
    public void A_broken_constraint_is_the_providers_exception_with_sqlites_code_and_the_statement_runs_again_after_it()
    {
        using var insert = SqliteStatement.TryPrepare(connection, "INSERT INTO t (k, v, w) VALUES (@p0, 1, @p1)", 2)!;
        var e = Assert.Throws<SqliteException>(() => insert.Execute([1, null]));
        Assert.Equal(19, e.SqliteErrorCode);
        Assert.Contains("NOT NULL", e.Message);
        Assert.Equal(1, insert.Execute([1, "w"]));
        Assert.Equal(19, Assert.Throws<SqliteException>(() => insert.Execute([1, "again"])).SqliteErrorCode);
    }

    [Fact]
    public void More_than_one_statement_is_left_to_the_providers_command_and_an_unknown_type_is_refused()
    {
        Assert.Null(SqliteStatement.TryPrepare(connection, "UPDATE t SET v = 1; UPDATE t SET v = 2", 0));
        using var insert = SqliteStatement.TryPrepare(connection, "INSERT INTO t (k, v, w) VALUES (1, @p0, 'x')", 1)!;
        Assert.Throws<InvalidOperationException>(() => insert.Execute([new object()]));
        Assert.Throws<InvalidOperationException>(() => insert.Execute([double.NaN]));
    }

    [Fact]
    public async Task StoreRows_reads_what_the_providers_reader_reads_with_its_named_parameters_bound()
    {
        foreach (var k in Enumerable.Range(1, 500)) Run($"INSERT INTO t (k, v, w) VALUES ({k}, {k * 3}, 'row {k}')");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT k, w FROM t WHERE k > @low AND k <= $high ORDER BY k";
        command.Parameters.AddWithValue("@low", 100);
        command.Parameters.AddWithValue("high", 400);

        var read = await StoreRows.ReadAsync(command, row => (row.Int32(0), row.Text(1)), CancellationToken.None);
        var expected = new List<(int, string)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) expected.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        Assert.Equal(300, expected.Count);
        Assert.Equal(expected, read);
    }

    private void Run(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<string[]> Query(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    public void Dispose() => connection.Dispose();
}
