using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports.Pipeline;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// The <c>area-networks</c> reference lists (opportunity areas, EIAs, priority EIAs, teaching school hubs' areas):
/// one row per area and LA (or LA district) it covers, with dates. Each area becomes a partnership (key
/// <c>AREA:area_key</c>); its coverage rows replace the old ones, and its members are derived from establishments
/// (see <see cref="AreaMemberships"/>), never listed.
/// </summary>
public sealed class AreaNetworksImporter(AreaMemberships areaMemberships) : IDatasetImporter
{
    public const string Name = "area-networks";

    public static readonly PartnershipKind[] Kinds =
        [PartnershipKind.OpportunityArea, PartnershipKind.EducationInvestmentArea, PartnershipKind.PriorityEducationInvestmentArea, PartnershipKind.TeachingSchoolHub];

    private sealed record Row(int Line, PartnershipKind Kind, string Key, string AreaName, string LaCode, string? District, DateOnly? From, DateOnly? To);

    public string Dataset => Name;

    public IReadOnlyList<IImportDerivation> Derivations => [areaMemberships];

    public IReadOnlyList<string[]> RequiredColumns { get; } =
        [["kind"], ["area_key"], ["area_name"], ["la_code"], ["district"], ["valid_from"], ["valid_to"], ["source"], ["as_of"]];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(context, cancellationToken);
        WholeFile.RefuseIfRejected(context);
        var (connection, transaction) = (context.Connection, context.Transaction);
        using var partnerships = await ReferencePartnershipWriter.LoadAsync(connection, transaction, cancellationToken);
        using var insert = new PreparedCommand(connection, transaction,
            "INSERT INTO \"AreaCoverages\" (\"PartnershipId\", \"LaCode\", \"District\", \"ValidFrom\", \"ValidTo\") VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
        foreach (var area in rows.GroupBy(r => r.Key))
        {
            var first = area.First();
            var close = area.Any(r => r.To is null) ? null : area.Max(r => r.To);
            var id = await partnerships.WriteAsync(new PartnershipFacts(first.Kind, PartnershipKeys.Area(area.Key), first.AreaName, area.Key, area.Min(r => r.From), close), context.Counts, cancellationToken);
            await DbCommands.ExecuteAsync(connection, transaction, "DELETE FROM \"AreaCoverages\" WHERE \"PartnershipId\" = @p0", cancellationToken, id);
            foreach (var row in area) await insert.ExecuteAsync(cancellationToken, id, row.LaCode, row.District, row.From, row.To);
        }
    }

    private static async Task<List<Row>> ReadAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var csv = context.Rows;
        var c = (Kind: csv.Find("kind"), Key: csv.Find("area_key"), Name: csv.Find("area_name"), La: csv.Find("la_code"), District: csv.Find("district"),
            From: csv.Find("valid_from"), To: csv.Find("valid_to"), Source: csv.Find("source"), AsOf: csv.Find("as_of"));
        var rows = new List<Row>();
        while (await csv.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var v = new ReferenceValues(csv);
            var kind = v.Enum(c.Kind, "kind", Kinds);
            if (kind is null && v.Text(c.Kind).Length == 0) v.Errors.Add("kind is empty");
            var key = v.Required(c.Key, "area_key");
            var name = v.Required(c.Name, "area_name");
            var la = v.LaCode(c.La, "la_code");
            if (la is null && v.Text(c.La).Length == 0) v.Errors.Add("la_code is empty (a district is named with its LA)");
            var district = v.Optional(c.District);
            var (from, to) = (v.Date(c.From, "valid_from"), v.Date(c.To, "valid_to"));
            v.Order(from, to, "valid_from", "valid_to");
            v.Provenance(c.Source, c.AsOf);
            if (rows.FirstOrDefault(r => r.Key == key) is { } same && (same.Kind != kind || same.AreaName != name))
            {
                v.Errors.Add($"area_key {key} has another kind or name on line {same.Line}");
            }
            if (rows.FirstOrDefault(r => r.Key == key && r.LaCode == la && r.District == district) is { } twice)
            {
                v.Errors.Add($"area {key} covers LA {la}{(district is null ? "" : $" district {district}")} again (first on line {twice.Line})");
            }
            if (v.Error is { } error) context.Rejections.Reject(csv.Line, error);
            else rows.Add(new Row(csv.Line, kind!.Value, key, name, la!, district, from, to));
        }
        return rows;
    }
}
