using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Benchmarks;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Tests.Support;

/// <summary>The real server, with every SQL statement its DbContexts run counted (an EF Core command interceptor).</summary>
public class StatementCountingFactory : AtlasFactory
{
    public StatementCounter Statements { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.InterceptStore(Statements));
    }
}
