using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Partnerships;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>
/// The <c>gias-groups</c> dataset on a format-faithful, fictional <c>allgroupsdata</c> file (TestData/), and its meeting
/// with the trusts the real search export names without UIDs.
/// </summary>
public sealed class GiasGroupsImportTests
{
    private const string Dataset = "gias-groups";
    private const string GroupsFile = "allgroupsdata20240101.csv";

    private const string GroupsQuery = """
        { partnerships(first: 100) { nodes { kind name sourceKey groupId companiesHouseNumber status openDate closeDate } } }
        """;

    public static readonly string Header = File.ReadLines(Path.Combine(RealData.RepositoryRoot, "tests", "PartnershipAtlas.Tests", "TestData", GroupsFile), System.Text.Encoding.Latin1).First();

    [Fact]
    public async Task Every_group_but_childrens_centres_becomes_a_partnership_with_the_files_values()
    {
        using var files = new TempFiles();
        var path = files.Copy(GroupsFile);
        var file = new CsvRecount(path);
        var schoolGroups = file.Rows.Where(r => file.Value(r, "Group Type (code)") is not ("08" or "09")).ToList();
        await using var factory = new AtlasFactory();

        var run = await factory.ImportAsync(Dataset, path);

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal((file.Rows.Count, schoolGroups.Count, 0), (run.RowsRead, run.RowsInserted, run.RowsRejected));
        Assert.Contains($"Ignored {file.Rows.Count - schoolGroups.Count} row(s): children's centres", run.Message);
        var nodes = (await factory.CreateClient().DataAsync(GroupsQuery))["partnerships"]!["nodes"]!.AsArray().ToDictionary(n => n!["sourceKey"]!.GetValue<string>());
        Assert.Equal(schoolGroups.Count, nodes.Count);
        foreach (var row in schoolGroups)
        {
            var node = nodes[$"GIAS_GROUP:{file.Value(row, "Group UID")}"]!;
            var kind = KindOfCode(file.Value(row, "Group Type (code)"));
            Assert.Equal(kind, node["kind"]!.GetValue<string>());
            Assert.Equal(file.Value(row, "Group Name"), node["name"]!.GetValue<string>());
            Assert.Equal(OrNull(file.Value(row, "Group ID")), node["groupId"]?.GetValue<string>());
            Assert.Equal(OrNull(file.Value(row, "Companies House Number")), node["companiesHouseNumber"]?.GetValue<string>());
            Assert.Equal(file.Value(row, "Group Status"), node["status"]!.GetValue<string>());
            var opened = kind.EndsWith("ACADEMY_TRUST", StringComparison.Ordinal) ? "Incorporated on (open date)" : "Open date";
            Assert.Equal(IsoDate(file.Value(row, opened)), node["openDate"]?.GetValue<string>());
            Assert.Equal(IsoDate(file.Value(row, "Closed Date")), node["closeDate"]?.GetValue<string>());
        }
        Assert.Contains(nodes.Values, n => n!["name"]!.GetValue<string>().Contains('ô'));
    }

    [Fact]
    public async Task A_newer_file_updates_what_changed_and_the_same_file_is_a_no_op()
    {
        using var files = new TempFiles();
        var first = files.Copy(GroupsFile);
        var lines = File.ReadAllLines(first, System.Text.Encoding.Latin1);
        var changed = lines.Select(l => l.StartsWith("990005,", StringComparison.Ordinal) ? l.Replace("\"OPEN\",\"Open\"", "\"CLOSED\",\"Closed\"", StringComparison.Ordinal) : l).ToList();
        var second = files.Write("allgroupsdata20240201.csv", changed);
        await using var factory = new AtlasFactory();
        var imported = await factory.ImportAsync(Dataset, first);

        var again = await factory.ImportAsync(Dataset, files.Copy(GroupsFile, "allgroupsdata-copy.csv"));
        var newer = await factory.ImportAsync(Dataset, second);

        Assert.Equal(ImportStatus.Skipped, again.Status);
        Assert.Equal((0, 1, imported.RowsInserted - 1), (newer.RowsInserted, newer.RowsUpdated, newer.RowsUnchanged));
        var umbrella = await factory.WithStoreAsync(db => db.Partnerships.SingleAsync(p => p.SourceKey == "GIAS_GROUP:990005"));
        Assert.Equal(("Closed", PartnershipKind.UmbrellaTrust), (umbrella.Status, umbrella.Kind));
    }

