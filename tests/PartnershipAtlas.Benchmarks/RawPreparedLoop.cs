using System.Globalization;
using Microsoft.Data.Sqlite;
using PartnershipAtlas.Imports.Csv;
using Sylvan.Data.Csv;

namespace PartnershipAtlas.Benchmarks;

/// <summary>
/// The floor to compare the importer with: the same establishment rows and their network memberships inserted by the
/// plainest loop there is (Sylvan reader, one prepared INSERT per table, one transaction, no validation, no upsert,
/// no history, no run record).
/// </summary>
public static class RawPreparedLoop
{
    private static readonly string[] NetworkColumns = ["Trusts (name)", "SchoolSponsors (name)", "Federations (name)", "Diocese (name)", "LA (name)", "GOR (name)"];

    public static async Task<int> RunAsync(string connectionString, string path)
    {
        await using var load = await RawLoad.OpenAsync(connectionString, path);
        var (connection, transaction, csv) = (load.Connection, load.Transaction, load.Csv);
        int Col(string name) => csv.GetOrdinal(name);
        var (urn, name, la, laName, number, phase, status, open, pupils, region) = (Col("URN"), Col("EstablishmentName"), Col("LA (code)"), Col("LA (name)"),
            Col("EstablishmentNumber"), Col("PhaseOfEducation (name)"), Col("EstablishmentStatus (name)"), Col("OpenDate"), Col("NumberOfPupils"), Col("GOR (name)"));
        var networks = NetworkColumns.Select(Col).ToArray();

        var insertEstablishment = Command(connection, transaction,
            "INSERT INTO Establishments (Urn, Name, LaCode, LaName, EstablishmentNumber, Phase, Status, OpenDate, NumberOfPupils, Region) VALUES ($0,$1,$2,$3,$4,$5,$6,$7,$8,$9)", 10);
        var insertPartnership = Command(connection, transaction, "INSERT INTO Partnerships (Kind, Name, SourceKey) VALUES ('Other', $0, $1) RETURNING Id", 2);
        var insertMembership = Command(connection, transaction,
            "INSERT INTO Memberships (EstablishmentUrn, PartnershipId, Role, Source) VALUES ($0, $1, 'Member', 'raw')", 2);
        var partnershipIds = new Dictionary<string, long>();
        var rows = 0;
        while (await csv.ReadAsync())
        {
            rows++;
            var id = int.Parse(csv.GetString(urn), CultureInfo.InvariantCulture);
            Execute(insertEstablishment, id, csv.GetString(name), csv.GetString(la), csv.GetString(laName), Int(csv.GetString(number)), csv.GetString(phase),
                csv.GetString(status), csv.GetString(open), Int(csv.GetString(pupils)), csv.GetString(region));
            for (var n = 0; n < networks.Length; n++)
            {
                var network = csv.GetString(networks[n]);
                if (network.Length == 0 || network == "Not applicable") continue;
                var key = NetworkColumns[n] + ":" + network;
                if (!partnershipIds.TryGetValue(key, out var partnershipId))
                {
                    Bind(insertPartnership, network, key);
                    partnershipIds[key] = partnershipId = (long)insertPartnership.ExecuteScalar()!;
                }
                Execute(insertMembership, id, partnershipId);
            }
        }
        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>The links file's rows, inserted as plainly: one prepared INSERT, one transaction.</summary>
    public static async Task<int> RunLinksAsync(string connectionString, string path)
    {
        await using var load = await RawLoad.OpenAsync(connectionString, path);
        var (connection, transaction, csv) = (load.Connection, load.Transaction, load.Csv);
        var insert = Command(connection, transaction,
            "INSERT INTO EstablishmentLinks (Urn, LinkedUrn, LinkType, LinkedName, EstablishedDate) VALUES ($0,$1,$2,$3,$4)", 5);
        var (urn, linked, name, type, date) = (csv.GetOrdinal("URN"), csv.GetOrdinal("LinkURN"), csv.GetOrdinal("LinkName"), csv.GetOrdinal("LinkType"), csv.GetOrdinal("LinkEstablishedDate"));
        var rows = 0;
        while (await csv.ReadAsync())
        {
            rows++;
            Execute(insert, int.Parse(csv.GetString(urn), CultureInfo.InvariantCulture), int.Parse(csv.GetString(linked), CultureInfo.InvariantCulture),
                csv.GetString(type), csv.GetString(name), csv.GetString(date));
        }
        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>
    /// The census file's rows inserted as plainly: one result set per row and one value per cell (number, or the raw
    /// text), with the measures inserted first, through prepared INSERTs in one transaction; no markers, no upsert.
    /// </summary>
    public static async Task<int> RunCensusAsync(string connectionString, string path)
    {
        await using var load = await RawLoad.OpenAsync(connectionString, path);
        var (connection, transaction, csv) = (load.Connection, load.Transaction, load.Csv);
        var measures = Enumerable.Range(0, csv.FieldCount).Where(i => csv.GetName(i) is not ("URN" or "LA" or "ESTAB")).ToList();
        var insertMeasure = Command(connection, transaction, "INSERT INTO Measures (KeyStage, Code, IsPercentage) VALUES ('Census', $0, 0) RETURNING Id", 1);
        var measureIds = measures.Select(i => { Bind(insertMeasure, csv.GetName(i)); return (long)insertMeasure.ExecuteScalar()!; }).ToList();
        var insertSet = Command(connection, transaction,
            "INSERT INTO ResultSets (KeyStage, Year, Level, Key, RecordType, Urn, LaCode, IsNewInstitution, IsProvisional) VALUES ('Census', 2019, 'School', $0, 0, $1, $2, 0, 0) RETURNING Id", 3);
        var insertValue = Command(connection, transaction, "INSERT INTO MeasureValues (ResultSetId, MeasureId, Value, Status, Raw) VALUES ($0, $1, $2, $3, $4)", 5);
        var (urn, la, estab) = (csv.GetOrdinal("URN"), csv.GetOrdinal("LA"), csv.GetOrdinal("ESTAB"));
        var rows = 0;
        while (await csv.ReadAsync())
        {
            rows++;
            Bind(insertSet, csv.GetString(urn) + ":" + csv.GetString(estab), Int(csv.GetString(urn)), csv.GetString(la));
            var id = (long)insertSet.ExecuteScalar()!;
            for (var m = 0; m < measures.Count; m++)
            {
                var text = csv.GetString(measures[m]);
                var number = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null;
                Execute(insertValue, id, measureIds[m], number, number is null ? 1 : 0, number is null ? text : null);
            }
        }
        await transaction.CommitAsync();
        return rows;
    }

    private static object? Int(string value) => int.TryParse(value, out var n) ? n : null;

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter("$" + i, null));
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static void Execute(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    /// <summary>A file opened for a plain load: its CSV reader, and a connection with one transaction open.</summary>
    private sealed class RawLoad(SqliteConnection connection, SqliteTransaction transaction, StreamReader text, CsvDataReader csv) : IAsyncDisposable
    {
        public SqliteConnection Connection => connection;
        public SqliteTransaction Transaction => transaction;
        public CsvDataReader Csv => csv;

        public static async Task<RawLoad> OpenAsync(string connectionString, string path)
        {
            var file = await SourceFile.InspectAsync(path, CancellationToken.None);
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var text = new StreamReader(path, file.Encoding);
            return new RawLoad(connection, transaction, text, await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { Delimiter = ',' }));
        }

        public async ValueTask DisposeAsync()
        {
            await csv.DisposeAsync();
            text.Dispose();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
