using PartnershipAtlas.Tests.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary><c>establishmentCounts</c> equals a recount of the real Hampshire and Surrey export.</summary>
public sealed class EstablishmentCountsTests(GiasPartnershipCountTests.Imported imported) : IClassFixture<GiasPartnershipCountTests.Imported>
{
    [Fact]
    public async Task Counts_by_LA_and_phase_equal_a_recount_from_the_file()
    {
        var data = await imported.CreateClient().DataAsync("{ establishmentCounts(groupBy: [LA, PHASE]) { laName phase count } }");

        var file = imported.File;
        var expected = file.Rows
            .Where(r => file.Value(r, "PhaseOfEducation (name)") is not ("" or "Not applicable"))
            .GroupBy(r => (La: file.Value(r, "LA (name)"), Phase: file.Value(r, "PhaseOfEducation (name)")))
            .ToDictionary(g => g.Key, g => g.Count());
        var counts = data["establishmentCounts"]!.AsArray()
            .Where(c => c!["phase"] is not null)
            .ToDictionary(c => (La: c!["laName"]!.GetValue<string>(), Phase: c["phase"]!.GetValue<string>()), c => c!["count"]!.GetValue<int>());
        Assert.Equal(expected.OrderBy(x => x.Key), counts.OrderBy(x => x.Key));
    }

    [Fact]
    public async Task Counts_by_kind_take_a_filter_and_count_each_school_once_per_kind()
    {
        var data = await imported.CreateClient().DataAsync("""
            { establishmentCounts(groupBy: [KIND], asOf: "2022-04-20", where: { laName: { eq: "Surrey" } }) { kind count }
              total: establishmentCounts(groupBy: [], where: { laName: { eq: "Surrey" } }) { count } }
            """);

        var file = imported.File;
        var open = file.Rows.Where(r => file.Value(r, "LA (name)") == "Surrey" && file.Value(r, "EstablishmentStatus (name)") != "Closed").ToList();
        var byKind = data["establishmentCounts"]!.AsArray().ToDictionary(c => c!["kind"]!.GetValue<string>(), c => c!["count"]!.GetValue<int>());
        Assert.Equal(open.Count(r => file.Value(r, "Diocese (name)") is not ("" or "Not applicable" or "Does not apply")), byKind["DIOCESE"]);
        Assert.Equal(open.Count, byKind["LOCAL_AUTHORITY"]);
        Assert.Equal(file.Rows.Count(r => file.Value(r, "LA (name)") == "Surrey"), data["total"]![0]!["count"]!.GetValue<int>());
    }
}