    [Fact]
    public async Task A_group_adopts_the_trust_a_search_export_named_and_later_exports_find_it()
    {
        var export2022 = new CsvRecount(RealData.GiasExport2022);
        var export2021 = new CsvRecount(RealData.GiasSurrey2021);
        var mats2021 = MatNames(export2021);
        var mats2022 = MatNames(export2022);
        var adopted = mats2022.Intersect(mats2021).Order().First();
        var shared = mats2022.Except([adopted]).Order().First();
        using var files = new TempFiles();
        // Fictional UIDs and Group IDs; the names are the real trusts' names as the export gives them, in title case.
        var groups = files.Write("allgroupsdata20240301.csv",
        [
            Header,
            GroupRow(990101, "TR90101", TitleCase(adopted)),
            GroupRow(990102, "TR90102", TitleCase(shared)),
            GroupRow(990103, "TR90103", TitleCase(shared)),
        ]);
        await using var factory = new AtlasFactory();
        await factory.ImportAsync("gias-establishments", RealData.GiasExport2022);
        var before = await MatsNamedAsync(factory, adopted);

        var run = await factory.ImportAsync(Dataset, groups);
        await factory.ImportAsync("gias-establishments", RealData.GiasSurrey2021);

        Assert.Equal((2, 1), (run.RowsInserted, run.RowsUpdated));
        var after = await MatsNamedAsync(factory, adopted);
        Assert.Equal([before.Single().Id], after.Select(p => p.Id));
        Assert.Equal(("GIAS_GROUP:990101", "TR90101", TitleCase(adopted)), (after[0].SourceKey, after[0].GroupId, after[0].Name));
        // Two groups share the other name: neither can claim the name-keyed trust, which stays as it was.
        var sharedKeys = (await MatsNamedAsync(factory, shared)).Select(p => p.SourceKey).Order();
        Assert.Equal(["GIAS_GROUP:990102", "GIAS_GROUP:990103", $"MULTI_ACADEMY_TRUST:{shared}"], sharedKeys);
    }

    [Fact]
    public async Task A_file_with_unreadable_rows_past_the_threshold_is_refused_with_the_first_reason()
    {
        using var files = new TempFiles();
        var path = files.Write("allgroupsdata20240401.csv", [Header, GroupRow(990201, "TR90201", "Example Trust"), GroupRow(990202, "TR90202", "Example Odd Group").Replace("\"06\"", "\"03\"", StringComparison.Ordinal)]);
        await using var factory = new AtlasFactory();

        var run = await factory.ImportAsync(Dataset, path);

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains("line 3: Group Type (code) '03' is not a known GIAS group type", run.Message);
        Assert.Equal(0, await factory.WithStoreAsync(db => db.Partnerships.CountAsync()));
    }

    private static string GroupRow(int uid, string groupId, string name) =>
        $"{uid},\"{groupId}\",\"{name}\",\"\",\"06\",\"Multi-academy trust\",\"\",\"\",\"01/09/2015\",\"OPEN\",\"Open\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"";

    private static HashSet<string> MatNames(CsvRecount export) =>
        export.Rows.Where(r => export.Value(r, "TrustSchoolFlag (name)") == "Supported by a multi-academy trust").Select(r => export.Value(r, "Trusts (name)")).ToHashSet();

    private static Task<List<Partnership>> MatsNamedAsync(AtlasFactory factory, string name) => factory.WithStoreAsync(db =>
        db.Partnerships.AsNoTracking().Where(p => p.Kind == PartnershipKind.MultiAcademyTrust && p.Name.ToUpper() == name).ToListAsync());

    private static string TitleCase(string name) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());

    private static string KindOfCode(string code) => int.Parse(code, CultureInfo.InvariantCulture) switch
    {
        1 => "FEDERATION",
        2 => "FOUNDATION_TRUST",
        5 => "SPONSOR",
        6 => "MULTI_ACADEMY_TRUST",
        7 => "UMBRELLA_TRUST",
        10 => "SINGLE_ACADEMY_TRUST",
        11 => "SECURE_SINGLE_ACADEMY_TRUST",
        var other => throw new ArgumentOutOfRangeException(nameof(code), other, null),
    };

    private static string? OrNull(string value) => value is "" or "Not recorded" ? null : value;

    private static string? IsoDate(string value) =>
        OrNull(value) is { } d ? DateOnly.ParseExact(d, "dd/MM/yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
