using System.Linq.Expressions;
using System.Reflection;

namespace PartnershipAtlas.Api.Querying;

/// <summary>How a declared field takes part in filtering and sorting.</summary>
public enum MemberKind
{
    /// <summary>A value (string, number, date, enum, …): operations on it.</summary>
    Scalar,

    /// <summary>A single related entity: filter and sort through its own declared fields.</summary>
    Object,

    /// <summary>A collection of related entities: <c>some all none any</c>.</summary>
    List,

    /// <summary>The public <c>ID</c> the object type shows (a global id, or a number shown as an ID): <c>eq neq in nin</c>; not sortable.</summary>
    Id,
}

/// <summary>One field <c>where:</c>/<c>order:</c> offer: its public name, the property it reads, its kind and its value (or element) type.</summary>
/// <param name="IdTypeName">For an <see cref="MemberKind.Id"/> field, the type name its global ids carry (null: the ID is the number itself).</param>
public sealed record EntityMember(PropertyInfo Property, string Name, MemberKind Kind, Type ValueType, string? IdTypeName = null)
{
    /// <summary>The value type without <see cref="Nullable{T}"/>.</summary>
    public Type UnderlyingType => Nullable.GetUnderlyingType(ValueType) ?? ValueType;
}

/// <summary>
/// The fields a public type offers in <c>where:</c> and <c>order:</c>, declared next to its graph type (one small class
/// per entity). Only what is declared is offered: storage ids (numeric keys, foreign keys, run ids) stay out, relations
/// are followed through the related type's own declaration, and an id is the public <c>ID</c>.
/// </summary>
public abstract class QueryFields<T> : IQueryFields
{
    private readonly List<EntityMember> members = [];

    public Type EntityType => typeof(T);

    public IReadOnlyList<EntityMember> Members => members;

    /// <summary>A value, a related entity (declared too) or a list of related entities, under its public name.</summary>
    protected void Field<TValue>(string name, Expression<Func<T, TValue>> property)
    {
        var info = PropertyOf(property);
        var type = info.PropertyType;
        var element = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
        var (kind, valueType) = QueryScalars.IsScalar(type) ? (MemberKind.Scalar, type)
            : element is not null ? (MemberKind.List, element)
            : (MemberKind.Object, type);
        members.Add(new EntityMember(info, name, kind, valueType));
    }

    /// <summary><c>id</c>: the global id of <paramref name="typeName"/> over this key, or (no type name) the number the object type shows as its ID.</summary>
    protected void Id<TKey>(Expression<Func<T, TKey>> key, string? typeName = null) where TKey : struct =>
        members.Add(new EntityMember(PropertyOf(key), "id", MemberKind.Id, typeof(TKey), typeName));

    private static PropertyInfo PropertyOf(LambdaExpression selector) =>
        selector.Body is MemberExpression { Member: PropertyInfo property } access && access.Expression == selector.Parameters[0]
            ? property
            : throw new ArgumentException($"A query field of {typeof(T).Name} must name one of its properties, not '{selector}'.", nameof(selector));
}

/// <summary>A type's declared query fields, whatever the type.</summary>
public interface IQueryFields
{
    Type EntityType { get; }

    IReadOnlyList<EntityMember> Members { get; }
}

/// <summary>Finds the declaration of each entity type (every <see cref="QueryFields{T}"/> in the assembly, made once).</summary>
public static class QueryFieldDeclarations
{
    private static readonly Lazy<IReadOnlyDictionary<Type, IQueryFields>> Declarations = new(() => typeof(IQueryFields).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IQueryFields).IsAssignableFrom(t))
        .Select(t => (IQueryFields)Activator.CreateInstance(t)!)
        .ToDictionary(d => d.EntityType));

    public static IReadOnlyList<EntityMember> Of(Type type) => Declarations.Value.TryGetValue(type, out var declaration)
        ? declaration.Members
        : throw new InvalidOperationException($"{type.Name} has no QueryFields<{type.Name}> declaration: declare what where/order offer next to its graph type.");

    public static EntityMember? Find(Type type, string name) => Of(type).FirstOrDefault(m => m.Name == name);

    /// <summary>Every declared entity type.</summary>
    public static IEnumerable<Type> EntityTypes => Declarations.Value.Keys;
}

/// <summary>The value types filters and sorts support.</summary>
public static class QueryScalars
{
    private static readonly HashSet<Type> Scalars =
        [typeof(string), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(double), typeof(float), typeof(decimal),
         typeof(bool), typeof(DateOnly), typeof(DateTimeOffset), typeof(DateTime), typeof(Guid)];

    public static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return Scalars.Contains(underlying) || underlying.IsEnum;
    }

    /// <summary>Whether SQL can order the values: not DateTimeOffset, which SQLite keeps as text it cannot compare.</summary>
    public static bool IsComparable(Type type) => type != typeof(DateTimeOffset);

    /// <summary>Scalars SQL can compare and related entities; not lists, not ids.</summary>
    public static bool IsSortable(EntityMember member) =>
        member.Kind == MemberKind.Object || (member.Kind == MemberKind.Scalar && IsComparable(member.UnderlyingType));
}
