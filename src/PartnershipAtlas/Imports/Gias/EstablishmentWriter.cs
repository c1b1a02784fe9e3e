using System.Data.Common;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Imports.Bulk;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// Inserts or updates establishments through one <see cref="BulkUpsert"/>. Only the columns the file has are written,
/// so a narrow file (the 10-column search export) never blanks what a fuller one loaded; unchanged rows are not
/// touched. On PostgreSQL rows wait for <see cref="FlushAsync"/>, which must come before anything that refers to them.
/// </summary>
internal sealed class EstablishmentWriter : IDisposable
{
    private sealed record Field(string Column, Func<Establishment, object?> Value);

    private readonly Field[] fields;
    private readonly HashSet<int> knownUrns;
    private readonly BulkUpsert upsert;

    private EstablishmentWriter(DbConnection connection, DbTransaction transaction, Field[] fields, HashSet<int> knownUrns)
    {
        this.fields = fields;
        this.knownUrns = knownUrns;
        upsert = new BulkUpsert(connection, transaction, "Establishments", fields.Select(f => f.Column).ToList(), keyCount: 1);
    }

    public static async Task<EstablishmentWriter> LoadAsync(DbConnection connection, DbTransaction transaction, GiasEstablishmentColumns c, CancellationToken cancellationToken)
    {
        var urns = (await DbCommands.QueryAsync(connection, transaction, "SELECT \"Urn\" FROM \"Establishments\"", r => r.GetInt32(0), cancellationToken)).ToHashSet();
        return new EstablishmentWriter(connection, transaction, FieldsPresent(c), urns);
    }

    /// <summary>Whether the store, or this import so far, has the establishment.</summary>
    public bool IsKnown(int urn) => knownUrns.Contains(urn);

    /// <summary>Writes the establishment and counts it as inserted, updated or unchanged.</summary>
    public Task WriteAsync(Establishment e, RowCounts counts, CancellationToken cancellationToken)
    {
        var isNew = knownUrns.Add(e.Urn);
        return upsert.AddAsync(fields.Select(f => f.Value(e)).ToArray(), counts.WhenWritten(isNew), cancellationToken);
    }

    /// <summary>Inserts the establishment when the store does not have it yet; a known one is left as its own extract gave it.</summary>
    public async Task AddIfNewAsync(Establishment e, CancellationToken cancellationToken)
    {
        if (knownUrns.Add(e.Urn)) await upsert.AddAsync(fields.Select(f => f.Value(e)).ToArray(), null, cancellationToken);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => upsert.FlushAsync(cancellationToken);

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
