namespace PartnershipAtlas.Partnerships;

/// <summary>A network of schools: a trust, federation, diocese, local authority, region and so on.</summary>
public sealed class Partnership
{
    public int Id { get; set; }
    public PartnershipKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>A GIAS group UID or code where the file has one, otherwise kind and normalised name.</summary>
    public required string SourceKey { get; set; }
    /// <summary>The GIAS Group ID (e.g. TR00092) where the source has one.</summary>
    public string? GroupId { get; set; }

    /// <summary>The Companies House number of a trust or sponsor, where known.</summary>
    public string? CompaniesHouseNumber { get; set; }

    /// <summary>The source's status (Open, Closed, Proposed to open), where it gives one.</summary>
    public string? Status { get; set; }
    /// <summary>The code a reference list gives it (GIAS diocese code such as CE23, DfE LA code such as 850).</summary>
    public string? Code { get; set; }

    /// <summary>Hard or soft, for federations; null otherwise or when unknown.</summary>
    public FederationType? FederationType { get; set; }

    /// <summary>Church of England or Roman Catholic, for dioceses; null otherwise or when unknown.</summary>
    public DioceseDenomination? Denomination { get; set; }

    /// <summary>The network's website as its source writes it (teaching school hubs).</summary>
    public string? Website { get; set; }

    /// <summary>The contact e-mail address its source gives (teaching school hubs).</summary>
    public string? ContactEmail { get; set; }

    /// <summary>The contact telephone number as its source writes it (teaching school hubs).</summary>
    public string? ContactPhone { get; set; }

    public DateOnly? OpenDate { get; set; }
    public DateOnly? CloseDate { get; set; }
    public List<Membership> Memberships { get; set; } = [];
    public List<Review> Reviews { get; set; } = [];
}
