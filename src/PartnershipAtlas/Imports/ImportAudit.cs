using System.Data.Common;
using System.Text.Json;
using PartnershipAtlas.Audit;
using PartnershipAtlas.Data.Sql;
using PartnershipAtlas.Imports.PartnershipsFile;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Imports;

/// <summary>
/// The audit entry of an <c>import partnerships</c> run, written in the import's own transaction (so the file and its
/// entry commit or roll back together): before and after, the networks, memberships and reviews the partnerships file
/// owns, and the run that changed them.
/// </summary>
internal static class ImportAudit
{
    public static bool Audits(IDatasetImporter importer) => importer.Dataset == PartnershipsFileImporter.Name;

    public static async Task<Dictionary<string, long>> CountAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT (SELECT COUNT(*) FROM "Partnerships" WHERE "SourceKey" LIKE '{PartnershipKeys.PrefixedSqlPattern(PartnershipKeys.FilePrefix)}'),
                   (SELECT COUNT(*) FROM "Memberships" WHERE "Source" = '{MembershipSources.PartnershipsFile}'),
                   (SELECT COUNT(*) FROM "Memberships" WHERE "Source" = '{MembershipSources.PartnershipsFile}' AND "Left" IS NULL),
                   (SELECT COUNT(*) FROM "Reviews" WHERE "Source" = '{MembershipSources.PartnershipsFile}')
            """;
        var counts = (await DbCommands.QueryAsync(connection, transaction, sql, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken)).Single();
        return new() { ["partnerships"] = counts.Item1, ["memberships"] = counts.Item2, ["openMemberships"] = counts.Item3, ["reviews"] = counts.Item4 };
    }

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, ImportRun run, RowCounts counts, Dictionary<string, long> before, CancellationToken cancellationToken)
    {
        var after = new Dictionary<string, object?>(
            (await CountAsync(connection, transaction, cancellationToken)).Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)))
        {
            ["run"] = new { run.Id, run.FileName, run.ContentHash, counts.Read, counts.Inserted, counts.Updated, counts.Unchanged },
        };
        await DbCommands.ExecuteAsync(connection, transaction,
            $"""INSERT INTO "{AuditEntry.Table}" ("At", "Actor", "Operation", "Before", "After") VALUES (@p0, @p1, @p2, @p3, @p4)""", cancellationToken,
            DateTimeOffset.UtcNow, AuditEntry.CommandLine, "import " + run.Dataset, JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
    }
}
