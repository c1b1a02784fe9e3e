using System.Text.RegularExpressions;
using PartnershipAtlas.Tests.Support;

namespace PartnershipAtlas.Tests.Examples;

/// <summary>The documents users are shown first: the IDE's tabs (one <c>.graphql</c> file each) and the README's examples.</summary>
public static partial class WorkedExamples
{
    public static string TabsFolder { get; } = Path.Combine(RealData.RepositoryRoot, "src", "PartnershipAtlas", "ClientApp", "src", "tabs");

    public static IReadOnlyList<string> TabFiles { get; } = Directory.EnumerateFiles(TabsFolder, "*.graphql").Order(StringComparer.Ordinal).ToList();

    /// <summary>Each fenced <c>graphql</c> block of the README, in order.</summary>
    public static IReadOnlyList<string> ReadmeQueries { get; } =
        GraphqlBlock().Matches(File.ReadAllText(Path.Combine(RealData.RepositoryRoot, "README.md"))).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"```graphql\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphqlBlock();
}
