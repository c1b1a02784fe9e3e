using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Data;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_applies_every_migration_to_an_empty_store_then_finds_nothing_to_do()
    {
        var store = TestDatabases.CreateEmpty();
        try
        {
            var first = await AtlasCli.RunAsync(AtlasFactory.ArgumentsFor(store), "migrate");
            Assert.True(first.ExitCode == 0, first.Output);
            Assert.Matches(@"Applied \d+ migration\(s\)", first.Output);
            Assert.Contains("InitialCreate", first.Output);

            var second = await AtlasCli.RunAsync(AtlasFactory.ArgumentsFor(store), "migrate");
            Assert.True(second.ExitCode == 0, second.Output);
            Assert.Contains("up to date", second.Output);

            await using var server = new AtlasFactory { Settings = new Dictionary<string, string> { ["ConnectionStrings:Atlas"] = store } };
            Assert.Equal((0, 0, 0), await server.CountRowsAsync());
        }
        finally
        {
            TestDatabases.Drop(store);
        }
    }

    [Fact]
    public async Task An_unknown_provider_is_a_clear_error()
    {
        var result = await AtlasCli.RunAsync(["--Atlas:Provider=Oracle"], "migrate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("expected Sqlite or Postgres", result.Output);
    }
}
