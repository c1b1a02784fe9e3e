using System.Data.Common;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports.Gias;

/// <summary>
/// Finds or creates partnerships by source key inside an import's transaction, keeping names current. GIAS groups are
/// keyed <c>GIAS_GROUP:{uid}</c>; files that name a network without its UID (the search export) key it by kind and
/// normalised name. The two meet here: a group adopts (re-keys) the name-keyed partnership of the same kind and name,
/// and a name that matches exactly one group's kind and name finds that group, so neither is duplicated.
/// </summary>
internal sealed class PartnershipWriter : IDisposable
{
    private sealed record Known(int Id, PartnershipKind Kind, string Name);

    private readonly Dictionary<string, Known> bySourceKey = new(StringComparer.Ordinal);

    /// <summary>Name keys that stand for one GIAS group; null where several groups share the kind and name.</summary>
    private readonly Dictionary<string, int?> groupByNameKey = new(StringComparer.Ordinal);

    private readonly PreparedCommand insert;
    private readonly PreparedCommand rename;
    private readonly PreparedCommand rekey;
    private readonly PreparedCommand updateGroup;

    private PartnershipWriter(DbConnection connection, DbTransaction transaction)
    {
        insert = new PreparedCommand(connection, transaction, "INSERT INTO \"Partnerships\" (\"Kind\", \"Name\", \"SourceKey\", \"FederationType\") VALUES (@p0, @p1, @p2, @p3) RETURNING \"Id\"", 4);
        rename = new PreparedCommand(connection, transaction, "UPDATE \"Partnerships\" SET \"Name\" = @p1 WHERE \"Id\" = @p0", 2);
        rekey = new PreparedCommand(connection, transaction, "UPDATE \"Partnerships\" SET \"SourceKey\" = @p1 WHERE \"Id\" = @p0", 2);
        updateGroup = new PreparedCommand(connection, transaction, """
            UPDATE "Partnerships" SET "Kind" = @p1, "Name" = @p2, "GroupId" = @p3, "CompaniesHouseNumber" = @p4, "Status" = @p5, "OpenDate" = @p6, "CloseDate" = @p7
            WHERE "Id" = @p0 AND ("Kind" IS DISTINCT FROM @p1 OR "Name" IS DISTINCT FROM @p2 OR "GroupId" IS DISTINCT FROM @p3 OR "CompaniesHouseNumber" IS DISTINCT FROM @p4 OR "Status" IS DISTINCT FROM @p5 OR "OpenDate" IS DISTINCT FROM @p6 OR "CloseDate" IS DISTINCT FROM @p7)
            """, 8);
    }

    public static async Task<PartnershipWriter> LoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var writer = new PartnershipWriter(connection, transaction);
        var stored = await DbCommands.QueryAsync(connection, transaction, "SELECT \"Id\", \"SourceKey\", \"Name\", \"Kind\" FROM \"Partnerships\"",
            r => (Key: r.GetString(1), Known: new Known(r.GetInt32(0), Enum.Parse<PartnershipKind>(r.GetString(3)), r.GetString(2))), cancellationToken);
        foreach (var (key, known) in stored) writer.Remember(key, known);
        return writer;
    }

    /// <summary>The id of the network, created, adopted or renamed as needed.</summary>
    public async Task<int> IdOfAsync(PartnershipRef network, CancellationToken cancellationToken)
    {
        if (bySourceKey.TryGetValue(network.SourceKey, out var existing))
        {
            if (existing.Name != network.Name)
            {
                await rename.ExecuteAsync(cancellationToken, existing.Id, network.Name);
                bySourceKey[network.SourceKey] = existing with { Name = network.Name };
            }
            return existing.Id;
        }
        if (!IsGroupKey(network.SourceKey) && groupByNameKey.TryGetValue(network.SourceKey, out var group) && group is int groupId) return groupId;
        if (IsGroupKey(network.SourceKey) && await AdoptAsync(network, cancellationToken) is int adopted) return adopted;

        var id = Convert.ToInt32(await insert.ScalarAsync(cancellationToken, network.Kind.ToString(), network.Name, network.SourceKey, FederationTypeOf(network.Kind)));
        Remember(network.SourceKey, new Known(id, network.Kind, network.Name));
        return id;
    }

    /// <summary>Creates or updates a GIAS group's partnership with every field the file gives, and counts what it did (when given counts).</summary>
    /// <param name="mayAdopt">False when the file names several groups of this kind and name, so a name-keyed partnership cannot be told apart.</param>
    public async Task<int> WriteGroupAsync(GiasGroup group, bool mayAdopt, RowCounts? counts, CancellationToken cancellationToken)
    {
        var isNew = !bySourceKey.ContainsKey(group.SourceKey) && !(mayAdopt && bySourceKey.ContainsKey(PartnershipKeys.ByName(group.Kind, group.Name)));
        var id = mayAdopt || bySourceKey.ContainsKey(group.SourceKey) ? await IdOfAsync(group.Ref, cancellationToken) : await InsertAsync(group.Ref, cancellationToken);
        var changed = await updateGroup.ExecuteAsync(cancellationToken, id, group.Kind.ToString(), group.Name, group.GroupId, group.CompaniesHouseNumber, group.Status, group.OpenDate, group.CloseDate);
        bySourceKey[group.SourceKey] = new Known(id, group.Kind, group.Name);
        if (counts is null) return id;
        if (isNew) counts.Inserted++;
        else if (changed > 0) counts.Updated++;
        else counts.Unchanged++;
        return id;
    }

    private async Task<int> InsertAsync(PartnershipRef network, CancellationToken cancellationToken)
    {
        var id = Convert.ToInt32(await insert.ScalarAsync(cancellationToken, network.Kind.ToString(), network.Name, network.SourceKey, FederationTypeOf(network.Kind)));
        Remember(network.SourceKey, new Known(id, network.Kind, network.Name));
        return id;
    }

    /// <summary>Re-keys the name-keyed partnership of the group's kind and name to the group's UID key, if there is one.</summary>
    private async Task<int?> AdoptAsync(PartnershipRef group, CancellationToken cancellationToken)
    {
        var nameKey = PartnershipKeys.ByName(group.Kind, group.Name);
        if (!bySourceKey.Remove(nameKey, out var named)) return null;
        await rekey.ExecuteAsync(cancellationToken, named.Id, group.SourceKey);
        if (named.Name != group.Name) await rename.ExecuteAsync(cancellationToken, named.Id, group.Name);
        Remember(group.SourceKey, named with { Name = group.Name });
        return named.Id;
    }

    private void Remember(string sourceKey, Known known)
    {
        bySourceKey[sourceKey] = known;
        if (!IsGroupKey(sourceKey)) return;
        var nameKey = PartnershipKeys.ByName(known.Kind, known.Name);
        groupByNameKey[nameKey] = groupByNameKey.TryGetValue(nameKey, out var other) && other != known.Id ? null : known.Id;
    }

    private static bool IsGroupKey(string sourceKey) => PartnershipKeys.IsGiasGroup(sourceKey);

    public void Dispose()
    {
        insert.Dispose();
        rename.Dispose();
        rekey.Dispose();
        updateGroup.Dispose();
    }

    /// <summary>GIAS records federations under one governing body (School Governance (Federations) Regulations): hard ones.</summary>
    private static string? FederationTypeOf(PartnershipKind kind) => kind == PartnershipKind.Federation ? nameof(FederationType.Hard) : null;
}
