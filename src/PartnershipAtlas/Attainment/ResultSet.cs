namespace PartnershipAtlas.Attainment;

/// <summary>
/// One row of a performance table: a school's (or an LA's, or England's) results for one key stage and exam year.
/// Its values are stored long, one <see cref="MeasureValue"/> per published field.
/// </summary>
public sealed class ResultSet
{
    public long Id { get; set; }
    public KeyStage KeyStage { get; set; }

    /// <summary>The summer of the exams: 2019 for 2018/19.</summary>
    public int Year { get; set; }

    public ResultLevel Level { get; set; }

    /// <summary>The natural key within key stage and year: <c>URN:123456</c>, <c>LA:850</c>, <c>ENGLAND</c>, <c>ENGLAND:STATE</c>.</summary>
    public required string Key { get; set; }

    public int RecordType { get; set; }
    public int? Urn { get; set; }
    public string? LaCode { get; set; }
    public string? Name { get; set; }

    /// <summary>The row was published as a new institution (<c>NEW</c>): the fields it stops before are new too.</summary>
    public bool IsNewInstitution { get; set; }

    /// <summary>Pupils at the end of the key stage (KS2 <c>TELIG</c>, KS4 <c>TPUP</c>), when published.</summary>
    public int? Cohort { get; set; }

    /// <summary>Disadvantaged pupils in the cohort (<c>TFSM6CLA1A</c>), when published.</summary>
    public int? DisadvantagedCohort { get; set; }

    /// <summary>Published as provisional (e.g. <c>england_ks4provisional.csv</c>); a final file of the same year replaces it.</summary>
    public bool IsProvisional { get; set; }

    public long? ImportRunId { get; set; }

    public static string SchoolKey(int urn) => $"URN:{urn}";

    public static string LocalAuthorityKey(string laCode) => $"LA:{laCode}";

    public const string NationalKey = "ENGLAND";

    /// <summary>England's figures for one phase (census and absence <c>NAT</c> rows: <c>ENGLAND:PRI</c>, <c>ENGLAND:SEC</c>, <c>ENGLAND:SPE</c>).</summary>
    public static string NationalPhaseKey(string phase) => $"{NationalKey}:{phase}";

    public const string NationalStateFundedKey = "ENGLAND:STATE";
}
