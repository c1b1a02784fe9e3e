using PartnershipAtlas.Imports.Reference;

namespace PartnershipAtlas.Imports;

/// <summary>
/// Registers every dataset the assembly declares: each concrete <see cref="IDatasetImporter"/>, wherever its feature
/// keeps it (<c>Imports/Gias</c>, <c>Characteristics/Imports</c>, <c>Attainment/Imports</c>…), so a new dataset is a
/// new class in its own folder and no list changes. The derivations datasets declare are registered with them.
/// </summary>
public static class DatasetRegistration
{
    /// <summary>The declared dataset types, in a stable order (by full name).</summary>
    public static IReadOnlyList<Type> DatasetTypes { get; } = typeof(IDatasetImporter).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDatasetImporter).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    public static IServiceCollection AddDatasets(this IServiceCollection services)
    {
        services.AddSingleton<AreaMemberships>();
        foreach (var type in DatasetTypes) services.AddSingleton(typeof(IDatasetImporter), type);
        return services;
    }
}
