using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace PartnershipAtlas.Characteristics.Profiles;

/// <summary>
/// OS National Grid (OSGB36, EPSG:27700) easting/northing to WGS84 latitude/longitude with ProjNET: the inverse
/// Transverse Mercator on the Airy 1830 ellipsoid, then the 7-parameter Helmert transformation OS publishes for
/// OSGB36 → WGS84 (TOWGS84 446.448, −125.157, 542.06 m; 0.15, 0.247, 0.842″; −20.489 ppm), good to about 5 m
/// ("A guide to coordinate systems in Great Britain", Ordnance Survey, section 6.6 and annex C).
/// </summary>
public static class BritishNationalGrid
{
    private const string Osgb36Wkt = """
        PROJCS["OSGB 1936 / British National Grid",GEOGCS["OSGB 1936",DATUM["OSGB_1936",SPHEROID["Airy 1830",6377563.396,299.3249646,AUTHORITY["EPSG","7001"]],
        TOWGS84[446.448,-125.157,542.06,0.15,0.247,0.842,-20.489],AUTHORITY["EPSG","6277"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],
        UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4277"]],PROJECTION["Transverse_Mercator"],
        PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],
        PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","27700"]]
        """;

    private static readonly Lazy<(ICoordinateTransformation ToWgs84, ICoordinateTransformation ToOsgb36Geographic)> Transforms = new(() =>
    {
        var factory = new CoordinateSystemFactory();
        var grid = (ProjectedCoordinateSystem)factory.CreateFromWkt(Osgb36Wkt);
        var transforms = new CoordinateTransformationFactory();
        return (transforms.CreateFromCoordinateSystems(grid, GeographicCoordinateSystem.WGS84), transforms.CreateFromCoordinateSystems(grid, grid.GeographicCoordinateSystem));
    });

    /// <summary>WGS84 latitude and longitude (degrees) of a National Grid point.</summary>
    public static (double Latitude, double Longitude) ToWgs84(double easting, double northing)
    {
        var (longitude, latitude) = Transforms.Value.ToWgs84.MathTransform.Transform(easting, northing);
        return (latitude, longitude);
    }

    /// <summary>OSGB36 latitude and longitude (degrees, Airy 1830) of a National Grid point: the projection alone, no datum shift.</summary>
    public static (double Latitude, double Longitude) ToOsgb36(double easting, double northing)
    {
        var (longitude, latitude) = Transforms.Value.ToOsgb36Geographic.MathTransform.Transform(easting, northing);
        return (latitude, longitude);
    }
}
