using GraphQL.Types;
using PartnershipAtlas.Api;

namespace PartnershipAtlas.Characteristics;

/// <summary>An Ofsted rating with its inspection date.</summary>
public sealed class OfstedJudgementGraphType : ObjectGraphType<OfstedJudgement>
{
    public OfstedJudgementGraphType()
    {
        Name = "OfstedJudgement";
        Description = "The latest Ofsted rating GIAS recorded (OfstedRating (name)) and the date of that inspection (OfstedLastInsp), as one extract gave them.";
        Field<StringGraphType>("rating").Description("Outstanding, Good, Requires improvement, Serious Weaknesses, Special Measures, … (null: none recorded).").Resolve(c => c.Source.Rating);
        Field<DateScalar>("inspectionDate").Description("The date of the inspection the rating comes from.").Resolve(c => c.Source.InspectionDate);
        Field<NonNullGraphType<DateScalar>>("extractDate").Description("The GIAS extract that says so (the first that did, in ofstedHistory).").Resolve(c => c.Source.ExtractDate);
    }
}

/// <summary>What one GIAS extract said about a school.</summary>
public sealed class ExtractAttributesGraphType : ObjectGraphType<EstablishmentExtract>
{
    public ExtractAttributesGraphType()
    {
        Name = "ExtractAttributes";
        Description = "What one GIAS establishments extract said about a school: capacity, gender, religious character, admissions policy, urban/rural, boarders and Ofsted.";
        Field<NonNullGraphType<DateScalar>>("extractDate").Description("The extract's date.").Resolve(c => c.Source.ExtractDate);
        Field<IntGraphType>("capacity").Description("SchoolCapacity.").Resolve(c => c.Source.SchoolCapacity);
        Field<StringGraphType>("gender").Description("Gender (name): Mixed, Girls, Boys.").Resolve(c => c.Source.Gender);
        Field<StringGraphType>("religiousCharacter").Description("ReligiousCharacter (name).").Resolve(c => c.Source.ReligiousCharacter);
        Field<StringGraphType>("admissionsPolicy").Description("AdmissionsPolicy (name): Selective, Non-selective, ….").Resolve(c => c.Source.AdmissionsPolicy);
        Field<StringGraphType>("urbanRural").Description("UrbanRural (name), the ONS classification.").Resolve(c => c.Source.UrbanRural);
        Field<StringGraphType>("boarders").Description("Boarders (name).").Resolve(c => c.Source.Boarders);
        Field<NonNullGraphType<OfstedJudgementGraphType>>("ofsted").Description("The Ofsted rating and inspection date of this extract.").Resolve(c => OfstedJudgement.Of(c.Source));
    }

    /// <summary>Adds <c>extractAttributes(asOf)</c>, <c>ofsted(asOf)</c> and <c>ofstedHistory</c> to the establishment type.</summary>
    public static void AddTo<T>(ObjectGraphType<T> type, Func<T, int> urn)
    {
        type.Field<ExtractAttributesGraphType>("extractAttributes")
            .Description("What the latest GIAS extract on or before asOf said about the school (capacity, gender, religious character, …); null when no extract is that old.")
            .Argument<DateScalar>("asOf", "The date (default today).")
            .Resolve(c => ExtractLoaders.AsOf(c, urn(c.Source), c.AsOf()));
        type.Field<OfstedJudgementGraphType>("ofsted")
            .Description("The Ofsted rating and inspection date as the latest GIAS extract on or before asOf gives them; null when no extract is that old.")
            .Argument<DateScalar>("asOf", "The date (default today).")
            .Resolve(c => new MappedResult<EstablishmentExtract?, OfstedJudgement?>(ExtractLoaders.AsOf(c, urn(c.Source), c.AsOf()), e => e is null ? null : OfstedJudgement.Of(e)));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OfstedJudgementGraphType>>>>("ofstedHistory")
            .Description("Every distinct rating and inspection date the imported extracts show, in date order (each with the first extract that gave it).")
            .Resolve(c => new MappedResult<IReadOnlyList<EstablishmentExtract>, IReadOnlyList<OfstedJudgement>>(ExtractLoaders.Extracts(c, urn(c.Source)), ExtractLoaders.History));
    }
}
