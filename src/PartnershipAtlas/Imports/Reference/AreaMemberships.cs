using System.Data.Common;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports.Bulk;
using PartnershipAtlas.Imports.Gias;
using PartnershipAtlas.Imports.Pipeline;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>
/// Derives the members of area networks from establishments, after every import of a dataset that declares it (<see cref="IDatasetImporter.Derivations"/>: establishments and the lists of LA codes, districts and areas), inside that import's transaction, so they
/// follow whatever the latest establishments and reference lists say. An establishment's LA at a date is its current
/// LA code from the day that code began (la-codes valid_from), and before that the code it replaced when the list
/// gives exactly one (928 before 940/941, 909 before 942/943, 835 before 838); where a new code replaced several
/// (839 Bournemouth, Christchurch and Poole) the earlier LA is not guessed. Memberships written here have source
/// <c>area-derived</c> and are recomputed whole each time: areas' members (by LA code, or LA code and district) and
/// each establishment's LA before a reorganisation. The LA memberships a GIAS import gives are fitted to the
/// dates each code was in use (<see cref="FitGiasLaMembershipsToTheirCodesAsync"/>).
/// </summary>
public sealed class AreaMemberships : IImportDerivation
{
    public const string Source = MembershipSources.AreaDerived;

    private sealed record School(int Urn, string LaCode, string? District, DateOnly? Open, DateOnly? Close);

    private sealed record Coverage(int PartnershipId, string? LaCode, string? District, DateOnly? From, DateOnly? To);

    private sealed record Succession(string FromCode, DateOnly Date);

    /// <summary>One span of an establishment in one LA: from, to (exclusive), null for open ends.</summary>
    private sealed record LaSpan(string LaCode, string? District, DateOnly? From, DateOnly? To);

    public async Task DeriveAsync(DbConnection connection, DbTransaction transaction, long runId, CancellationToken cancellationToken)
    {
        await DbCommands.ExecuteAsync(connection, transaction, "DELETE FROM \"Memberships\" WHERE \"Source\" = @p0", cancellationToken, Source);
        var coverages = (await DbCommands.QueryAsync(connection, transaction, "SELECT \"PartnershipId\", \"LaCode\", \"District\", \"ValidFrom\", \"ValidTo\" FROM \"AreaCoverages\"",
            r => new Coverage(r.GetInt32(0), DbCommands.Text(r, 1), DbCommands.Text(r, 2), DbCommands.Date(r, 3), DbCommands.Date(r, 4)), cancellationToken)).ToList();
        var aliases = await DistrictNames.AliasesAsync(connection, transaction, cancellationToken);
        var byLa = coverages.Where(c => c.LaCode is not null).ToLookup(c => c.LaCode!);
        // Coverages by district alone (teaching school hubs) match the district GIAS writes, through the aliases.
        var byDistrict = coverages.Where(c => c.LaCode is null && c.District is not null)
            .ToLookup(c => DistrictNames.InGias(c.District!, aliases), StringComparer.OrdinalIgnoreCase);
        var successions = (await DbCommands.QueryAsync(connection, transaction, "SELECT \"ToCode\", \"FromCode\", \"Date\" FROM \"LocalAuthoritySuccessions\"",
            r => (To: r.GetString(0), Step: new Succession(r.GetString(1), DbCommands.Date(r, 2)!.Value)), cancellationToken)).ToLookup(s => s.To, s => s.Step);
        var laPartnerships = (await DbCommands.QueryAsync(connection, transaction, "SELECT \"SourceKey\", \"Id\" FROM \"Partnerships\" WHERE \"Kind\" = 'LocalAuthority'",
            r => (Key: r.GetString(0), Id: r.GetInt32(1)), cancellationToken)).ToDictionary(p => p.Key, p => p.Id);
        await DeriveListedMembersAsync(connection, transaction, runId, cancellationToken);
        if (coverages.Count == 0 && successions.Count == 0) return;
        var seenInLa = (await DbCommands.QueryAsync(connection, transaction,
            $"SELECT m.\"EstablishmentUrn\", m.\"PartnershipId\" FROM \"Memberships\" m JOIN \"Partnerships\" p ON p.\"Id\" = m.\"PartnershipId\" WHERE p.\"Kind\" = 'LocalAuthority' AND m.\"Source\" = '{MembershipSources.GiasEstablishments}'",
            r => (r.GetInt32(0), r.GetInt32(1)), cancellationToken)).ToHashSet();
        var schools = await DbCommands.QueryAsync(connection, transaction, "SELECT \"Urn\", \"LaCode\", \"District\", \"OpenDate\", \"CloseDate\" FROM \"Establishments\" WHERE \"LaCode\" IS NOT NULL",
            r => new School(r.GetInt32(0), r.GetString(1), DbCommands.Text(r, 2), DbCommands.Date(r, 3), DbCommands.Date(r, 4)), cancellationToken);

        using var insert = new BulkInsert(connection, transaction, "Memberships", "EstablishmentUrn", "PartnershipId", "Role", "Joined", "Left", "Source", "ImportRunId");
        const string Member = nameof(MembershipRole.Member);
        foreach (var school in schools)
        {
            foreach (var span in Spans(school, successions[school.LaCode].ToList()))
            {
                if (span.LaCode != school.LaCode && laPartnerships.TryGetValue(PartnershipKeys.LocalAuthority(span.LaCode), out var earlierLa) && !seenInLa.Contains((school.Urn, earlierLa)))
                {
                    await insert.AddAsync(cancellationToken, school.Urn, earlierLa, Member, span.From, span.To, Source, runId);
                }
                var inDistrict = span.District is null ? [] : byDistrict[span.District];
                foreach (var area in byLa[span.LaCode].Where(a => a.District is null || string.Equals(DistrictNames.InGias(a.District, aliases), span.District, StringComparison.OrdinalIgnoreCase)).Concat(inDistrict))
                {
                    var (from, to) = (Later(span.From, area.From), Earlier(span.To, area.To));
                    if (from is { } f && to is { } t && t <= f) continue;
                    await insert.AddAsync(cancellationToken, school.Urn, area.PartnershipId, Member, from, to, Source, runId);
                }
            }
        }
        await insert.FlushAsync(cancellationToken);
        await FitGiasLaMembershipsToTheirCodesAsync(connection, transaction, cancellationToken);
    }

