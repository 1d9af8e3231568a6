namespace Scheduler.Grains.Tests.Calendars.Microsoft;

public sealed class GraphEventWriteTests
{
    [Fact]
    public async Task Booked_WithTeams_TheBookingKeepsTheEventsJoinUrl()
    {
        await using var silo = await GraphSilo.StartAsync();
        var (_, request, _) = await silo.BookAsync(ConflictPolicy.Flag, conferencing: "teams");

        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Booking!.Stages[0].ConferenceUrl is not null);

        var written = Assert.Single(silo.StandIn.Events(GraphSilo.Mailbox), e => !e.Removed);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", written.JoinUrl, StringComparison.Ordinal);
        Assert.Equal(written.JoinUrl, booked.Booking!.Stages[0].ConferenceUrl);
    }
}
