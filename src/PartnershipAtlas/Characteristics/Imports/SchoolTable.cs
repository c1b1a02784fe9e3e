using PartnershipAtlas.Attainment;

namespace PartnershipAtlas.Characteristics.Imports;

/// <summary>
/// One per-school table published beside the performance tables (census, absence, KS4 destinations, workforce): its
/// dataset name, the table its result sets are stored under, the columns a file must have, and which rows are
/// provisional. Every column that is not an identity column is a measure, stored under its DfE name. Each table is
/// declared beside its importer, in its own folder (<c>Census/</c>, <c>Absence/</c>) or here.
/// </summary>
public sealed record SchoolTable(string Dataset, KeyStage Table, string Description, IReadOnlyList<string[]> RequiredColumns)
{
    /// <summary>The columns that say which school (or LA, or England) a row is about; every other column is a measure.</summary>
    public static readonly IReadOnlySet<string> IdentityColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "RECTYPE", "URN", "LA", "LEA", "LA Number", "ESTAB", "Establishment Number", "SCHNAME", "ICLOSE",
    };

    public static readonly SchoolTable Ks4Destinations = new("ks4-destinations", KeyStage.Ks4Destinations,
        "KS4 destination measures (england_ks4-pupdest.csv): sustained education, apprenticeship and employment shares, per school, LA and England. Writes ResultSets, MeasureValues.",
        [["RECTYPE"], ["URN"], ["LEA"], ["COHORT"], ["OVERALL_DESTPER"]]);

    public static readonly SchoolTable Workforce = new("workforce", KeyStage.Workforce,
        "School workforce (england_swf.csv): teachers, teaching assistants and support staff (headcount and FTE), pupil:teacher ratio, mean teacher salary. Writes ResultSets, MeasureValues.",
        [["URN"], ["LA Number"], ["Total Number of Teachers (Headcount)"], ["Pupil: Teacher Ratio", "Pupil:     Teacher Ratio", "Pupil:Teacher Ratio"]]);
}
