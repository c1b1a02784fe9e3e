using System.Diagnostics;

namespace PartnershipAtlas.Tests.Support;

public static class Eventually
{
    /// <summary>Polls until the condition holds (true) or a minute passes (false).</summary>
    public static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await condition()) return true;
            await Task.Delay(50);
        }
        return false;
    }
}
