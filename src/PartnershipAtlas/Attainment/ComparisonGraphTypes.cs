using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Attainment;

/// <summary>A matched difference-in-differences comparison.</summary>
public sealed class PartnershipComparisonGraphType : ObjectGraphType<PartnershipComparison>
{
    private const double Z95 = 1.959963984540054;

    public PartnershipComparisonGraphType()
    {
        Name = "PartnershipComparison";
        Description = "The network's schools against matched schools outside it, before and after: a matched difference-in-differences estimate.";
        Field<NonNullGraphType<KeyStageGraphType>>("keyStage").Description("KS2 or KS4.").Resolve(c => c.Source.Request.KeyStage);
        Field<NonNullGraphType<StringGraphType>>("measure").Description("The DfE field compared.").Resolve(c => c.Source.Request.Measure);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("preYears").Description("The years before (outcome = mean over them).").Resolve(c => c.Source.Request.PreYears);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("postYears").Description("The years after (outcome = mean over them).").Resolve(c => c.Source.Request.PostYears);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchVariableGraphType>>>>("matchOn").Description("What schools were matched on.").Resolve(c => c.Source.Request.MatchOn);
        Field<NonNullGraphType<IntGraphType>>("members").Description("Members of the network on asOf.").Resolve(c => c.Source.Members);
        Field<NonNullGraphType<IntGraphType>>("membersWithData").Description("Members with a value in a pre and a post year (through predecessors) and every covariate.").Resolve(c => c.Source.MembersWithData);
        Field<NonNullGraphType<IntGraphType>>("poolSize").Description("Schools outside the network (never members) that could be matched.").Resolve(c => c.Source.PoolSize);
        Field<NonNullGraphType<IntGraphType>>("pairs").Description("Matched pairs.").Resolve(c => c.Source.Pairs.Count);
        Field<FloatGraphType>("estimate").Description("The difference-in-differences: mean over pairs of (school's post − pre) − (match's post − pre).").Resolve(c => c.Source.Estimate);
        Field<FloatGraphType>("standardError").Description("The standard error of the estimate (sd of the pair differences / √pairs).").Resolve(c => c.Source.StandardError);
        Field<FloatGraphType>("confidenceLower").Description("The lower limit of the 95% confidence interval (normal approximation).").Resolve(c => c.Source.Estimate - Z95 * c.Source.StandardError);
        Field<FloatGraphType>("confidenceUpper").Description("The upper limit of the 95% confidence interval (normal approximation).").Resolve(c => c.Source.Estimate + Z95 * c.Source.StandardError);
        Field<FloatGraphType>("networkPreMean").Description("The matched network schools' mean before.").Resolve(c => Mean(c.Source, p => p.School.Pre));
        Field<FloatGraphType>("networkPostMean").Description("The matched network schools' mean after.").Resolve(c => Mean(c.Source, p => p.School.Post));
        Field<FloatGraphType>("comparisonPreMean").Description("The comparison schools' mean before.").Resolve(c => Mean(c.Source, p => p.Match.Pre));
        Field<FloatGraphType>("comparisonPostMean").Description("The comparison schools' mean after.").Resolve(c => Mean(c.Source, p => p.Match.Post));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComparisonPairGraphType>>>>("matches").Description("Each network school with its matched comparison school, so the match can be checked.").Resolve(c => c.Source.Pairs);
    }

    private static double? Mean(PartnershipComparison comparison, Func<ComparisonPair, double> value) => comparison.Pairs.Count == 0 ? null : comparison.Pairs.Average(value);

