using System.Data.Common;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports.Bulk;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// Writes one source's memberships inside an import's transaction, keeping history (memberships are closed, never
/// deleted) and never holding two open memberships of one school in one partnership: an open membership another source
/// recorded is either left alone (<see cref="ReconcileAsync"/>) or adopted with the dates this source gives (<see cref="RecordAsync"/>).
/// </summary>
internal sealed class MembershipWriter : IDisposable
{
    private sealed class Existing(long id, int partnershipId, string source, DateOnly? joined, DateOnly? left)
    {
        public long Id { get; } = id;
        public int PartnershipId { get; } = partnershipId;
        public string Source { get; set; } = source;
        public DateOnly? Joined { get; set; } = joined;
        public DateOnly? Left { get; set; } = left;

        /// <summary>Named by the file being imported.</summary>
        public bool Seen { get; set; }
    }

    /// <summary>The id of a membership this import inserted (not read back).</summary>
    private const long Inserted = 0;

    private readonly Dictionary<int, List<Existing>> byEstablishment = [];
    private readonly string source;
    private readonly long runId;
    private readonly BulkInsert insert;
    private readonly PreparedCommand update;

    private MembershipWriter(DbConnection connection, DbTransaction transaction, string source, long runId)
    {
        this.source = source;
        this.runId = runId;
        insert = new BulkInsert(connection, transaction, "Memberships", "EstablishmentUrn", "PartnershipId", "Role", "Joined", "Left", "Source", "ImportRunId");
        update = new PreparedCommand(connection, transaction,
            "UPDATE \"Memberships\" SET \"Joined\" = @p1, \"Left\" = @p2, \"Source\" = @p3, \"ImportRunId\" = @p4 WHERE \"Id\" = @p0", 5);
    }

    /// <summary>Loads every school's membership (of every source) so that no source duplicates another's; organisations' memberships are not a school's.</summary>
    public static async Task<MembershipWriter> LoadAsync(DbConnection connection, DbTransaction transaction, string source, long runId, CancellationToken cancellationToken)
    {
        var writer = new MembershipWriter(connection, transaction, source, runId);
        var stored = await DbCommands.QueryAsync(connection, transaction,
            "SELECT \"Id\", \"EstablishmentUrn\", \"PartnershipId\", \"Source\", \"Joined\", \"Left\" FROM \"Memberships\" WHERE \"EstablishmentUrn\" IS NOT NULL",
            r => (Urn: r.GetInt32(1), Membership: new Existing(r.GetInt64(0), r.GetInt32(2), r.GetString(3), DbCommands.Date(r, 4), DbCommands.Date(r, 5))), cancellationToken);
        foreach (var (urn, membership) in stored) writer.ListFor(urn).Add(membership);
        return writer;
    }

    /// <summary>
    /// Makes the establishment's memberships from this source equal <paramref name="partnershipIds"/> (the establishments
    /// extract: one row per school naming its networks). A network the school is already an open member of through
    /// another source is not inserted again.
    /// </summary>
    /// <param name="left">When the memberships end (a closed establishment's close date), or null while open.</param>
    /// <param name="joined">When new memberships began, null when the source does not say.</param>
    /// <param name="extractDate">The date the extract saw the establishment, used to close what it no longer names.</param>
    public async Task ReconcileAsync(int urn, IReadOnlyCollection<int> partnershipIds, DateOnly? joined, DateOnly? left, DateOnly extractDate, CancellationToken cancellationToken)
    {
        var existing = StoredFor(urn);
        var matched = new HashSet<Existing>(ReferenceEqualityComparer.Instance);
        foreach (var partnershipId in partnershipIds)
        {
            var match = existing.FirstOrDefault(m => m.Source == source && m.PartnershipId == partnershipId && !matched.Contains(m) && (m.Left is null || m.Left == left));
            if (match is null)
            {
                if (existing.Any(m => m.Source != source && m.PartnershipId == partnershipId && m.Left is null)) continue;
                matched.Add(await InsertAsync(urn, partnershipId, joined, left, cancellationToken));
                continue;
            }
            matched.Add(match);
            if (match.Left != left) await SetAsync(match, match.Joined, left, cancellationToken);
        }
        foreach (var gone in existing.Where(m => m.Source == source && m.Left is null && !matched.Contains(m)).ToList())
        {
            await SetAsync(gone, gone.Joined, left ?? extractDate, cancellationToken);
        }
    }

