namespace PartnershipAtlas.Attainment;

/// <summary>
/// What a performance-table cell holds: a value, or the marker the DfE published instead of one. A marker is never
/// turned into a zero or a silent null; the text as published is kept beside it.
/// </summary>
public enum MeasureStatus
{
    /// <summary>A number (a trailing <c>%</c> is dropped; the measure says it is a percentage).</summary>
    Value,

    /// <summary><c>SUPP</c>: suppressed, the group is too small (5 pupils or fewer).</summary>
    Suppressed,

    /// <summary><c>NP</c>: not published.</summary>
    NotPublished,

    /// <summary><c>NE</c>: no entries.</summary>
    NoEntries,

    /// <summary><c>NA</c>: not applicable.</summary>
    NotApplicable,

    /// <summary><c>LOWCOV</c>: coverage below 50% (progress measures).</summary>
    LowCoverage,

    /// <summary><c>NEW</c>: a new institution, no results yet.</summary>
    NewInstitution,

    /// <summary><c>SP</c>: a small percentage, between 0 and 0.5%.</summary>
    SmallPercentage,

    /// <summary><c>RE</c>: redacted.</summary>
    Redacted,

    /// <summary><c>SUPP*</c>: results delayed (2017/18).</summary>
    Delayed,

    /// <summary><c>UNAVAIL</c>: unavailable.</summary>
    Unavailable,

    /// <summary>Another marker (e.g. <c>DNS</c>) whose meaning the field guides do not give; the raw text says which.</summary>
    OtherMarker,

    /// <summary>Empty, a single space, or a field the row stops before.</summary>
    Missing,

    /// <summary>A descriptive field (school type, age range, admissions policy): the raw text is the value.</summary>
    Text,
}
