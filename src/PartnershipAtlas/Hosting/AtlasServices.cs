using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using PartnershipAtlas.Api;
using PartnershipAtlas.Api.Auth;
using PartnershipAtlas.Api.Caching;
using PartnershipAtlas.Api.Http;
using PartnershipAtlas.Api.Http.Steps;
using PartnershipAtlas.Api.Limits;
using PartnershipAtlas.Api.Persisted;
using PartnershipAtlas.Api.Querying;
using PartnershipAtlas.Api.Subscriptions;
using PartnershipAtlas.Attainment;
using PartnershipAtlas.Characteristics;
using PartnershipAtlas.Data;
using PartnershipAtlas.Establishments;
using PartnershipAtlas.Explorer;
using PartnershipAtlas.Hosting.Health;
using PartnershipAtlas.Hosting.Security;
using PartnershipAtlas.Hosting.Telemetry;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Reference;
using PartnershipAtlas.Imports.Scheduling;
using PartnershipAtlas.Imports.Sources;
using PartnershipAtlas.Overlap;
using PartnershipAtlas.Partnerships;

namespace PartnershipAtlas.Hosting;

/// <summary>The composition root: what the server and the command line register.</summary>
public static class AtlasServices
{
    /// <summary>The store and the importers: all the command line needs.</summary>
    public static IServiceCollection AddAtlasCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddAtlasStore(configuration);
        services.Configure<ImportOptions>(configuration.GetSection("Atlas:Import"));
        services.AddDatasets();
        services.Configure<ReferenceDataOptions>(configuration.GetSection(ReferenceDataOptions.Section));
        services.AddSingleton<ReferenceLists>();
        services.AddSingleton<ImportService>();
        services.AddImportSources(configuration);
        return services;
    }

    /// <summary>Everything the server runs: the core, GraphQL, the HTTP endpoint and the start-up work.</summary>
    public static WebApplicationBuilder AddAtlas(this WebApplicationBuilder builder)
    {
        builder.Services.AddAtlasCore(builder.Configuration);
        builder.AddAtlasSecurity();
        builder.Services.Configure<StartupOptions>(builder.Configuration.GetSection("Atlas"));
        builder.Services.AddHostedService<PartnershipAtlas.Data.Backups.StoreHold>();
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.AddImportSchedules(builder.Configuration);
        builder.Services.AddAtlasHealth(builder.Configuration);
        builder.Services.AddAtlasTelemetry(builder.Configuration);
        builder.Services.AddScoped<LoaderScope>();
        builder.Services.AddSingleton<ActiveMembershipIndexes>();
        builder.Services.AddSingleton<HeldEstablishments>();
        builder.Services.AddOverlap();
        builder.Services.AddAttainment();
        builder.Services.AddCharacteristics();
        builder.Services.AddSingleton<IdePage>();
        builder.Services.AddExplorer(builder.Configuration);
        builder.Services.AddGraphQLHttpEndpoint();
        builder.Services.Configure<PartnershipAtlas.Api.Export.ExportOptions>(builder.Configuration.GetSection(PartnershipAtlas.Api.Export.ExportOptions.Section));
        builder.Services.AddSingleton<ValidatedDocuments>();
        builder.Services.AddSingleton<ResponseCache>();
        builder.Services.Configure<ResponseCacheOptions>(builder.Configuration.GetSection(ResponseCacheOptions.Section));
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<ApiKeyAuthentication>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddQueryingGraphTypes();
        builder.Services.Configure<LimitsOptions>(builder.Configuration.GetSection(LimitsOptions.Section));
        builder.Services.Configure<PersistedDocumentsOptions>(builder.Configuration.GetSection(PersistedDocumentsOptions.Section));
        builder.Services.AddSingleton<CostRateLimiter>();
        builder.Services.AddSingleton<QueryCost>();
        builder.Services.AddSingleton<PersistedDocumentStore>();
        builder.Services.AddAtlasSubscriptions(builder.Configuration);
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<AtlasSchema>()
            .AddDocumentExecuter<PartnershipAtlas.Api.Execution.AtlasDocumentExecuter>()
            .AddSystemTextJson()
            .AddSerializer<ResponseSerializer>()
            .AddGraphTypes(typeof(AtlasSchema).Assembly)
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddExecutionStrategy(new SubscriptionExecutionStrategy(new SerialExecutionStrategy()), OperationType.Subscription)
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = builder.Environment.IsDevelopment()));
        builder.Services.AddSingleton(services => (ResponseSerializer)services.GetRequiredService<IGraphQLTextSerializer>());
        builder.Services.AddSingleton<GraphQL.Validation.DocumentValidator>();
        builder.Services.AddSingleton<GraphQL.Validation.IDocumentValidator, BoundedDocumentValidator>();
        return builder;
    }

    public static WebApplication MapAtlas(this WebApplication app)
    {
        app.UseAtlasSecurity();
        app.UseStaticFiles();
        var apiKeys = app.Services.GetRequiredService<ApiKeyAuthentication>();
        app.Use((http, next) => apiKeys.InvokeAsync(http, next));
        app.MapPost(DocumentRegistrationEndpoint.Path, DocumentRegistrationEndpoint.HandleAsync);
        // The endpoint is a singleton taken once: resolving it per request would create the request's DI scope even for
        // a document that needs none (ScopeOnDemand).
        var graphql = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        app.Map("/graphql", (HttpContext http) => graphql.HandleAsync(http));
        app.Map(GraphQLStreamEndpoint.Path, (HttpContext http, GraphQLStreamEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapGet(GraphQLHttpEndpoint.CsvLinkPath, (HttpContext http) => graphql.HandleCsvLinkAsync(http));
        app.MapExplorer();
        app.MapAtlasHealth();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGet("/export/network", NetworkExport.HandleAsync);
        return app;
    }
}
