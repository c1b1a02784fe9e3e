namespace PartnershipAtlas.Partnerships;

/// <summary>The part a member plays in a network.</summary>
public enum MembershipRole
{
    Member,
    Lead,
    Sponsor,
    Funder,
    DeliveryPartner,
    Hub,
}
