using GraphQL.Types;

namespace PartnershipAtlas.Attainment;

/// <summary>KS2 or KS4.</summary>
public sealed class KeyStageGraphType : EnumerationGraphType
{
    public KeyStageGraphType()
    {
        Name = "KeyStage";
        Description = "The key stage of a performance table: KS2 (end of primary, age 11) or KS4 (GCSE, age 16).";
        Add("KS2", KeyStage.KS2, "Key stage 2: end of primary school (age 11).");
        Add("KS4", KeyStage.KS4, "Key stage 4: GCSEs (age 16).");
    }
}

/// <summary>A cell's status.</summary>
public sealed class MeasureStatusGraphType : EnumerationGraphType<MeasureStatus>
{
    public MeasureStatusGraphType()
    {
        Name = "MeasureStatus";
        Description = "What a performance-table cell holds: VALUE, or the marker the DfE published instead (SUPP → SUPPRESSED, NP → NOT_PUBLISHED, NE → NO_ENTRIES, " +
            "NA → NOT_APPLICABLE, LOWCOV → LOW_COVERAGE, NEW → NEW_INSTITUTION, SP → SMALL_PERCENTAGE, RE → REDACTED, SUPP* → DELAYED, UNAVAIL → UNAVAILABLE, " +
            "other markers such as DNS → OTHER_MARKER; empty or a single space → MISSING; descriptive text → TEXT).";
    }
}

/// <summary>Which pupils.</summary>
public sealed class PupilGroupGraphType : EnumerationGraphType<PupilGroup>
{
    public PupilGroupGraphType()
    {
        Name = "PupilGroup";
        Description = "Which pupils a value is about: ALL, DISADVANTAGED (FSM in the last 6 years or looked after, `_FSM6CLA1A`) or OTHER (`_NotFSM6CLA1A` at KS2, `_NFSM6CLA1A` at KS4).";
    }
}

/// <summary>A school or a benchmark.</summary>
public sealed class ResultLevelGraphType : EnumerationGraphType<ResultLevel>
{
    public ResultLevelGraphType()
    {
        Name = "ResultLevel";
        Description = "What a performance-table row describes: SCHOOL, LOCAL_AUTHORITY, NATIONAL (England, all schools) or NATIONAL_STATE_FUNDED (England, state-funded; KS4: maintained).";
    }
}
