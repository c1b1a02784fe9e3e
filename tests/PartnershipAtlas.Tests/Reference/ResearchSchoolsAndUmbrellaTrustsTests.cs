using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Reference;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Reference;

/// <summary>The EEF Research Schools Network (41 schools from their designation) and the 19 umbrella trusts of 2016.</summary>
public sealed class ResearchSchoolsAndUmbrellaTrustsTests(ReferenceListsTests.Imported imported) : IClassFixture<ReferenceListsTests.Imported>
{
    [Fact]
    public async Task Each_research_school_is_a_member_from_its_designation_by_URN_or_as_an_organisation_until_confirmed()
    {
        var file = ReferenceData.Read(ReferenceData.ResearchSchools);
        var network = await imported.WithStoreAsync(db => db.Partnerships.SingleAsync(p => p.Kind == PartnershipKind.ResearchSchoolNetwork && p.Name == "Research Schools Network"));
        var listed = await imported.WithStoreAsync(db => db.ListedMembers.Where(m => m.PartnershipId == network.Id).ToDictionaryAsync(m => m.Urn));
        var organisations = await imported.WithStoreAsync(db => db.Memberships.Where(m => m.PartnershipId == network.Id && m.OrganisationId != null)
            .Select(m => new { m.Organisation!.Name, m.Organisation.Kind, m.Joined }).ToDictionaryAsync(m => m.Name));

        Assert.Equal(41, file.Rows.Count);
        Assert.Equal(file.Rows.Count, listed.Count + organisations.Count);
        foreach (var row in file.Rows)
        {
            var from = file.Value(row, "valid_from") is { Length: > 0 } date ? DateOnly.Parse(date) : (DateOnly?)null;
            if (file.Value(row, "urn") is { Length: > 0 } urn) Assert.Equal(from, listed[int.Parse(urn)].Joined);
            else
            {
                var member = organisations[file.Value(row, "name")];
                Assert.Equal((OrganisationKind.ResearchSchool, from), (member.Kind, member.Joined));
            }
        }
        Assert.All(file.Rows.Where(r => file.Value(r, "source").Contains("UNCERTAIN")), r => Assert.Empty(file.Value(r, "urn")));
        Assert.Equal(new DateOnly(2016, 10, 6), network.OpenDate);
    }

    [Fact]
    public async Task The_umbrella_trusts_are_networks_without_members()
    {
        var file = ReferenceData.Read(ReferenceData.UmbrellaTrusts);
        var trusts = await imported.WithStoreAsync(db => db.Partnerships.Where(p => p.Kind == PartnershipKind.UmbrellaTrust)
            .Select(p => new { p.Name, Members = p.Memberships.Count }).ToListAsync());

        Assert.Equal(19, file.Rows.Count);
        Assert.Equal(file.Rows.Select(r => file.Value(r, "name")).Order(), trusts.Select(t => t.Name).Order());
        Assert.All(trusts, t => Assert.Equal(0, t.Members));
    }

    public static TheoryData<string, string[], string> BadLists => new()
    {
        { "research-schools", ["name,urn,area,designated,source,valid_from,as_of", "Kingsbridge Community College,136367,Devon,2016,\"EEF | [UNCERTAIN urn]\",2016-10-06,2024-11-13"], "line 2: urn 136367 is given but the source marks the match UNCERTAIN" },
        { "research-schools", ["name,urn,area,designated,source,valid_from,as_of", "Huntington School,,York,2016,EEF,06/10/2016,2024-11-13"], "line 2: valid_from '06/10/2016' is not a yyyy-MM-dd date" },
        { "umbrella-trusts", ["name,schools_jul2016_derived,source,as_of", "Hamwic Trust,four,register,2016-09-28"], "line 2: schools_jul2016_derived 'four' is not a whole number" },
        { "umbrella-trusts", ["name,schools_jul2016_derived,source,as_of", "Hamwic Trust,4,,2016-09-28"], "line 2: source is empty" },
    };

    [Theory]
    [MemberData(nameof(BadLists))]
    public async Task A_bad_list_is_refused_with_its_line_and_changes_nothing(string dataset, string[] lines, string expected)
    {
        using var file = new TempCsv($"bad-{dataset}.csv", lines);
        var before = await imported.WithStoreAsync(async db => (await imported.CountRowsAsync(), await db.ListedMembers.CountAsync(), await db.Organisations.CountAsync()));

        var run = await imported.ImportAsync(dataset, file.Path);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains(expected, run.Message);
        Assert.Equal(before, await imported.WithStoreAsync(async db => (await imported.CountRowsAsync(), await db.ListedMembers.CountAsync(), await db.Organisations.CountAsync())));
    }
}
