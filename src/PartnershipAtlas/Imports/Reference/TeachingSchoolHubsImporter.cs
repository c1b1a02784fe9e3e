using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports.Pipeline;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// The <c>teaching-school-hubs</c> reference list: DfE's list of teaching school hubs by area with its own columns
/// (<c>TSH Area</c> code such as EE1, <c>name</c>, <c>website</c>, <c>email</c>, <c>phone</c>, <c>areas</c>: the LA
/// districts the hub serves, <c>;</c>-separated) and the project's <c>valid_from</c>, <c>source</c>, <c>as_of</c>.
/// Each hub becomes a TEACHING_SCHOOL_HUB network (key <c>TSH:code</c>) covering its districts; its members are derived
/// from establishments' districts (<see cref="AreaMemberships"/>, through <c>district-aliases</c> where GIAS spells a
/// district differently). The run's message names the districts no establishment in the store has.
/// </summary>
public sealed class TeachingSchoolHubsImporter(AreaMemberships areaMemberships) : IDatasetImporter
{
    public const string Name = "teaching-school-hubs";

    private sealed record Hub(int Line, string Code, string Name, string? Website, string? Email, string? Phone, IReadOnlyList<string> Districts, DateOnly? From);

    public string Dataset => Name;

    public IReadOnlyList<IImportDerivation> Derivations => [areaMemberships];

    public string Description => "teaching school hubs (DfE list by area): TEACHING_SCHOOL_HUB networks and the LA districts each serves";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["TSH Area"], ["name"], ["website"], ["email"], ["phone"], ["areas"], ["valid_from"], ["source"], ["as_of"]];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var hubs = await ReadAsync(context, cancellationToken);
        WholeFile.RefuseIfRejected(context);
        var (connection, transaction) = (context.Connection, context.Transaction);
        using var partnerships = await ReferencePartnershipWriter.LoadAsync(connection, transaction, cancellationToken);
        using var insert = new PreparedCommand(connection, transaction,
            "INSERT INTO \"AreaCoverages\" (\"PartnershipId\", \"LaCode\", \"District\", \"ValidFrom\", \"ValidTo\") VALUES (@p0, NULL, @p1, @p2, NULL)", 3);
        foreach (var hub in hubs)
        {
            var facts = new PartnershipFacts(PartnershipKind.TeachingSchoolHub, PartnershipKeys.TeachingSchoolHub(hub.Code), hub.Name, hub.Code, hub.From,
                Website: hub.Website, ContactEmail: hub.Email, ContactPhone: hub.Phone);
            var id = await partnerships.WriteAsync(facts, context.Counts, cancellationToken);
            await DbCommands.ExecuteAsync(connection, transaction, "DELETE FROM \"AreaCoverages\" WHERE \"PartnershipId\" = @p0", cancellationToken, id);
            foreach (var district in hub.Districts) await insert.ExecuteAsync(cancellationToken, id, district, hub.From);
        }
        var unmatched = await DistrictNames.UnmatchedAsync(connection, transaction, hubs.SelectMany(h => h.Districts), cancellationToken);
        if (unmatched.Count > 0) context.Counts.Notes.Add(DistrictNames.Report(unmatched));
    }

    private static async Task<List<Hub>> ReadAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var csv = context.Rows;
        var c = (Code: csv.Find("TSH Area"), Name: csv.Find("name"), Website: csv.Find("website"), Email: csv.Find("email"), Phone: csv.Find("phone"),
            Areas: csv.Find("areas"), From: csv.Find("valid_from"), Source: csv.Find("source"), AsOf: csv.Find("as_of"));
        var hubs = new List<Hub>();
        while (await csv.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var v = new ReferenceValues(csv);
            var code = v.Required(c.Code, "TSH Area");
            var name = v.Required(c.Name, "name");
            var districts = v.Required(c.Areas, "areas").Split(';', StringSplitOptions.TrimEntries).ToList();
            if (districts.Any(d => d.Length == 0) && v.Text(c.Areas).Length > 0) v.Errors.Add($"areas '{v.Text(c.Areas)}' has an empty district between its ';'");
            if (districts.GroupBy(d => d, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice) v.Errors.Add($"areas names {twice.Key} twice");
            var from = v.Date(c.From, "valid_from");
            if (from is null && v.Text(c.From).Length == 0) v.Errors.Add("valid_from is empty");
            v.Provenance(c.Source, c.AsOf);
            if (hubs.FirstOrDefault(h => h.Code == code) is { } same) v.Errors.Add($"TSH Area {code} appears again (first on line {same.Line})");
            if (v.Error is { } error) context.Rejections.Reject(csv.Line, error);
            else hubs.Add(new Hub(csv.Line, code, name, v.Optional(c.Website), v.Optional(c.Email), v.Optional(c.Phone), districts, from));
        }
        return hubs;
    }
}
