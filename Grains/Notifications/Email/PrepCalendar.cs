using NodaTime;
using Scheduler.ICalendar.Writing;

namespace Scheduler.Grains.Notifications.Email;

/// <summary>
/// Builds the calendar file of a prep email: an iTIP <c>PUBLISH</c> (RFC 5546 §3.2.1, the method for events the
/// receiver simply adds; it may carry many events, each with its own UID) with one event per prep block
/// (<see cref="MessageIds.PrepBlockUid"/>, <c>SEQUENCE</c> = the notification's sequence, so a later plan replaces the
/// earlier events) and, under the UIDs that follow, the withdrawn blocks as cancelled, transparent events, so the
/// receiver's calendar drops them.
/// </summary>
public static class PrepCalendar
{
    /// <summary>The attachment's file name.</summary>
    public const string FileName = "prep-plan.ics";

    /// <summary>The title of a prep block's event, in the email's calendar file and in the candidate's connected calendars alike.</summary>
    /// <param name="interviewTitle">The interview's title, e.g. "Interview: Ada Lovelace – screen".</param>
    /// <returns>"Prep: " and the title.</returns>
    public static string Summary(string interviewTitle) => "Prep: " + interviewTitle;

    /// <summary>Whether a kind of notification carries prep blocks.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> for <see cref="NotificationKind.PrepPlan"/> and <see cref="NotificationKind.PrepWithdrawn"/>.</returns>
    public static bool IsPrep(NotificationKind kind) => kind is NotificationKind.PrepPlan or NotificationKind.PrepWithdrawn;

    /// <summary>Builds the calendar, or returns <see langword="null"/> for a notification that is not about prep.</summary>
    /// <param name="requestKey">The request grain key <c>{tenant}/{requestId}</c>.</param>
    /// <param name="notification">The notification: its blocks and how many earlier ones are withdrawn.</param>
    /// <param name="organizerEmail">The organizer's address.</param>
    /// <param name="organizerName">The organizer's name.</param>
    /// <param name="stamp">The <c>DTSTAMP</c>: when the message is composed.</param>
    /// <returns>The attachment (<c>PUBLISH</c>, <see cref="FileName"/>), or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The notification has neither blocks nor withdrawn blocks, or a block ends before it starts.</exception>
    public static CalendarAttachment? Build(string requestKey, InterviewNotification notification, string organizerEmail, string organizerName, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!IsPrep(notification.Kind))
        {
            return null;
        }

        var summary = Summary(notification.Title);
        var events = notification.PrepBlocks.Select(block => (Block: block, Withdrawn: false))
            .Concat(notification.PrepWithdrawnBlocks.Select(block => (Block: block, Withdrawn: true)))
            .Select((item, i) => new PublishedEvent
            {
                Uid = MessageIds.PrepBlockUid(requestKey, i),
                Sequence = notification.Sequence,
                Start = Instant.FromDateTimeOffset(item.Block.Start),
                End = Instant.FromDateTimeOffset(item.Block.End),
                Summary = summary,
                Withdrawn = item.Withdrawn,
            })
            .ToArray();
        var content = PublishWriter.Write(new ItipOrganizer(organizerEmail, organizerName), Instant.FromDateTimeOffset(stamp), events);
        return new CalendarAttachment("PUBLISH", content, FileName);
    }
}