    /// <summary>Adds <c>comparison(keyStage, measure, preYears, postYears, matchOn, asOf)</c> to the partnership type.</summary>
    public static void AddTo(ObjectGraphType<Partnership> type) =>
        type.Field<NonNullGraphType<PartnershipComparisonGraphType>>("comparison")
            .Description("A matched comparison group of schools outside the network and the difference-in-differences estimate (EEF-style matched design).")
            .Argument<NonNullGraphType<KeyStageGraphType>>("keyStage", "KS2 or KS4.")
            .Argument<NonNullGraphType<StringGraphType>>("measure", "A DfE field, e.g. PTRWM_EXP.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("preYears", "Exam years before (e.g. [2017, 2018]).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("postYears", "Exam years after (e.g. [2019]).")
            .Argument<ListGraphType<NonNullGraphType<MatchVariableGraphType>>>("matchOn", "What to match on (default prior attainment, % FSM, size and phase).")
            .Argument<DateScalar>("asOf", "The date the network's members are taken on (default today).")
            .Resolve(c =>
            {
                var request = new ComparisonRequest(c.GetArgument<KeyStage>("keyStage"), c.GetArgument<string>("measure"),
                    c.GetArgument<List<int>>("preYears").Distinct().Order().ToArray(), c.GetArgument<List<int>>("postYears").Distinct().Order().ToArray(),
                    c.GetArgument<List<MatchVariable>?>("matchOn") is { Count: > 0 } m ? m.Distinct().ToArray() : ComparisonRequest.DefaultMatchOn, c.AsOf());
                if (request.Problem is { } problem) throw AtlasErrors.Coded($"Cannot compare: {problem}", "COMPARISON_INVALID_YEARS");
                return ComparisonLoaders.Comparison(c, c.Source.Id, request);
            });
}

/// <summary>A matched pair.</summary>
public sealed class ComparisonPairGraphType : ObjectGraphType<ComparisonPair>
{
    public ComparisonPairGraphType()
    {
        Name = "ComparisonPair";
        Description = "A network school and its matched comparison school.";
        Field<NonNullGraphType<ComparisonSchoolGraphType>>("school").Description("The network school.").Resolve(c => c.Source.School);
        Field<NonNullGraphType<ComparisonSchoolGraphType>>("match").Description("Its comparison school, outside the network.").Resolve(c => c.Source.Match);
        Field<NonNullGraphType<FloatGraphType>>("distance").Description("The distance between them on the standardised match variables.").Resolve(c => c.Source.Distance);
        Field<NonNullGraphType<FloatGraphType>>("difference").Description("The school's change minus its match's change.").Resolve(c => c.Source.Difference);
    }
}

/// <summary>A school in a comparison.</summary>
public sealed class ComparisonSchoolGraphType : ObjectGraphType<SchoolSeries>
{
    public ComparisonSchoolGraphType()
    {
        Name = "ComparisonSchool";
        Description = "A school's outcome before and after, and what it was matched on.";
        Field<NonNullGraphType<IntGraphType>>("urn").Description("The school's current URN.").Resolve(c => c.Source.Urn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("lineage").Description("Its URN and its predecessors' URNs whose results were used.").Resolve(c => c.Source.Urns);
        Field<StringGraphType>("name").Description("The name in the performance table.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("phase").Description("The phase of education (GIAS).").Resolve(c => c.Source.Phase);
        Field<NonNullGraphType<FloatGraphType>>("pre").Description("The measure's mean over the pre years.").Resolve(c => c.Source.Pre);
        Field<NonNullGraphType<FloatGraphType>>("post").Description("The measure's mean over the post years.").Resolve(c => c.Source.Post);
        Field<FloatGraphType>("fsm").Description("% disadvantaged pupils (PTFSM6CLA1A), mean over the pre years.").Resolve(c => c.Source.Fsm);
        Field<FloatGraphType>("size").Description("The cohort (TELIG / TPUP), mean over the pre years.").Resolve(c => c.Source.Size);
        Field<GraphQLClrOutputTypeReference<Establishment>>("establishment").Description("The establishment, when GIAS data for it is loaded.").Resolve(c => EstablishmentLoaders.ByUrn(c, c.Source.Urn));
    }
}

/// <summary>The match variables.</summary>
public sealed class MatchVariableGraphType : EnumerationGraphType<MatchVariable>
{
    public MatchVariableGraphType()
    {
        Name = "MatchVariable";
        Description = "What comparison schools are matched on: PRIOR_ATTAINMENT (the measure over the pre years), FSM (% disadvantaged), SIZE (cohort), PHASE (exact).";
    }
}
