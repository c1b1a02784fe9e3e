using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Attainment;

/// <summary>A network's attainment on one measure in one year.</summary>
public sealed class PartnershipAttainmentGraphType : ObjectGraphType<PartnershipAttainment>
{
    public PartnershipAttainmentGraphType()
    {
        Name = "PartnershipAttainment";
        Description = "How a network's schools did on one measure in one exam year, with the disadvantaged gap and the LA and national figures.";
        Field<NonNullGraphType<KeyStageGraphType>>("keyStage").Description("KS2 or KS4.").Resolve(c => c.Source.Request.KeyStage);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The summer of the exams.").Resolve(c => c.Source.Request.Year);
        Field<NonNullGraphType<StringGraphType>>("measure").Description("The DfE field summarised.").Resolve(c => c.Source.Request.Measure);
        Field<StringGraphType>("label").Description("The field's label in the DfE field guide.").Resolve(c => FieldGuide.Label(c.Source.Request.KeyStage, c.Source.Request.Year, c.Source.Request.Measure));
        Field<NonNullGraphType<DateScalar>>("asOf").Description("The date the network's members were taken on.").Resolve(c => c.Source.Request.AsOf);
        Field<NonNullGraphType<BooleanGraphType>>("trustMeasureRule").Description("Whether only schools in the network at least three full academic years were counted.").Resolve(c => c.Source.Request.TrustMeasureRule);
        Field<DateScalar>("trustMeasureCutOff").Description("With the trust-measure rule: the latest join date counted (1 September three years before the exams).")
            .Resolve(c => c.Source.Request.TrustMeasureRule ? c.Source.Request.TrustMeasureCutOff : null);
        Field<NonNullGraphType<IntGraphType>>("members").Description("Members of the network on asOf.").Resolve(c => c.Source.Members);
        Field<NonNullGraphType<IntGraphType>>("excludedByTrustMeasureRule")
            .Description("Members left out by the trust-measure rule: joined after the cut-off, or join date unknown (the open date stands in when GIAS gives no join date).")
            .Resolve(c => c.Source.ExcludedByTrustMeasureRule);
        Field<NonNullGraphType<IntGraphType>>("schoolsCounted").Description("Members counted that have published results for the key stage and year.").Resolve(c => c.Source.Schools.Count);
        Field<NonNullGraphType<IntGraphType>>("schoolsWithValue").Description("Schools counted with a value for the measure.").Resolve(c => c.Source.All.SchoolsWithValue);
        Field<NonNullGraphType<IntGraphType>>("schoolsSuppressed").Description("Schools counted whose value was suppressed (SUPP).").Resolve(c => c.Source.All.SchoolsSuppressed);
        Field<NonNullGraphType<IntGraphType>>("pupilsCovered").Description("Pupils in the schools with a value (the measure's weight: TELIG, TPUP or P8PUP).").Resolve(c => c.Source.All.PupilsCovered);
        Field<FloatGraphType>("mean").Description("The simple mean over schools with a value.").Resolve(c => c.Source.All.Mean);
        Field<FloatGraphType>("pupilWeightedMean").Description("The mean weighted by each school's pupils (TELIG at KS2, TPUP or P8PUP at KS4).").Resolve(c => c.Source.All.PupilWeightedMean);
        Field<NonNullGraphType<AttainmentGroupGraphType>>("disadvantaged").Description("Disadvantaged pupils' values (_FSM6CLA1A), weighted by TFSM6CLA1A.").Resolve(c => c.Source.Disadvantaged);
        Field<NonNullGraphType<AttainmentGroupGraphType>>("other").Description("Other pupils' values (_NotFSM6CLA1A / _NFSM6CLA1A), weighted by the other pupils.").Resolve(c => c.Source.Other);
        Field<FloatGraphType>("gap").Description("Disadvantaged minus other pupils' pupil-weighted means.").Resolve(c => c.Source.Gap);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttainmentBenchmarkGraphType>>>>("localAuthorities")
            .Description("The published figures of the LAs the counted schools are in, for the same year and measure.").Resolve(c => c.Source.LocalAuthorities);
        Field<AttainmentBenchmarkGraphType>("national").Description("England, all schools (KS2 RECTYPE 4, KS4 RECTYPE 5).").Resolve(c => c.Source.National);
        Field<AttainmentBenchmarkGraphType>("nationalStateFunded").Description("England, state-funded schools (KS2 RECTYPE 5) or maintained schools (KS4 RECTYPE 7).").Resolve(c => c.Source.NationalStateFunded);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttainmentSchoolGraphType>>>>("schools").Description("The schools counted, in URN order, with their values.").Resolve(c => c.Source.Schools);
    }

