using System.Globalization;
using System.Text;
using System.Xml;

namespace PartnershipAtlas.Overlap;

/// <summary>A node of an exported graph: <c>e{urn}</c> for a school, <c>p{id}</c> for a network.</summary>
public sealed record ExportNode(string Id, string Label, string Kind, int Key, int Side);

/// <summary>Writes a graph as it is produced: nodes first, then edges, flushing as it goes.</summary>
public interface INetworkWriter : IAsyncDisposable
{
    string ContentType { get; }
    string Extension { get; }
    Task StartAsync();
    Task NodeAsync(ExportNode node);
    Task EdgeAsync(ExportNode source, ExportNode target, int weight);
    Task EndAsync();
}

/// <summary>GraphML (http://graphml.graphdrawing.org), undirected, for Gephi, NetworkX (read_graphml) and igraph.</summary>
public sealed class GraphMLNetworkWriter(Stream output) : INetworkWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private const int FlushEvery = 2000;
    private readonly XmlWriter xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
    private int written;
    private int edges;

    public string ContentType => "application/graphml+xml; charset=utf-8";
    public string Extension => "graphml";

    public async Task StartAsync()
    {
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "graphml", Namespace);
        await KeyAsync("label", "node", "label", "string");
        await KeyAsync("kind", "node", "kind", "string");
        await KeyAsync("key", "node", "key", "int");
        await KeyAsync("bipartite", "node", "bipartite", "int");
        await KeyAsync("weight", "edge", "weight", "int");
        await xml.WriteStartElementAsync(null, "graph", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, "network");
        await xml.WriteAttributeStringAsync(null, "edgedefault", null, "undirected");
    }

    public async Task NodeAsync(ExportNode node)
    {
        await xml.WriteStartElementAsync(null, "node", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, node.Id);
        await DataAsync("label", node.Label);
        await DataAsync("kind", node.Kind);
        await DataAsync("key", node.Key.ToString(CultureInfo.InvariantCulture));
        await DataAsync("bipartite", node.Side.ToString(CultureInfo.InvariantCulture));
        await xml.WriteEndElementAsync();
        await CountAsync();
    }

    public async Task EdgeAsync(ExportNode source, ExportNode target, int weight)
    {
        await xml.WriteStartElementAsync(null, "edge", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, FormattableString.Invariant($"x{edges++}"));
        await xml.WriteAttributeStringAsync(null, "source", null, source.Id);
        await xml.WriteAttributeStringAsync(null, "target", null, target.Id);
        await DataAsync("weight", weight.ToString(CultureInfo.InvariantCulture));
        await xml.WriteEndElementAsync();
        await CountAsync();
    }

    public async Task EndAsync()
    {
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    public ValueTask DisposeAsync() => xml.DisposeAsync();

    private async Task KeyAsync(string id, string scope, string name, string type)
    {
        await xml.WriteStartElementAsync(null, "key", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, id);
        await xml.WriteAttributeStringAsync(null, "for", null, scope);
        await xml.WriteAttributeStringAsync(null, "attr.name", null, name);
        await xml.WriteAttributeStringAsync(null, "attr.type", null, type);
        await xml.WriteEndElementAsync();
    }

    private async Task DataAsync(string key, string value)
    {
        await xml.WriteStartElementAsync(null, "data", Namespace);
        await xml.WriteAttributeStringAsync(null, "key", null, key);
        await xml.WriteStringAsync(value);
        await xml.WriteEndElementAsync();
    }

    private async Task CountAsync()
    {
        if (++written % FlushEvery == 0) await xml.FlushAsync();
    }
}

/// <summary>
/// An edge list, one row an edge, with the columns Gephi's spreadsheet import reads (<c>Source,Target,Type,Weight</c>)
/// and each end's label and kind, so the file stands alone for pandas, NetworkX or igraph.
/// </summary>
public sealed class CsvNetworkWriter(Stream output) : INetworkWriter
{
    private const int FlushEvery = 2000;
    private readonly StreamWriter writer = new(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
    private int rows;

    public string ContentType => "text/csv; charset=utf-8";
    public string Extension => "csv";

    public Task StartAsync() => writer.WriteLineAsync("Source,Target,Type,Weight,SourceLabel,SourceKind,TargetLabel,TargetKind");

    public Task NodeAsync(ExportNode node) => Task.CompletedTask;

    public async Task EdgeAsync(ExportNode source, ExportNode target, int weight)
    {
        await writer.WriteLineAsync(string.Join(',', source.Id, target.Id, "Undirected", weight.ToString(CultureInfo.InvariantCulture),
            Quote(source.Label), source.Kind, Quote(target.Label), target.Kind));
        if (++rows % FlushEvery == 0) await writer.FlushAsync();
    }

    public Task EndAsync() => writer.FlushAsync();

    public ValueTask DisposeAsync() => writer.DisposeAsync();

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
