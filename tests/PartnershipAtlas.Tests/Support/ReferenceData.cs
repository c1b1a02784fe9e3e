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

    public static string TeachingSchoolHubs => Path.Combine(Folder, "teaching-school-hubs", "teaching-school-hubs.csv");
    public static string TeachingSchoolAlliances => Path.Combine(Folder, "teaching-school-alliances", "teaching-school-alliances.csv");
    public static string ResearchSchools => Path.Combine(Folder, "research-schools", "research-schools.csv");
    public static string UmbrellaTrusts => Path.Combine(Folder, "umbrella-trusts", "umbrella-trusts.csv");
    public static string DistrictAliases => Path.Combine(Folder, "district-aliases", "district-aliases.csv");

    /// <summary>Every shipped list, in the order the store applies them.</summary>
    public static IEnumerable<(string Dataset, string Path)> All =>
    [
        ("la-codes", LaCodes), ("district-aliases", DistrictAliases), ("dioceses", Dioceses), ("area-networks", EducationInvestmentAreas),
        ("area-networks", OpportunityAreas), ("area-networks", PriorityEducationInvestmentAreas), ("teaching-school-hubs", TeachingSchoolHubs),
        ("teaching-school-alliances", TeachingSchoolAlliances), ("research-schools", ResearchSchools), ("umbrella-trusts", UmbrellaTrusts),
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
