using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Reference;

namespace PartnershipAtlas.Data;

/// <summary>
/// The relational store: establishments, partnerships, memberships, performance-table results and import runs.
/// This type is the SQLite store and owns its migrations; <see cref="PostgresAtlasDbContext"/> is the same model on
/// PostgreSQL with migrations of its own.
/// </summary>
public class AtlasDbContext : DbContext
{
    public AtlasDbContext(DbContextOptions<AtlasDbContext> options) : base(options) { }

    protected AtlasDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Establishment> Establishments => Set<Establishment>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<EstablishmentLink> EstablishmentLinks => Set<EstablishmentLink>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<LocalAuthorityArea> LocalAuthorityAreas => Set<LocalAuthorityArea>();
    public DbSet<LocalAuthoritySuccession> LocalAuthoritySuccessions => Set<LocalAuthoritySuccession>();
    public DbSet<AreaCoverage> AreaCoverages => Set<AreaCoverage>();
    public DbSet<DistrictAlias> DistrictAliases => Set<DistrictAlias>();
    public DbSet<ListedMember> ListedMembers => Set<ListedMember>();
    public DbSet<ResultSet> ResultSets => Set<ResultSet>();
    public DbSet<Characteristics.EstablishmentExtract> EstablishmentExtracts => Set<Characteristics.EstablishmentExtract>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<MeasureValue> MeasureValues => Set<MeasureValue>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportRejection> ImportRejections => Set<ImportRejection>();
    public DbSet<StoreStamp> StoreStamps => Set<StoreStamp>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    /// <summary>
    /// The audit entry of the edit under way (a mutation sets it): the next save fills its before and after and writes
    /// it in the same transaction as the changes, so an edit and its entry are kept or lost together.
    /// </summary>
    public Audit.AuditEntry? Auditing { get; set; }

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
            var changes = Audit.ChangeCapture.Before(ChangeTracker);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            changes.After(audit);
            audit.At = DateTimeOffset.UtcNow;
            AuditEntries.Add(audit);
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
