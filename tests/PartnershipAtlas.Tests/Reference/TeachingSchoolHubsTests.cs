using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Reference;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Reference;

/// <summary>The 87 hubs of DfE's list, their districts matched to the real 2022 Hampshire/Surrey export.</summary>
public sealed class TeachingSchoolHubsTests(ReferenceListsTests.Imported imported) : IClassFixture<ReferenceListsTests.Imported>
{
    [Fact]
    public async Task Every_hub_of_the_list_is_a_network_with_its_code_website_and_contact()
    {
        var file = ReferenceData.Read(ReferenceData.TeachingSchoolHubs);
        var source = new CsvRecount(RealData.File("teaching-schools", "hubs.csv"), "utf-8");
        var hubs = await imported.WithStoreAsync(db => db.Partnerships.Where(p => p.Kind == PartnershipKind.TeachingSchoolHub).ToDictionaryAsync(p => p.Code!));

        Assert.Equal(87, hubs.Count);
        Assert.Equal(source.Rows.Count, file.Rows.Count);
        foreach (var row in source.Rows)
        {
            var hub = hubs[source.Value(row, "TSH Area")];
            Assert.Equal((source.Value(row, "name"), source.Value(row, "website"), source.Value(row, "email"), source.Value(row, "phone")),
                (hub.Name, hub.Website ?? "", hub.ContactEmail ?? "", hub.ContactPhone ?? ""));
        }
        Assert.Equal(new DateOnly(2020, 1, 1), hubs["EE1"].OpenDate);
        Assert.Equal(new DateOnly(2021, 9, 1), hubs["EE10"].OpenDate);
    }

    [Fact]
    public async Task A_school_in_a_district_a_hub_serves_is_in_that_hub_today_and_not_before_it_opened()
    {
        var export = new CsvRecount(RealData.GiasExport2022);
        var file = ReferenceData.Read(ReferenceData.TeachingSchoolHubs);
        var guildfordHub = file.Rows.Single(r => file.Value(r, "areas").Split(';').Contains("Guildford"));
        var school = export.Rows.First(r => export.Value(r, "DistrictAdministrative (name)") == "Guildford" && export.Value(r, "EstablishmentStatus (name)") == "Open");
        var urn = int.Parse(export.Value(school, "URN"));

        var today = await HubsAsync(urn, DateTime.UtcNow.ToString("yyyy-MM-dd"));
        var before = await HubsAsync(urn, "2021-08-31");

        Assert.Equal([file.Value(guildfordHub, "name")], today);
        Assert.Empty(before);
    }

    [Fact]
    public async Task The_run_names_the_districts_no_establishment_has_and_every_district_of_the_export_is_served()
    {
        var run = await imported.WithStoreAsync(db => db.ImportRuns.SingleAsync(r => r.Dataset == "teaching-school-hubs"));
        var export = new CsvRecount(RealData.GiasExport2022);
        var districts = export.Rows.Select(r => export.Value(r, "DistrictAdministrative (name)")).Where(d => d.Length > 0).Distinct().ToList();
        var file = ReferenceData.Read(ReferenceData.TeachingSchoolHubs);
        var served = file.Rows.SelectMany(r => file.Value(r, "areas").Split(';')).ToHashSet();

        Assert.Contains("district(s) matched no establishment in the store yet", run.Message);
        Assert.Contains("Braintree", run.Message);
        Assert.All(districts, d => Assert.Contains(d, served));
        Assert.All(districts, d => Assert.DoesNotContain(d + ",", run.Message!));
    }

    [Fact]
    public async Task A_district_GIAS_spells_otherwise_is_matched_through_the_alias_table()
    {
        var aliases = ReferenceData.Read(ReferenceData.DistrictAliases);
        var stored = await imported.WithStoreAsync(db => db.DistrictAliases.ToDictionaryAsync(a => a.Alias, a => a.District));

        Assert.Equal(aliases.Rows.Count, stored.Count);
        Assert.Equal("Bristol, City of", stored["Bristol"]);
    }

    private async Task<List<string>> HubsAsync(int urn, string asOf)
    {
        var data = await imported.CreateClient().DataAsync($"{{ establishment(urn: {urn}) {{ partnerships(asOf: \"{asOf}\") {{ kind name }} }} }}");
        return data["establishment"]!["partnerships"]!.AsArray().Where(p => p!["kind"]!.GetValue<string>() == "TEACHING_SCHOOL_HUB").Select(p => p!["name"]!.GetValue<string>()).ToList();
    }
}
