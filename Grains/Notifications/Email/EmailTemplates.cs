using System.Collections.Frozen;

namespace Scheduler.Grains.Notifications.Email;

/// <summary>
/// The wording of each kind of email: a subject and an opening line, with placeholders <c>{title}</c>,
/// <c>{when}</c> (the slot in the recipient's zone), <c>{was}</c> (the previous slot), <c>{reason}</c> and <c>{note}</c>
/// (the tenant's next steps, else <see cref="DefaultNextSteps"/>). Kept as data so wording changes need no code change.
/// </summary>
public static class EmailTemplates
{
    /// <summary>The next steps of a thank-you when the tenant wrote none.</summary>
    public const string DefaultNextSteps = "The team will be in touch with you about the next steps.";

    private static readonly FrozenDictionary<NotificationKind, (string Subject, string Opening)> Templates =
        new Dictionary<NotificationKind, (string, string)>
        {
            [NotificationKind.Booked] = ("Booked: {title}, {when}", "Your interview \"{title}\" is booked for {when}. The calendar invite is attached."),
            [NotificationKind.Rescheduled] = ("Moved: {title}, now {when}", "Your interview \"{title}\" has moved to {when} (was {was}). The updated invite is attached."),
            [NotificationKind.Updated] = ("Updated: {title}, {when}", "Your interview \"{title}\" on {when} was updated: {reason} The updated invite is attached."),
            [NotificationKind.Cancelled] = ("Cancelled: {title}", "Your interview \"{title}\" on {when} is cancelled. {reason}"),
            [NotificationKind.ProposalsReady] = ("Choose a time: {title}", "Times are ready for \"{title}\". Please pick the one that suits you:"),
            [NotificationKind.Reminder] = ("Reminder: {title}, {when}", "A reminder: \"{title}\" is coming up on {when}."),
            [NotificationKind.NoAvailability] = ("No availability: {title}", "No time could be found for \"{title}\". Reason: {reason}"),
            [NotificationKind.ConflictFlagged] = ("Conflict: {title}, {when}", "The booked interview \"{title}\" on {when} now conflicts with other busy time and was flagged. {reason}"),
            [NotificationKind.FeedbackReminder] = ("Feedback due: {title}", "Thank you for interviewing in \"{title}\" on {when}. Please submit your feedback while it is fresh."),
            [NotificationKind.ThankYou] = ("Thank you: {title}", "Thank you for your time in \"{title}\" on {when}. {note}"),
            [NotificationKind.PrepPlan] = ("Prep plan: {title}", "Your prep time before \"{title}\" on {when} is planned in the blocks below. The attached calendar file adds them to your calendar."),
            [NotificationKind.PrepWithdrawn] = ("Prep plan withdrawn: {title}", "The prep blocks planned before \"{title}\" are withdrawn; the attached calendar file removes them from your calendar. {reason}"),
        }.ToFrozenDictionary();

    /// <summary>The subject and opening line of a first-to-accept offer emailed to a pool member (<c>{title}</c>, <c>{when}</c>).</summary>
    public static readonly (string Subject, string Opening) PoolOffer =
        ("Interview offer: {title}, {when}", "Can you take \"{title}\" on {when}? The first member of the pool to accept it gets it.");

    /// <summary>The subject and opening line of a kind, with placeholders.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The templates.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kind.</exception>
    public static (string Subject, string Opening) For(NotificationKind kind) =>
        Templates.TryGetValue(kind, out var template) ? template : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No template for this kind.");

    /// <summary>Replaces the placeholders of <paramref name="template"/>.</summary>
    /// <param name="template">A template.</param>
    /// <param name="values">Placeholder name (without braces) to value.</param>
    /// <returns>The text; unknown placeholders are left as they are.</returns>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, value) in values)
        {
            template = template.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return template.Trim();
    }
}
