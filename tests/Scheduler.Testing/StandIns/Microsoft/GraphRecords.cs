namespace Scheduler.Testing.StandIns.Microsoft;

internal sealed record GraphEvent(string Id, string Mailbox, string Subject, DateTimeOffset Start, DateTimeOffset End, long Sequence, bool Removed)
{
    public string? TransactionId { get; init; }

    public string? JoinUrl { get; init; }

    public IReadOnlyList<string> Attendees { get; init; } = [];

    public bool Cancelled { get; init; }

    /// <summary>For an all-day event: its first date and the date after its last, midnight to midnight in <see cref="OriginalTimeZone"/>.</summary>
    public (DateOnly First, DateOnly EndExclusive)? Dates { get; init; }

    /// <summary>The zone the event was made in (<c>originalStartTimeZone</c>, <c>originalEndTimeZone</c>): a Windows name or an IANA id.</summary>
    public string? OriginalTimeZone { get; init; }

    /// <summary>The UID of a received invite (its organizer's); <see langword="null"/> for an event made in the mailbox.</summary>
    public string? InviteUid { get; init; }
}

internal sealed record GraphSubscription(string Id, string Mailbox, Uri NotificationUrl, Uri? LifecycleUrl, string ClientState, DateTimeOffset ExpiresAt);

internal sealed record GraphFault(HttpStatusCode Status, string Code, int? RetryAfterSeconds, bool AfterHandling);

internal sealed record GraphCall(string Operation, string? Mailbox, int Schedules, TimeSpan Range);

internal sealed record GraphDelivery(string Kind, string SubscriptionId, HttpStatusCode Status);
