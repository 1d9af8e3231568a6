namespace Scheduler.Grains.Requests;

/// <summary>A video meeting a host's calendar made for one stage of a booked request.</summary>
/// <param name="StageStart">The start (UTC) of the stage the meeting is for, as booked.</param>
/// <param name="Url">The join link (absolute https URL) the provider returned: Google's <c>hangoutLink</c>, Graph's <c>onlineMeeting.joinUrl</c>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ConferenceLink")]
public sealed record ConferenceLink([property: Id(0)] DateTimeOffset StageStart, [property: Id(1)] string Url)
{
    /// <summary>
    /// The calendar account grain key (<c>{tenant}/{provider}/{accountId}</c>) that made the meeting and reports it until the
    /// request acknowledges it (<see cref="Calendars.ICalendarAccountGrain.ConferenceLinkRecorded"/>); <see langword="null"/> when
    /// no acknowledgement is wanted.
    /// </summary>
    [Id(2)]
    public string? ReportedBy { get; init; }
}
