using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PartnershipAtlas.Data;

namespace PartnershipAtlas.Tests.Support;

/// <summary>The real server, with its response cache off, recording the SQL of every query its store contexts run.</summary>
public sealed class SqlRecordingFactory : AtlasFactory
{
    private readonly Recorder recorder = new();

    public ConcurrentQueue<string> Sql => recorder.Sql;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Atlas:ResponseCache:Enabled", "false");
        builder.ConfigureServices(services => services.InterceptStore(recorder));
    }

    private sealed class Recorder : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Sql { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!HeldReads.Marks(command.CommandText)) Sql.Enqueue(command.CommandText); // a request's statements, not the held reads in the background
            return ValueTask.FromResult(result);
        }
    }
}
