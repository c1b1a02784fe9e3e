using System.Data.Common;
using System.Globalization;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// Brings one source's memberships of an establishment in line with what a new extract says, keeping history:
/// memberships the extract no longer names are closed (left = extract date), never deleted.
/// </summary>
internal sealed class MembershipWriter : IDisposable
{
    private sealed record Existing(long Id, int PartnershipId, DateOnly? Left);

    private readonly Dictionary<int, List<Existing>> byEstablishment = [];
    private readonly string source;
    private readonly long runId;
    private readonly PreparedCommand insert;
    private readonly PreparedCommand close;

    private MembershipWriter(DbConnection connection, DbTransaction transaction, string source, long runId)
    {
        this.source = source;
        this.runId = runId;
        insert = new PreparedCommand(connection, transaction,
            "INSERT INTO Memberships (EstablishmentUrn, PartnershipId, Role, Joined, \"Left\", Source, ImportRunId) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)", 7);
        close = new PreparedCommand(connection, transaction, "UPDATE Memberships SET \"Left\" = @p1, ImportRunId = @p2 WHERE Id = @p0", 3);
    }

    public static async Task<MembershipWriter> LoadAsync(DbConnection connection, DbTransaction transaction, string source, long runId, CancellationToken cancellationToken)
    {
        var writer = new MembershipWriter(connection, transaction, source, runId);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Id, EstablishmentUrn, PartnershipId, \"Left\" FROM Memberships WHERE Source = @source";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@source";
        parameter.Value = source;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            DateOnly? left = reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.ListFor(reader.GetInt32(1)).Add(new Existing(reader.GetInt64(0), reader.GetInt32(2), left));
        }
        return writer;
    }

    /// <summary>Makes the establishment's memberships from this source equal <paramref name="partnershipIds"/>.</summary>
    /// <param name="left">When the memberships end (a closed establishment's close date), or null while open.</param>
    /// <param name="joined">When new memberships began, null when the source does not say.</param>
    /// <param name="extractDate">The date the extract saw the establishment, used to close what it no longer names.</param>
    public async Task ReconcileAsync(int urn, IReadOnlyCollection<int> partnershipIds, DateOnly? joined, DateOnly? left, DateOnly extractDate, CancellationToken cancellationToken)
    {
        var existing = ListFor(urn);
        var matched = new HashSet<long>();
        foreach (var partnershipId in partnershipIds)
        {
            var match = existing.FirstOrDefault(m => m.PartnershipId == partnershipId && !matched.Contains(m.Id) && (m.Left is null || m.Left == left));
            if (match is null)
            {
                await insert.ExecuteAsync(cancellationToken, urn, partnershipId, nameof(MembershipRole.Member), joined, left, source, runId);
                continue;
            }
            matched.Add(match.Id);
            if (match.Left != left) await close.ExecuteAsync(cancellationToken, match.Id, left, runId);
        }
        foreach (var gone in existing.Where(m => m.Left is null && !matched.Contains(m.Id)))
        {
            await close.ExecuteAsync(cancellationToken, gone.Id, left ?? extractDate, runId);
        }
    }

    private List<Existing> ListFor(int urn)
    {
        if (!byEstablishment.TryGetValue(urn, out var list)) byEstablishment[urn] = list = [];
        return list;
    }

    public void Dispose()
    {
        insert.Dispose();
        close.Dispose();
    }
}
