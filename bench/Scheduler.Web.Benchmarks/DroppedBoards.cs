using System.Text.RegularExpressions;

namespace Scheduler.Web.Benchmarks;

/// <summary>
/// Live boards whose connection to the server can be cut as a lost network cuts it: each page's Blazor WebSocket goes
/// through Playwright (<see cref="IPage.RouteWebSocketAsync(Regex, Action{IWebSocketRoute})"/>), so the server side can be
/// closed without the page unloading, and later connection attempts and other circuit requests are refused.
/// </summary>
internal sealed partial class DroppedBoards
{
    private readonly List<IPage> _pages = [];
    private readonly List<IWebSocketRoute> _servers = [];
    private volatile bool _dropped;

    /// <summary>Opens <paramref name="count"/> boards, each live.</summary>
    public static async Task<DroppedBoards> OpenAsync(BoardSession session, int count)
    {
        var boards = new DroppedBoards();
        for (var i = 0; i < count; i++)
        {
            var page = await session.NewPageAsync();
            await page.RouteWebSocketAsync(BlazorHub(), boards.Connect);
            await page.RouteAsync(BlazorHub(), route => boards._dropped ? route.AbortAsync() : route.ContinueAsync());
            await page.GotoAsync("/");
            await page.Locator("[data-interactive='true']").WaitForAsync();
            boards._pages.Add(page);
        }

        return boards;
    }

    /// <summary>Closes the server side of every board's connection; the pages stay open and cannot connect again.</summary>
    public async Task DropAsync()
    {
        _dropped = true;
        IWebSocketRoute[] servers;
        lock (_servers)
        {
            servers = [.. _servers];
        }

        foreach (var server in servers)
        {
            await server.CloseAsync();
        }
    }

    /// <summary>Closes the pages.</summary>
    public async Task CloseAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
    }

    private void Connect(IWebSocketRoute socket)
    {
        if (_dropped)
        {
            _ = socket.CloseAsync();
            return;
        }

        var server = socket.ConnectToServer();
        lock (_servers)
        {
            _servers.Add(server);
        }
    }

    [GeneratedRegex("/_blazor")]
    private static partial Regex BlazorHub();
}
