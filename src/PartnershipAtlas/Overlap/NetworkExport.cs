using Microsoft.EntityFrameworkCore;
using PartnershipAtlas.Data;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Overlap;

/// <summary>
/// <c>GET /export/network</c>: the school–network graph on a date, or its projection onto networks (edge weight =
/// shared schools), as GraphML or CSV, written to the response as it is produced. Same snapshot and filters as the
/// GraphQL overlap fields, so the projection's edges are the pairs <c>overlaps(kinds, asOf, …)</c> counts.
/// </summary>
public static class NetworkExport
{
    public static async Task HandleAsync(HttpContext http, OverlapSnapshots snapshots, StoreStampReader stamps, AtlasDbContext db, TimeProvider clock)
    {
        var cancellationToken = http.RequestAborted;
        var (request, error) = NetworkExportRequest.Parse(http.Request.Query, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (request is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"Bad export request: {error}\n", cancellationToken);
            return;
        }

        var view = await snapshots.ViewAsync(await stamps.ReadAsync(cancellationToken), request.AsOf, request.Area);
        var nodes = await NodesAsync(db, view, request.Kinds, request.Graph == ExportGraph.Bipartite, cancellationToken);

        await using INetworkWriter writer = request.Format == ExportFormat.Csv ? new CsvNetworkWriter(http.Response.Body) : new GraphMLNetworkWriter(http.Response.Body);
        http.Response.ContentType = writer.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"network-{request.Graph.ToString().ToLowerInvariant()}-{request.AsOf:yyyy-MM-dd}.{writer.Extension}\"";
        await writer.StartAsync();
        if (request.Graph == ExportGraph.Projection) await ProjectionAsync(writer, view, request.Kinds, nodes);
        else await BipartiteAsync(writer, view, nodes);
        await writer.EndAsync();
    }

    private static async Task BipartiteAsync(INetworkWriter writer, OverlapView view, Nodes nodes)
    {
        foreach (var node in nodes.Schools.Where(n => n is not null)) await writer.NodeAsync(node!);
        foreach (var node in nodes.Networks.Where(n => n is not null)) await writer.NodeAsync(node!);
        for (var n = 0; n < nodes.Networks.Length; n++)
        {
            if (nodes.Networks[n] is not { } network) continue;
            foreach (var school in view.Snapshot.MembersOf(n).ToArray())
            {
                if (view.Includes(school)) await writer.EdgeAsync(nodes.Schools[school]!, network, 1);
            }
        }
    }

    private static async Task ProjectionAsync(INetworkWriter writer, OverlapView view, KindSet kinds, Nodes nodes)
    {
        foreach (var node in nodes.Networks.Where(n => n is not null)) await writer.NodeAsync(node!);
        foreach (var pair in view.Pairs(kinds, kinds)) await writer.EdgeAsync(nodes.Networks[pair.A]!, nodes.Networks[pair.B]!, pair.Shared);
    }

    /// <summary>The nodes by snapshot index: networks of the kinds with members in the area, and the schools in them.</summary>
    private sealed record Nodes(ExportNode?[] Schools, ExportNode?[] Networks);

    private static async Task<Nodes> NodesAsync(AtlasDbContext db, OverlapView view, KindSet kinds, bool withSchools, CancellationToken cancellationToken)
    {
        var snapshot = view.Snapshot;
        var networkNames = await db.Partnerships.Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var schoolNames = withSchools ? await db.Establishments.Select(e => new { e.Urn, e.Name }).ToDictionaryAsync(e => e.Urn, e => e.Name, cancellationToken) : [];
        var (schools, networks) = (new ExportNode?[snapshot.SchoolCount], new ExportNode?[snapshot.NetworkCount]);
        for (var n = 0; n < networks.Length; n++)
        {
            if (!kinds.Contains(snapshot.Kinds[n]) || view.Sizes[n] == 0) continue;
            var id = snapshot.NetworkIds[n];
            networks[n] = new ExportNode($"p{id}", networkNames.GetValueOrDefault(id, ""), NetworkExportRequest.KindName(snapshot.Kinds[n]), id, 1);
            foreach (var s in withSchools ? snapshot.MembersOf(n) : [])
            {
                if (!view.Includes(s) || schools[s] is not null) continue;
                var urn = snapshot.Urns[s];
                schools[s] = new ExportNode($"e{urn}", schoolNames.GetValueOrDefault(urn, ""), "ESTABLISHMENT", urn, 0);
            }
        }
        return new Nodes(schools, networks);
    }
}
