using PartnershipAtlas.Data;

namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// The request's services for GraphQL.NET's resolvers, whose DI scope (<see cref="HttpContext.RequestServices"/>, which
/// ASP.NET Core creates when it is first read) is created only when a resolver first asks for a service: a document that
/// resolves nothing from it (<c>{ __typename }</c>, a refusal) never creates or disposes one. The services nearly every
/// resolver asks for (the store context, the loaders, and the clock for a field's default date) are kept once
/// resolved: the scope's own lookup took a lock's slow path each time (issue 20's profile), and a 20-node page asks
/// dozens of times.
/// </summary>
public sealed class ScopeOnDemand(HttpContext http) : IServiceProvider
{
    private IServiceProvider? scope;
    private object? db;
    private object? loaders;
    private object? clock;

    public object? GetService(Type serviceType) =>
        serviceType == typeof(AtlasDbContext) ? db ??= Scope.GetService(serviceType)
        : serviceType == typeof(LoaderScope) ? loaders ??= Scope.GetService(serviceType)
        : serviceType == typeof(TimeProvider) ? clock ??= Scope.GetService(serviceType)
        : Scope.GetService(serviceType);

    private IServiceProvider Scope => scope ??= http.RequestServices;
}
