using System.Diagnostics;

namespace PartnershipAtlas.Tests.Support;

/// <summary>Runs one of the Node.js test tools in tests/node (installed by the test project's build).</summary>
public static class NodeTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] args)
    {
        var folder = Path.Combine(RealData.RepositoryRoot, "tests", "node");
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
