using System.Data.Common;
using PartnershipAtlas.Establishments;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// Inserts or updates establishments with one prepared upsert. Only the columns the file has are written, so a
/// narrow file (the 10-column search export) never blanks what a fuller one loaded; unchanged rows are not touched.
/// </summary>
internal sealed class EstablishmentWriter : IDisposable
{
    private sealed record Field(string Column, Func<Establishment, object?> Value);

    private readonly Field[] fields;
    private readonly HashSet<int> knownUrns;
    private readonly PreparedCommand upsert;

    private EstablishmentWriter(DbConnection connection, DbTransaction transaction, Field[] fields, HashSet<int> knownUrns)
    {
        this.fields = fields;
        this.knownUrns = knownUrns;
        var columns = string.Join(", ", fields.Select(f => $"\"{f.Column}\""));
        var values = string.Join(", ", fields.Select((_, i) => "@p" + i));
        var updates = fields.Skip(1).ToList();
        var sql = $"""
            INSERT INTO "Establishments" ({columns}) VALUES ({values})
            ON CONFLICT ("Urn") DO UPDATE SET {string.Join(", ", updates.Select(f => $"\"{f.Column}\" = excluded.\"{f.Column}\""))}
            WHERE {string.Join(" OR ", updates.Select(f => $"\"Establishments\".\"{f.Column}\" IS DISTINCT FROM excluded.\"{f.Column}\""))}
            """;
        upsert = new PreparedCommand(connection, transaction, sql, fields.Length);
    }

    public static async Task<EstablishmentWriter> LoadAsync(DbConnection connection, DbTransaction transaction, GiasEstablishmentColumns c, CancellationToken cancellationToken)
    {
        var urns = new HashSet<int>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT \"Urn\" FROM \"Establishments\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) urns.Add(reader.GetInt32(0));
        }
        return new EstablishmentWriter(connection, transaction, FieldsPresent(c), urns);
    }

    public bool IsKnown(int urn) => knownUrns.Contains(urn);

    /// <summary>Writes the establishment and counts it as inserted, updated or unchanged.</summary>
    public async Task WriteAsync(Establishment e, RowCounts counts, CancellationToken cancellationToken)
    {
        var changed = await upsert.ExecuteAsync(cancellationToken, fields.Select(f => f.Value(e)).ToArray());
        if (knownUrns.Add(e.Urn)) counts.Inserted++;
        else if (changed > 0) counts.Updated++;
        else counts.Unchanged++;
    }

    /// <summary>Inserts the establishment when the store does not have it yet; a known one is left as its own extract gave it.</summary>
    public async Task AddIfNewAsync(Establishment e, CancellationToken cancellationToken)
    {
        if (!knownUrns.Contains(e.Urn)) await WriteAsync(e, new RowCounts(), cancellationToken);
    }

    private static Field[] FieldsPresent(GiasEstablishmentColumns c)
    {
        var candidates = new (int? Ordinal, Field Field)[]
        {
            (c.Urn, new("Urn", e => e.Urn)),
            (c.Name, new("Name", e => e.Name)),
            (c.LaCode, new("LaCode", e => e.LaCode)),
            (c.LaName, new("LaName", e => e.LaName)),
            (c.EstablishmentNumber, new("EstablishmentNumber", e => e.EstablishmentNumber)),
            (c.Type, new("Type", e => e.Type)),
            (c.TypeGroup, new("TypeGroup", e => e.TypeGroup)),
            (c.Phase, new("Phase", e => e.Phase)),
            (c.Status, new("Status", e => e.Status)),
            (c.OpenDate, new("OpenDate", e => e.OpenDate)),
            (c.CloseDate, new("CloseDate", e => e.CloseDate)),
            (c.StatutoryLowAge, new("StatutoryLowAge", e => e.StatutoryLowAge)),
            (c.StatutoryHighAge, new("StatutoryHighAge", e => e.StatutoryHighAge)),
            (c.NumberOfPupils, new("NumberOfPupils", e => e.NumberOfPupils)),
            (c.PercentageFsm, new("PercentageFsm", e => e.PercentageFsm)),
            (c.Postcode, new("Postcode", e => e.Postcode)),
            (c.Easting, new("Easting", e => e.Easting)),
            (c.Northing, new("Northing", e => e.Northing)),
            (c.Region, new("Region", e => e.Region)),
            (c.District, new("District", e => e.District)),
        };
        return candidates.Where(x => x.Ordinal is not null).Select(x => x.Field).ToArray();
    }

    public void Dispose() => upsert.Dispose();
}
