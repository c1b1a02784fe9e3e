using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Attainment;

namespace PartnershipAtlas.Characteristics;

/// <summary>A school's characteristics for one year: census, absence, workforce and destinations measures.</summary>
public sealed class CharacteristicsGraphType : ObjectGraphType<SchoolCharacteristics>
{
    public CharacteristicsGraphType()
    {
        Name = "Characteristics";
        Description = "Who a school's pupils are in one year (school census, absence, workforce, KS4 destinations), each figure a Measure with its DfE code and status.";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The year: the summer of the academic year (2019 for 2018/19, whose census is January 2019).").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<BooleanGraphType>>("provisional").Description("Some of the year's figures come from a provisional release.").Resolve(c => c.Source.Provisional);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<MeasureReading>>>>>("measures")
            .Description("Any DfE columns by code (NOR, PNUMFSMEVER, PSENELSE, PSENELK, PNUMEAL, PERCTOT, PPERSABS10, PPERSABS15, …; all stored when codes is not given); a code the year lacks is MISSING.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("codes", "DfE column names, e.g. [\"NOR\", \"PNUMFSMEVER\"].")
            .Resolve(c => (c.GetArgument<List<string>?>("codes") ?? c.Source.Codes.ToList()).Select(c.Source.Read).ToList());
        foreach (var entry in CharacteristicsCatalog.Shortcuts)
        {
            Field<NonNullGraphType<GraphQLClrOutputTypeReference<MeasureReading>>>(entry.Shortcut!).Description($"{entry.Label} ({entry.Code}).").Resolve(c => c.Source.Read(entry.Code));
        }
    }

    /// <summary>Adds <c>characteristics(year)</c> and <c>characteristicsSeries</c> to the establishment type.</summary>
    public static void AddTo<T>(ObjectGraphType<T> type, Func<T, int> urn)
    {
        type.Field<CharacteristicsGraphType>("characteristics")
            .Description("The school's characteristics for a year (default: the latest year imported); null when no census, absence or workforce file has it.")
            .Argument<IntGraphType>("year", "The summer of the academic year (2019 for 2018/19).")
            .Resolve(c => CharacteristicsLoaders.Year(c, urn(c.Source), c.GetArgument<int?>("year")));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CharacteristicsGraphType>>>>("characteristicsSeries")
            .Description("The school's characteristics for every year imported, oldest first.")
            .Resolve(c => CharacteristicsLoaders.Series(c, urn(c.Source)));
    }
}
