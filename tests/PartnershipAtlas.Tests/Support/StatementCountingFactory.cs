using Microsoft.AspNetCore.Hosting;
using PartnershipAtlas.Api.Caching;
using PartnershipAtlas.Benchmarks;

namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// The real server, with every SQL statement its DbContexts run counted (an EF Core command interceptor), and the
/// response cache off: a query sent again is computed again, so its statements are what is counted.
/// </summary>
public class StatementCountingFactory : AtlasFactory
{
    public StatementCounter Statements { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{ResponseCacheOptions.Section}:Enabled", "false");
        builder.ConfigureServices(services => services.InterceptStore(Statements));
    }
}
