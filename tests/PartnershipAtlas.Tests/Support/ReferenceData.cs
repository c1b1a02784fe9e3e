namespace PartnershipAtlas.Tests.Support;

/// <summary>The reference lists the repository ships under <c>data/reference</c>.</summary>
public static class ReferenceData
{
    public static string Folder => Path.Combine(RealData.RepositoryRoot, "data", "reference");

    public static string LaCodes => Path.Combine(Folder, "la-codes", "la-codes.csv");
    public static string Dioceses => Path.Combine(Folder, "dioceses", "dioceses.csv");
    public static string OpportunityAreas => Path.Combine(Folder, "area-networks", "opportunity-areas.csv");
    public static string EducationInvestmentAreas => Path.Combine(Folder, "area-networks", "education-investment-areas.csv");
    public static string PriorityEducationInvestmentAreas => Path.Combine(Folder, "area-networks", "priority-education-investment-areas.csv");

    public static IEnumerable<(string Dataset, string Path)> All =>
    [
        ("la-codes", LaCodes), ("dioceses", Dioceses), ("area-networks", OpportunityAreas),
        ("area-networks", EducationInvestmentAreas), ("area-networks", PriorityEducationInvestmentAreas),
    ];

    public static CsvRecount Read(string path) => new(path, "utf-8");

    /// <summary>Imports every shipped reference list, each of which must succeed.</summary>
    public static async Task ImportAllAsync(AtlasFactory factory)
    {
        foreach (var (dataset, path) in All)
        {
            var run = await factory.ImportAsync(dataset, path);
            Assert.True(run.Status == PartnershipAtlas.Imports.ImportStatus.Succeeded, $"{dataset} {path}: {run.Message}");
        }
    }
}