    /// <summary>Adds <c>attainment(keyStage, year, measure, asOf, trustMeasureRule, includeNested)</c> to the partnership type.</summary>
    public static void AddTo(ObjectGraphType<Partnership> type) =>
        type.Field<NonNullGraphType<PartnershipAttainmentGraphType>>("attainment")
            .Description("How the network's schools did on one measure in one year (batched: one query for any number of networks).")
            .Argument<NonNullGraphType<KeyStageGraphType>>("keyStage", "KS2 or KS4.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The summer of the exams (2019 for 2018/19).")
            .Argument<NonNullGraphType<StringGraphType>>("measure", "A DfE field, e.g. PTRWM_EXP (KS2) or P8MEA (KS4).")
            .Argument<DateScalar>("asOf", "The date the members are taken on (default today).")
            .Argument<NonNullGraphType<BooleanGraphType>>("trustMeasureRule", "Apply the DfE trust-measure rule: only schools in the network at least three full academic years.", a => a.DefaultValue = false)
            .IncludeNestedArgument("Also count the schools of the networks inside this one (an umbrella trust's trusts), each school once (default false).")
            .Resolve(c => AttainmentLoaders.Attainment(c, c.Source.Id, new AttainmentRequest(
                c.GetArgument<KeyStage>("keyStage"), c.GetArgument<int>("year"), c.GetArgument<string>("measure"), c.AsOf(), c.GetArgument<bool>("trustMeasureRule"), c.IncludeNested())));
}

/// <summary>One pupil group's summary.</summary>
public sealed class AttainmentGroupGraphType : ObjectGraphType<GroupSummary>
{
    public AttainmentGroupGraphType()
    {
        Name = "AttainmentGroup";
        Description = "One pupil group's values over the schools counted.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The DfE field of the group.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<IntGraphType>>("schoolsWithValue").Description("Schools with a value.").Resolve(c => c.Source.SchoolsWithValue);
        Field<NonNullGraphType<IntGraphType>>("schoolsSuppressed").Description("Schools whose value was suppressed.").Resolve(c => c.Source.SchoolsSuppressed);
        Field<NonNullGraphType<IntGraphType>>("pupilsCovered").Description("The group's pupils in the schools with a value.").Resolve(c => c.Source.PupilsCovered);
        Field<FloatGraphType>("mean").Description("The simple mean over schools with a value.").Resolve(c => c.Source.Mean);
        Field<FloatGraphType>("pupilWeightedMean").Description("The mean weighted by the group's pupils.").Resolve(c => c.Source.PupilWeightedMean);
    }
}

/// <summary>An LA or England's figures.</summary>
public sealed class AttainmentBenchmarkGraphType : ObjectGraphType<AttainmentBenchmark>
{
    public AttainmentBenchmarkGraphType()
    {
        Name = "AttainmentBenchmark";
        Description = "An LA's or England's published figures for the same key stage, year and measure.";
        Field<NonNullGraphType<ResultLevelGraphType>>("level").Description("LOCAL_AUTHORITY, NATIONAL or NATIONAL_STATE_FUNDED.").Resolve(c => c.Source.Level);
        Field<StringGraphType>("laCode").Description("The LA code (e.g. 850), for an LA.").Resolve(c => c.Source.LaCode);
        Field<StringGraphType>("name").Description("The name in the performance table, where given.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<MeasureGraphType>>("all").Description("All pupils.").Resolve(c => c.Source.All);
        Field<NonNullGraphType<MeasureGraphType>>("disadvantaged").Description("Disadvantaged pupils.").Resolve(c => c.Source.Disadvantaged);
        Field<NonNullGraphType<MeasureGraphType>>("other").Description("Other pupils.").Resolve(c => c.Source.Other);
    }
}

/// <summary>A school counted in a network's attainment.</summary>
public sealed class AttainmentSchoolGraphType : ObjectGraphType<AttainmentSchool>
{
    public AttainmentSchoolGraphType()
    {
        Name = "AttainmentSchool";
        Description = "A member school counted in a network's attainment.";
        Field<NonNullGraphType<IntGraphType>>("urn").Description("The school's URN.").Resolve(c => c.Source.Urn);
        Field<StringGraphType>("name").Description("The school's name in the performance table.").Resolve(c => c.Source.Name);
        Field<DateScalar>("joined").Description("When its membership became active: the later of its join and open dates, so its open date when the source gives no join date (see joinedFromOpenDate).").Resolve(c => c.Source.Joined);
        Field<NonNullGraphType<BooleanGraphType>>("joinedFromOpenDate").Description("The join date is the school's open date, standing in for an unknown (or earlier) join date.").Resolve(c => c.Source.JoinedFromOpenDate);
        Field<NonNullGraphType<MeasureGraphType>>("value").Description("The school's value or marker.").Resolve(c => c.Source.Value);
        Field<IntGraphType>("pupils").Description("The school's pupils weighting the measure.").Resolve(c => c.Source.Pupils);
    }
}
