using System.Diagnostics;
using Scheduler.Gateway.Web.Components.Pages;

namespace Scheduler.Web.Benchmarks;

/// <summary>
/// The server's cost of open boards: the process's CPU time, the bytes it allocated and the grain calls its silo received,
/// over a window with no board open, then with one, then with <c>many</c>, then none again (each a page of its own browser context, live
/// before the window starts). The process is the gateway with its silo; the driver in it only waits during a window.
/// </summary>
internal static class OpenBoardCostReport
{
    private const int TopTypes = 8;

    public static async Task RunAsync(BenchGateway gateway, BoardSession session, int seconds, int many, int settleSeconds)
    {
        using var sampler = new AllocationSampler();
        var window = TimeSpan.FromSeconds(seconds);
        var refreshes = seconds / (double)Board.RefreshSeconds;
        Console.WriteLine($"server cost over {seconds} s (a board refreshes every {Board.RefreshSeconds} s: {refreshes:0} refreshes):");
        Console.WriteLine("| boards open | CPU s | allocated MB | grain calls | grain calls per board refresh, above none |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        // The batch leaves work behind (notices, learned preferences): wait before the first window.
        await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
        var none = await MeasureAsync(gateway, sampler, window);
        Print(0, none, none, refreshes);
        foreach (var boards in many > 1 ? new[] { 1, many } : [1])
        {
            var pages = new List<IPage>();
            for (var i = 0; i < boards; i++)
            {
                var page = await session.NewPageAsync();
                await page.GotoAsync("/");
                await page.Locator("[data-interactive='true']").WaitForAsync();
                pages.Add(page);
            }

            await Task.Delay(TimeSpan.FromSeconds(4));
            var open = await MeasureAsync(gateway, sampler, window);
            Print(boards, open, none, refreshes * boards);

            foreach (var page in pages)
            {
                await BoardSession.CloseAsync(page);
            }

            await Task.Delay(TimeSpan.FromSeconds(10));
        }

        // The same boards again, then their browsers lose the connection without unload (a tab killed, a laptop asleep):
        // Blazor keeps the circuits (3 minutes), and a board reads nothing while its browser is away.
        var dropped = await DroppedBoards.OpenAsync(session, many);
        await dropped.DropAsync();
        await Task.Delay(TimeSpan.FromSeconds(4));
        Console.WriteLine($"{many} boards whose browsers dropped the connection (circuits kept):");
        Print(0, await MeasureAsync(gateway, sampler, window), none, refreshes);
        await dropped.CloseAsync();

        Print(0, await MeasureAsync(gateway, sampler, window), none, refreshes);
    }

    private static async Task<Window> MeasureAsync(BenchGateway gateway, AllocationSampler sampler, TimeSpan window)
    {
        sampler.Start();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var calls = gateway.Calls.Snapshot();
        await Task.Delay(window);
        process.Refresh();
        return new Window(
            (process.TotalProcessorTime - cpu).TotalSeconds,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6,
            GrainCallCounter.Between(calls, gateway.Calls.Snapshot()),
            sampler.Stop(TopTypes));
    }

    private static void Print(int boards, Window window, Window none, double boardRefreshes)
    {
        var perRefresh = boards == 0 ? "" : ((window.TotalCalls - none.TotalCalls) / boardRefreshes).ToString("0.0", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {boards} | {window.CpuSeconds:0.00} | {window.AllocatedMegabytes:0.0} | {window.TotalCalls} | {perRefresh} |"));
        foreach (var (method, calls) in window.Calls)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {method}: {calls}"));
        }

        Console.WriteLine("  allocated most, sampled (type: MB):");
        foreach (var (type, bytes) in window.Allocations)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {type}: {bytes / 1e6:0.0}"));
        }
    }

    private sealed record Window(double CpuSeconds, double AllocatedMegabytes, IReadOnlyList<(string Method, long Calls)> Calls, IReadOnlyList<(string Type, long Bytes)> Allocations)
    {
        public long TotalCalls => Calls.Sum(c => c.Calls);
    }
}
