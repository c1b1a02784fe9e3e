using Microsoft.EntityFrameworkCore;
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
    public DbSet<ResultSet> ResultSets => Set<ResultSet>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<MeasureValue> MeasureValues => Set<MeasureValue>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportRejection> ImportRejections => Set<ImportRejection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AtlasDbContext).Assembly);
}
