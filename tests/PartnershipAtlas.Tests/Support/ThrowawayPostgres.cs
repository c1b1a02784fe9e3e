using System.Diagnostics;
using Npgsql;

namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of this test's own (<c>scripts/postgres</c> on a free port, its own data folder), for a test
/// that stops and starts the server: the shared test cluster serves other test runs and is never restarted. Disposing
/// stops it and deletes its data.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly int port = AtlasFactory.FreePort();

    public ThrowawayPostgres()
    {
        var server = Run("start").Trim();
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = "atlas" }.ToString();
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var create = new NpgsqlCommand("CREATE DATABASE atlas", connection);
        create.ExecuteNonQuery();
        NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>The store's connection string (database <c>atlas</c>, empty until a server migrates it).</summary>
    public string ConnectionString { get; }

    /// <summary>Stops the server at once (<c>pg_ctl stop -m immediate</c>, as a crash would): every connection drops, new ones are refused.</summary>
    public void Halt() => Run("halt");

    /// <summary>Starts the halted server again on its data (it recovers from its log first).</summary>
    public void Resume() => Run("resume");

    public void Dispose() => Run("stop");

    private string Run(string action)
    {
        var script = Path.Combine(RealData.RepositoryRoot, "scripts", "postgres");
        using var process = Process.Start(new ProcessStartInfo(script, [action, port.ToString()]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"scripts/postgres {action} {port}: {error.Result}");
        return output;
    }
}
