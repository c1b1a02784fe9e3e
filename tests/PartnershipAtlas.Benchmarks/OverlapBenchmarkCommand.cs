using System.Diagnostics;
using System.Globalization;

namespace PartnershipAtlas.Benchmarks;

/// <summary>Overlap benchmark (issue 7): a generated national-scale landscape, timed over HTTP at several scales.</summary>
public static class OverlapBenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scales = Option("--scales", "0.1,0.25,0.5,1").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var runs = int.Parse(Option("--runs", "5"), CultureInfo.InvariantCulture);

        Console.WriteLine($"Overlap benchmark, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start; median of {runs} warm runs;");
        Console.WriteLine("cold = first request for a date (reads the store, builds the snapshot, counts pairs), today's membership index read once by itself, then 20 schools' networks just after a write (read from the store while the index is read anew) and from the index; [cpu] = process CPU time, which other load on the machine does not inflate.");
        Console.WriteLine(OverlapBenchmark.Header);
        var results = new List<OverlapBenchmark.Result>();
        foreach (var scale in scales)
        {
            var result = await new OverlapBenchmark(new LandscapeGenerator(scale), runs).RunAsync();
            results.Add(result);
            Console.WriteLine(result.Row);
        }
        if (results.Count > 1)
        {
            var (small, large) = (results[0], results[^1]);
            Console.WriteLine($"Growth from scale {small.Scale} to {large.Scale}: memberships x{(double)large.ActiveMemberships / small.ActiveMemberships:0.0}, " +
                $"pairs x{(double)large.Pairs / small.Pairs:0.0}, snapshot x{large.Snapshot.Cpu / small.Snapshot.Cpu:0.0} (cpu), " +
                $"matrix cold x{large.MatrixCold.Cpu / small.MatrixCold.Cpu:0.0} (cpu), top-100 cold x{large.TopCold.Cpu / small.TopCold.Cpu:0.0} (cpu)");
        }
        return 0;

        string Option(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
    }
}

/// <summary>Wall-clock and CPU timings.</summary>
internal static class Timing
{
    /// <summary>Wall-clock and process CPU milliseconds of one run.</summary>
    public static async Task<(double Wall, double Cpu)> WithCpuAsync(Func<Task> action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = await MillisecondsAsync(action);
        return (wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    }

    public static async Task<double> MillisecondsAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    public static async Task<double> MedianAsync(int runs, Func<Task> action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++) times.Add(await MillisecondsAsync(action));
        return times.Order().ElementAt(times.Count / 2);
    }
}
