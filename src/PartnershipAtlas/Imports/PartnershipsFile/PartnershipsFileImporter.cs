using System.Data.Common;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports.Reference;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.PartnershipsFile;

/// <summary>
/// <c>import partnerships FILE</c>: networks no DfE extract holds (programme clusters, thematic, subject and university
/// partnerships, research school networks, teaching school alliances, soft federations…), written as partnership,
/// member and review rows (docs/partnerships-file.md). The file is checked whole (unknown URNs, unknown partnerships,
/// overlapping or reversed dates) and applied whole or not at all; for each partnership it names, its memberships
/// and reviews from earlier partnerships files are replaced by the file's.
/// </summary>
public sealed class PartnershipsFileImporter : IDatasetImporter
{
    public const string Name = MembershipSources.PartnershipsFile;

    public string Dataset => Name;

    public IReadOnlyList<string[]> RequiredColumns => PartnershipsFileRows.Required;

    public async Task ApplyAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var (connection, transaction) = (context.Connection, context.Transaction);
        var (partnerships, members, reviews) = await ReadAsync(context, cancellationToken);
        var urns = await Store.UrnsAsync(connection, transaction, cancellationToken);
        var stored = await Store.KeysAsync(connection, transaction, PartnershipKeys.FilePrefix, cancellationToken);
        var networks = await MemberNetworks.LoadAsync(connection, transaction, cancellationToken);
        bool IsFileKey(string key) => partnerships.Any(p => p.Key == key) || stored.ContainsKey(PartnershipKeys.Prefixed(PartnershipKeys.FilePrefix, key));
        Check(context, partnerships, members, reviews, urns, IsFileKey);
        foreach (var m in members) if (networks.UnknownError(m, IsFileKey) is { } unknown) context.Rejections.Reject(m.Line, unknown);
        WholeFile.RefuseIfRejected(context);
        var referenced = members.Select(m => m.Key).Concat(reviews.Select(r => r.Key)).Concat(members.Select(m => m.MemberNetwork).OfType<string>().Where(IsFileKey));
        var ids = await WritePartnershipsAsync(context, partnerships, stored, referenced, cancellationToken);
        var others = await Store.OtherMembershipsAsync(connection, transaction, ids.Values, Name, cancellationToken);
        foreach (var m in members.Where(m => m.Urn is not null || m.MemberNetwork is not null))
        {
            var network = networks.IdOf(m, ids);
            if (others.FirstOrDefault(o => o.PartnershipId == ids[m.Key] && o.Urn == m.Urn && o.MemberNetwork == network && MembershipRules.Overlap(m.Joined, m.Left, o.Joined, o.Left)) is not { } other) continue;
            context.Rejections.Reject(m.Line, MembershipRules.OverlapError(m.Member, m.Joined, m.Left, other.Joined, other.Left) + $" (source {other.Source})");
        }
        await networks.CheckNestingAsync(context, members, ids, cancellationToken);
        WholeFile.RefuseIfRejected(context);

