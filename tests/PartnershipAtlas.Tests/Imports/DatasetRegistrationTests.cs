using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Characteristics.Imports.Census;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Reference;
using PartnershipAtlas.Tests.Characteristics;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>
/// Datasets are declared where their feature keeps them and found there: the server runs every dataset class the
/// assembly holds (no list to forget), the census from its own folder, and the derivations the datasets declare.
/// </summary>
public sealed class DatasetRegistrationTests : IAsyncLifetime
{
    private readonly AtlasFactory store = new();

    public Task InitializeAsync()
    {
        _ = store.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    private ImportService Imports => store.Services.GetRequiredService<ImportService>();

    [Fact]
    public void Every_dataset_class_in_the_assembly_is_registered_once_under_its_own_name()
    {
        var registered = store.Services.GetServices<IDatasetImporter>().ToList();

        Assert.Equal(DatasetRegistration.DatasetTypes.Count, registered.Count);
        Assert.Equal(DatasetRegistration.DatasetTypes.ToHashSet(), registered.Select(d => d.GetType()).ToHashSet());
        Assert.Equal(registered.Count, Imports.Datasets.Distinct().Count());
        Assert.Contains(typeof(CensusImporter), DatasetRegistration.DatasetTypes);
        Assert.Equal(
            ["absence", "area-networks", "census", "dioceses", "district-aliases", "gias-establishments", "gias-group-links", "gias-groups", "gias-links",
             "ks2", "ks4", "ks4-destinations", "la-codes", "partnerships", "research-schools", "teaching-school-alliances", "teaching-school-hubs",
             "umbrella-trusts", "workforce"],
            Imports.Datasets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_census_declared_in_its_folder_recognises_and_imports_the_census_file()
    {
        var recognised = await Imports.RecogniseAsync(CharacteristicsFiles.Census, CancellationToken.None);

        Assert.IsType<CensusImporter>(recognised);
        Assert.Equal("census", recognised.Dataset);
        var run = await store.ImportAsync(recognised.Dataset, CharacteristicsFiles.Census);
        Assert.Equal((ImportStatus.Succeeded, 2019), (run.Status, run.Year));
        Assert.True(run.RowsInserted > 20_000, $"{run.RowsInserted} result sets inserted");
    }

    [Fact]
    public void Area_memberships_are_derived_after_exactly_the_datasets_that_declare_them()
    {
        var deriving = store.Services.GetServices<IDatasetImporter>()
            .Where(d => d.Derivations.Any(x => x is AreaMemberships)).Select(d => d.Dataset).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["area-networks", "district-aliases", "gias-establishments", "la-codes", "research-schools", "teaching-school-alliances", "teaching-school-hubs"],
            deriving);
        Assert.Same(store.Services.GetRequiredService<AreaMemberships>(), Imports.Importer("la-codes").Derivations.Single());
    }
}
