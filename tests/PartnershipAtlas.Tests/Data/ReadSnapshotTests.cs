using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Data;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Data;

/// <summary>
/// A read in several statements inside <see cref="ReadSnapshot"/> sees the store as it was at its first statement: a
/// write committed between its statements is not seen, is not blocked by it, and is seen by the next read.
/// </summary>
public sealed class ReadSnapshotTests
{
    [Fact]
    public async Task A_write_between_two_statements_of_a_snapshot_is_not_seen_by_the_second()
    {
        await using var store = new AtlasFactory();
        await store.ImportAsync("gias-establishments", RealData.GiasExport2022);
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();

        int first, second;
        await using (await ReadSnapshot.BeginAsync(db))
        {
            first = await db.Establishments.CountAsync();
            var written = store.WithStoreAsync(async other =>
            {
                other.Establishments.Add(new Establishment { Urn = 1, Name = "Added during the snapshot" });
                return await other.SaveChangesAsync();
            });
            Assert.Same(written, await Task.WhenAny(written, Task.Delay(TimeSpan.FromSeconds(30)))); // not blocked by the snapshot
            second = await db.Establishments.CountAsync();
        }
        var after = await db.Establishments.CountAsync();

        Assert.True(first > 1000, $"{first} schools");
        Assert.Equal(first, second);
        Assert.Equal(first + 1, after);
    }
}
