using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports.Pipeline;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// The <c>teaching-school-alliances</c> reference list: NCTL's teaching schools of 12 March 2018 with their alliance,
/// the source's columns (<see cref="TeachingSchoolsWorkbook.Columns"/>) converted from its workbook, and the dates
/// each membership holds (<c>valid_from</c>, <c>valid_to</c>). Each alliance becomes a TEACHING_SCHOOL_ALLIANCE
/// network; its teaching schools are LEAD members by URN (<c>ListedMembers</c>), derived into memberships for the
/// schools the store has, whenever it has them (<see cref="AreaMemberships"/>).
/// </summary>
public sealed class TeachingSchoolAlliancesImporter(AreaMemberships areaMemberships) : IDatasetImporter
{
    public const string Name = "teaching-school-alliances";

    private sealed record School(int Line, string Alliance, int Urn, DateOnly? From, DateOnly? To);

    public string Dataset => Name;

    public IReadOnlyList<IImportDerivation> Derivations => [areaMemberships];

    public string Description => "teaching school alliances (NCTL list of 12 March 2018): TEACHING_SCHOOL_ALLIANCE networks, their teaching schools as LEAD";

    public IReadOnlyList<string[]> RequiredColumns { get; } =
        [["Alliance Name"], ["Teaching School"], ["URN"], ["valid_from"], ["valid_to"], ["source"], ["as_of"]];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var schools = await ReadAsync(context, cancellationToken);
        WholeFile.RefuseIfRejected(context);
        var (connection, transaction) = (context.Connection, context.Transaction);
        using var partnerships = await ReferencePartnershipWriter.LoadAsync(connection, transaction, cancellationToken);
        using var insert = new PreparedCommand(connection, transaction,
            "INSERT INTO \"ListedMembers\" (\"PartnershipId\", \"Urn\", \"Role\", \"Joined\", \"Left\") VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
        foreach (var alliance in schools.GroupBy(s => s.Alliance, StringComparer.Ordinal))
        {
            var close = alliance.Any(s => s.To is null) ? null : alliance.Max(s => s.To);
            var facts = new PartnershipFacts(PartnershipKind.TeachingSchoolAlliance, PartnershipKeys.ByName(PartnershipKind.TeachingSchoolAlliance, alliance.Key), alliance.Key, CloseDate: close);
            var id = await partnerships.WriteAsync(facts, context.Counts, cancellationToken);
            await DbCommands.ExecuteAsync(connection, transaction, "DELETE FROM \"ListedMembers\" WHERE \"PartnershipId\" = @p0", cancellationToken, id);
            foreach (var school in alliance) await insert.ExecuteAsync(cancellationToken, id, school.Urn, nameof(MembershipRole.Lead), school.From, school.To);
        }
    }

    private static async Task<List<School>> ReadAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var csv = context.Rows;
        var c = (Alliance: csv.Find("Alliance Name"), School: csv.Find("Teaching School"), Urn: csv.Find("URN"), From: csv.Find("valid_from"), To: csv.Find("valid_to"),
            Source: csv.Find("source"), AsOf: csv.Find("as_of"));
        var schools = new List<School>();
        var firstLine = new Dictionary<int, int>();
        while (await csv.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var v = new ReferenceValues(csv);
            var alliance = v.Required(c.Alliance, "Alliance Name");
            v.Required(c.School, "Teaching School");
            var urn = v.Int(c.Urn, "URN");
            if (urn is null && v.Text(c.Urn).Length == 0) v.Errors.Add("URN is empty");
            var (from, to) = (v.Date(c.From, "valid_from"), v.Date(c.To, "valid_to"));
            v.Order(from, to, "valid_from", "valid_to");
            v.Provenance(c.Source, c.AsOf);
            if (urn is int u && !firstLine.TryAdd(u, csv.Line)) v.Errors.Add($"URN {u} appears again (first on line {firstLine[u]}): a teaching school leads one alliance");
            if (v.Error is { } error) context.Rejections.Reject(csv.Line, error);
            else schools.Add(new School(csv.Line, alliance, urn!.Value, from, to));
        }
        return schools;
    }
}
