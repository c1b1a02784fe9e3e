using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Characteristics.Similarity;

/// <summary>A similar network.</summary>
public sealed class SimilarNetworkGraphType : ObjectGraphType<SimilarNetwork>
{
    public SimilarNetworkGraphType()
    {
        Name = "SimilarNetwork";
        Description = "A network of the same kind near this one by standardised distance over the factors asked for (a comparator set).";
        Field<NonNullGraphType<GraphQLClrOutputTypeReference<Partnership>>>("partnership").Description("The similar network.")
            .Resolve(c => new MappedResult<Partnership?, Partnership>(PartnershipLoaders.ById(c, c.Source.PartnershipId), p => p!));
        Field<NonNullGraphType<FloatGraphType>>("distance").Description("Root mean square of the factors' differences in standard deviations (0: the same).").Resolve(c => c.Source.Distance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FactorValueGraphType>>>>("factors").Description("The similar network's value of each factor.").Resolve(c => c.Source.Factors);
    }

    /// <summary>Adds <c>similar(first, by, asOf, year)</c> to the partnership type.</summary>
    public static void AddTo(ObjectGraphType<Partnership> type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SimilarNetworkGraphType>>>>("similar")
            .Description("The nearest networks of the same kind by standardised distance over the factors (see docs/characteristics.md: a comparator set as DfE's financial benchmarking tool uses one).")
            .Argument<IntGraphType>("first", "How many (default 10).", a => a.DefaultValue = 10)
            .Argument<ListGraphType<NonNullGraphType<SimilarityFactorGraphType>>>("by", "The factors (default PUPILS, SCHOOLS, FSM_EVER, SEN, PHASE_MIX).")
            .Argument<DateScalar>("asOf", "The date the members are taken on (default today).")
            .Argument<IntGraphType>("year", "The census year (default the latest imported).")
            .Resolve(c => SimilarLoaders.Similar(c, c.Source.Id, c.AsOf(), c.GetArgument<int?>("year"),
                c.GetArgument<List<SimilarityFactor>?>("by") is { Count: > 0 } by ? by.Distinct().ToArray() : SimilarityFactors.Default, Math.Clamp(c.GetArgument("first", 10), 0, 100)));
}

/// <summary>One factor's value.</summary>
public sealed class FactorValueGraphType : ObjectGraphType<FactorValue>
{
    public FactorValueGraphType()
    {
        Name = "FactorValue";
        Description = "A factor's value for a network.";
        Field<NonNullGraphType<SimilarityFactorGraphType>>("factor").Description("The factor.").Resolve(c => c.Source.Factor);
        Field<FloatGraphType>("value").Description("Its number (REGION: null).").Resolve(c => c.Source.Value);
        Field<StringGraphType>("text").Description("Its text (REGION: the main region).").Resolve(c => c.Source.Text);
    }
}
