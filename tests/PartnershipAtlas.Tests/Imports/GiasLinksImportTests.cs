using System.Globalization;
using PartnershipAtlas.Establishments;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Imports;

/// <summary>The three real national links extracts import whole; the store holds what the files hold, recounted independently.</summary>
public sealed class GiasLinksImportTests
{
    private const string Dataset = "gias-links";

    private static readonly string[] FilesInDateOrder = ["2021_giaslinks.csv", "links_edubasealldata20230421.csv", "links_edubasealldata20250422.csv"];

    private sealed record FileLink(int Urn, int LinkedUrn, string Name, string Type, DateOnly? Date);

    private static List<FileLink> Recount(string fileName)
    {
        var file = new CsvRecount(RealData.File("gias-links", fileName));
        return file.Rows.Select(r => new FileLink(
            int.Parse(file.Value(r, "URN"), CultureInfo.InvariantCulture),
            int.Parse(file.Value(r, "LinkURN"), CultureInfo.InvariantCulture),
            file.Value(r, "LinkName"),
            file.Value(r, "LinkType"),
            file.Value(r, "LinkEstablishedDate") is { Length: > 0 } d ? DateOnly.ParseExact(d, "dd-MM-yyyy", CultureInfo.InvariantCulture) : null)).ToList();
    }

    [Fact]
    public async Task Each_real_links_file_in_date_order_imports_every_link_as_published_and_never_deletes()
    {
        await using var factory = new AtlasFactory();
        var seen = new Dictionary<(int, int, string), FileLink>();
        foreach (var fileName in FilesInDateOrder)
        {
            var links = Recount(fileName);
            // The files hold no repeated (URN, LinkURN, LinkType): one row is one stored link.
            Assert.Equal(links.Count, links.Select(l => (l.Urn, l.LinkedUrn, l.Type)).Distinct().Count());
            var inserted = links.Count(l => !seen.ContainsKey((l.Urn, l.LinkedUrn, l.Type)));
            var updated = links.Count(l => seen.TryGetValue((l.Urn, l.LinkedUrn, l.Type), out var old) && (old.Name, old.Date) != (l.Name, l.Date));

            var run = await factory.ImportAsync(Dataset, RealData.File("gias-links", fileName));

            Assert.Equal(ImportStatus.Succeeded, run.Status);
            Assert.Equal((links.Count, inserted, updated, links.Count - inserted - updated, 0), (run.RowsRead, run.RowsInserted, run.RowsUpdated, run.RowsUnchanged, run.RowsRejected));
            foreach (var l in links) seen[(l.Urn, l.LinkedUrn, l.Type)] = l;
            await AssertStoreHoldsAsync(factory, links, seen.Count);
        }
    }

    /// <summary>Every link of the file has the file's name and date; links an earlier file had are still there.</summary>
    private static async Task AssertStoreHoldsAsync(AtlasFactory factory, List<FileLink> links, int everSeen)
    {
        var stored = await factory.WithStoreAsync(db => db.EstablishmentLinks.AsNoTracking().ToDictionaryAsync(l => (l.Urn, l.LinkedUrn, l.LinkType)));
        Assert.Equal(everSeen, stored.Count);
        foreach (var link in links)
        {
            var s = stored[(link.Urn, link.LinkedUrn, link.Type)];
            Assert.True((link.Name, link.Date) == (s.LinkedName, s.EstablishedDate), $"{link}: stored '{s.LinkedName}' {s.EstablishedDate}");
        }
        Assert.Equal(17, links.Select(l => l.Type).Distinct().Count());
        Assert.Equal(links.Select(l => l.Type).Distinct().Order(), stored.Values.Select(l => l.LinkType).Distinct().Order());
        var nonAscii = links.Where(l => l.Name.Any(c => c > '\u007F')).ToList();
        Assert.Contains(nonAscii, l => l.Name.Contains('à') && l.Name.Contains("Becket", StringComparison.Ordinal));
        Assert.Contains(nonAscii, l => l.Name.Contains('°') || l.Name.Contains('’') || l.Name.Contains('ô'));
        Assert.All(nonAscii, l => Assert.Equal(l.Name, stored[(l.Urn, l.LinkedUrn, l.Type)].LinkedName));
    }

    [Fact]
    public async Task A_trailing_non_breaking_space_in_a_name_is_trimmed()
    {
        // Decision: names are trimmed of surrounding white space, the 0xA0 GIAS leaves at the end of one name included,
        // so the name equals the same school's name elsewhere. The bytes are read here, not through a CSV reader.
        var path = RealData.File("gias-links", "links_edubasealldata20230421.csv");
        var line = File.ReadAllLines(path, Encoding.Latin1).Single(l => l.Contains("\u00A0\"", StringComparison.Ordinal));
        var (urn, linkedUrn) = (int.Parse(line.Split(',')[0], CultureInfo.InvariantCulture), int.Parse(line.Split(',')[1], CultureInfo.InvariantCulture));
        var published = line.Split(',', 3)[2].Split("\",\"")[0].TrimStart('"');
        Assert.EndsWith("\u00A0", published);
        await using var factory = new AtlasFactory();

        await factory.ImportAsync(Dataset, path);

        var stored = await factory.WithStoreAsync(db => db.EstablishmentLinks.SingleAsync(l => l.Urn == urn && l.LinkedUrn == linkedUrn));
        Assert.Equal(published.TrimEnd('\u00A0'), stored.LinkedName);
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_line_and_reason_and_the_rest_imports()
    {
        using var files = new TempFiles();
        var good = File.ReadLines(RealData.File("gias-links", "links_edubasealldata20250422.csv"), Encoding.Latin1).Take(401).ToList();
        var bad = new[]
        {
            "x100,100021,\"Rhyl\",\"Successor\",\"\"",
            "100012,100021,\"Rhyl\",\"Successor\",\"31-02-2021\"",
            "100012,100021,\"Rhyl\",\"\",\"\"",
            good[1],
        };
        var path = files.Write("links_edubasealldata20250501.csv", [.. good, .. bad]);
        await using var factory = new AtlasFactory();

        var run = await factory.ImportAsync(Dataset, path);

        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal((404, 400, 4), (run.RowsRead, run.RowsInserted, run.RowsRejected));
        var reasons = await factory.WithStoreAsync(db => db.ImportRejections.Where(r => r.ImportRunId == run.Id).OrderBy(r => r.Line).Select(r => new { r.Line, r.Reason }).ToListAsync());
        Assert.Equal([402, 403, 404, 405], reasons.Select(r => r.Line));
        Assert.Contains("URN 'x100'", reasons[0].Reason);
        Assert.Contains("LinkEstablishedDate '31-02-2021'", reasons[1].Reason);
        Assert.Contains("LinkType is empty", reasons[2].Reason);
        Assert.Contains("appears again (first on line 2)", reasons[3].Reason);
    }
}
