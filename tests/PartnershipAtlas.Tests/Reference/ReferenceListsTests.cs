using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Reference;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Reference;

/// <summary>The shipped reference lists import whole, each network is queryable by kind, and bad lists change nothing.</summary>
public sealed class ReferenceListsTests(ReferenceListsTests.Imported imported) : IClassFixture<ReferenceListsTests.Imported>
{
    /// <summary>The real 2022 Hampshire and Surrey export and every shipped reference list.</summary>
    public sealed class Imported : AtlasFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            await ImportAsync("gias-establishments", RealData.GiasExport2022);
            await ReferenceData.ImportAllAsync(this);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    public static TheoryData<string, string, string> AreaLists => new()
    {
        { "OPPORTUNITY_AREA", "opportunity-areas.csv", "2018-01-01" },
        { "EDUCATION_INVESTMENT_AREA", "education-investment-areas.csv", "2023-01-01" },
        { "PRIORITY_EDUCATION_INVESTMENT_AREA", "priority-education-investment-areas.csv", "2023-01-01" },
    };

    [Theory]
    [MemberData(nameof(AreaLists))]
    public async Task Each_area_list_gives_one_network_per_area(string kind, string fileName, string asOf)
    {
        var path = Path.Combine(ReferenceData.Folder, "area-networks", fileName);
        var file = ReferenceData.Read(path);
        var run = await imported.WithStoreAsync(db => db.ImportRuns.SingleAsync(r => r.Source == Path.GetFullPath(path)));

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal(file.Rows.Count, run.RowsRead);
        var expected = file.Rows.Select(r => file.Value(r, "area_name")).Distinct().Order().ToList();
        var nodes = await imported.CreateClient().AllNodesAsync("partnerships", $"kinds: [{kind}]", "name");
        var names = nodes.Select(n => n["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(expected, names);
        Assert.True(file.Rows.All(r => string.Compare(file.Value(r, "valid_from"), asOf, StringComparison.Ordinal) <= 0));
    }

    [Fact]
    public void The_area_lists_hold_the_published_numbers_of_areas()
    {
        int Areas(string path) => ReferenceData.Read(path) is var f ? f.Rows.Select(r => f.Value(r, "area_key")).Distinct().Count() : 0;

        Assert.Equal(12, Areas(ReferenceData.OpportunityAreas));
        Assert.Equal(55, Areas(ReferenceData.EducationInvestmentAreas));
        Assert.Equal(24, Areas(ReferenceData.PriorityEducationInvestmentAreas));
    }

    [Fact]
    public async Task Every_diocese_of_England_is_a_network_with_its_code_even_with_no_school_in_the_store()
    {
        var dioceses = await imported.WithStoreAsync(db => db.Partnerships.Where(p => p.Kind == PartnershipAtlas.Partnerships.PartnershipKind.Diocese)
            .Select(p => new { p.Code, p.Denomination, Schools = p.Memberships.Count }).ToListAsync());
        var coded = dioceses.Where(d => d.Code != null).ToList();

        Assert.Equal(64, coded.Count);
        Assert.Equal(44, coded.Count(d => d.Denomination == PartnershipAtlas.Partnerships.DioceseDenomination.ChurchOfEngland && d.Code!.StartsWith("CE")));
        Assert.Equal(20, coded.Count(d => d.Denomination == PartnershipAtlas.Partnerships.DioceseDenomination.RomanCatholic && d.Code!.StartsWith("RC")));
        Assert.Contains(coded, d => d.Code == "CE42" && d.Schools == 0);
    }

    [Fact]
    public async Task Every_diocese_in_the_real_exports_has_a_denomination_and_dioceses_carry_it()
    {
        var dioceses = ReferenceData.Read(ReferenceData.Dioceses);
        var export = new CsvRecount(RealData.GiasExport2022);
        var named = export.GroupBy("Diocese (name)").Keys;
        Assert.Subset(dioceses.Rows.Select(r => dioceses.Value(r, "diocese_name").ToUpperInvariant()).ToHashSet(), named.ToHashSet());
        var data = await imported.CreateClient().DataAsync("{ partnerships(kinds: [DIOCESE], first: 100) { nodes { name code denomination } } }");

        var byName = data["partnerships"]!["nodes"]!.AsArray().ToDictionary(n => n!["name"]!.GetValue<string>().ToUpperInvariant(), n => n!);
        foreach (var row in dioceses.Rows)
        {
            var node = byName[dioceses.Value(row, "diocese_name").ToUpperInvariant()];
            Assert.Equal(dioceses.Value(row, "denomination"), node["denomination"]!.GetValue<string>());
            Assert.Equal(dioceses.Value(row, "diocese_code") is { Length: > 0 } code ? code : null, node["code"]?.GetValue<string>());
        }
        Assert.Equal(dioceses.Rows.Count, byName.Count);
    }

    [Fact]
    public async Task Federations_from_GIAS_are_hard_federations()
    {
        var data = await imported.CreateClient().DataAsync("{ partnerships(kinds: [FEDERATION], first: 50) { nodes { federationType } } }");

        var types = data["partnerships"]!["nodes"]!.AsArray().Select(n => n!["federationType"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("HARD", t));
    }

    public static TheoryData<string, string[], string> BadLists => new()
    {
        { "la-codes", ["la_code,la_name,valid_from,valid_to,predecessor_codes,source,as_of", "850,Hampshire,,,,DfE,2019-08-31", "85X,Bad,,,,DfE,2019-08-31"], "line 3: la_code '85X' is not a three-digit DfE LA code" },
        { "la-codes", ["la_code,la_name,valid_from,valid_to,predecessor_codes,source,as_of", "940,North Northamptonshire,2021-04-01,,928,DfE,2021-04-01"], "line 2: predecessor code(s) 928 of 940 are not in the list" },
        { "la-codes", ["la_code,la_name,valid_from,valid_to,predecessor_codes,source,as_of", "928,Northamptonshire,2021-04-01,2020-04-01,,DfE,2021-04-01"], "line 2: valid_to 2020-04-01 is not after valid_from 2021-04-01" },
        { "la-codes", ["la_code,la_name,valid_from,valid_to,predecessor_codes,as_of", "850,Hampshire,,,,2019-08-31"], "missing required column 'source'" },
        { "dioceses", ["diocese_code,diocese_name,denomination,source,as_of", "CE23,Diocese of London,ROMAN_CATHOLIC,GIAS,2024-07-17"], "line 2: diocese_code 'CE23' does not match denomination ROMAN_CATHOLIC" },
        { "dioceses", ["diocese_code,diocese_name,denomination,source,as_of", ",Diocese of Guildford,ANGLICAN,GIAS,2022-04-20"], "line 2: denomination 'ANGLICAN' is not one of CHURCH_OF_ENGLAND, ROMAN_CATHOLIC" },
        { "area-networks", ["kind,area_key,area_name,la_code,district,valid_from,valid_to,source,as_of", "OPPORTUNITY_AREA,OA:X,X,890,,2016-10-01,2016-01-01,GOV.UK,2022-09-01"], "line 2: valid_to 2016-01-01 is not after valid_from 2016-10-01" },
        { "area-networks", ["kind,area_key,area_name,la_code,district,valid_from,valid_to,source,as_of", "MULTI_ACADEMY_TRUST,OA:X,X,890,,2016-10-01,,GOV.UK,2022-09-01"], "line 2: kind 'MULTI_ACADEMY_TRUST' is not one of OPPORTUNITY_AREA" },
        { "area-networks", ["kind,area_key,area_name,la_code,district,valid_from,valid_to,source,as_of", "OPPORTUNITY_AREA,OA:X,X,890,,2016-10-01,,,2022-09-01"], "line 2: source is empty" },
        { "teaching-school-hubs", [HubsHeader, "EE1,Saffron Teaching School Hub,www.example.org,a@example.org,01799,Braintree;;Harlow,2020-01-01,DfE,2025-09-30"], "line 2: areas 'Braintree;;Harlow' has an empty district between its ';'" },
        { "teaching-school-hubs", [HubsHeader, "EE1,Saffron,,,,Braintree,2020-01-01,DfE,2025-09-30", "EE1,Again,,,,Harlow,2021-09-01,DfE,2025-09-30"], "line 3: TSH Area EE1 appears again (first on line 2)" },
        { "teaching-school-hubs", [HubsHeader, "EE1,Saffron,,,,Braintree,Sept 2021,DfE,2025-09-30"], "line 2: valid_from 'Sept 2021' is not a yyyy-MM-dd date" },
        { "teaching-school-hubs", ["TSH Area,name,website,email,phone,valid_from,source,as_of", "EE1,Saffron,,,,2021-09-01,DfE,2025-09-30"], "missing required column 'areas'" },
        { "district-aliases", ["alias,gias_district,note,source,as_of", "Bristol,\"Bristol, City of\",,ONS,2025-09-30", "bristol,Bristol,,ONS,2025-09-30"], "line 3: alias 'bristol' is the GIAS name itself" },
        { "district-aliases", ["alias,gias_district,note,source,as_of", "Bristol,,,ONS,2025-09-30"], "line 2: gias_district is empty" },
    };

    private const string HubsHeader = "TSH Area,name,website,email,phone,areas,valid_from,source,as_of";

    [Theory]
    [MemberData(nameof(BadLists))]
    public async Task A_bad_reference_list_is_refused_with_its_line_and_changes_nothing(string dataset, string[] lines, string expected)
    {
        var factory = imported;
        var before = await factory.WithStoreAsync(async db => (await factory.CountRowsAsync(), db.LocalAuthorityAreas.Count(), db.AreaCoverages.Count(), db.Partnerships.Count(p => p.Denomination != null), db.DistrictAliases.Count()));
        using var file = new TempCsv($"bad-{dataset}.csv", lines);

        var run = await factory.ImportAsync(dataset, file.Path);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains(expected, run.Message);
        var after = await factory.WithStoreAsync(async db => (await factory.CountRowsAsync(), db.LocalAuthorityAreas.Count(), db.AreaCoverages.Count(), db.Partnerships.Count(p => p.Denomination != null), db.DistrictAliases.Count()));
        Assert.Equal(before, after);
    }
}
