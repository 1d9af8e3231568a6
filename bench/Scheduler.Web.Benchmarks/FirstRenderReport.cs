using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Scheduler.Web.Benchmarks;

/// <summary>
/// Time to first render of the board: (1) the server-rendered HTML of <c>/</c> (request sent to the last byte read, with the
/// sign-in cookie), checked to hold a full page of rows and counts that add up to the tenant's requests, as it comes and
/// after the index's version moved (so the shards are read); (2) in Chromium,
/// from the start of navigation (the page's own clock) until the grid and counts are shown, then until the page is live
/// (interactive, with the grid and counts loaded again), then the time a click on "Next page" takes to show page 2.
/// </summary>
internal static partial class FirstRenderReport
{
    private const string Shown = "() => document.querySelectorAll('tbody tr[data-request]').length === 25 && document.querySelectorAll('.counts li strong').length > 0 ? performance.now() : false";
    private const string Live = "() => document.querySelector(\"[data-interactive='true']\") && document.querySelectorAll('tbody tr[data-request]').length === 25 && document.querySelectorAll('.counts li strong').length > 0 ? performance.now() : false";
    private const string PageTwo = "(first) => document.querySelector('.pager span')?.textContent === 'Page 2' && document.querySelector('tbody tr[data-request]')?.dataset.request !== first ? performance.now() : false";

    public static async Task RunAsync(BoardSession session, int expectedRequests, int htmlRuns, int browserRuns, Func<Task> moveIndexVersion)
    {
        using var http = session.NewHttpClient();
        var html = new List<double>();
        for (var run = 0; run <= htmlRuns; run++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            Check(response, body, expectedRequests);
            if (run == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HTML of / (first after start): {elapsed:0.0} ms, {body.Length:N0} characters"));
            }
            else
            {
                html.Add(elapsed);
            }
        }

        Console.WriteLine($"HTML of /, warm: {Figures.MedianAndRange(html)}");

        // The same after the index's version moved, so no board snapshot is kept for it and the shards are read.
        var changed = new List<double>();
        for (var run = 0; run < htmlRuns; run++)
        {
            await moveIndexVersion();
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            changed.Add(clock.Elapsed.TotalMilliseconds);
            Check(response, body, expectedRequests);
        }

        Console.WriteLine($"HTML of /, warm, index version moved before each: {Figures.MedianAndRange(changed)}");

        var (shown, live, next) = (new List<double>(), new List<double>(), new List<double>());
        for (var run = 0; run < browserRuns; run++)
        {
            var page = await session.NewPageAsync();
            await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit });
            shown.Add(await ClockAsync(page, Shown));
            live.Add(await ClockAsync(page, Live));
            var first = await page.Locator("tbody tr[data-request]").First.GetAttributeAsync("data-request");
            var before = await page.EvaluateAsync<double>("() => performance.now()");
            await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
            next.Add(await ClockAsync(page, PageTwo, first) - before);
            await BoardSession.CloseAsync(page);
        }

        Console.WriteLine($"browser, navigation start to grid and counts shown: {Figures.MedianAndRange(shown)}");
        Console.WriteLine($"browser, navigation start to live (interactive, grid and counts loaded): {Figures.MedianAndRange(live)}");
        Console.WriteLine($"browser, click on Next page to page 2 shown: {Figures.MedianAndRange(next)}");
    }

    private static async Task<double> ClockAsync(IPage page, string condition, object? argument = null)
    {
        var handle = await page.WaitForFunctionAsync(condition, argument, new() { Timeout = 120_000 });
        return await handle.JsonValueAsync<double>();
    }

    private static void Check(HttpResponseMessage response, string body, int expectedRequests)
    {
        if ((int)response.StatusCode != 200)
        {
            throw new InvalidOperationException($"GET / answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        var rows = RowPattern().Count(body);
        var total = CountPattern().Matches(body).Sum(m => int.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        if (rows != 25 || total != expectedRequests)
        {
            throw new InvalidOperationException($"GET / rendered {rows} rows and counts adding up to {total}; expected 25 rows and {expectedRequests}.");
        }
    }

    [GeneratedRegex("<tr data-request=")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<li data-status=\"[^\"]+\"><span[^>]*>[^<]*</span> <strong>([0-9,]+)</strong>")]
    private static partial Regex CountPattern();
}
