namespace Scheduler.Grains.Notifications.Outbox;

/// <summary>
/// Which pending entries of a request's outbox no longer say anything true. An interview's announcements share one UID
/// and the highest SEQUENCE wins (RFC 5546 §2.1.4): an invite, update or cancellation still pending for a person and
/// channel when a newer one is queued for them would only arrive late and out of order (a CANCEL ahead of the REQUEST it
/// cancels leaves the event in the calendar), and a reminder of a time since moved or cancelled is wrong. Such entries
/// are skipped, never sent. A reminder is not superseded by an update (the meeting link came later; the time stands),
/// and no reminder is sent once its interview has started.
/// </summary>
internal static class Supersession
{
    /// <summary>Skips the pending entries that <paramref name="added"/> supersedes: same recipient and channel, a lower sequence, and a kind it replaces.</summary>
    /// <param name="entries">The outbox's entries.</param>
    /// <param name="added">The entry just queued (pending).</param>
    /// <returns>How many entries were skipped.</returns>
    public static int Apply(IEnumerable<OutboxEntry> entries, OutboxEntry added)
    {
        var newer = added.Notification;
        var skipped = 0;
        foreach (var older in entries.Where(e => e.HasWork && e.Recipient.Id == added.Recipient.Id && e.Channel == added.Channel
            && e.Notification.Sequence < newer.Sequence && Supersedes(newer.Kind, e.Notification.Kind)))
        {
            older.Status = NotificationStatus.Skipped;
            older.SkipReason = $"Superseded by the newer {newer.Kind} notice (sequence {newer.Sequence}).";
            skipped++;
        }

        return skipped;
    }

    /// <summary>Skips the pending reminders whose interview has started by <paramref name="now"/>.</summary>
    /// <param name="entries">The outbox's entries.</param>
    /// <param name="now">The current time (UTC).</param>
    /// <returns>How many entries were skipped.</returns>
    public static int SkipStartedReminders(IEnumerable<OutboxEntry> entries, DateTimeOffset now)
    {
        var skipped = 0;
        foreach (var late in entries.Where(e => e.HasWork && e.Notification.Kind == NotificationKind.Reminder && e.Notification.Slot is { } slot && slot.Start <= now))
        {
            late.Status = NotificationStatus.Skipped;
            late.SkipReason = "late: the interview had started.";
            skipped++;
        }

        return skipped;
    }

    private static bool Supersedes(NotificationKind newer, NotificationKind older) =>
        IsAnnouncement(newer) && (IsAnnouncement(older) || (older == NotificationKind.Reminder && newer != NotificationKind.Updated));

    /// <summary>The kinds that carry the interview's invite (REQUEST or CANCEL under its UID).</summary>
    private static bool IsAnnouncement(NotificationKind kind) =>
        kind is NotificationKind.Booked or NotificationKind.Rescheduled or NotificationKind.Updated or NotificationKind.Cancelled;
}
