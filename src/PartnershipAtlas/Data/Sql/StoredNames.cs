namespace PartnershipAtlas.Data.Sql;

/// <summary>
/// An enum read back from the name it is stored as (EF Core's enum-to-string conversion stores the member's name), for
/// statements stepped without EF Core's materialiser (<see cref="StoreRows"/>).
/// </summary>
public static class StoredNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);

    public static TEnum Parse(string stored) =>
        ByName.TryGetValue(stored, out var value) ? value : throw new InvalidOperationException($"The store holds \"{stored}\", which is no {typeof(TEnum).Name}.");
}
