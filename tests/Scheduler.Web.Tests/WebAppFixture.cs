using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Gateway.Auth;

namespace Scheduler.Web.Tests;

/// <summary>
/// One gateway with the demo tenant on a free port and one headless Chromium (Debian's, at <see cref="ChromiumPath"/>) for
/// every browser test of the collection; each test opens its own browser context (its own cookies).
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright is told to use it, so no browser is downloaded.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDirectory _data = new();
    private IPlaywright? _playwright;

    public WebGateway Gateway { get; private set; } = default!;

    /// <summary>The SMTP server the gateway's email goes to.</summary>
    internal SmtpSink Mail { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is missing at {ChromiumPath}: install it with 'apt-get install -y chromium' (scripts/test-deps.sh does).");
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        // Email goes to a real SMTP server (aiosmtpd), so what the pages send (a prep plan's .ics) can be read back.
        Mail = await SmtpSink.StartNewAsync();
        Gateway = new WebGateway(
            _data.Path,
            new Dictionary<string, string?>
            {
                ["Scheduler:Demo"] = "true",
                ["urls"] = BaseAddress.ToString(),
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
                ["Smtp:EnableSsl"] = "false",
            },
            "Testing");
        Gateway.UseKestrel(port);
        Gateway.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
        using var api = Api("recruiter");
        await WaitForDemoRequestsAsync(api);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Gateway.DisposeAsync();
        await Mail.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>An API client of the demo tenant with a bearer token of <paramref name="roles"/>.</summary>
    public HttpClient Api(params string[] roles)
    {
        var token = Gateway.Services.GetRequiredService<TokenIssuer>().Mint("demo", roles, "web-tests", TimeSpan.FromHours(1)).Token;
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new browser page in its own context, signed in through the local sign-in page with <paramref name="roles"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string[] roles, int width = 1280, string timeZone = "Asia/Tokyo")
    {
        var page = await NewPageAsync(width, timeZone);
        await SignInAsync(page, roles);
        return page;
    }

    /// <summary>A new browser page in its own context (not signed in).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, string timeZone = "Asia/Tokyo")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            TimezoneId = timeZone,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in on the local page, ticking exactly <paramref name="roles"/>.</summary>
    public static async Task SignInAsync(IPage page, string[] roles)
    {
        await page.GotoAsync("/account/local");
        await page.GetByLabel("Tenant").FillAsync("demo");
        foreach (var role in new[] { "recruiter", "ats", "admin" })
        {
            await page.Locator($"#role-{role}").SetCheckedAsync(roles.Contains(role));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Only the redirect is awaited, by polling the address (a navigation wait that starts after the address changed waits
        // for a load event instead): the page it leads to is waited for by what the test looks for next.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^(?!.*/account/local)"), new() { Timeout = 60_000 });
    }

    /// <summary>Waits until a page's interactive components are connected (the board and a request's page say so).</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

    /// <summary>
    /// Saves a screenshot of the page under <c>artifacts/screenshots/</c> of the repository (ignored by git, so a test run
    /// leaves the tree clean); the copies shown in the docs are chosen from there into <c>docs/screenshots/</c>.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    /// <summary>The demo tenant's requests, read through the API's list (every page).</summary>
    public static async Task<List<JsonObject>> ListAllAsync(HttpClient api)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests?limit=500{(cursor is null ? null : "&cursor=" + Uri.EscapeDataString(cursor))}"))!;
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);
        return items;
    }

    /// <summary>Submits a request for the candidate in propose mode and waits until it has proposals.</summary>
    public async Task<string> SubmitProposedAsync(string candidateId, string interviewerId)
    {
        using var api = Api("ats", "recruiter");
        var start = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(1);
        var response = await api.PostAsJsonAsync("/v1/interview-requests", new
        {
            candidateId,
            window = new { start = start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), end = start.AddDays(8).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) },
            stages = new[] { new { name = "technical", durationMinutes = 45, interviewerIds = new[] { interviewerId } } },
        });
        response.EnsureSuccessStatusCode();
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await WaitForStatusAsync(api, id, "proposed");
        return id;
    }

    /// <summary>Waits until the API reports the status (the API is the reference the pages are checked against).</summary>
    public static async Task WaitForStatusAsync(HttpClient api, string id, string status)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var request = await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}");
            if ((string?)request!["status"] == status)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Request {id} never reached {status}.");
    }

    private static async Task WaitForDemoRequestsAsync(HttpClient api)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var items = await ListAllAsync(api);
            if (items.Count >= 3 && items.All(i => (string?)i["status"] is not ("pending" or "booking" or "rescheduling")))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The demo requests did not settle.");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Scheduler.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Scheduler.slnx) was not found.");
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app";
}
