using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PartnershipAtlas.Tests.Support;

/// <summary>
/// The real server (<c>serve</c>, the built executable) as a child process on a free loopback port, its log lines kept
/// for the test to read. Disposing kills it.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    public ServerProcess(IEnumerable<string> settings)
    {
        Url = $"http://127.0.0.1:{AtlasFactory.FreePort()}";
        process = AtlasCli.Start(["serve", "--urls", Url, "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning", .. settings]);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }

    public IReadOnlyCollection<string> Lines => lines.ToArray();

    public bool HasExited => process.HasExited;

    /// <summary>The captures of <paramref name="pattern"/>'s first group on every log line it matches.</summary>
    public IReadOnlyList<string> Find(Regex pattern) => Lines.Select(l => pattern.Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Waits until a log line matches <paramref name="pattern"/>; returns its first group. Fails with the log when the process ends or time runs out.</summary>
    public async Task<string> WaitForAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Find(pattern) is [var first, ..]) return first;
            if (process.HasExited) break;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The server at {Url} did not log /{pattern}/ (exited: {process.HasExited}). Its log:\n{string.Join("\n", Lines.TakeLast(80))}");
    }

    /// <summary>Ends the process at once, as a crash or a lost machine would (no shutdown, nothing flushed).</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}
