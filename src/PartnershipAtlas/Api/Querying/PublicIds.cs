using System.Collections;
using System.Globalization;

namespace PartnershipAtlas.Api.Querying;

/// <summary>
/// The <c>ID</c>s an <c>IdOperationFilterInput</c> is given, turned into the keys they stand for: a global id
/// (<see cref="GlobalId"/>) of the field's type, or the number itself where the object type shows its number as its ID.
/// An id of another type, or not an id at all, is an error rather than a silent no-match.
/// </summary>
public static class PublicIds
{
    public static IDictionary<string, object?> Decode(EntityMember member, IDictionary<string, object?> operations) =>
        operations.ToDictionary(o => o.Key, o => o.Value switch
        {
            null => null,
            string id => Key(member, id),
            IEnumerable ids => ids.Cast<object?>().Select(id => id is null ? null : Key(member, id.ToString()!)).ToList(),
            var other => Key(member, System.Convert.ToString(other, CultureInfo.InvariantCulture)!),
        });

    private static object Key(EntityMember member, string id)
    {
        var key = member.IdTypeName is null ? id : GlobalId.Decode(id) is (var typeName, var value) && typeName == member.IdTypeName ? value : null;
        if (key is not null && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            try
            {
                return QueryValues.Convert(number, member.UnderlyingType)!;
            }
            catch (OverflowException)
            {
            }
        }
        var what = member.IdTypeName is null ? "a number" : $"a {member.IdTypeName} id";
        throw AtlasErrors.Coded($"The ID '{id}' is not {what}.", "FILTER_INVALID_ID", new Dictionary<string, object?> { ["id"] = id });
    }
}
