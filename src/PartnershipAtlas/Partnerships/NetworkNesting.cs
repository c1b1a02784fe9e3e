namespace PartnershipAtlas.Partnerships;

/// <summary>One network inside another: <see cref="Member"/> is a member of <see cref="Network"/> (at some date).</summary>
public readonly record struct NetworkEdge(int Network, int Member);

/// <summary>A cycle of networks inside networks, or a chain deeper than <see cref="NetworkNesting.MaxDepth"/>: the networks, each a member of the next.</summary>
public sealed record NestingProblem(bool IsCycle, IReadOnlyList<int> Networks)
{
    public string Code => IsCycle ? "NETWORK_CYCLE" : "NESTING_TOO_DEEP";

    public string Message(Func<int, string> name) => IsCycle
        ? $"a network cannot be inside itself: {Chain(name)} (each a member of the next)"
        : $"networks may be nested at most {NetworkNesting.MaxDepth} deep: {Chain(name)} is {Networks.Count - 1} deep";

    private string Chain(Func<int, string> name) => string.Join(" in ", Networks.Select(name));
}

/// <summary>
/// The rules of networks inside networks (a trust in an umbrella trust, the trusts and LAs of an Evidence Exploration
/// Partnership, a teaching school hub's lead trust), for the API and the partnerships file alike. They hold over every
/// network membership at any date, so a nesting is finite and shallow on every date: no network is inside itself (A in
/// B in A), and no chain of networks inside networks is longer than <see cref="MaxDepth"/>. Readers follow nested
/// networks one level per statement, so the depth limit also bounds the statements a request runs.
/// </summary>
public static class NetworkNesting
{
    /// <summary>The longest chain of networks inside networks: an umbrella trust's trusts are one level, their own member networks two, and so on.</summary>
    public const int MaxDepth = 5;

    /// <summary>
    /// What stops these memberships of networks in networks from all standing: a cycle, or nesting deeper than
    /// <see cref="MaxDepth"/>; null when they can.
    /// </summary>
    public static NestingProblem? Problem(IEnumerable<NetworkEdge> edges)
    {
        var graph = Graph.Of(edges);
        if (graph.Cycle() is { } cycle) return new NestingProblem(true, cycle);
        var chain = graph.LongestChain();
        return chain.Count - 1 > MaxDepth ? new NestingProblem(false, chain) : null;
    }

    /// <summary>The networks as nodes, each with the networks it is a member of (its parents) and its own member networks (its children).</summary>
    private sealed class Graph
    {
        private readonly Dictionary<int, List<int>> parents = [], children = [];

        public static Graph Of(IEnumerable<NetworkEdge> edges)
        {
            var graph = new Graph();
            foreach (var (network, member) in edges.Distinct())
            {
                graph.Node(network);
                graph.Node(member);
                graph.parents[member].Add(network);
                graph.children[network].Add(member);
            }
            return graph;
        }

        private void Node(int id)
        {
            parents.TryAdd(id, []);
            children.TryAdd(id, []);
        }

        /// <summary>
        /// Removes networks that are in no remaining network, outermost first (Kahn's order). Each network left over
        /// is in another one left over, so walking from any of them to a network it is in must come back round: a cycle.
        /// </summary>
        public List<int>? Cycle()
        {
            var left = Outermost(out _);
            if (left.Count == 0) return null;
            var walk = new List<int> { left.Min() };
            var seen = new Dictionary<int, int> { [walk[0]] = 0 };
            while (true)
            {
                var next = parents[walk[^1]].Where(left.Contains).Min();
                if (seen.TryGetValue(next, out var start))
                {
                    walk.Add(next);
                    return walk[start..];
                }
                seen[next] = walk.Count;
                walk.Add(next);
            }
        }

        /// <summary>The longest chain of networks inside networks, innermost first (the graph has no cycle).</summary>
        public List<int> LongestChain()
        {
            Outermost(out var depth);
            if (depth.Count == 0) return [];
            var chain = new List<int> { depth.MaxBy(d => (d.Value, -d.Key)).Key };
            while (depth[chain[^1]] > 0)
            {
                var here = chain[^1];
                chain.Add(parents[here].Where(p => depth[p] == depth[here] - 1).Min());
            }
            return chain;
        }

        /// <summary>Kahn's order from the outermost networks; gives the networks it could not order (those in or below a cycle) and each ordered network's depth.</summary>
        private HashSet<int> Outermost(out Dictionary<int, int> depth)
        {
            var remainingParents = parents.ToDictionary(p => p.Key, p => p.Value.Count);
            var ready = new Queue<int>(remainingParents.Where(p => p.Value == 0).Select(p => p.Key));
            depth = ready.ToDictionary(id => id, _ => 0);
            while (ready.TryDequeue(out var network))
            {
                foreach (var member in children[network])
                {
                    depth[member] = Math.Max(depth.GetValueOrDefault(member), depth[network] + 1);
                    if (--remainingParents[member] == 0) ready.Enqueue(member);
                }
            }
            return [.. remainingParents.Where(p => p.Value > 0).Select(p => p.Key)];
        }
    }
}
