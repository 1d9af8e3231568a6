using System.Security.Claims;
using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Common;
using Scheduler.Gateway.Participants;
using Scheduler.Gateway.Web.Participants;
using Scheduler.Grains.Common;
using Scheduler.Grains.Participants;

namespace Scheduler.Gateway.Tests;

/// <summary>
/// The participant page's profile form: the body it makes for <c>PUT /v1/participants/{id}</c>, the API's messages under
/// the body's field paths, and its save through <see cref="ProfileSaver"/> (the route's own path, host check included).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ProfileFormTests(GatewayFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void ToBody_StoredProfileWithOverridesPreferredTimesAndCalendars_IsTheStoredProfileUnchanged()
    {
        var form = ProfileForm.From(Stored());

        var body = form.ToBody();

        Assert.Empty(form.Validate());
        var expected = new ParticipantBody
        {
            DisplayName = "Ivy Park",
            Email = "ivy@example.com",
            Kind = ParticipantKind.Interviewer,
            TimeZone = "Europe/Berlin",
            WorkingHours = [new WeeklyHoursBody { Days = ["Mon", "Tue", "Wed", "Thu", "Fri"], Start = "09:00", End = "17:00" }],
            DateOverrides =
            [
                new DateOverrideBody { Date = "2031-03-03", Hours = [] },
                new DateOverrideBody { Date = "2031-03-04", Hours = [new LocalHoursBody { Start = "08:00", End = "12:00" }, new LocalHoursBody { Start = "13:00", End = "15:00" }] },
            ],
            BufferBeforeMinutes = 5,
            BufferAfterMinutes = 10,
            MaxInterviewsPerDay = 3,
            MaxInterviewsPerWeek = null,
            PreferredTimes = [new WeeklyHoursBody { Days = ["Tue", "Thu"], Start = "10:00", End = "12:00" }],
            SlackUserId = "U0123ABCD",
            Calendars =
            [
                new CalendarBody { Provider = "ics", Url = "https://feeds.example.com/ivy.ics", CalendarIds = [] },
                new CalendarBody { Provider = "caldav", Url = "https://dav.example.com/ivy/", Username = "ivy", CalendarIds = [] },
                new CalendarBody { Provider = "google", AccountId = "ivy-google", CalendarIds = ["primary", "team@example.com"] },
                new CalendarBody { Provider = "microsoft", AccountId = "ivy-m365", CalendarIds = [], Mailbox = "ivy@example.com" },
            ],
        };
        Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(body, Json));
        Assert.All(body.Calendars!, c => Assert.Null(c!.Password));
    }

    [Fact]
    public void ToBody_EditedPreferredTimeAndOverride_RemovedCalendar_AddedFeed_AreInTheBody()
    {
        var form = ProfileForm.From(Stored());

        form.PreferredTimes[0].Set("Thu", false);
        form.PreferredTimes[0].Set("Wed", true);
        form.PreferredTimes[0].End = "11:30";
        var morning = new WeeklyHoursRow { Start = "08:00", End = "09:00" };
        morning.Set("Fri", true);
        form.PreferredTimes.Add(morning);
        form.DateOverrides[0].SetDayOff(false);
        form.DateOverrides[0].Hours[0].End = "11:00";
        form.DateOverrides[1].SetDayOff(true);
        form.DateOverrides.Add(new DateOverrideRow { Date = " 2031-03-05 " });
        form.Calendars.RemoveAt(0);
        var feed = CalendarRow.NewFeed();
        feed.Url = " https://feeds.example.com/new.ics ";
        form.Calendars.Add(feed);
        var body = form.ToBody();

        Assert.Empty(form.Validate());
        Assert.Collection(
            body.PreferredTimes!,
            rule => Assert.Equal(("Tue,Wed", "10:00", "11:30"), (string.Join(',', rule!.Days!), rule.Start, rule.End)),
            rule => Assert.Equal(("Fri", "08:00", "09:00"), (string.Join(',', rule!.Days!), rule.Start, rule.End)));
        Assert.Collection(
            body.DateOverrides!,
            day => Assert.Equal(("2031-03-03", "09:00–11:00"), (day!.Date, Ranges(day))),
            day => Assert.Equal(("2031-03-04", ""), (day!.Date, Ranges(day))),
            day => Assert.Equal(("2031-03-05", ""), (day!.Date, Ranges(day))));
        Assert.Equal(["caldav", "google", "microsoft", "ics"], body.Calendars!.Select(c => c!.Provider));
        Assert.Equal("https://feeds.example.com/new.ics", body.Calendars![3]!.Url);
    }

    [Fact]
    public void Validate_InvalidPreferredTime_GivesTheApiMessageUnderItsPath()
    {
        var form = ProfileForm.From(Stored());
        form.PreferredTimes[0].Start = "25:00";
        form.PreferredTimes.Add(new WeeklyHoursRow());

        var errors = form.Validate();

        Assert.Equal(["A local time HH:mm."], errors["preferredTimes[0].start"]);
        Assert.Equal(["1–7 days (Mon–Sun)."], errors["preferredTimes[1].days"]);
    }

    [Fact]
    public void Validate_InvalidOverride_GivesTheApiMessageUnderItsPath()
    {
        var form = ProfileForm.From(Stored());
        form.DateOverrides[1].Date = "2031-02-30";
        form.DateOverrides[1].Hours[1].End = "3pm";
        form.DateOverrides.Add(new DateOverrideRow { Date = "2031-03-03" });

        var errors = form.Validate();

        Assert.Equal(["A date yyyy-MM-dd."], errors["dateOverrides[1].date"]);
        Assert.Equal(["A local time HH:mm."], errors["dateOverrides[1].hours[1].end"]);
        Assert.Equal(["2031-03-03 has another override; give each date one entry with all its hours."], errors["dateOverrides[2].date"]);
    }

    [Fact]
    public void Validate_AddedFeedWithoutAnHttpUrl_GivesTheApiMessageUnderItsUrl()
    {
        var form = ProfileForm.From(Stored());
        var feed = CalendarRow.NewFeed();
        feed.Url = "ftp://feeds.example.com/ivy.ics";
        form.Calendars.Add(feed);

        var errors = form.Validate();

        Assert.Equal(["An absolute http or https URL of at most 2048 characters."], errors["calendars[4].url"]);
    }

    [Fact]
    public async Task Save_RefusedFeedHost_IsOnTheFeedsUrl_ThenAValidFormIsStoredWithTheCalDavPasswordKept()
    {
        const string tenant = "t-profile-form";
        using var api = fixture.Admin(tenant);
        var created = await api.PutAsJsonAsync("/v1/participants/ivy", new
        {
            displayName = "Ivy Park",
            timeZone = "Europe/Berlin",
            calendars = new object[]
            {
                new { provider = "ics", url = "https://feeds.example.com/ivy.ics" },
                new { provider = "caldav", url = "https://dav.example.com/ivy/", username = "ivy", password = "secret" },
            },
        });
        created.EnsureSuccessStatusCode();
        var grains = new TenantGrains(fixture.Factory.Services.GetRequiredService<IGrainFactory>(), tenant);
        var saver = fixture.Factory.Services.GetRequiredService<ProfileSaver>();
        var admin = Viewer(tenant, "admin");
        var form = ProfileForm.From((await grains.FindParticipant("ivy"))!);
        var feed = CalendarRow.NewFeed();
        feed.Url = "http://127.0.0.1:8080/ivy.ics";
        form.Calendars.Add(feed);
        var preferred = new WeeklyHoursRow { Start = "10:00", End = "12:00" };
        preferred.Set("Mon", true);
        form.PreferredTimes.Add(preferred);
        form.DateOverrides.Add(new DateOverrideRow { Date = "2031-03-03" });

        var refused = await saver.SaveAsync(admin, "ivy", form, CancellationToken.None);

        Assert.StartsWith("Refused: ", Assert.Single(refused["calendars[2].url"]), StringComparison.Ordinal);
        Assert.Single(refused);
        var unchanged = (await api.GetFromJsonAsync<JsonObject>("/v1/participants/ivy"))!;
        Assert.Equal(2, unchanged["calendars"]!.AsArray().Count);
        Assert.Empty(unchanged["preferredTimes"]!.AsArray());

        feed.Url = "https://feeds.example.com/other.ics";
        form.Calendars.RemoveAt(0);
        var saved = await saver.SaveAsync(admin, "ivy", form, CancellationToken.None);

        Assert.Empty(saved);
        var stored = (await api.GetFromJsonAsync<JsonObject>("/v1/participants/ivy"))!;
        var calendars = stored["calendars"]!.AsArray();
        Assert.Equal(["caldav", "ics"], calendars.Select(c => (string?)c!["provider"]));
        Assert.True((bool)calendars[0]!["hasPassword"]!);
        Assert.Equal("https://feeds.example.com/other.ics", (string?)calendars[1]!["url"]);
        Assert.Equal("Mon", (string?)stored["preferredTimes"]![0]!["days"]![0]);
        Assert.Equal("2031-03-03", (string?)stored["dateOverrides"]![0]!["date"]);
        Assert.Empty(stored["dateOverrides"]![0]!["hours"]!.AsArray());
    }

    [Fact]
    public async Task Save_AddedCalDavCalendar_IsStoredWithItsPassword_WhichTheFormNeverHolds()
    {
        const string tenant = "t-profile-caldav";
        using var api = fixture.Admin(tenant);
        (await api.PutAsJsonAsync("/v1/participants/ivy", new { displayName = "Ivy Park", timeZone = "Europe/Berlin" })).EnsureSuccessStatusCode();
        var grains = new TenantGrains(fixture.Factory.Services.GetRequiredService<IGrainFactory>(), tenant);
        var saver = fixture.Factory.Services.GetRequiredService<ProfileSaver>();
        var form = ProfileForm.From((await grains.FindParticipant("ivy"))!);
        var caldav = CalendarRow.NewCalDav();
        caldav.Url = " https://dav.example.com/calendars/ivy/work/ ";
        caldav.Username = "ivy";
        caldav.Password = "app-password";
        form.Calendars.Add(caldav);

        var saved = await saver.SaveAsync(Viewer(tenant, "admin"), "ivy", form, CancellationToken.None);

        Assert.Empty(saved);
        var stored = Assert.Single((await api.GetFromJsonAsync<JsonObject>("/v1/participants/ivy"))!["calendars"]!.AsArray())!;
        Assert.Equal(("caldav", "https://dav.example.com/calendars/ivy/work/", "ivy", true), ((string?)stored["provider"], (string?)stored["url"], (string?)stored["username"], (bool)stored["hasPassword"]!));
        Assert.DoesNotContain("app-password", stored.ToJsonString(), StringComparison.Ordinal);
        var reloaded = Assert.Single(ProfileForm.From((await grains.FindParticipant("ivy"))!).Calendars);
        Assert.False(reloaded.IsNew);
        Assert.Null(reloaded.Password);
        Assert.Null(reloaded.ToBody().Password); // saving the form again keeps the stored password
    }

    private static string Ranges(DateOverrideBody day) => string.Join(',', day.Hours!.Select(h => $"{h!.Start}–{h.End}"));

    private static ParticipantProfile Stored() =>
        new("Ivy Park", "ivy@example.com", ParticipantKind.Interviewer, "Europe/Berlin", [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:00")])
        {
            DateOverrides = [new DateOverrideSpec("2031-03-03", []), new DateOverrideSpec("2031-03-04", [new LocalHours("08:00", "12:00"), new LocalHours("13:00", "15:00")])],
            BufferBeforeMinutes = 5,
            BufferAfterMinutes = 10,
            MaxInterviewsPerDay = 3,
            PreferredTimes = [new WeeklyHours(["Tue", "Thu"], "10:00", "12:00")],
            SlackUserId = "U0123ABCD",
            Calendars =
            [
                new CalendarSpec("ics") { Url = "https://feeds.example.com/ivy.ics" },
                new CalendarSpec("caldav") { Url = "https://dav.example.com/ivy/", Username = "ivy", HasPassword = true },
                new CalendarSpec("google") { AccountId = "ivy-google", CalendarIds = ["primary", "team@example.com"] },
                new CalendarSpec("microsoft") { AccountId = "ivy-m365", Mailbox = "ivy@example.com" },
            ],
        };

    private static ClaimsPrincipal Viewer(string tenant, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(SchedulerClaims.Tenant, tenant), .. roles.Select(r => new Claim(SchedulerClaims.Roles, r))], "test", "sub", SchedulerClaims.Roles));
}
