using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Reference;

/// <summary>
/// The reference lists are part of every store: a store filled only from the command line, with no default data, has
/// every list; an unchanged list is left alone; a changed one is applied again, in one run.
/// </summary>
public sealed class ReferenceListsInEveryStoreTests
{
    private static readonly string[] WithLists = ["--Atlas:ReferenceData:Enabled=true", "--no-default-data"];

    /// <summary>A server on its own store that applies the lists at start, as the product does, without default data.</summary>
    private sealed class StartedWithoutDefaultData : AtlasFactory
    {
        protected override bool ApplyReferenceLists => true;
    }

    private static Task<Dictionary<PartnershipKind, int>> KindsAsync(AtlasFactory store) => store.WithStoreAsync(db =>
        db.Partnerships.GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));

    [Fact]
    public async Task A_store_filled_only_from_the_command_line_has_every_reference_list()
    {
        await using var store = new AtlasFactory();
        var import = await AtlasCli.RunAsync([.. store.StoreArguments, .. WithLists], "import", "gias-establishments", RealData.GiasExport2022);
        Assert.True(import.ExitCode == 0, import.Output);

        var kinds = await KindsAsync(store);
        Assert.Equal(12, kinds[PartnershipKind.OpportunityArea]);
        Assert.Equal(55, kinds[PartnershipKind.EducationInvestmentArea]);
        Assert.Equal(24, kinds[PartnershipKind.PriorityEducationInvestmentArea]);
        Assert.Equal(87, kinds[PartnershipKind.TeachingSchoolHub]);
        Assert.Equal(640, kinds[PartnershipKind.TeachingSchoolAlliance]);
        var dioceses = ReferenceData.Read(ReferenceData.Dioceses);
        var names = await store.WithStoreAsync(db => db.Partnerships.Where(p => p.Kind == PartnershipKind.Diocese).Select(p => p.Name).ToListAsync());
        Assert.All(dioceses.Rows.Select(r => dioceses.Value(r, "diocese_name")), name => Assert.Contains(name, names));

        // A second command finds every list unchanged: no run is added.
        var runs = await store.WithStoreAsync(db => db.ImportRuns.CountAsync());
        var migrate = await AtlasCli.RunAsync([.. store.StoreArguments, .. WithLists], "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Output);
        Assert.Equal(runs, await store.WithStoreAsync(db => db.ImportRuns.CountAsync()));
    }

    [Fact]
    public async Task A_changed_list_replaces_the_old_one_in_one_run_and_changing_it_back_applies_it_again()
    {
        await using var store = new AtlasFactory();
        var first = await AtlasCli.RunAsync([.. store.StoreArguments, .. WithLists], "migrate");
        Assert.True(first.ExitCode == 0, first.Output);
        var folder = Directory.CreateTempSubdirectory("atlas-reference-override-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "dioceses"));
            var changed = File.ReadAllText(ReferenceData.Dioceses).Replace("\nCE17,Diocese of Guildford,", "\nCE99,Diocese of Guildford,", StringComparison.Ordinal);
            Assert.NotEqual(File.ReadAllText(ReferenceData.Dioceses), changed);
            Task<string?> GuildfordCodeAsync() => store.WithStoreAsync(db => db.Partnerships.Where(p => p.Name == "Diocese of Guildford").Select(p => p.Code).SingleAsync());
            File.WriteAllText(Path.Combine(folder, "dioceses", "dioceses.csv"), changed);

            var overridden = await AtlasCli.RunAsync([.. store.StoreArguments, .. WithLists, $"--Atlas:ReferenceData:OverridePath={folder}"], "migrate");
            Assert.True(overridden.ExitCode == 0, overridden.Output);
            Assert.Equal("CE99", await GuildfordCodeAsync());
            var back = await AtlasCli.RunAsync([.. store.StoreArguments, .. WithLists], "migrate");
            Assert.True(back.ExitCode == 0, back.Output);

            var dioceseRuns = await store.WithStoreAsync(db => db.ImportRuns.Where(r => r.Dataset == "dioceses").OrderBy(r => r.Id).Select(r => new { r.Status, r.Source }).ToListAsync());
            Assert.Equal(3, dioceseRuns.Count);
            Assert.All(dioceseRuns, r => Assert.Equal(ImportStatus.Succeeded, r.Status));
            Assert.StartsWith(folder, dioceseRuns[1].Source);
            Assert.Equal("CE17", await GuildfordCodeAsync());
            Assert.Contains("reference list:", overridden.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_started_without_default_data_has_the_reference_lists()
    {
        await using var server = new StartedWithoutDefaultData();
        var areas = await server.CreateClient().AllNodesAsync("partnerships", "kinds: [OPPORTUNITY_AREA]", "name");

        Assert.Equal(12, areas.Count);
        Assert.Equal(0, await server.WithStoreAsync(db => db.Establishments.CountAsync()));
    }

    [Fact]
    public async Task A_bad_list_stops_the_command_with_its_file_line_and_reason()
    {
        await using var store = new AtlasFactory();
        var folder = Directory.CreateTempSubdirectory("atlas-reference-bad-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "teaching-school-hubs"));
            File.WriteAllLines(Path.Combine(folder, "teaching-school-hubs", "extra-hubs.csv"),
                ["TSH Area,name,website,email,phone,areas,valid_from,source,as_of", "ZZ1,Extra hub,,,,Guildford,2021-13-01,test,2025-09-30"]);

            var result = await AtlasCli.RunAsync([.. store.StoreArguments, .. WithLists, $"--Atlas:ReferenceData:OverridePath={folder}"], "migrate");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("extra-hubs.csv", result.Output);
            Assert.Contains("line 2: valid_from '2021-13-01' is not a yyyy-MM-dd date", result.Output);
            Assert.False(await store.WithStoreAsync(db => db.Partnerships.AnyAsync(p => p.Code == "ZZ1")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
