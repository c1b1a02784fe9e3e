using System.Diagnostics;

namespace PartnershipAtlas.Tests.Support;

/// <summary>Runs, on a test server's store, the real executable's command line (the same build the server runs) in a child process.</summary>
public static class AtlasCli
{
    public sealed record Result(int ExitCode, string Output);

    public static Task<Result> RunAsync(AtlasFactory store, params string[] args) => RunAsync(store.StoreArguments, args);

    /// <summary>Runs the command line on the store the arguments name (<see cref="AtlasFactory.StoreArguments"/>).</summary>
    public static async Task<Result> RunAsync(IEnumerable<string> storeArguments, params string[] args)
    {
        using var process = Start([.. args, .. storeArguments]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Starts the command line with its output redirected (read it, or it may block when the pipe fills).</summary>
    public static Process Start(AtlasFactory store, params string[] args) => Start([.. args, .. store.StoreArguments]);

    /// <summary>Starts the executable with these arguments only (they name the store), output redirected.</summary>
    public static Process Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartnershipAtlas.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }
}
