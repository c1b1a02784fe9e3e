using GraphQL.Types;

namespace PartnershipAtlas.Api;

/// <summary>A calendar date, <c>yyyy-MM-dd</c> (HotChocolate's <c>Date</c>).</summary>
public sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar()
    {
        Name = "Date";
        Description = "The `Date` scalar represents an ISO-8601 compliant date type: yyyy-MM-dd.";
    }
}

/// <summary>An instant, ISO-8601 with offset (HotChocolate's <c>DateTime</c>).</summary>
public sealed class DateTimeScalar : DateTimeOffsetGraphType
{
    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "The `DateTime` scalar represents an ISO-8601 compliant date time type.";
    }
}
