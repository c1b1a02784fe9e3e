using GraphQL.Types;

namespace PartnershipAtlas.Api;

/// <summary>The Relay node interface: every object with a global id can be fetched again by it.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "The node interface is implemented by entities that have a global unique identifier.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The object's global id.");
    }
}
