using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PartnershipAtlas.Data;

/// <summary>
/// Refuses an INSERT, UPDATE or DELETE that a context runs outside <see cref="AtlasDbContext.SaveChangesAsync(bool, CancellationToken)"/>
/// and <see cref="AtlasDbContext.WritingAsync{T}(Func{Task{T}}, StoreWrite, CancellationToken)"/> (e.g. a bare <c>ExecuteUpdateAsync</c>): it would change the store
/// without raising the <see cref="StoreStamp"/>, and cached answers would go on being served as if nothing changed.
/// </summary>
public sealed class UnstampedWriteGuard : DbCommandInterceptor
{
    public static readonly UnstampedWriteGuard Instance = new();

    private UnstampedWriteGuard() { }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is AtlasDbContext { WritesAllowed: false } && IsWrite(command.CommandText))
        {
            throw new InvalidOperationException(
                "A write to the store outside SaveChangesAsync or AtlasDbContext.WritingAsync would not raise the store stamp, so cached answers would not see it.");
        }
    }

    private static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase);
    }
}