    /// <summary>
    /// Records one dated membership (a group-links row) and counts it: the same membership from this source (same joined
    /// date, or the open one) is updated; else an open membership another source recorded is adopted; else one is inserted.
    /// </summary>
    public async Task RecordAsync(int urn, int partnershipId, DateOnly? joined, DateOnly? left, RowCounts counts, CancellationToken cancellationToken)
    {
        var candidates = StoredFor(urn).Where(m => m.PartnershipId == partnershipId && !m.Seen).ToList();
        var match = candidates.FirstOrDefault(m => m.Source == source && m.Joined == joined)
            ?? candidates.FirstOrDefault(m => m.Source == source && m.Left is null)
            ?? candidates.FirstOrDefault(m => m.Left is null);
        if (match is null)
        {
            (await InsertAsync(urn, partnershipId, joined, left, cancellationToken)).Seen = true;
            counts.Inserted++;
            return;
        }
        match.Seen = true;
        if ((match.Joined, match.Left, match.Source) == (joined, left, source))
        {
            counts.Unchanged++;
            return;
        }
        await SetAsync(match, joined, left, cancellationToken);
        counts.Updated++;
    }

    /// <summary>Closes this source's open memberships that the file did not name (left = the extract date).</summary>
    public async Task CloseUnseenAsync(DateOnly extractDate, CancellationToken cancellationToken)
    {
        foreach (var gone in byEstablishment.Values.SelectMany(list => list).Where(m => m.Source == source && m.Left is null && !m.Seen).ToList())
        {
            await SetAsync(gone, gone.Joined, extractDate, cancellationToken);
        }
    }

    /// <summary>
    /// Inserts a membership (on PostgreSQL at <see cref="FlushAsync"/>). Its id stays unknown, and it is not kept with
    /// the stored ones: a membership inserted by this import is matched or seen at once, so no later step of the same
    /// import looks at it again (and the writer's memory grows with the store, not with the file).
    /// </summary>
    private async Task<Existing> InsertAsync(int urn, int partnershipId, DateOnly? joined, DateOnly? left, CancellationToken cancellationToken)
    {
        await insert.AddAsync(cancellationToken, urn, partnershipId, nameof(MembershipRole.Member), joined, left, source, runId);
        return new Existing(Inserted, partnershipId, source, joined, left);
    }

    /// <summary>Writes the inserted memberships that wait (PostgreSQL), after their establishments are written.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => insert.FlushAsync(cancellationToken);

    private async Task SetAsync(Existing membership, DateOnly? joined, DateOnly? left, CancellationToken cancellationToken)
    {
        if (membership.Id == Inserted) throw new InvalidOperationException("A membership inserted by this import cannot be updated by it.");
        await update.ExecuteAsync(cancellationToken, membership.Id, joined, left, source, runId);
        (membership.Joined, membership.Left, membership.Source) = (joined, left, source);
    }

    /// <summary>The school's stored memberships (none: an empty list no one adds to).</summary>
    private List<Existing> StoredFor(int urn) => byEstablishment.TryGetValue(urn, out var list) ? list : None;

    private static readonly List<Existing> None = [];

    private List<Existing> ListFor(int urn)
    {
        if (!byEstablishment.TryGetValue(urn, out var list)) byEstablishment[urn] = list = [];
        return list;
    }

    public void Dispose()
    {
        insert.Dispose();
        update.Dispose();
    }
}
