namespace PartnershipAtlas.Api;

/// <summary>
/// One boxed object per value of an enum, made once: a resolver returns <c>object</c>, so an enum field resolved for
/// every row of a page would otherwise box its value each time.
/// </summary>
public static class BoxedEnums<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, object> Boxes = Enum.GetValues<TEnum>().ToDictionary(value => value, value => (object)value);

    public static object Of(TEnum value) => Boxes.TryGetValue(value, out var box) ? box : value;
}
