using System.Data.Common;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.PartnershipsFile;

/// <summary>
/// Member rows that name a network (<c>member_partnership_key</c>): which network each names, and the nesting rules
/// of <see cref="NetworkNesting"/> over the file's network memberships and the store's.
/// </summary>
/// <remarks>
/// A key names, in this order: a <c>partnership_key</c> of this file or of an earlier partnerships file; a stored
/// network's source key (<c>GIAS_GROUP:uid</c>, <c>LOCAL_AUTHORITY:code</c>, <c>API:key</c>, …); a GIAS group ID
/// (<c>TR00092</c>).
/// </remarks>
internal sealed class MemberNetworks(Dictionary<string, int> bySourceKey, Dictionary<string, int> byGroupId)
{
    public static async Task<MemberNetworks> LoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await DbCommands.QueryAsync(connection, transaction, "SELECT \"Id\", \"SourceKey\", \"GroupId\" FROM \"Partnerships\"",
            r => (Id: r.GetInt32(0), SourceKey: r.GetString(1), GroupId: r.IsDBNull(2) ? null : r.GetString(2)), cancellationToken);
        return new MemberNetworks(rows.ToDictionary(r => r.SourceKey, r => r.Id, StringComparer.Ordinal),
            rows.Where(r => r.GroupId is not null).GroupBy(r => r.GroupId!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Min(r => r.Id), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The reason the row's network is not known, or null (also for rows naming no network).</summary>
    public string? UnknownError(MemberRow row, Func<string, bool> isFileKey) =>
        row.MemberNetwork is { } key && !isFileKey(key) && StoredId(key) is null
            ? $"member_partnership_key {key} is neither a partnership_key in this file or imported before, nor a stored network's source key or GIAS group ID"
            : null;

    /// <summary>The network the row names, once the file's partnerships have ids (<paramref name="fileIds"/>).</summary>
    public int? IdOf(MemberRow row, IReadOnlyDictionary<string, int> fileIds) =>
        row.MemberNetwork is not { } key ? null : fileIds.TryGetValue(key, out var id) ? id : StoredId(key);

    private int? StoredId(string key) =>
        bySourceKey.TryGetValue(key, out var id) || byGroupId.TryGetValue(key, out id) ? id : null;

    /// <summary>
    /// Rejects the file's first network membership on a cycle or on a chain deeper than <see cref="NetworkNesting.MaxDepth"/>,
    /// naming the networks: the store's network memberships count, except those of the networks the file replaces.
    /// </summary>
    public async Task CheckNestingAsync(ImportContext context, IReadOnlyList<MemberRow> members, IReadOnlyDictionary<string, int> fileIds, CancellationToken cancellationToken)
    {
        var fileEdges = members.Where(m => m.MemberNetwork is not null).Select(m => (m.Line, Edge: new NetworkEdge(fileIds[m.Key], IdOf(m, fileIds)!.Value))).ToList();
        if (fileEdges.Count == 0) return;
        var replaced = fileIds.Values.ToHashSet();
        var stored = await DbCommands.QueryAsync(context.Connection, context.Transaction,
            "SELECT \"PartnershipId\", \"MemberPartnershipId\", \"Source\" FROM \"Memberships\" WHERE \"MemberPartnershipId\" IS NOT NULL",
            r => (Edge: new NetworkEdge(r.GetInt32(0), r.GetInt32(1)), Source: r.GetString(2)), cancellationToken);
        var kept = stored.Where(s => s.Source != PartnershipsFileImporter.Name || !replaced.Contains(s.Edge.Network)).Select(s => s.Edge);
        if (NetworkNesting.Problem(kept.Concat(fileEdges.Select(f => f.Edge))) is not { } problem) return;
        var chain = problem.Networks;
        var onIt = Enumerable.Range(0, chain.Count - 1).Select(i => new NetworkEdge(chain[i + 1], chain[i])).ToHashSet();
        var line = fileEdges.Where(f => onIt.Contains(f.Edge)).Select(f => f.Line).DefaultIfEmpty(members[0].Line).Min();
        var ids = string.Join(", ", chain.Distinct());
        var names = (await DbCommands.QueryAsync(context.Connection, context.Transaction, $"SELECT \"Id\", \"Name\" FROM \"Partnerships\" WHERE \"Id\" IN ({ids})",
            r => (r.GetInt32(0), r.GetString(1)), cancellationToken)).ToDictionary(x => x.Item1, x => x.Item2);
        context.Rejections.Reject(line, problem.Message(id => names[id]));
    }
}
