using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports.Pipeline;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// The <c>research-schools</c> reference list: the EEF's research and associate research schools with their
/// designation (<c>name,urn,area,designated,source</c> as compiled, and the project's <c>valid_from</c>, <c>as_of</c>).
/// They make one RESEARCH_SCHOOL_NETWORK, "Research Schools Network". A row with a URN is that school's membership
/// from <c>valid_from</c> (kept by URN, derived whenever the school is in the store, like teaching schools); a row
/// without one (no source gives it, or the name match is UNCERTAIN) is an organisation member (RESEARCH_SCHOOL)
/// until a user confirms the school.
/// </summary>
public sealed class ResearchSchoolsImporter(AreaMemberships areaMemberships) : IDatasetImporter
{
    public const string Name = "research-schools";

    public const string NetworkKey = "EEF:RESEARCH-SCHOOLS-NETWORK";

    public const string NetworkName = "Research Schools Network";

    private sealed record School(int Line, string Name, int? Urn, DateOnly? From);

    public string Dataset => Name;

    public IReadOnlyList<IImportDerivation> Derivations => [areaMemberships];

    public string Description => "EEF research schools: the Research Schools Network and its schools from their designation";

    public IReadOnlyList<string[]> RequiredColumns { get; } = [["name"], ["urn"], ["area"], ["designated"], ["source"], ["valid_from"], ["as_of"]];

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var schools = await ReadAsync(context, cancellationToken);
        WholeFile.RefuseIfRejected(context);
        var (connection, transaction) = (context.Connection, context.Transaction);
        using var partnerships = await ReferencePartnershipWriter.LoadAsync(connection, transaction, cancellationToken);
        var id = await partnerships.WriteAsync(new PartnershipFacts(PartnershipKind.ResearchSchoolNetwork, NetworkKey, NetworkName, OpenDate: schools.Min(s => s.From)), context.Counts, cancellationToken);
        await DbCommands.ExecuteAsync(connection, transaction, "DELETE FROM \"ListedMembers\" WHERE \"PartnershipId\" = @p0", cancellationToken, id);
        await DbCommands.ExecuteAsync(connection, transaction, "DELETE FROM \"Memberships\" WHERE \"PartnershipId\" = @p0 AND \"Source\" = @p1", cancellationToken, id, Name);
        using var listed = new PreparedCommand(connection, transaction,
            "INSERT INTO \"ListedMembers\" (\"PartnershipId\", \"Urn\", \"Role\", \"Joined\", \"Left\") VALUES (@p0, @p1, @p2, @p3, NULL)", 4);
        using var organisation = new PreparedCommand(connection, transaction,
            "INSERT INTO \"Organisations\" (\"Name\", \"Kind\", \"SourceKey\") VALUES (@p0, @p1, @p2) ON CONFLICT (\"SourceKey\") DO UPDATE SET \"Name\" = excluded.\"Name\" RETURNING \"Id\"", 3);
        using var member = new PreparedCommand(connection, transaction,
            "INSERT INTO \"Memberships\" (\"OrganisationId\", \"PartnershipId\", \"Role\", \"Joined\", \"Source\", \"ImportRunId\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6);
        const string Member = nameof(MembershipRole.Member);
        foreach (var school in schools)
        {
            if (school.Urn is int urn)
            {
                await listed.ExecuteAsync(cancellationToken, id, urn, Member, school.From);
                continue;
            }
            var organisationId = Convert.ToInt32(await organisation.ScalarAsync(cancellationToken,
                school.Name, nameof(OrganisationKind.ResearchSchool), PartnershipKeys.Organisation(OrganisationKind.ResearchSchool, school.Name)));
            await member.ExecuteAsync(cancellationToken, organisationId, id, Member, school.From, Name, context.RunId);
        }
    }

    private static async Task<List<School>> ReadAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var csv = context.Rows;
        var c = (Name: csv.Find("name"), Urn: csv.Find("urn"), Designated: csv.Find("designated"), From: csv.Find("valid_from"), Source: csv.Find("source"), AsOf: csv.Find("as_of"));
        var schools = new List<School>();
        while (await csv.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            var v = new ReferenceValues(csv);
            var name = v.Required(c.Name, "name");
            var urn = v.Int(c.Urn, "urn");
            v.Required(c.Designated, "designated");
            var from = v.Date(c.From, "valid_from");
            v.Provenance(c.Source, c.AsOf);
            if (urn is int u && v.Text(c.Source).Contains("UNCERTAIN", StringComparison.Ordinal)) v.Errors.Add($"urn {u} is given but the source marks the match UNCERTAIN: leave urn empty until it is confirmed");
            if (schools.FirstOrDefault(s => s.Name == name) is { } same) v.Errors.Add($"name '{name}' appears again (first on line {same.Line})");
            if (v.Error is { } error) context.Rejections.Reject(csv.Line, error);
            else schools.Add(new School(csv.Line, name, urn, from));
        }
        return schools;
    }
}
