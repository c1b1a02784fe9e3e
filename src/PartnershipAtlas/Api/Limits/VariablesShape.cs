using System.Collections;

namespace PartnershipAtlas.Api.Limits;

/// <summary>
/// The longest list or object anywhere in a request's variables, found in one pass over the values (nesting is bounded
/// by the JSON reader's depth limit), so a huge list is refused before anything is coerced or executed.
/// </summary>
public static class VariablesShape
{
    public static int LongestList(object? value) => value switch
    {
        null or string => 0,
        IDictionary map => Math.Max(map.Count, Longest(map.Values)),
        IEnumerable<KeyValuePair<string, object?>> pairs => Longest(pairs.Select(p => p.Value), counted: true),
        IEnumerable list => Longest(list, counted: true),
        _ => 0,
    };

    private static int Longest(IEnumerable values, bool counted = false)
    {
        int count = 0, longest = 0;
        foreach (var value in values)
        {
            count++;
            longest = Math.Max(longest, LongestList(value));
        }
        return counted ? Math.Max(count, longest) : longest;
    }
}
