using System.Net;
using Cookie = Microsoft.Playwright.Cookie;

namespace Scheduler.Web.Benchmarks;

/// <summary>
/// A person signed in to one tenant through the local sign-in page with the role <c>ats</c> (which may read the board):
/// new browser contexts and HTTP clients carry the same cookie, so each opens the board as that person with a cold cache.
/// </summary>
internal sealed class BoardSession
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IReadOnlyList<Cookie> _cookies;

    private BoardSession(IPlaywright playwright, IBrowser browser, Uri baseAddress, IReadOnlyList<Cookie> cookies)
    {
        _playwright = playwright;
        Browser = browser;
        BaseAddress = baseAddress;
        _cookies = cookies;
    }

    public IBrowser Browser { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts Debian's Chromium (headless; Playwright downloads none) and signs in to <paramref name="tenant"/>.</summary>
    public static async Task<BoardSession> SignInAsync(Uri baseAddress, string tenant)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/local");
        await page.GetByLabel("Tenant").FillAsync(tenant);
        await page.GetByLabel("Your name").FillAsync("Bench");
        await page.Locator("#role-ats").SetCheckedAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The address is polled (as the web tests do): a navigation wait begun after it changed waits for a load event instead.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^(?!.*/account/)"));
        var cookies = (await context.CookiesAsync())
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite })
            .ToList();
        await context.CloseAsync();
        return new BoardSession(playwright, browser, baseAddress, cookies);
    }

    /// <summary>A new page in a new browser context (empty cache) with the sign-in cookie.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(120_000);
        await context.AddCookiesAsync(_cookies);
        return await context.NewPageAsync();
    }

    /// <summary>An HTTP client that sends the sign-in cookie and does not follow redirects (a redirect means the sign-in did not hold).</summary>
    public HttpClient NewHttpClient()
    {
        var jar = new CookieContainer();
        foreach (var cookie in _cookies)
        {
            jar.Add(BaseAddress, new System.Net.Cookie(cookie.Name, cookie.Value, "/"));
        }

        return new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>
    /// Closes a page as a person closes a tab: unload runs, so Blazor ends the circuit; a page that vanishes without unload
    /// leaves its circuit (with the board's refresh paused) on the server until the circuit is dropped.
    /// </summary>
    public static async Task CloseAsync(IPage page)
    {
        await page.CloseAsync(new() { RunBeforeUnload = true });
        await page.Context.CloseAsync();
    }

    public async Task CloseAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
