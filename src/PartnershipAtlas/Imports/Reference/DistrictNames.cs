using System.Data.Common;
using PartnershipAtlas.Data.Sql;

namespace PartnershipAtlas.Imports.Reference;

/// <summary>District names as reference lists write them, matched to GIAS's through the <c>district-aliases</c> list.</summary>
public static class DistrictNames
{
    /// <summary>Alias (lower case) to the district GIAS writes, for every alias in the store.</summary>
    public static async Task<Dictionary<string, string>> AliasesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        (await DbCommands.QueryAsync(connection, transaction, "SELECT \"Alias\", \"District\" FROM \"DistrictAliases\"", r => (r.GetString(0), r.GetString(1)), cancellationToken))
            .ToDictionary(a => a.Item1, a => a.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>The district GIAS writes for a name a list writes: its alias's district, else the name itself.</summary>
    public static string InGias(string name, IReadOnlyDictionary<string, string> aliases) => aliases.GetValueOrDefault(name, name);

    /// <summary>The names (in the order given, once each) whose district, after aliases, no establishment in the store has.</summary>
    public static async Task<List<string>> UnmatchedAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var aliases = await AliasesAsync(connection, transaction, cancellationToken);
        var known = (await DbCommands.QueryAsync(connection, transaction, "SELECT DISTINCT \"District\" FROM \"Establishments\" WHERE \"District\" IS NOT NULL", r => r.GetString(0), cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names.Distinct(StringComparer.OrdinalIgnoreCase).Where(n => !known.Contains(InGias(n, aliases))).ToList();
    }

    public static string Report(IReadOnlyList<string> unmatched) =>
        $"{unmatched.Count} district(s) matched no establishment in the store yet (their schools are not imported, or GIAS spells them otherwise: add a row to district-aliases): "
        + string.Join(", ", unmatched.Take(30)) + (unmatched.Count > 30 ? ", …" : "") + ".";
}