        var touched = string.Join(", ", ids.Values.Distinct());
        await DbCommands.ExecuteAsync(connection, transaction, $"DELETE FROM \"Memberships\" WHERE \"Source\" = @p0 AND \"PartnershipId\" IN ({touched})", cancellationToken, Name);
        await DbCommands.ExecuteAsync(connection, transaction, $"DELETE FROM \"Reviews\" WHERE \"Source\" = @p0 AND \"PartnershipId\" IN ({touched})", cancellationToken, Name);
        using var organisations = new PreparedCommand(connection, transaction,
            "INSERT INTO \"Organisations\" (\"Name\", \"Kind\", \"SourceKey\") VALUES (@p0, @p1, @p2) ON CONFLICT (\"SourceKey\") DO UPDATE SET \"Name\" = excluded.\"Name\" RETURNING \"Id\"", 3);
        using var insertMember = new PreparedCommand(connection, transaction,
            "INSERT INTO \"Memberships\" (\"EstablishmentUrn\", \"OrganisationId\", \"PartnershipId\", \"Role\", \"Joined\", \"Left\", \"Source\", \"ImportRunId\", \"MemberPartnershipId\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)", 9);
        foreach (var m in members)
        {
            int? organisationId = m.Organisation is null ? null : Convert.ToInt32(await organisations.ScalarAsync(cancellationToken,
                m.Organisation, m.OrganisationKind!.Value.ToString(), PartnershipKeys.Organisation(m.OrganisationKind.Value, m.Organisation)));
            await insertMember.ExecuteAsync(cancellationToken, m.Urn, organisationId, ids[m.Key], m.Role.ToString(), m.Joined, m.Left, Name, context.RunId, networks.IdOf(m, ids));
        }
        using var insertReview = new PreparedCommand(connection, transaction,
            "INSERT INTO \"Reviews\" (\"PartnershipId\", \"Date\", \"Kind\", \"ReviewerUrn\", \"ReviewedUrn\", \"Focus\", \"Outcome\", \"Source\", \"ImportRunId\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)", 9);
        foreach (var r in reviews)
        {
            await insertReview.ExecuteAsync(cancellationToken, ids[r.Key], r.Date, r.Kind.ToString(), r.ReviewerUrn, r.ReviewedUrn, r.Focus, r.Outcome, Name, context.RunId);
        }
    }

    private static async Task<(List<PartnershipRow>, List<MemberRow>, List<ReviewRow>)> ReadAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var reader = new PartnershipsFileRows(context.Rows);
        var (partnerships, members, reviews) = (new List<PartnershipRow>(), new List<MemberRow>(), new List<ReviewRow>());
        while (await context.Rows.ReadAsync(cancellationToken))
        {
            context.Counts.Read++;
            switch (reader.Read())
            {
                case (_, { } error): context.Rejections.Reject(context.Rows.Line, error); break;
                case (PartnershipRow p, _): partnerships.Add(p); break;
                case (MemberRow m, _): members.Add(m); break;
                case (ReviewRow r, _): reviews.Add(r); break;
            }
        }
        return (partnerships, members, reviews);
    }

    /// <summary>The checks across rows: known partnerships and URNs, no partnership twice, no member's spans overlapping.</summary>
    private static void Check(ImportContext context, List<PartnershipRow> partnerships, List<MemberRow> members, List<ReviewRow> reviews, HashSet<int> urns, Func<string, bool> known)
    {
        var reject = context.Rejections;
        foreach (var twice in partnerships.GroupBy(p => p.Key).Where(g => g.Count() > 1))
        {
            foreach (var p in twice.Skip(1)) reject.Reject(p.Line, $"partnership {p.Key} appears again (first on line {twice.First().Line})");
        }
        foreach (var m in members)
        {
            if (!known(m.Key)) reject.Reject(m.Line, $"partnership {m.Key} is neither in this file nor imported before");
            else if (m.Urn is int urn && !urns.Contains(urn)) reject.Reject(m.Line, $"URN {urn} is not a known establishment");
            else if (members.FirstOrDefault(o => o.Line < m.Line && o.Key == m.Key && o.Member == m.Member && MembershipRules.Overlap(m.Joined, m.Left, o.Joined, o.Left)) is { } other)
            {
                reject.Reject(m.Line, MembershipRules.OverlapError(m.Member, m.Joined, m.Left, other.Joined, other.Left) + $" (line {other.Line})");
            }
        }
        foreach (var r in reviews)
        {
            if (!known(r.Key)) reject.Reject(r.Line, $"partnership {r.Key} is neither in this file nor imported before");
            else if (new[] { r.ReviewerUrn, r.ReviewedUrn }.FirstOrDefault(u => u is int known && !urns.Contains(known)) is int unknown)
            {
                reject.Reject(r.Line, $"URN {unknown} is not a known establishment");
            }
        }
    }

    private static async Task<Dictionary<string, int>> WritePartnershipsAsync(ImportContext context, List<PartnershipRow> partnerships, Dictionary<string, int> stored, IEnumerable<string> referenced, CancellationToken cancellationToken)
    {
        using var writer = await ReferencePartnershipWriter.LoadAsync(context.Connection, context.Transaction, cancellationToken);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in partnerships) ids[p.Key] = await writer.WriteAsync(p.Facts, context.Counts, cancellationToken);
        foreach (var key in referenced.Where(k => !ids.ContainsKey(k))) ids[key] = stored[PartnershipKeys.Prefixed(PartnershipKeys.FilePrefix, key)];
        return ids;
    }

    /// <summary>What the checks read from the store.</summary>
    private static class Store
    {
        public sealed record OtherMembership(int PartnershipId, int? Urn, DateOnly? Joined, DateOnly? Left, string Source, int? MemberNetwork);

        public static async Task<HashSet<int>> UrnsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
            [.. await DbCommands.QueryAsync(connection, transaction, "SELECT \"Urn\" FROM \"Establishments\"", r => r.GetInt32(0), cancellationToken)];

        public static async Task<Dictionary<string, int>> KeysAsync(DbConnection connection, DbTransaction transaction, string prefix, CancellationToken cancellationToken) =>
            (await DbCommands.QueryAsync(connection, transaction, $"SELECT \"SourceKey\", \"Id\" FROM \"Partnerships\" WHERE \"SourceKey\" LIKE '{PartnershipKeys.PrefixedSqlPattern(prefix)}'", r => (r.GetString(0), r.GetInt32(1)), cancellationToken))
                .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

        public static async Task<List<OtherMembership>> OtherMembershipsAsync(DbConnection connection, DbTransaction transaction, IEnumerable<int> partnershipIds, string source, CancellationToken cancellationToken)
        {
            var ids = string.Join(", ", partnershipIds.Distinct());
            if (ids.Length == 0) return [];
            return await DbCommands.QueryAsync(connection, transaction,
                $"SELECT \"PartnershipId\", \"EstablishmentUrn\", \"Joined\", \"Left\", \"Source\", \"MemberPartnershipId\" FROM \"Memberships\" WHERE \"PartnershipId\" IN ({ids}) AND \"Source\" <> '{source}'",
                r => new OtherMembership(r.GetInt32(0), r.IsDBNull(1) ? null : r.GetInt32(1), DbCommands.Date(r, 2), DbCommands.Date(r, 3), r.GetString(4), r.IsDBNull(5) ? null : r.GetInt32(5)), cancellationToken);
        }
    }
}
