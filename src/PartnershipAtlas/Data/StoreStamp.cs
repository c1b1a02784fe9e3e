using System.Data.Common;
using PartnershipAtlas.Imports;

namespace PartnershipAtlas.Data;

/// <summary>
/// The store's one-row version stamp: every write that changes what a query can answer raises it in the same
/// transaction (<see cref="AtlasDbContext.SaveChangesAsync(bool, CancellationToken)"/>, an import's commit, the runs
/// marked interrupted, a migration), so a cached answer is known fresh while the stamp it was computed at is current,
/// across processes and instances sharing the store (<see cref="Api.Caching.ResponseCache"/>).
/// </summary>
public sealed class StoreStamp
{
    public const string Table = "StoreStamp";
    public const int TheRow = 1;

    public int Id { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// The data stamp: raised with <see cref="Version"/> by every write except those that only record import runs
    /// (a run started, finished, skipped or marked interrupted), so it rises only when what the store holds changed.
    /// </summary>
    public long DataVersion { get; set; }

    private static readonly string BumpSql = $"UPDATE \"{Table}\" SET \"{nameof(Version)}\" = \"{nameof(Version)}\" + 1 WHERE \"{nameof(Id)}\" = {TheRow}";

    public static readonly string ReadSql = $"SELECT \"{nameof(Version)}\" FROM \"{Table}\" WHERE \"{nameof(Id)}\" = {TheRow}";

    /// <summary>
    /// The PostgreSQL channel every raise is announced on, with the new stamp as payload: the NOTIFY is sent in the
    /// raising transaction, so listeners (other instances, <see cref="StoreStampWatch"/>) hear of it when it commits, never before.
    /// </summary>
    public const string Channel = "atlas_store_stamp";

    private static readonly string BumpAndNotifySql =
        $"WITH raised AS ({BumpSql} RETURNING \"{nameof(Version)}\") SELECT pg_notify('{Channel}', CAST(\"{nameof(Version)}\" AS text)) FROM raised";

    /// <summary>Raises the stamp inside <paramref name="transaction"/> (which then holds the row until it ends); on PostgreSQL also notifies <see cref="Channel"/>.</summary>
    public static Task BumpAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        SqlText.ExecuteAsync(connection, transaction, connection is Npgsql.NpgsqlConnection ? BumpAndNotifySql : BumpSql, cancellationToken);
}
