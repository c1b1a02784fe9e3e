namespace PartnershipAtlas.Api.Http.Steps;

/// <summary>Registers <c>/graphql</c>'s endpoint and its steps.</summary>
public static class GraphQLHttpSteps
{
    public static IServiceCollection AddGraphQLHttpEndpoint(this IServiceCollection services) => services
        .AddSingleton<NegotiateStep>()
        .AddSingleton<ReadStep>()
        .AddSingleton<ResolveDocumentStep>()
        .AddSingleton<CheckLimitsStep>()
        .AddSingleton<CacheStep>()
        .AddSingleton<ExecuteStep>()
        .AddSingleton<WriteStep>()
        .AddSingleton<ExportTableStep>()
        .AddSingleton<GraphQLHttpEndpoint>();
}
