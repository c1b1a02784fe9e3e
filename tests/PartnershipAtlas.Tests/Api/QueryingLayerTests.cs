using System.Text.RegularExpressions;
using PartnershipAtlas.Api.Paging;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Api;

/// <summary>
/// One direction between the two halves of the query model: <c>Api/Paging</c> (pages, cursors, keyset seeks,
/// connections) uses <c>Api/Querying</c> (filters, orders), and <c>Api/Querying</c> names nothing of paging.
/// </summary>
public sealed class QueryingLayerTests
{
    private static readonly string Source = Path.Combine(RealData.RepositoryRoot, "src", "PartnershipAtlas", "Api");

    /// <summary>Where a file's code (comments left out) names a type of the Paging namespace.</summary>
    private static IEnumerable<string> PagingReferences(string file, IReadOnlyCollection<string> pagingTypes)
    {
        var code = string.Join("\n", File.ReadLines(file).Select(line => line.Split("//")[0]));
        if (code.Contains("Api.Paging", StringComparison.Ordinal)) yield return $"{Path.GetFileName(file)}: Api.Paging";
        foreach (var name in pagingTypes.Where(name => Regex.IsMatch(code, $@"\b{name}\b"))) yield return $"{Path.GetFileName(file)}: {name}";
    }

    private static List<string> PagingTypeNames() => typeof(Page<>).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(Page<>).Namespace && !t.IsNested && !t.Name.StartsWith('<'))
        .Select(t => t.Name.Split('`')[0])
        .Distinct()
        .ToList();

    [Fact]
    public void Querying_names_nothing_of_Paging()
    {
        var pagingTypes = PagingTypeNames();
        var files = Directory.GetFiles(Path.Combine(Source, "Querying"), "*.cs");

        Assert.Contains("Cursor", pagingTypes);
        Assert.Contains("Keyset", pagingTypes);
        Assert.NotEmpty(files);
        Assert.Empty(files.SelectMany(f => PagingReferences(f, pagingTypes)));
    }

    [Fact]
    public void The_check_sees_a_paging_type_named_in_code()
    {
        using var file = new TempFiles();
        var path = file.Write("Sample.cs", ["/// <summary>Not Keyset here.</summary>", "var page = Keyset.PageAsync(query); // Cursor"]);

        Assert.Equal(["Sample.cs: Keyset"], PagingReferences(path, PagingTypeNames()));
    }
}
