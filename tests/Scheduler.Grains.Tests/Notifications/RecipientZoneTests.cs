using NodaTime;
using Scheduler.Grains.Notifications.Email;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>
/// Emails and Slack messages show times in the recipient's profile zone whether the profile names it by IANA id or by
/// Windows zone name (the API accepts both); a Windows name is shown as its IANA zone.
/// </summary>
public sealed class RecipientZoneTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("America/New_York", "America/New_York")]
    public void Zone_IanaIdOrWindowsName_TheIanaZone(string zoneId, string expected)
    {
        Assert.Equal(expected, TimeZones.ZoneOrUtc(zoneId).Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars Standard Time")]
    public void Zone_EmptyOrUnknown_Utc(string? zoneId)
    {
        Assert.Equal(DateTimeZone.Utc, TimeZones.ZoneOrUtc(zoneId));
    }

    [Fact]
    public void Email_RecipientWithWindowsZoneName_LocalTimeAndTheIanaZoneNamed()
    {
        var candidate = NotificationSamples.Candidate with { TimeZone = "Eastern Standard Time" };
        var notification = NotificationSamples.Booked() with { Recipients = [candidate, NotificationSamples.Interviewer] };

        var message = EmailComposer.Compose("acme/req-1", "Booked/0/cand-1", notification, candidate, new SmtpOptions { FromAddress = "scheduler@acme.example" }, Stamp);

        // 13:00–14:00 UTC on Tue 10 Mar 2026 is 09:00–10:00 EDT.
        Assert.Contains("Tue 10 Mar 2026, 09:00–10:00 EDT (your time)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Times are shown in America/New_York.", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void SlackMessage_RecipientWithWindowsZoneName_LocalTime()
    {
        var interviewer = NotificationSamples.Interviewer with { TimeZone = "Eastern Standard Time", SlackTarget = "U-GRACE" };
        var notification = NotificationSamples.Booked() with { Recipients = [NotificationSamples.Candidate, interviewer] };

        var message = SlackMessageComposer.ForNotification("acme/req-1", notification, interviewer);

        Assert.Contains("Tue 10 Mar 2026, 09:00–10:00 EDT (your time)", message.Text, StringComparison.Ordinal);
    }
}
