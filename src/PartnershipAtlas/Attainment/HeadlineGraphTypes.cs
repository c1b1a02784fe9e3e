using GraphQL.Types;

namespace PartnershipAtlas.Attainment;

/// <summary>The headline measures of a result set for one pupil group.</summary>
public sealed record Headlines(ResultValues Values, PupilGroup Group)
{
    public MeasureReading Read(string measure) => Values.Read(KeyStageRules.For(Values.Set.KeyStage).CodeFor(measure, Group));
}

/// <summary>KS2 headline measures.</summary>
public sealed class Ks2HeadlinesGraphType : ObjectGraphType<Headlines>
{
    public Ks2HeadlinesGraphType()
    {
        Name = "Ks2Headlines";
        Description = "The KS2 headline measures for a pupil group (the group's suffix is added to each field).";
        Field<NonNullGraphType<MeasureGraphType>>("ptrwmExp").Description("PTRWM_EXP: % reaching the expected standard in reading, writing and maths.").Resolve(c => c.Source.Read("PTRWM_EXP"));
        Field<NonNullGraphType<MeasureGraphType>>("ptrwmHigh").Description("PTRWM_HIGH: % achieving a high standard in reading, writing and maths.").Resolve(c => c.Source.Read("PTRWM_HIGH"));
        Field<NonNullGraphType<MeasureGraphType>>("readProg").Description("READPROG: reading progress score, with confidence limits.").Resolve(c => c.Source.Read("READPROG"));
        Field<NonNullGraphType<MeasureGraphType>>("writProg").Description("WRITPROG: writing progress score, with confidence limits.").Resolve(c => c.Source.Read("WRITPROG"));
        Field<NonNullGraphType<MeasureGraphType>>("matProg").Description("MATPROG: maths progress score, with confidence limits.").Resolve(c => c.Source.Read("MATPROG"));
    }
}

/// <summary>KS4 headline measures.</summary>
public sealed class Ks4HeadlinesGraphType : ObjectGraphType<Headlines>
{
    public Ks4HeadlinesGraphType()
    {
        Name = "Ks4Headlines";
        Description = "The KS4 headline measures for a pupil group (the group's suffix is added to each field).";
        Field<NonNullGraphType<MeasureGraphType>>("att8Scr").Description("ATT8SCR: average Attainment 8 score.").Resolve(c => c.Source.Read("ATT8SCR"));
        Field<NonNullGraphType<MeasureGraphType>>("p8Mea").Description("P8MEA: Progress 8 score, with confidence limits (P8CILOW, P8CIUPP).").Resolve(c => c.Source.Read("P8MEA"));
        Field<NonNullGraphType<MeasureGraphType>>("ptebaccEPtqEe").Description("PTEBACC_E_PTQ_EE: % entering the English Baccalaureate.").Resolve(c => c.Source.Read("PTEBACC_E_PTQ_EE"));
    }
}
