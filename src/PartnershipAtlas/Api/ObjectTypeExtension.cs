using GraphQL.Types;

namespace PartnershipAtlas.Api;

/// <summary>
/// Fields one feature adds to an object type another feature owns, named by the type's CLR source (such as
/// <c>Partnership</c>), never by its graph type: the feature registers it with
/// <see cref="ObjectTypeExtensions.AddObjectTypeExtension{TSource, TExtension}"/> and the owning graph type applies every
/// registration for its source in the order they were registered, so features extend the schema without knowing each other.
/// </summary>
public interface IObjectTypeExtension<TSource>
{
    /// <summary>Adds this feature's fields to <paramref name="type"/>.</summary>
    void AddFieldsTo(ObjectGraphType<TSource> type);
}

/// <summary>Registers and applies <see cref="IObjectTypeExtension{TSource}"/>s.</summary>
public static class ObjectTypeExtensions
{
    /// <summary>Registers <typeparamref name="TExtension"/> to add its fields to the object type of <typeparamref name="TSource"/>.</summary>
    public static IServiceCollection AddObjectTypeExtension<TSource, TExtension>(this IServiceCollection services)
        where TExtension : class, IObjectTypeExtension<TSource> =>
        services.AddSingleton<IObjectTypeExtension<TSource>, TExtension>();

    /// <summary>Adds the fields of every registered extension of <typeparamref name="TSource"/>, in registration order.</summary>
    public static void ApplyExtensions<TSource>(this ObjectGraphType<TSource> type, IEnumerable<IObjectTypeExtension<TSource>> extensions)
    {
        foreach (var extension in extensions) extension.AddFieldsTo(type);
    }
}
