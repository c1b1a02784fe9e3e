using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api;

namespace PartnershipAtlas.Attainment;

/// <summary>A school's results for one key stage and year.</summary>
public sealed class SchoolResultGraphType : ObjectGraphType<ResultSet>
{
    public SchoolResultGraphType()
    {
        Name = "SchoolResult";
        Description = "A school's published results for one key stage and exam year (one row of a DfE performance table).";
        Field<NonNullGraphType<KeyStageGraphType>>("keyStage").Description("KS2 or KS4.").Resolve(c => c.Source.KeyStage);
        Field<NonNullGraphType<IntGraphType>>("year").Description("The summer of the exams: 2019 for 2018/19.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<BooleanGraphType>>("provisional").Description("Published as provisional (e.g. england_ks4provisional.csv); a final file of the same year replaces it.").Resolve(c => c.Source.IsProvisional);
        Field<IntGraphType>("urn").Description("The URN the results were published under (a predecessor's when lineage is followed).").Resolve(c => c.Source.Urn);
        Field<StringGraphType>("name").Description("The school's name in the performance table.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<BooleanGraphType>>("isNewInstitution").Description("Published as a new institution (NEW): no results yet.").Resolve(c => c.Source.IsNewInstitution);
        Field<IntGraphType>("cohort").Description("Pupils at the end of the key stage (KS2 TELIG, KS4 TPUP), when published.").Resolve(c => c.Source.Cohort);
        Field<IntGraphType>("disadvantagedCohort").Description("Disadvantaged pupils in the cohort (TFSM6CLA1A), when published.").Resolve(c => c.Source.DisadvantagedCohort);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeasureGraphType>>>>("measures")
            .Description("Any DfE fields by code (all stored fields when codes is not given); a field the row lacks is MISSING (NEW_INSTITUTION for a new school).")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("codes", "DfE field names, e.g. [\"PTRWM_EXP\", \"READPROG\"].")
            .Resolve(c =>
            {
                var codes = c.GetArgument<List<string>?>("codes");
                return new MappedResult<ResultValues, IReadOnlyList<MeasureReading>>(ResultLoaders.Values(c, c.Source),
                    values => (codes ?? values.Values.Keys.Order(StringComparer.Ordinal).ToList()).Select(values.Read).ToList());
            });
        Field<Ks2HeadlinesGraphType>("ks2")
            .Description("The KS2 headline measures (null for KS4 results).")
            .Argument<NonNullGraphType<PupilGroupGraphType>>("pupils", "Which pupils (default ALL).", a => a.DefaultValue = PupilGroup.All)
            .Resolve(c => c.Source.KeyStage == KeyStage.KS2 ? Headlines(c) : null);
        Field<Ks4HeadlinesGraphType>("ks4")
            .Description("The KS4 headline measures (null for KS2 results).")
            .Argument<NonNullGraphType<PupilGroupGraphType>>("pupils", "Which pupils (default ALL).", a => a.DefaultValue = PupilGroup.All)
            .Resolve(c => c.Source.KeyStage == KeyStage.KS4 ? Headlines(c) : null);
    }

    private static MappedResult<ResultValues, Headlines> Headlines(IResolveFieldContext<ResultSet> c) =>
        new(ResultLoaders.Values(c, c.Source), values => new Headlines(values, c.GetArgument<PupilGroup>("pupils")));

    /// <summary>Adds <c>results(keyStage, year, followLineage)</c> to the establishment type.</summary>
    public static void AddResultsTo<T>(ObjectGraphType<T> type, Func<T, int> urn) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SchoolResultGraphType>>>>("results")
            .Description("The school's published results for a key stage, by year (one year when year is given).")
            .Argument<NonNullGraphType<KeyStageGraphType>>("keyStage", "KS2 or KS4.")
            .Argument<IntGraphType>("year", "The summer of the exams (2019 for 2018/19); all years when not given.")
            .Argument<NonNullGraphType<BooleanGraphType>>("followLineage", "Also take years from predecessor URNs (GIAS predecessor links), nearest first.", a => a.DefaultValue = false)
            .Resolve(c => ResultLoaders.SchoolResults(c, urn(c.Source), c.GetArgument<KeyStage>("keyStage"), c.GetArgument<int?>("year"), c.GetArgument<bool>("followLineage")));
}
