using GraphQL.Types;

namespace PartnershipAtlas.Characteristics.Profiles;

/// <summary>A National Grid point with WGS84 coordinates.</summary>
public sealed class GridPointGraphType : ObjectGraphType<GridPoint>
{
    public GridPointGraphType()
    {
        Name = "GridPoint";
        Description = "A point on the OS National Grid (OSGB36 easting/northing, metres) with its WGS84 latitude and longitude (degrees).";
        Field<NonNullGraphType<FloatGraphType>>("easting").Description("OSGB36 easting (m).").Resolve(c => c.Source.Easting);
        Field<NonNullGraphType<FloatGraphType>>("northing").Description("OSGB36 northing (m).").Resolve(c => c.Source.Northing);
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("WGS84 latitude (degrees).").Resolve(c => c.Source.Latitude);
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("WGS84 longitude (degrees).").Resolve(c => c.Source.Longitude);
    }
}

/// <summary>A pupil-weighted measure.</summary>
public sealed class PupilWeightedGraphType : ObjectGraphType<PupilWeighted>
{
    public PupilWeightedGraphType()
    {
        Name = "PupilWeighted";
        Description = "A measure weighted by NOR over the members with a value, beside the same over every school of the members' LAs and England.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The DfE column.").Resolve(c => c.Source.Code);
        Field<FloatGraphType>("value").Description("Σ value × NOR / Σ NOR over members with both.").Resolve(c => c.Source.Value);
        Field<FloatGraphType>("localAuthorities").Description("The same over every school of the LAs the members are in.").Resolve(c => c.Source.LocalAuthorities);
        Field<FloatGraphType>("england").Description("England, from the NAT rows (each phase weighted by its NOR).").Resolve(c => c.Source.England);
        Field<NonNullGraphType<IntGraphType>>("pupilsCovered").Description("NOR of the members with a value.").Resolve(c => c.Source.PupilsCovered);
        Field<NonNullGraphType<IntGraphType>>("schoolsCovered").Description("Members with a value and a NOR.").Resolve(c => c.Source.SchoolsCovered);
    }
}

/// <summary>The before/after joining view.</summary>
public sealed class OfstedSinceJoiningGraphType : ObjectGraphType<OfstedSinceJoining>
{
    public OfstedSinceJoiningGraphType()
    {
        Name = "OfstedSinceJoining";
        Description = "Members by whether their latest inspection (OfstedLastInsp on asOf) came on or after the day they joined.";
        Field<NonNullGraphType<IntGraphType>>("inspectedSinceJoining").Description("Latest inspection on or after the member's activeFrom (its join date, or the school's open date where GIAS gives none).").Resolve(c => c.Source.InspectedSinceJoining);
        Field<NonNullGraphType<IntGraphType>>("inspectedOnlyBefore").Description("Latest inspection before the member's activeFrom (its join date, or the school's open date where GIAS gives none).").Resolve(c => c.Source.InspectedOnlyBefore);
        Field<NonNullGraphType<IntGraphType>>("notInspected").Description("No inspection date recorded.").Resolve(c => c.Source.NotInspected);
        Field<NonNullGraphType<IntGraphType>>("joinDateUnknown").Description("Inspected, but neither the join date nor the school's open date is known.").Resolve(c => c.Source.JoinDateUnknown);
    }
}
