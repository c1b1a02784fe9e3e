using System.Text.Json;

namespace PartnershipAtlas.Api.Export;

/// <summary>
/// The rows of one answer (a page) as cells: each column's values in the row, lists joined with <c>; </c>, strings
/// (value statuses among them) as they are, numbers and booleans as JSON writes them, null as an empty cell.
/// </summary>
public static class TableRows
{
    public const string ListSeparator = "; ";

    /// <summary>The items at <paramref name="path"/> under <c>data</c>; none when a field on the way is null.</summary>
    public static IEnumerable<JsonElement> At(JsonElement data, IReadOnlyList<string> path)
    {
        var here = data;
        foreach (var key in path)
        {
            if (here.ValueKind != JsonValueKind.Object || !here.TryGetProperty(key, out here)) return [];
        }
        return here.ValueKind == JsonValueKind.Array ? here.EnumerateArray() : [];
    }

    public static string[] Cells(JsonElement row, IReadOnlyList<TableColumn> columns)
    {
        var cells = new string[columns.Count];
        var values = new List<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            values.Clear();
            Collect(row, columns[i].Path, 0, values);
            cells[i] = string.Join(ListSeparator, values);
        }
        return cells;
    }

    private static void Collect(JsonElement value, IReadOnlyList<string> path, int depth, List<string> values)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray()) Collect(item, path, depth, values);
            return;
        }
        if (depth == path.Count)
        {
            if (value.ValueKind == JsonValueKind.Null) return;
            values.Add(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
            return;
        }
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(path[depth], out var inner)) Collect(inner, path, depth + 1, values);
    }

    /// <summary>The paged connection's <c>endCursor</c> when it has a next page, else null.</summary>
    public static string? NextCursor(JsonElement data, IReadOnlyList<string> rowsPath)
    {
        var here = data;
        foreach (var key in rowsPath.Take(rowsPath.Count - 1))
        {
            if (here.ValueKind != JsonValueKind.Object || !here.TryGetProperty(key, out here)) return null;
        }
        return here.ValueKind == JsonValueKind.Object && here.TryGetProperty(PagedDocument.PageInfoKey, out var page)
            && page.TryGetProperty("hasNextPage", out var more) && more.ValueKind == JsonValueKind.True
            && page.TryGetProperty("endCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String
            ? cursor.GetString()
            : null;
    }
}
