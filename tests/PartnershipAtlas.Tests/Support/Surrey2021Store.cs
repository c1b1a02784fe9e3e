using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Establishments;

namespace PartnershipAtlas.Tests.Support;

/// <summary>A store holding the real Surrey 2021 extract, and every establishment (with memberships) read back for in-memory checks.</summary>
public sealed class Surrey2021Store : AtlasFactory, IAsyncLifetime
{
    public List<Establishment> All { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await ImportAsync("gias-establishments", RealData.GiasSurrey2021);
        All = await WithStoreAsync(db => db.Establishments.AsNoTracking().Include(e => e.Memberships).ThenInclude(m => m.Partnership).ToListAsync());
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
