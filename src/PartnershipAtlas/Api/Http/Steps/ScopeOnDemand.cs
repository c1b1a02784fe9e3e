namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>
/// The request's services for GraphQL.NET's resolvers, whose DI scope (<see cref="HttpContext.RequestServices"/>, which
/// ASP.NET Core creates when it is first read) is created only when a resolver first asks for a service: a document that
/// resolves nothing from it (<c>{ __typename }</c>, a refusal) never creates or disposes one.
/// </summary>
public sealed class ScopeOnDemand(HttpContext http) : IServiceProvider
{
    private IServiceProvider? scope;

    public object? GetService(Type serviceType) => (scope ??= http.RequestServices).GetService(serviceType);
}
