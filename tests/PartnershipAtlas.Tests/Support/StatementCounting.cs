using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Tests.Support;

public static class StatementCounting
{
    /// <summary>Adds an interceptor to the store's contexts, whichever provider's context type the server uses.</summary>
    public static IServiceCollection InterceptStore(this IServiceCollection services, IInterceptor interceptor)
    {
        services.ConfigureDbContext<AtlasDbContext>(options => options.AddInterceptors(interceptor));
        services.ConfigureDbContext<PostgresAtlasDbContext>(options => options.AddInterceptors(interceptor));
        return services;
    }
}
