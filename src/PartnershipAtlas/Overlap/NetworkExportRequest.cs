using System.Globalization;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

public enum ExportFormat
{
    GraphML,
    Csv,
}

public enum ExportGraph
{
    /// <summary>Schools and networks, an edge for each membership.</summary>
    Bipartite,

    /// <summary>Networks only, an edge for each pair sharing schools, weighted by how many.</summary>
    Projection,
}

/// <summary>
/// The query of <c>GET /export/network</c>: <c>format=graphml|csv</c> (default graphml), <c>graph=bipartite|projection</c>
/// (default bipartite), <c>asOf=yyyy-MM-dd</c> (default today), <c>kinds=A,B</c> (GraphQL names, comma-separated or
/// repeated; default every kind), and the area filters <c>laCode</c>, <c>region</c>, <c>phase</c> as in GraphQL.
/// </summary>
public sealed record NetworkExportRequest(ExportFormat Format, ExportGraph Graph, DateOnly AsOf, KindSet Kinds, AreaFilter Area)
{
    /// <summary>The GraphQL name of a kind (MULTI_ACADEMY_TRUST).</summary>
    public static string KindName(PartnershipKind kind) => PartnershipKeys.EnumName(kind);

    /// <summary>Reads the query, or says what is wrong with it.</summary>
    public static (NetworkExportRequest? Request, string? Error) Parse(IQueryCollection query, DateOnly today)
    {
        var format = Choice<ExportFormat>(query, "format", ExportFormat.GraphML);
        var graph = Choice<ExportGraph>(query, "graph", ExportGraph.Bipartite);
        if ((format.Error ?? graph.Error) is { } choiceError) return (null, choiceError);

        var asOf = today;
        if (query["asOf"].ToString() is { Length: > 0 } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return (null, $"asOf '{date}' is not a yyyy-MM-dd date.");
        }

        var kinds = new List<PartnershipKind>();
        foreach (var name in query["kinds"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var kind = Enum.GetValues<PartnershipKind>().Cast<PartnershipKind?>().FirstOrDefault(k => string.Equals(KindName(k!.Value), name, StringComparison.OrdinalIgnoreCase));
            if (kind is null) return (null, $"kinds: '{name}' is not a kind; the kinds are {string.Join(", ", Enum.GetValues<PartnershipKind>().Select(KindName))}.");
            kinds.Add(kind.Value);
        }

        var area = new AreaFilter(Text(query, "laCode"), Text(query, "region"), Text(query, "phase"));
        return (new NetworkExportRequest(format.Value, graph.Value, asOf, KindSet.Of(kinds.Count > 0 ? kinds : null), area), null);
    }

    private static (T Value, string? Error) Choice<T>(IQueryCollection query, string name, T fallback) where T : struct, Enum
    {
        var text = query[name].ToString();
        if (text.Length == 0) return (fallback, null);
        return Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? (value, null)
            : (fallback, $"{name} '{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
    }

    private static string? Text(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
