using Microsoft.Data.Sqlite;

namespace PartnershipAtlas.Data.Backups;

/// <summary>
/// A SQLite store's file and its hold file (<c>STORE.hold</c>): every running server keeps a shared lock on the hold
/// file (<see cref="StoreHold"/>); <c>restore</c> takes it exclusively, so it never overwrites a store a server holds,
/// and no server starts on a store being restored. Locks are the operating system's, released when a process dies.
/// </summary>
public sealed class SqliteStoreFile(string connectionString)
{
    public string Path { get; } = System.IO.Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    public string HoldPath => Path + ".hold";

    /// <summary>A shared hold, as a server takes it: many servers may share a store.</summary>
    public FileStream HoldShared() => Open(FileShare.ReadWrite);

    /// <summary>The exclusive hold <c>restore</c> needs, or null when a running server holds the store.</summary>
    public FileStream? TryHoldExclusive()
    {
        try
        {
            return Open(FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private FileStream Open(FileShare share) => new(HoldPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
}
