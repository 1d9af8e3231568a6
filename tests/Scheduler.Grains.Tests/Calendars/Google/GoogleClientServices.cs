using Scheduler.Grains.Calendars.Google;
using Scheduler.Testing.StandIns.Google;

namespace Scheduler.Grains.Tests.Calendars.Google;

/// <summary>The Google clients wired as a silo wires them (without a silo), against a stand-in.</summary>
internal sealed class GoogleClientServices(GoogleStandIn standIn, TimeProvider time, Action<GoogleOptions>? configure)
    : ProviderClientServices<GoogleStandIn>(standIn, time, (services, keys) => services.AddGoogleCalendar(keys, options =>
    {
        GoogleSilo.Configure(options, standIn);
        configure?.Invoke(options);
    }))
{
    public GoogleCalendarClient Calendar => Get<GoogleCalendarClient>();

    public GoogleOAuthClient OAuth => Get<GoogleOAuthClient>();

    protected override void AddCalendar(string calendar) => StandIn.AddCalendar(calendar);

    protected override CalendarCredentials IssueCredentials() => StandIn.IssueCredentials();

    public static async Task<GoogleClientServices> StartAsync(TimeProvider? time = null, Action<GoogleOptions>? configure = null)
    {
        time ??= new FakeTimeProvider(GrainTestCluster.Start);
        return new GoogleClientServices(await GoogleStandIn.StartAsync(time), time, configure);
    }
}
