namespace PartnershipAtlas.Characteristics;

/// <summary>
/// What one GIAS establishments extract said about a school on its extract date: capacity, the latest Ofsted
/// rating and its date, gender, religious character, admissions policy, urban/rural and boarders. Kept per extract,
/// so that the value at a date is the one in the latest extract on or before it. Null: the extract left it empty
/// or did not have the column.
/// </summary>
public sealed class EstablishmentExtract
{
    public int Urn { get; set; }
    public DateOnly ExtractDate { get; set; }
    public int? SchoolCapacity { get; set; }

    /// <summary>GIAS <c>OfstedRating (name)</c>: Outstanding, Good, Requires improvement, Serious Weaknesses, Special Measures, …</summary>
    public string? OfstedRating { get; set; }

    /// <summary>GIAS <c>OfstedLastInsp</c>: the date of the inspection the rating comes from.</summary>
    public DateOnly? OfstedLastInspection { get; set; }

    public string? Gender { get; set; }
    public string? ReligiousCharacter { get; set; }
    public string? AdmissionsPolicy { get; set; }
    public string? UrbanRural { get; set; }
    public string? Boarders { get; set; }
    public long? ImportRunId { get; set; }
}
