using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Tests.Support;

/// <summary>Counts the SQL statements the server's store runs, to show that batched loading does not grow with rows.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int count;

    public int Count => count;

    public void Reset() => Interlocked.Exchange(ref count, 0);

    /// <summary>A client of the same server and store whose statements this counter counts.</summary>
    public HttpClient ClientFor(WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<AtlasDbContext>(o => o.AddInterceptors(this)))).CreateClient();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref count);
        return base.ReaderExecuting(command, eventData, result);
    }
}
