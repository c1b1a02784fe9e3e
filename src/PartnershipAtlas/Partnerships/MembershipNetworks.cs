namespace PartnershipAtlas.Partnerships;

/// <summary>The networks of a member's memberships.</summary>
public static class MembershipNetworks
{
    /// <summary>
    /// Each membership's partnership, once each (a school can hold two roles in one network), in the memberships'
    /// order. A school has a handful of memberships, so each is looked for among those already taken instead of in a
    /// set: this runs for every school of every page.
    /// </summary>
    public static IReadOnlyList<Partnership> DistinctOf(IReadOnlyList<Membership> memberships)
    {
        if (memberships.Count == 0) return [];
        var networks = new List<Partnership>(memberships.Count);
        foreach (var membership in memberships)
        {
            var network = membership.Partnership!;
            if (!Holds(networks, network.Id)) networks.Add(network);
        }
        return networks;
    }

    private static bool Holds(List<Partnership> networks, int id)
    {
        foreach (var taken in networks)
        {
            if (taken.Id == id) return true;
        }
        return false;
    }
}
