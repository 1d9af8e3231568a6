namespace Scheduler.Grains.Tests.Notifications;

/// <summary>Shared notification data: a candidate in Berlin and an interviewer in New York.</summary>
internal static class NotificationSamples
{
    public const string CandidateMail = "ada@candidates.example";
    public const string InterviewerMail = "grace@acme.example";

    /// <summary>Tue 10 Mar 2026 13:00–14:00 UTC: 14:00 CET in Berlin, 09:00 EDT in New York (US DST began 8 Mar).</summary>
    public static TimeRange Slot { get; } = new(new DateTimeOffset(2026, 3, 10, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero));

    /// <summary>Thu 12 Mar 2026 15:00–16:00 UTC.</summary>
    public static TimeRange MovedSlot { get; } = new(new DateTimeOffset(2026, 3, 12, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 12, 16, 0, 0, TimeSpan.Zero));

    public static NotificationRecipient Candidate { get; } =
        new("cand-1", "Ada Lovelace", RecipientRole.Candidate, "Europe/Berlin", Email: CandidateMail);

    public static NotificationRecipient Interviewer { get; } =
        new("int-1", "Grace Hopper", RecipientRole.Interviewer, "America/New_York", Email: InterviewerMail);

    public static InterviewNotification Booked(TimeRange? slot = null, NotificationKind kind = NotificationKind.Booked, int sequence = 0) => new()
    {
        Kind = kind,
        Sequence = sequence,
        Title = "Interview: Ada Lovelace – screen",
        Slot = slot ?? Slot,
        Location = "Video call",
        Recipients = [Candidate, Interviewer],
    };
}