    /// <summary>The members lists name by URN (teaching schools in their alliances), for the establishments the store has.</summary>
    private static Task DeriveListedMembersAsync(DbConnection connection, DbTransaction transaction, long runId, CancellationToken cancellationToken) =>
        DbCommands.ExecuteAsync(connection, transaction, """
            INSERT INTO "Memberships" ("EstablishmentUrn", "PartnershipId", "Role", "Joined", "Left", "Source", "ImportRunId")
            SELECT l."Urn", l."PartnershipId", l."Role", l."Joined", l."Left", @p0, @p1 FROM "ListedMembers" l JOIN "Establishments" e ON e."Urn" = l."Urn"
            """, cancellationToken, Source, runId);

    /// <summary>The establishment's LA spans: its current code (from the code's first day) and the single code before it.</summary>
    private static IEnumerable<LaSpan> Spans(School school, List<Succession> before)
    {
        var changed = before.Count == 0 ? (DateOnly?)null : before.Min(s => s.Date);
        var current = new LaSpan(school.LaCode, school.District, Later(changed, school.Open), school.Close);
        if (current.To is not { } end || current.From is not { } start || end > start) yield return current;
        if (before.Count != 1 || changed is not { } date || school.Open >= date) yield break;
        yield return new LaSpan(before[0].FromCode, null, school.Open, Earlier(date, school.Close));
    }

    /// <summary>
    /// Fits the LA memberships GIAS imports give to the dates each code was in use: a membership of a code starts no
    /// earlier than the code began and ends no later than it ended; and when the establishment was seen in the code a
    /// new code replaced, its membership of the new code starts on the day of the change, not on the later extract.
    /// </summary>
    private static async Task FitGiasLaMembershipsToTheirCodesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var codeOfMembership = $"JOIN \"Partnerships\" p ON p.\"SourceKey\" = {PartnershipKeys.LocalAuthoritySql("a.\"Code\"")} WHERE p.\"Id\" = \"Memberships\".\"PartnershipId\"";
        await DbCommands.ExecuteAsync(connection, transaction, $"""
            UPDATE "Memberships" SET "Joined" = (SELECT a."ValidFrom" FROM "LocalAuthorityAreas" a {codeOfMembership})
            WHERE "Source" = @p0 AND EXISTS (SELECT 1 FROM "LocalAuthorityAreas" a {codeOfMembership}
                AND a."ValidFrom" IS NOT NULL AND ("Memberships"."Joined" IS NULL OR "Memberships"."Joined" < a."ValidFrom"))
            """, cancellationToken, GiasEstablishmentsImporter.Name);
        await DbCommands.ExecuteAsync(connection, transaction, $"""
            UPDATE "Memberships" SET "Left" = (SELECT a."ValidTo" FROM "LocalAuthorityAreas" a {codeOfMembership})
            WHERE "Source" = @p0 AND EXISTS (SELECT 1 FROM "LocalAuthorityAreas" a {codeOfMembership}
                AND a."ValidTo" IS NOT NULL AND ("Memberships"."Left" IS NULL OR "Memberships"."Left" > a."ValidTo") AND ("Memberships"."Joined" IS NULL OR "Memberships"."Joined" < a."ValidTo"))
            """, cancellationToken, GiasEstablishmentsImporter.Name);
        await DbCommands.ExecuteAsync(connection, transaction, $"""
            UPDATE "Memberships" SET "Joined" = (
                SELECT MIN(s."Date") FROM "LocalAuthoritySuccessions" s JOIN "Partnerships" p ON p."SourceKey" = {PartnershipKeys.LocalAuthoritySql("s.\"ToCode\"")}
                WHERE p."Id" = "Memberships"."PartnershipId")
            WHERE "Source" = @p0 AND EXISTS (
                SELECT 1 FROM "LocalAuthoritySuccessions" s
                JOIN "Partnerships" p ON p."SourceKey" = {PartnershipKeys.LocalAuthoritySql("s.\"ToCode\"")}
                JOIN "Partnerships" old ON old."SourceKey" = {PartnershipKeys.LocalAuthoritySql("s.\"FromCode\"")}
                JOIN "Memberships" before ON before."PartnershipId" = old."Id" AND before."EstablishmentUrn" = "Memberships"."EstablishmentUrn" AND before."Source" = @p0
                WHERE p."Id" = "Memberships"."PartnershipId" AND "Memberships"."Joined" > s."Date")
            """, cancellationToken, GiasEstablishmentsImporter.Name);
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
