using static Microsoft.Playwright.Assertions;

namespace Scheduler.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class ParticipantPageTests(WebAppFixture app)
{
    [Fact]
    public async Task ParticipantList_ShowsTheDemoPeople_AndOpensOneByKeyboard()
    {
        var page = await app.SignedInPageAsync(["recruiter"]);

        await page.GotoAsync("/participants");

        await Expect(page.Locator("[data-participant='ada']")).ToContainTextAsync("Ada Lovelace");
        await Expect(page.Locator("[data-participant='maya']")).ToContainTextAsync("America/New_York");
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "participants");

        await page.GetByLabel("Kind").SelectOptionAsync("candidate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("[data-participant='maya']")).ToHaveCountAsync(0);
        var ada = page.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" });
        await Pages.TabToAsync(page, ada);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Lovelace", Level = 1 })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ParticipantWeek_ShowsBlocksAndWorkingHoursInTheirZone_AndMovesByWeek()
    {
        // The demo gives maya (New York) a "Leadership sync" block from 14:00 to 16:00 UTC tomorrow: 09:00 or 10:00 in New York.
        var tomorrow = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var localStart = TimeZoneInfo.ConvertTime(tomorrow.AddHours(14), zone);
        var localEnd = TimeZoneInfo.ConvertTime(tomorrow.AddHours(16), zone);
        var day = DateOnly.FromDateTime(localStart.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = await app.SignedInPageAsync(["recruiter"], width: 390);

        await page.GotoAsync($"/participants/maya?week={day}");

        var column = page.Locator($"[data-date='{day}']");
        var block = column.Locator("[data-kind='Block']");
        await Expect(block).ToContainTextAsync("Leadership sync");
        await Expect(block).ToContainTextAsync($"{localStart:HH:mm}–{localEnd:HH:mm}");
        if (localStart.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            await Expect(column.Locator(".work")).ToContainTextAsync("Working 09:00–17:00");
        }

        await Expect(page.GetByTestId("week-of")).ToContainTextAsync("America/New_York");
        await Expect(page.GetByText("Changing a profile needs the admin role.")).ToBeVisibleAsync();
        await Pages.AssertFitsWidthAsync(page, 390);
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "participant-week-390px");

        var monday = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        monday = monday.AddDays(-(((int)monday.DayOfWeek + 6) % 7));
        var next = page.GetByRole(AriaRole.Link, new() { Name = "Next week →" });
        await Pages.TabToAsync(page, next);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("week-of")).ToContainTextAsync(monday.AddDays(7).ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture));
        await Expect(page.Locator($"[data-date='{monday.AddDays(7):yyyy-MM-dd}']")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProfileForm_ShowsTheFieldErrorInline_AndSavesAValidChange()
    {
        using var api = app.Api("admin");
        var created = await api.PutAsJsonAsync("/v1/participants/web-profile", new
        {
            displayName = "Profile Person",
            kind = "interviewer",
            timeZone = "Europe/Berlin",
            workingHours = new[] { new { days = new[] { "Mon", "Tue", "Wed", "Thu", "Fri" }, start = "09:00", end = "17:00" } },
        });
        created.EnsureSuccessStatusCode();
        var page = await app.SignedInPageAsync(["admin"]);

        await page.GotoAsync("/participants/web-profile");
        await WebAppFixture.WaitInteractiveAsync(page);
        var zoneField = page.GetByLabel("Time zone (IANA id)");
        await Expect(zoneField).ToHaveValueAsync("Europe/Berlin");

        await zoneField.FillAsync("Mars/Olympus");
        await zoneField.PressAsync("Tab");
        await Expect(page.Locator("#pf-timeZone-error")).ToHaveTextAsync("Unknown time zone 'Mars/Olympus'.");
        await Expect(zoneField).ToHaveAttributeAsync("aria-invalid", "true");
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "participant-profile-error");

        await zoneField.FillAsync("Europe/Paris");
        await zoneField.PressAsync("Tab");
        await Expect(page.Locator("#pf-timeZone-error")).ToHaveTextAsync(string.Empty);
        var buffer = page.GetByLabel("Buffer after (minutes)");
        await buffer.FillAsync("15");
        await buffer.PressAsync("Tab");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save profile" });
        await Pages.TabToAsync(page, save);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Profile saved.")).ToBeVisibleAsync();

        var stored = (await api.GetFromJsonAsync<JsonObject>("/v1/participants/web-profile"))!;
        Assert.Equal("Europe/Paris", (string?)stored["timeZone"]);
        Assert.Equal(15, (int)stored["bufferAfterMinutes"]!);
        Assert.Equal("09:00", (string?)stored["workingHours"]![0]!["start"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProfileForm_EditsPreferredTimesDateOverridesAndCalendars_AndStoresThem()
    {
        using var api = app.Api("admin");
        var created = await api.PutAsJsonAsync("/v1/participants/web-profile-lists", new
        {
            displayName = "Lists Person",
            kind = "interviewer",
            timeZone = "Europe/Berlin",
            workingHours = new[] { new { days = new[] { "Mon", "Tue", "Wed", "Thu", "Fri" }, start = "09:00", end = "17:00" } },
            calendars = new object[]
            {
                new { provider = "ics", url = "https://feeds.example.com/old.ics" },
                new { provider = "caldav", url = "https://dav.example.com/lists/", username = "lists", password = "secret" },
            },
        });
        created.EnsureSuccessStatusCode();
        var page = await app.SignedInPageAsync(["admin"]);

        await page.GotoAsync("/participants/web-profile-lists");
        await WebAppFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByText("iCalendar feed https://feeds.example.com/old.ics")).ToBeVisibleAsync();
        await Expect(page.GetByText("CalDAV https://dav.example.com/lists/, user lists, password stored")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add preferred time" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Days of preferred time 1" }).GetByLabel("Tue").CheckAsync();
        await page.Locator("#pf-pt-0-start").FillAsync("10:00");
        await page.Locator("#pf-pt-0-end").FillAsync("12:00");
        await page.Locator("#pf-pt-0-end").PressAsync("Tab");
        await Expect(page.Locator("#pf-pt-0-days-error")).ToHaveTextAsync(string.Empty);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add date override" }).ClickAsync();
        var date = page.GetByLabel("Date (yyyy-MM-dd)");
        await date.FillAsync("2031-02-30");
        await date.PressAsync("Tab");
        await Expect(page.Locator("#pf-do-0-date-error")).ToHaveTextAsync("A date yyyy-MM-dd.");
        await Expect(date).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Not working" })).ToBeCheckedAsync();
        await date.FillAsync("2031-03-03");
        await date.PressAsync("Tab");
        await Expect(page.Locator("#pf-do-0-date-error")).ToHaveTextAsync(string.Empty);

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove calendar 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an iCalendar feed" }).ClickAsync();
        var feed = page.GetByLabel("Feed URL of calendar 2");
        await feed.FillAsync("http://127.0.0.1:9/lists.ics");
        await feed.PressAsync("Tab");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save profile" });
        await save.ClickAsync();
        await Expect(page.Locator("#pf-cal-1-error")).ToContainTextAsync("Refused: the host is on a private, loopback or link-local network");
        await Expect(feed).ToHaveAttributeAsync("aria-invalid", "true");
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "participant-profile-lists");

        await feed.FillAsync("https://feeds.example.com/new.ics");
        await feed.PressAsync("Tab");
        await Expect(page.Locator("#pf-cal-1-error")).ToHaveTextAsync(string.Empty);
        await save.ClickAsync();
        await Expect(page.GetByText("Profile saved.")).ToBeVisibleAsync();

        var stored = (await api.GetFromJsonAsync<JsonObject>("/v1/participants/web-profile-lists"))!;
        var preferred = stored["preferredTimes"]!.AsArray().Single()!;
        Assert.Equal(["Tue"], preferred["days"]!.AsArray().Select(d => (string?)d));
        Assert.Equal(("10:00", "12:00"), ((string?)preferred["start"], (string?)preferred["end"]));
        var dayOff = stored["dateOverrides"]!.AsArray().Single()!;
        Assert.Equal("2031-03-03", (string?)dayOff["date"]);
        Assert.Empty(dayOff["hours"]!.AsArray());
        var calendars = stored["calendars"]!.AsArray();
        Assert.Equal(["caldav", "ics"], calendars.Select(c => (string?)c!["provider"]));
        Assert.True((bool)calendars[0]!["hasPassword"]!);
        Assert.Equal("https://feeds.example.com/new.ics", (string?)calendars[1]!["url"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ParticipantsAndPools_AreNotForTheAtsRole()
    {
        var page = await app.SignedInPageAsync(["ats"]);

        await page.GotoAsync("/participants");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Participants" })).ToHaveCountAsync(0);
        await page.GotoAsync("/pools/backend");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
