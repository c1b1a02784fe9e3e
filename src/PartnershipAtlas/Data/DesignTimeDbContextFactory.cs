using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PartnershipAtlas.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AtlasDbContext>
{
    public AtlasDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AtlasDbContext>();
        StoreServiceCollectionExtensions.UseStore(options, StoreServiceCollectionExtensions.DefaultConnectionString);
        return new AtlasDbContext(options.Options);
    }
}
