using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PartnershipAtlas.Data;

/// <summary>
/// The relational store: establishments, partnerships, memberships, performance-table results and import runs.
/// This type is the SQLite store and owns its migrations; <see cref="PostgresAtlasDbContext"/> is the same model on
/// PostgreSQL with migrations of its own. The model is every <see cref="IEntityTypeConfiguration{TEntity}"/> of the assembly,
/// each kept by the feature that owns its entity, which also declares how its entities are reached (<c>db.Partnerships</c>).
/// </summary>
public class AtlasDbContext : DbContext
{
    public AtlasDbContext(DbContextOptions<AtlasDbContext> options) : base(options) { }

    protected AtlasDbContext(DbContextOptions options) : base(options) { }

    // Each feature reaches its entities through extension members it declares (PartnershipsStore, …), and its
    // IEntityTypeConfiguration<T> names their tables: Data knows no feature.
    public DbSet<StoreStamp> StoreStamps => Set<StoreStamp>();

    /// <summary>
    /// The audit entry of the edit under way (a mutation sets it): the next save fills its before and after and writes
    /// it in the same transaction as the changes, so an edit and its entry are kept or lost together.
    /// </summary>
    public IAuditedWrite? Auditing { get; set; }

    /// <summary>
    /// Saves the changes and raises the <see cref="StoreStamp"/> in one transaction, so cached answers go stale with
    /// them; the data stamp too unless only import runs were recorded (<see cref="StoreWrites.IsImportLog"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.HasChanges()) return 0;
        var write = ChangeTracker.Entries().All(e => e.State is EntityState.Unchanged or EntityState.Detached || StoreWrites.IsImportLog(e.Entity))
            ? StoreWrite.ImportLog : StoreWrite.Data;
        if (Auditing is not { } audit) return await WritingAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), write, cancellationToken);
        Auditing = null;
        return await WritingAsync(async () =>
        {
            var record = audit.Capture(ChangeTracker);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            Add(record());
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            return saved;
        }, StoreWrite.Data, cancellationToken);
    }

    /// <summary>Not used: a synchronous save would have to raise the stamp synchronously too; call <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it raises the store stamp in the same transaction.");

    /// <summary>Runs a write of data (a save, a bulk update) and raises both stamps in the same transaction: the caller's, or one of its own.</summary>
    public Task<T> WritingAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken) => WritingAsync(write, StoreWrite.Data, cancellationToken);

    /// <summary>
    /// Runs a write and raises the <see cref="StoreStamp"/> in the same transaction (the caller's, or one of its own),
    /// and the data stamp too unless <paramref name="kind"/> says it only recorded import runs.
    /// </summary>
    public async Task<T> WritingAsync<T>(Func<Task<T>> write, StoreWrite kind, CancellationToken cancellationToken)
    {
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var result = await AllowingWritesAsync(write);
        await StoreStamp.BumpAsync(Database.GetDbConnection(), Database.CurrentTransaction!.GetDbTransaction(), kind, cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>True while a write that raises the stamp (or a migration) runs: <see cref="UnstampedWriteGuard"/> refuses the others.</summary>
    internal bool WritesAllowed => writers > 0;

    private int writers;

    /// <summary>Runs <paramref name="write"/> with writes allowed; for migrations, which manage their own transactions and raise the stamp after.</summary>
    internal async Task<T> AllowingWritesAsync<T>(Func<Task<T>> write)
    {
        writers++;
        try
        {
            return await write();
        }
        finally
        {
            writers--;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AtlasDbContext).Assembly);
}
