using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Bulk;
using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Imports.Gias;

namespace PartnershipAtlas.Characteristics.Imports;

/// <summary>
/// Keeps, for each row of a GIAS establishments file, what that extract says about capacity, Ofsted, gender,
/// religious character, admissions policy, urban/rural and boarders, under the extract's date
/// (<see cref="EstablishmentExtract"/>). A file with none of these columns writes nothing.
/// </summary>
internal sealed class ExtractAttributesWriter : IDisposable
{
    private static readonly string[] Columns =
        ["Urn", "ExtractDate", "SchoolCapacity", "OfstedRating", "OfstedLastInspection", "Gender", "ReligiousCharacter", "AdmissionsPolicy", "UrbanRural", "Boarders", "ImportRunId"];

    private readonly int?[] ordinals;
    private readonly BulkUpsert? upsert;
    private readonly DateOnly extractDate;
    private readonly long runId;

    public ExtractAttributesWriter(ImportContext context)
    {
        var rows = context.Rows;
        ordinals =
        [
            rows.Find("SchoolCapacity"), rows.Find("OfstedRating (name)", "OfstedRating"), rows.Find("OfstedLastInsp"), rows.Find("Gender (name)", "Gender"),
            rows.Find("ReligiousCharacter (name)", "ReligiousCharacter"), rows.Find("AdmissionsPolicy (name)", "AdmissionsPolicy"),
            rows.Find("UrbanRural (name)", "UrbanRural"), rows.Find("Boarders (name)", "Boarders"),
        ];
        (extractDate, runId) = (context.ExtractDate, context.RunId);
        if (ordinals.Any(o => o is not null))
        {
            upsert = new BulkUpsert(context.Connection, context.Transaction, "EstablishmentExtracts", Columns, keyCount: 2, compared: Columns[2..^1]);
        }
    }

    public Task WriteAsync(int urn, CsvRows rows, CancellationToken cancellationToken)
    {
        if (upsert is null) return Task.CompletedTask;
        string? Text(int i) => GiasValues.OrNull(rows.Get(ordinals[i]));
        GiasValues.TryInt(rows.Get(ordinals[0]), out var capacity);
        GiasValues.TryDate(rows.Get(ordinals[2]), out var inspected);
        return upsert.AddAsync([urn, extractDate, capacity, Text(1), inspected, Text(3), Text(4), Text(5), Text(6), Text(7), runId], null, cancellationToken);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => upsert?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => upsert?.Dispose();
}
