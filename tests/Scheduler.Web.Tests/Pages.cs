using Deque.AxeCore.Playwright;

namespace Scheduler.Web.Tests;

/// <summary>What the browser tests check on every page: accessibility by axe, and moving by keyboard.</summary>
public static class Pages
{
    /// <summary>Asserts that axe finds no serious or critical violation on the page as it stands.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(severe.Count == 0, string.Join("\n", severe.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 80 times), proving it is reachable by keyboard.</summary>
    public static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {target}.");
    }

    /// <summary>Asserts that nothing is wider than the viewport (no sideways scrolling of the page).</summary>
    public static async Task AssertFitsWidthAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth} px wide at a {width} px viewport.");
    }
}
