using Scheduler.Testing.StandIns.Microsoft;

namespace Scheduler.Grains.Tests.Calendars.Microsoft;

/// <summary>The Microsoft clients wired as a silo wires them (without a silo), against a stand-in.</summary>
internal sealed class GraphClientServices(GraphStandIn standIn, TimeProvider time, Action<MicrosoftOptions>? configure)
    : ProviderClientServices<GraphStandIn>(standIn, time, (services, keys) => services.AddMicrosoftCalendar(keys, options =>
    {
        GraphSilo.Configure(options, standIn);
        configure?.Invoke(options);
    }))
{
    public MicrosoftGraphClient Graph => Get<MicrosoftGraphClient>();

    public MicrosoftOAuthClient OAuth => Get<MicrosoftOAuthClient>();

    public MicrosoftProvider Connector => Get<MicrosoftProvider>();

    protected override void AddCalendar(string calendar) => StandIn.AddMailbox(calendar);

    protected override CalendarCredentials IssueCredentials() => StandIn.IssueCredentials();

    public static async Task<GraphClientServices> StartAsync(TimeProvider? time = null, Action<MicrosoftOptions>? configure = null)
    {
        time ??= new FakeTimeProvider(GrainTestCluster.Start);
        return new GraphClientServices(await GraphStandIn.StartAsync(time), time, configure);
    }
}
