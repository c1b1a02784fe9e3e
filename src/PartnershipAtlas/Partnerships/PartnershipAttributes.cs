namespace PartnershipAtlas.Partnerships;

/// <summary>How closely a federation's schools are bound.</summary>
public enum FederationType
{
    /// <summary>One governing body for all the schools (School Governance (Federations) Regulations); GIAS records these.</summary>
    Hard,

    /// <summary>Schools that collaborate but keep their own governing bodies.</summary>
    Soft,
}

/// <summary>The church a diocese belongs to.</summary>
public enum DioceseDenomination
{
    ChurchOfEngland,
    RomanCatholic,
}
