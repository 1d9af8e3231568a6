namespace Scheduler.Grains.Calendars.Google;

/// <summary>An interview event to write to a Google calendar.</summary>
/// <param name="EventId">Our event id (<see cref="GoogleEventIds.For"/>): base32hex, 5 to 1024 characters.</param>
/// <param name="Summary">The title.</param>
/// <param name="Start">The start (UTC).</param>
/// <param name="End">The end (UTC).</param>
public sealed record GoogleEventWrite(string EventId, string Summary, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The description; may be <see langword="null"/>.</summary>
    public string? Description { get; init; }

    /// <summary>The attendees' email addresses.</summary>
    public IReadOnlyList<string> AttendeeEmails { get; init; } = [];

    /// <summary>Whether to ask Google for a Meet link (on insert).</summary>
    public bool GoogleMeet { get; init; }
}
