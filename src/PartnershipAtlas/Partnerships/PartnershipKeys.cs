using System.Text.Json;

namespace PartnershipAtlas.Partnerships;

/// <summary>
/// Every source key a partnership or organisation is stored under, built here and nowhere else: a GIAS group by UID
/// (<c>GIAS_GROUP:uid</c>), a local authority by code (<c>LOCAL_AUTHORITY:code</c>), a network GIAS names without a
/// UID by kind and normalised name (<c>DIOCESE:NAME</c>), an area network or teaching school hub of the reference
/// lists (<c>AREA:key</c>, <c>TSH:code</c>), and a network written by hand by its writer's prefix (<c>FILE:key</c>, <c>API:key</c>).
/// </summary>
public static class PartnershipKeys
{
    public const string GiasGroupPrefix = "GIAS_GROUP:";
    public const string LocalAuthorityPrefix = "LOCAL_AUTHORITY:";

    /// <summary>The prefix of networks the partnerships file writes.</summary>
    public const string FilePrefix = "FILE";

    /// <summary>The prefix of networks the <c>createPartnership</c> mutation writes.</summary>
    public const string ApiPrefix = "API";

    public static string GiasGroup(int uid) => $"{GiasGroupPrefix}{uid}";

    public static string GiasGroup(string uid) => $"{GiasGroupPrefix}{uid.Trim()}";

    public static bool IsGiasGroup(string sourceKey) => sourceKey.StartsWith(GiasGroupPrefix, StringComparison.Ordinal);

    public static string LocalAuthority(int code) => $"{LocalAuthorityPrefix}{code}";

    public static string LocalAuthority(string code) => $"{LocalAuthorityPrefix}{code.Trim()}";

    /// <summary>
    /// The same key in SQL, from a column or expression holding the LA code (e.g. <c>a."Code"</c>): a string
    /// concatenation both SQLite and PostgreSQL read.
    /// </summary>
    public static string LocalAuthoritySql(string codeExpression) => $"'{LocalAuthorityPrefix}' || {codeExpression}";

    /// <summary>A network named without a UID: its kind and normalised name.</summary>
    public static string ByName(PartnershipKind kind, string name) => $"{EnumName(kind)}:{Normalise(name)}";

    /// <summary>An area network of the area-networks lists by its area key (<c>AREA:OA-BLACKPOOL</c>).</summary>
    public static string Area(string areaKey) => $"AREA:{areaKey}";

    /// <summary>A teaching school hub of the hubs list by its code (<c>TSH:…</c>).</summary>
    public static string TeachingSchoolHub(string code) => $"TSH:{code}";

    /// <summary>A SQL <c>LIKE</c> pattern matching every key written under a writer's prefix (<c>FILE:%</c>).</summary>
    public static string PrefixedSqlPattern(string prefix) => $"{prefix}:%";

    /// <summary>A network written by hand: the writer's prefix and the key it was given.</summary>
    public static string Prefixed(string prefix, string key) => $"{prefix}:{key.Trim()}";

    public static string Organisation(OrganisationKind kind, string name) => $"{EnumName(kind)}:{Normalise(name)}";

    /// <summary>A name to key on: upper case, single spaces.</summary>
    public static string Normalise(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    /// <summary>An enum value as the API and the keys spell it: <c>MultiAcademyTrust</c> is <c>MULTI_ACADEMY_TRUST</c>.</summary>
    public static string EnumName<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());
}
