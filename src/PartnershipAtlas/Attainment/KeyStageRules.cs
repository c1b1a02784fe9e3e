namespace PartnershipAtlas.Attainment;

/// <summary>
/// What differs between the KS2 and KS4 tables: record types, the cohort fields that weight a measure, the
/// suffix of the other (not disadvantaged) pupils' fields and the names of confidence limits.
/// </summary>
public sealed class KeyStageRules
{
    public const string DisadvantagedCohortCode = "TFSM6CLA1A";
    public const string DisadvantagedSuffix = "_FSM6CLA1A";
    public const string FsmPercentageCode = "PTFSM6CLA1A";

    public static readonly KeyStageRules Ks2 = new(KeyStage.KS2, "TELIG", "_NotFSM6CLA1A", "TNotFSM6CLA1A",
        new() { [1] = ResultLevel.School, [2] = ResultLevel.School, [3] = ResultLevel.LocalAuthority, [4] = ResultLevel.National, [5] = ResultLevel.NationalStateFunded });

    public static readonly KeyStageRules Ks4 = new(KeyStage.KS4, "TPUP", "_NFSM6CLA1A", "TNOTFSM6CLA1A",
        new() { [1] = ResultLevel.School, [2] = ResultLevel.School, [4] = ResultLevel.LocalAuthority, [5] = ResultLevel.National, [7] = ResultLevel.NationalStateFunded });

    private KeyStageRules(KeyStage keyStage, string cohortCode, string otherSuffix, string otherCohortCode, Dictionary<int, ResultLevel> levels)
    {
        KeyStage = keyStage;
        CohortCode = cohortCode;
        OtherSuffix = otherSuffix;
        OtherCohortCode = otherCohortCode;
        Levels = levels;
    }

    public KeyStage KeyStage { get; }

    /// <summary>The pupils at the end of the key stage: <c>TELIG</c> (KS2), <c>TPUP</c> (KS4).</summary>
    public string CohortCode { get; }

    /// <summary>The suffix of the other pupils' fields: <c>_NotFSM6CLA1A</c> (KS2), <c>_NFSM6CLA1A</c> (KS4).</summary>
    public string OtherSuffix { get; }

    public string OtherCohortCode { get; }

    /// <summary>What each RECTYPE means in this key stage.</summary>
    public IReadOnlyDictionary<int, ResultLevel> Levels { get; }

    public static KeyStageRules For(KeyStage keyStage) => keyStage == KeyStage.KS2 ? Ks2 : Ks4;

    /// <summary>The field of a measure for a pupil group: <c>PTRWM_EXP</c> → <c>PTRWM_EXP_FSM6CLA1A</c>.</summary>
    public string CodeFor(string measure, PupilGroup group) => group switch
    {
        PupilGroup.Disadvantaged => measure + DisadvantagedSuffix,
        PupilGroup.Other => measure + OtherSuffix,
        _ => measure,
    };

    /// <summary>
    /// The pupils a measure is about, to weight it by: the cohort, or for KS4 Progress 8 the pupils with a Progress 8
    /// score (<c>P8PUP</c>), each for the pupil group.
    /// </summary>
    public string WeightCodeFor(string measure, PupilGroup group)
    {
        if (KeyStage == KeyStage.KS4 && measure.StartsWith("P8", StringComparison.OrdinalIgnoreCase)) return CodeFor("P8PUP", group);
        return group switch
        {
            PupilGroup.Disadvantaged => DisadvantagedCohortCode,
            PupilGroup.Other => OtherCohortCode,
            _ => CohortCode,
        };
    }

    /// <summary>
    /// The fields that may hold a measure's lower and upper 95% confidence limits: <c>READPROG_LOWER</c>,
    /// <c>P8CILOW</c> (for <c>P8MEA</c>, also per group), <c>P8MEAENG_CILOW</c>.
    /// </summary>
    public static (string[] Lower, string[] Upper) ConfidenceCodesFor(string code)
    {
        var p8 = code.StartsWith("P8MEA", StringComparison.OrdinalIgnoreCase) && (code.Length == 5 || code[5] == '_') ? code[5..] : null;
        return (
            p8 is null ? [code + "_LOWER", code + "_CILOW"] : ["P8CILOW" + p8],
            p8 is null ? [code + "_UPPER", code + "_CIUPP"] : ["P8CIUPP" + p8]);
    }
}

/// <summary>Which pupils a value is about.</summary>
public enum PupilGroup
{
    All,

    /// <summary>Disadvantaged pupils: eligible for free school meals in the last six years or looked after (<c>_FSM6CLA1A</c>).</summary>
    Disadvantaged,

    /// <summary>All other pupils (<c>_NotFSM6CLA1A</c> at KS2, <c>_NFSM6CLA1A</c> at KS4).</summary>
    Other,
}
