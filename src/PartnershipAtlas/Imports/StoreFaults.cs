using System.Data.Common;

namespace PartnershipAtlas.Imports;

/// <summary>Store failures an import reports on its run instead of crashing: a full disk, a read-only store.</summary>
internal static class StoreFaults
{
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    /// <summary>What happened to the store, as a phrase ("ran out of disk space"), or null for other errors.</summary>
    public static string? Describe(DbException e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteFull } => "ran out of disk space",
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteReadOnly } => "became read-only",
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteIoError } => "could not be written (disk I/O error)",
        Npgsql.PostgresException { SqlState: "53100" } => "ran out of disk space",
        Npgsql.PostgresException { SqlState: "25006" } => "became read-only",
        _ => null,
    };
}
