using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Data;

/// <summary>The store on PostgreSQL: the same model, its own migrations (<c>Data/Migrations/Postgres</c>).</summary>
public sealed class PostgresAtlasDbContext(DbContextOptions<PostgresAtlasDbContext> options) : AtlasDbContext(options)
{
    /// <summary>A case-insensitive collation standing in for SQLite's NOCASE.</summary>
    public const string CaseInsensitive = "atlas_case_insensitive";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasCollation(CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        modelBuilder.Entity<Measure>().Property(m => m.Code).UseCollation(CaseInsensitive);
        // PostgreSQL folds unquoted names to lower case; EF Core's names keep their case.
        modelBuilder.Entity<Membership>().ToTable(t => t.HasCheckConstraint("CK_Memberships_OneMember", Configurations.MembershipConfiguration.OneMember(Quoted)));
        modelBuilder.Entity<Membership>().ToTable(t => t.HasCheckConstraint("CK_Memberships_NotItsOwnMember", Configurations.MembershipConfiguration.NotItsOwnMember(Quoted)));
    }

    private static string Quoted(string column) => $"\"{column}\"";
}
