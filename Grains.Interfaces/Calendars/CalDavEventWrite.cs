namespace Scheduler.Grains.Calendars;

/// <summary>What a participant's CalDAV calendars should show for one interview request (see <see cref="ICalDavWriterGrain"/>).</summary>
/// <param name="RequestKey">The request's grain key <c>{tenant}/{requestId}</c>.</param>
/// <param name="Intervals">The booked intervals (UTC), one event each; empty to delete the request's events.</param>
/// <param name="Summary">The event title.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.CalDavEventWrite")]
public sealed record CalDavEventWrite([property: Id(0)] string RequestKey, [property: Id(1)] IReadOnlyList<TimeRange> Intervals, [property: Id(2)] string Summary)
{
    /// <summary>
    /// The intervals' video meeting links (by start, UTC): the event of an interval with one gets it as its URL and as
    /// the description <c>Video meeting: {url}</c>; empty for none.
    /// </summary>
    [Id(3)]
    public IReadOnlyList<Requests.ConferenceLink> Links { get; init; } = [];
}
