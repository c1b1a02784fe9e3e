using Npgsql;

namespace PartnershipAtlas.Data;

/// <summary>
/// The store out of reach for a while (PostgreSQL restarting, stopped, or the network to it lost), told apart from
/// other errors: a request that meets one gets a GraphQL error with <see cref="Code"/> (retry later) instead of an
/// unexplained failure. Nothing else is needed to recover: Npgsql drops the pooled connections that died with the
/// server (PostgresRestartTests pass with no pool handling of ours).
/// </summary>
public static class StoreOutages
{
    /// <summary>The GraphQL error code of a request that failed because the store could not be reached.</summary>
    public const string Code = "STORE_UNAVAILABLE";

    public const string Message = "The store is unavailable (restarting or unreachable); nothing was read or written. Try again shortly.";

    /// <summary>The store's own exception saying it is out of reach (inside EF Core's wrapping), or null for other errors.</summary>
    public static NpgsqlException? Cause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres) return IsConnectionState(postgres.SqlState) ? postgres : null;
            if (e is NpgsqlException { IsTransient: true } transient) return transient;
        }
        return null;
    }

    /// <summary>SQLSTATE class 08 (connection exception) and 57P (the server shutting down, crashed or starting).</summary>
    private static bool IsConnectionState(string sqlState) => sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("57P", StringComparison.Ordinal);
}
