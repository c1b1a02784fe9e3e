using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using PartnershipAtlas.Api;
using PartnershipAtlas.Attainment.Imports;
using PartnershipAtlas.Api.Http;
using PartnershipAtlas.Data;
using PartnershipAtlas.Imports;
using PartnershipAtlas.Imports.Gias;

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
        services.AddSingleton<IDatasetImporter, GiasEstablishmentsImporter>();
        services.AddSingleton<IDatasetImporter, Ks2Importer>();
        services.AddSingleton<IDatasetImporter, Ks4Importer>();
        services.AddSingleton<ImportService>();
        return services;
    }

    /// <summary>Everything the server runs: the core, GraphQL, the HTTP endpoint and the start-up work.</summary>
    public static WebApplicationBuilder AddAtlas(this WebApplicationBuilder builder)
    {
        builder.Services.AddAtlasCore(builder.Configuration);
        builder.Services.Configure<StartupOptions>(builder.Configuration.GetSection("Atlas"));
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.AddScoped<LoaderScope>();
        builder.Services.AddSingleton<IdePage>();
        builder.Services.AddSingleton<GraphQLHttpEndpoint>();
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<AtlasSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(AtlasSchema).Assembly)
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = builder.Environment.IsDevelopment()));
        return builder;
    }

    public static WebApplication MapAtlas(this WebApplication app)
    {
        app.UseStaticFiles();
        app.Map("/graphql", (HttpContext http, GraphQLHttpEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapGet("/", (HttpContext http, IdePage ide) => ide.WriteAsync(http));
        return app;
    }
}
