using GraphQL;
using GraphQL.Types;
using PartnershipAtlas.Api;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Characteristics.Profiles;

/// <summary>Who a network's schools are: size, reach, geography, pupils and Ofsted.</summary>
public sealed class NetworkProfileGraphType : ObjectGraphType<NetworkProfile>
{
    public NetworkProfileGraphType()
    {
        Name = "NetworkProfile";
        Description = "Who a network's schools are on a date: size, reach, geography, pupils (census and absence of one year, weighted by NOR) and Ofsted (latest GIAS extract on the date).";
        Field<NonNullGraphType<DateScalar>>("asOf").Description("The date the members are taken on.").Resolve(c => c.Source.AsOf);
        Field<IntGraphType>("year").Description("The census/absence year read (default: the latest census imported).").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("members").Description("Member establishments on asOf.").Resolve(c => c.Source.Members.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PhaseCountGraphType>>>>("byPhase").Description("Members by GIAS phase of education.").Resolve(c => c.Source.ByPhase);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TypeGroupCountGraphType>>>>("byTypeGroup").Description("Members by GIAS establishment type group.").Resolve(c => c.Source.ByTypeGroup);
        Field<IntGraphType>("pupils").Description("The sum of NOR (census pupils on roll) over members with a value.").Resolve(c => c.Source.Pupils);
        Field<IntGraphType>("capacity").Description("The sum of GIAS SchoolCapacity (latest extract on asOf) over members with one.").Resolve(c => c.Source.Capacity);
        Field<FloatGraphType>("percentFull").Description("NOR over capacity, as a percentage, over members with both.").Resolve(c => c.Source.PercentFull);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocalAuthorityCountGraphType>>>>("localAuthorities").Description("The LAs the members are in, with how many.").Resolve(c => c.Source.LocalAuthorities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionCountGraphType>>>>("regions").Description("The regions (GIAS GOR) the members are in, with how many.").Resolve(c => c.Source.Regions);
        Field<GridPointGraphType>("centroid").Description("The mean Easting/Northing of the members, with WGS84 latitude/longitude (OSGB36 → WGS84 by ProjNET with OS's Helmert parameters).").Resolve(c => ProfileGeography.Centroid(c.Source.Members));
        Field<FloatGraphType>("meanDistanceKm").Description("The mean straight-line distance between pairs of members, from Easting/Northing (km).").Resolve(c => ProfileGeography.Distances(c.Source.Members).Mean);
        Field<FloatGraphType>("maxDistanceKm").Description("The largest straight-line distance between two members (km).").Resolve(c => ProfileGeography.Distances(c.Source.Members).Max);
        Field<NonNullGraphType<PupilWeightedGraphType>>("pupilWeighted")
            .Description("Any census or absence measure weighted by NOR over the members, beside the same over every school of the members' LAs and England (NAT rows).")
            .Argument<NonNullGraphType<StringGraphType>>("code", "A DfE column, e.g. PNUMFSMEVER, PSENELK, PERCTOT.")
            .Resolve(c => ProfileLoaders.PupilWeighted(c, c.Source, c.GetArgument<string>("code")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OfstedGradeCountGraphType>>>>("ofstedGrades").Description("Members by latest Ofsted rating on asOf (grade null: none recorded).").Resolve(c => c.Source.OfstedGrades);
        Field<FloatGraphType>("shareGoodOrOutstanding").Description("Good or Outstanding among members with a rating (0–1).").Resolve(c => c.Source.ShareGoodOrOutstanding);
        Field<NonNullGraphType<OfstedSinceJoiningGraphType>>("ofstedSinceJoining").Description("Whether each member's latest inspection came after it joined (DfE trust service's before/after joining view).").Resolve(c => c.Source.OfstedSinceJoining);
    }

    /// <summary>Adds <c>profile(asOf, year)</c> to the partnership type.</summary>
    public static void AddTo(ObjectGraphType<Partnership> type) =>
        type.Field<NonNullGraphType<NetworkProfileGraphType>>("profile")
            .Description("Who the network's schools are on a date (batched: a fixed number of statements for any number of networks).")
            .Argument<DateScalar>("asOf", "The date the members are taken on (default today).")
            .Argument<IntGraphType>("year", "The census/absence year (summer: 2019 for 2018/19; default the latest census imported).")
            .Resolve(c => ProfileLoaders.Profile(c, c.Source.Id, c.AsOf(), c.GetArgument<int?>("year")));
}

/// <summary>Members counted by one grouping value (the key field's name and meaning differ per grouping).</summary>
public abstract class GroupCountGraphType : ObjectGraphType<GroupCount>
{
    protected GroupCountGraphType(string name, string keyField, string keyDescription, string? nameField = null)
    {
        Name = name;
        Description = $"Members counted by {keyDescription}.";
        Field<StringGraphType>(keyField).Description($"The {keyDescription} (null: not recorded).").Resolve(c => c.Source.Key);
        if (nameField is not null) Field<StringGraphType>(nameField).Description("Its name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("members").Description("How many members.").Resolve(c => c.Source.Members);
    }
}

public sealed class PhaseCountGraphType() : GroupCountGraphType("PhaseCount", "phase", "GIAS phase of education");

public sealed class TypeGroupCountGraphType() : GroupCountGraphType("TypeGroupCount", "typeGroup", "GIAS establishment type group");

public sealed class LocalAuthorityCountGraphType() : GroupCountGraphType("LocalAuthorityCount", "laCode", "local authority code", "laName");

public sealed class RegionCountGraphType() : GroupCountGraphType("RegionCount", "region", "region (GIAS GOR)");

public sealed class OfstedGradeCountGraphType() : GroupCountGraphType("OfstedGradeCount", "grade", "latest Ofsted rating");
