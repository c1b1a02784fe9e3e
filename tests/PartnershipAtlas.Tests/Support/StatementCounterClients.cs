using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Benchmarks;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Tests.Support;

public static class StatementCounterClients
{
    /// <summary>A client of the same server and store whose SQL statements this counter counts.</summary>
    public static HttpClient ClientFor(this StatementCounter counter, WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.InterceptStore(counter))).CreateClient();
}
