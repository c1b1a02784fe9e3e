using System.Data.Common;
using System.Globalization;
using PartnershipAtlas.Data.Sql;

namespace PartnershipAtlas.Data;

/// <summary>
/// The store's one-row version stamp: every write that changes what a query can answer raises it in the same
/// transaction (<see cref="AtlasDbContext.SaveChangesAsync(bool, CancellationToken)"/>, an import's commit, the runs
/// marked interrupted, a migration), so a cached answer is known fresh while the stamp it was computed at is current,
/// across processes and instances sharing the store (<see cref="Api.Caching.ResponseCache"/>). The same row holds the
/// data stamp (<see cref="DataVersion"/>), which only writes of data raise (<see cref="StoreWrite"/>).
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

    private static readonly string RaiseVersion = $"\"{nameof(Version)}\" = \"{nameof(Version)}\" + 1";

    private static string BumpSql(StoreWrite write) =>
        $"UPDATE \"{Table}\" SET {RaiseVersion}{(write == StoreWrite.Data ? $", \"{nameof(DataVersion)}\" = \"{nameof(DataVersion)}\" + 1" : "")} WHERE \"{nameof(Id)}\" = {TheRow}";

    public static readonly string ReadSql = $"SELECT \"{nameof(Version)}\", \"{nameof(DataVersion)}\" FROM \"{Table}\" WHERE \"{nameof(Id)}\" = {TheRow}";

    /// <summary>
    /// The PostgreSQL channel every raise is announced on, with the new stamps as payload (<see cref="StoreStamps.FromPayload"/>:
    /// the stamp, a space, the data stamp): the NOTIFY is sent in the raising transaction, so listeners (other
    /// instances, <see cref="StoreStampWatch"/>) hear of it when it commits, never before.
    /// </summary>
    public const string Channel = "atlas_store_stamp";

    private static string BumpAndNotifySql(StoreWrite write) =>
        $"WITH raised AS ({BumpSql(write)} RETURNING \"{nameof(Version)}\", \"{nameof(DataVersion)}\") "
        + $"SELECT pg_notify('{Channel}', CAST(\"{nameof(Version)}\" AS text) || ' ' || CAST(\"{nameof(DataVersion)}\" AS text)) FROM raised";

    private static readonly string[] SqliteBumps = [BumpSql(StoreWrite.Data), BumpSql(StoreWrite.ImportLog)];
    private static readonly string[] PostgresBumps = [BumpAndNotifySql(StoreWrite.Data), BumpAndNotifySql(StoreWrite.ImportLog)];

    /// <summary>
    /// Raises the stamp, and the data stamp unless <paramref name="write"/> only recorded import runs, inside
    /// <paramref name="transaction"/> (which then holds the row until it ends); on PostgreSQL also notifies <see cref="Channel"/>.
    /// </summary>
    public static Task BumpAsync(DbConnection connection, DbTransaction? transaction, StoreWrite write, CancellationToken cancellationToken) =>
        DbCommands.ExecuteAsync(connection, transaction, (connection is Npgsql.NpgsqlConnection ? PostgresBumps : SqliteBumps)[(int)write], cancellationToken);
}

/// <summary>The stamp and the data stamp of the store, as read or notified together.</summary>
public readonly record struct StoreStamps(long Stamp, long DataStamp)
{
    /// <summary>The stamps a NOTIFY payload ("stamp dataStamp") carries; null when it is not one of ours.</summary>
    public static StoreStamps? FromPayload(string payload) =>
        payload.Split(' ') is [var stamp, var data] && long.TryParse(stamp, CultureInfo.InvariantCulture, out var s) && long.TryParse(data, CultureInfo.InvariantCulture, out var d)
            ? new StoreStamps(s, d) : null;

    /// <summary>The later of two readings: each stamp only rises, so the larger of each.</summary>
    public StoreStamps Max(StoreStamps other) => new(Math.Max(Stamp, other.Stamp), Math.Max(DataStamp, other.DataStamp));
}
