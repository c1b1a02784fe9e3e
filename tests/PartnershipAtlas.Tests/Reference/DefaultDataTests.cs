using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Csv;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Reference;

/// <summary>A first start loads the shipped reference lists with the default data, so area networks have members at once.</summary>
public sealed class DefaultDataTests
{
    private sealed class FirstStart : AtlasFactory
    {
        protected override bool LoadDefaultData => true;
    }

    [Fact]
    public async Task A_first_start_loads_every_reference_list_and_the_default_data()
    {
        await using var factory = new FirstStart();
        var client = factory.CreateClient();
        var expectedFiles = ReferenceData.All.Select(x => Path.GetFileName(x.Path)!)
            .Concat(SourceStream.CsvFiles(Path.Combine(RealData.RepositoryRoot, "data", "default"), SearchOption.AllDirectories).Select(SourceStream.PublishedName))
            .Order().ToList();

        var runs = await client.AllNodesAsync("importRuns", "", "fileName status");
        var eias = await client.AllNodesAsync("partnerships", "kinds: [EDUCATION_INVESTMENT_AREA]", "name");

        Assert.Equal(expectedFiles, runs.Select(r => r["fileName"]!.GetValue<string>()).Order().ToList());
        Assert.All(runs, r => Assert.Equal(nameof(ImportStatus.Succeeded).ToUpperInvariant(), r["status"]!.GetValue<string>()));
        Assert.Equal(ReferenceData.Read(ReferenceData.EducationInvestmentAreas).Rows.Count, eias.Count);
    }
}
