using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>A meeting link an account made, sent to its request until acknowledged (<see cref="CalendarAccountState.LinkReports"/>).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Calendars.Accounts.LinkReport")]
public sealed class LinkReport
{
    /// <summary>The request grain key <c>{tenant}/{requestId}</c>.</summary>
    [Id(0)]
    public required string RequestKey { get; set; }

    /// <summary>The stage and its link, with <see cref="ConferenceLink.ReportedBy"/> set to the account.</summary>
    [Id(1)]
    public required ConferenceLink Link { get; set; }

    /// <summary>How many times it was sent (0 or more).</summary>
    [Id(2)]
    public int Sends { get; set; }

    /// <summary>When it is sent next (UTC); <see cref="DateTimeOffset.MinValue"/> for at once.</summary>
    [Id(3)]
    public DateTimeOffset NextSendAt { get; set; }
}
