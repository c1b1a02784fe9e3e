using System.Data.Common;
using Microsoft.Data.Sqlite;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Benchmarks;

/// <summary>
/// A generated national-scale landscape: at scale 1, 50,000 schools, 12,000 networks spread over every kind, and
/// 120,000 memberships with dates. Network sizes are skewed (a few large trusts, many small ones), as in GIAS.
/// Deterministic (fixed seed), written straight into the store in one transaction.
/// </summary>
public sealed record LandscapeGenerator(double Scale)
{
    public const int Schools = 50_000;
    public const int Networks = 12_000;
    public const int Memberships = 120_000;

    public int SchoolCount => (int)(Schools * Scale);
    public int NetworkCount => (int)(Networks * Scale);
    public int MembershipCount => (int)(Memberships * Scale);

    private static readonly string[] Phases = ["Primary", "Secondary", "All-through", "Nursery"];

    public async Task WriteAsync(string connectionString)
    {
        var random = new Random(20260101);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await InsertAsync(connection, transaction, "INSERT INTO Establishments (Urn, Name, LaCode, Region, Phase) VALUES ($0, $1, $2, $3, $4)", 5, SchoolCount,
            i => [100_000 + i, $"School {i}", (800 + i % 150).ToString(System.Globalization.CultureInfo.InvariantCulture), $"Region {i % 9}", Phases[i % Phases.Length]]);

        // The store already holds the shipped reference lists' networks (dioceses, hubs, …): the generated ones follow them.
        await using var maxId = connection.CreateCommand();
        maxId.Transaction = (SqliteTransaction)transaction;
        maxId.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM Partnerships";
        var firstId = Convert.ToInt32(await maxId.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) + 1;
        var kinds = Enum.GetValues<PartnershipKind>();
        await InsertAsync(connection, transaction, "INSERT INTO Partnerships (Id, Kind, Name, SourceKey) VALUES ($0, $1, $2, $3)", 4, NetworkCount,
            i => [firstId + i, kinds[i % kinds.Length].ToString(), $"{kinds[i % kinds.Length]} {i}", $"BENCHMARK:{i}"]);

        var cumulative = SkewedWeights(NetworkCount);
        var start = new DateOnly(2005, 1, 1);
        await InsertAsync(connection, transaction,
            "INSERT INTO Memberships (EstablishmentUrn, PartnershipId, Role, Joined, \"Left\", Source) VALUES ($0, $1, 'Member', $2, $3, 'benchmark')", 4, MembershipCount, i =>
            {
                var network = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
                DateOnly? joined = random.NextDouble() < 0.25 ? null : start.AddDays(random.Next(20 * 365));
                DateOnly? left = random.NextDouble() < 0.7 ? null : (joined ?? start).AddDays(365 + random.Next(8 * 365));
                return [100_000 + i % SchoolCount, (network < 0 ? ~network : network) + firstId, Text(joined), Text(left)];
            });
        await PartnershipAtlas.Data.StoreStamp.BumpAsync(connection, transaction, PartnershipAtlas.Data.StoreWrite.Data, CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>Cumulative weights 1/(rank+1)^0.9, shuffled over networks so every kind gets large and small ones.</summary>
    private static double[] SkewedWeights(int count)
    {
        var random = new Random(7);
        var weights = Enumerable.Range(0, count).Select(r => 1 / Math.Pow(r + 1, 0.9)).OrderBy(_ => random.Next()).ToArray();
        for (var i = 1; i < count; i++) weights[i] += weights[i - 1];
        return weights;
    }

    private static object? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task InsertAsync(SqliteConnection connection, DbTransaction transaction, string sql, int columns, int count, Func<int, object?[]> values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = sql;
        var parameters = Enumerable.Range(0, columns).Select(i => command.Parameters.Add(new SqliteParameter($"${i}", null))).ToArray();
        for (var i = 0; i < count; i++)
        {
            var row = values(i);
            for (var p = 0; p < row.Length; p++) parameters[p].Value = row[p] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }
    }
}
