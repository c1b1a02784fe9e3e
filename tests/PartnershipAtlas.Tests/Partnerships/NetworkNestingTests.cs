using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Tests.Partnerships;

/// <summary>The nesting rules on their own: which cycle or chain they name, over graphs the endpoint tests do not build.</summary>
public sealed class NetworkNestingTests
{
    /// <summary>Edges as "network>member" pairs; the expected networks read "a in b in …", or "" when the edges can stand.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "an umbrella with two trusts", "1>2 1>3", "" },
        { "a trust in two umbrellas", "1>3 2>3", "" },
        { "two networks in each other", "1>2 2>1", "NETWORK_CYCLE 1 in 2 in 1" },
        { "a network in itself", "1>1", "NETWORK_CYCLE 1 in 1" },
        { "a cycle below a network outside it, with a network below it", "1>5 5>6 6>5 5>2", "NETWORK_CYCLE 5 in 6 in 5" },
        { "five deep", "1>2 2>3 3>4 4>5 5>6", "" },
        { "six deep", "1>2 2>3 3>4 4>5 5>6 6>7", "NESTING_TOO_DEEP 7 in 6 in 5 in 4 in 3 in 2 in 1" },
        { "six deep by the longer of two ways", "1>7 1>2 2>3 3>4 4>5 5>6 6>7", "NESTING_TOO_DEEP 7 in 6 in 5 in 4 in 3 in 2 in 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rules_name_the_cycle_or_the_chain_too_deep(string @case, string edges, string expected)
    {
        var parsed = edges.Split(' ').Select(e => e.Split('>')).Select(p => new NetworkEdge(int.Parse(p[0]), int.Parse(p[1])));

        var problem = NetworkNesting.Problem(parsed);

        Assert.Equal(expected, problem is null ? "" : $"{problem.Code} {string.Join(" in ", problem.Networks)}");
        if (problem is not null) Assert.Contains(string.Join(" in ", problem.Networks.Select(id => $"N{id}")), problem.Message(id => $"N{id}"));
        Assert.NotEmpty(@case);
    }
}
