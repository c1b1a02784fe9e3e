using System.Collections.Concurrent;
using System.Reflection;

namespace PartnershipAtlas.Api.Querying;

/// <summary>How a property of an entity takes part in filtering and sorting.</summary>
public enum MemberKind
{
    /// <summary>A value (string, number, date, enum, …): operations on it.</summary>
    Scalar,

    /// <summary>A single related entity: filter and sort through it.</summary>
    Object,

    /// <summary>A collection of related entities: <c>some all none any</c>.</summary>
    List,
}

/// <summary>One filterable/sortable property: its GraphQL name, its kind and its value or element type.</summary>
public sealed record EntityMember(PropertyInfo Property, string Name, MemberKind Kind, Type ValueType)
{
    /// <summary>The value type without <see cref="Nullable{T}"/>.</summary>
    public Type UnderlyingType => Nullable.GetUnderlyingType(ValueType) ?? ValueType;
}

/// <summary>
/// The filterable and sortable properties of an entity type, read by reflection once: every public read/write
/// property whose type is a supported scalar, an enum, another entity class or a list of entities. The GraphQL name is
/// the camel-cased property name, as the object types use.
/// </summary>
public static class EntityShape
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<EntityMember>> Shapes = new();

    private static readonly HashSet<Type> Scalars =
        [typeof(string), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(double), typeof(float), typeof(decimal),
         typeof(bool), typeof(DateOnly), typeof(DateTimeOffset), typeof(DateTime), typeof(Guid)];

    public static IReadOnlyList<EntityMember> Of(Type type) => Shapes.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
        .Select(Describe)
        .OfType<EntityMember>()
        .ToList());

    public static EntityMember? Find(Type type, string name) => Of(type).FirstOrDefault(m => m.Name == name);

    public static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return Scalars.Contains(underlying) || underlying.IsEnum;
    }

    private static EntityMember? Describe(PropertyInfo property)
    {
        var type = property.PropertyType;
        var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        if (IsScalar(type)) return new(property, name, MemberKind.Scalar, type);
        if (IsEntity(type)) return new(property, name, MemberKind.Object, type);
        var element = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
        return element is not null && IsEntity(element) ? new(property, name, MemberKind.List, element) : null;
    }

    private static bool IsEntity(Type type) => type.IsClass && type != typeof(string) && type.Assembly == typeof(EntityShape).Assembly;
}
