using System.Globalization;
using System.Net;
using System.Text;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Grains.Notifications.Email;

/// <summary>
/// Composes the email one recipient gets for a notification: subject and bodies from <see cref="EmailTemplates"/>,
/// every time in the recipient's own zone (<see cref="LocalTimeFormatter"/>), the invite from
/// <see cref="InviteBuilder"/> (or the prep blocks' calendar from <see cref="PrepCalendar"/>) and a stable <c>Message-ID</c> from <see cref="MessageIds"/>.
/// </summary>
public static class EmailComposer
{
    /// <summary>Composes the message.</summary>
    /// <param name="requestKey">The request grain key <c>{tenant}/{requestId}</c>.</param>
    /// <param name="outboxKey">The outbox key of this message.</param>
    /// <param name="notification">The notification.</param>
    /// <param name="recipient">The recipient; must have an email address.</param>
    /// <param name="smtp">The sender and Message-ID domain.</param>
    /// <param name="stamp">When the message is composed (invite <c>DTSTAMP</c>).</param>
    /// <param name="choiceLinks">
    /// For proposals: one absolute URL per proposal, in order, that books it (an action link); shown after each time.
    /// <see langword="null"/> or of another count: the times are listed without links.
    /// </param>
    /// <param name="rescheduleLink">For a booking: the absolute URL where the candidate asks for another time (an action link), shown after the times; <see langword="null"/> for none.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentException">The recipient has no email address, or a slot the kind needs is missing.</exception>
    public static EmailMessage Compose(
        string requestKey, string outboxKey, InterviewNotification notification, NotificationRecipient recipient, SmtpOptions smtp, DateTimeOffset stamp,
        IReadOnlyList<string>? choiceLinks = null, string? rescheduleLink = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(smtp);
        if (string.IsNullOrWhiteSpace(recipient.Email))
        {
            throw new ArgumentException($"Recipient '{recipient.Id}' has no email address.", nameof(recipient));
        }

        var values = Values(notification, recipient.TimeZone);
        var (subjectTemplate, openingTemplate) = EmailTemplates.For(notification.Kind);
        var subject = EmailTemplates.Fill(subjectTemplate, values);
        var opening = EmailTemplates.Fill(openingTemplate, values);
        var lines = Details(notification, recipient.TimeZone, choiceLinks);
        if (rescheduleLink is not null)
        {
            lines.Add(new("Cannot make this time?", rescheduleLink, "Ask for another time"));
        }

        var invite = PrepCalendar.Build(requestKey, notification, smtp.FromAddress, smtp.FromName, stamp)
            ?? InviteBuilder.Build(requestKey, notification, smtp.FromAddress, smtp.FromName, stamp);
        return new EmailMessage(
            recipient.Email,
            recipient.DisplayName,
            subject,
            Text(recipient, opening, lines),
            Html(recipient, subject, opening, lines),
            MessageIds.EmailMessageId(requestKey, outboxKey, smtp.MessageIdHost),
            invite);
    }

    /// <summary>
    /// Composes a first-to-accept offer to a pool member who has no Slack user id: the time in the member's zone and the
    /// action link that accepts it (<see cref="EmailTemplates.PoolOffer"/>); no invite (the booking sends one to the winner).
    /// </summary>
    /// <param name="offerKey">The offer messages' grain key <c>{tenant}/{poolId}/{offerId}</c> (the Message-ID's source).</param>
    /// <param name="member">The member: id, name, zone and an email address.</param>
    /// <param name="title">What the interview is, e.g. "Interview: Ada Lovelace – screen".</param>
    /// <param name="slot">The interview's start and end.</param>
    /// <param name="acceptLink">The absolute URL that accepts the offer for this member.</param>
    /// <param name="smtp">The Message-ID domain.</param>
    /// <returns>The message; its Message-ID is the same on every attempt.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="member"/>, <paramref name="slot"/> or <paramref name="smtp"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The member has no email address.</exception>
    public static EmailMessage PoolOffer(string offerKey, NotificationRecipient member, string title, TimeRange slot, string acceptLink, SmtpOptions smtp)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(smtp);
        if (string.IsNullOrWhiteSpace(member.Email))
        {
            throw new ArgumentException($"Member '{member.Id}' has no email address.", nameof(member));
        }

        var when = LocalTimeFormatter.Range(slot.Start, slot.End, member.TimeZone);
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = title, ["when"] = when };
        var subject = EmailTemplates.Fill(EmailTemplates.PoolOffer.Subject, values);
        var opening = EmailTemplates.Fill(EmailTemplates.PoolOffer.Opening, values);
        List<DetailLine> lines = [new(when, acceptLink, "Accept this interview"), new("Times are shown in " + TimeZones.ZoneOrUtc(member.TimeZone).Id + ".")];
        return new EmailMessage(
            member.Email,
            member.DisplayName,
            subject,
            Text(member, opening, lines),
            Html(member, subject, opening, lines),
            MessageIds.EmailMessageId(offerKey, "PoolOffer/" + member.Id, smtp.MessageIdHost),
            null);
    }

    private static Dictionary<string, string> Values(InterviewNotification notification, string zone)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = notification.Title,
            ["reason"] = notification.Reason ?? string.Empty,
            ["note"] = notification.Note is { Length: > 0 } note ? note : EmailTemplates.DefaultNextSteps,
        };
        if (notification.Slot is { } slot)
        {
            values["when"] = LocalTimeFormatter.Range(slot.Start, slot.End, zone);
        }

        if (notification.PreviousSlot is { } previous)
        {
            values["was"] = LocalTimeFormatter.Range(previous.Start, previous.End, zone);
        }

        return values;
    }

    /// <summary>The body's lines: the numbered proposals (each with its link, when given) or prep blocks, where, the link, the zone.</summary>
    private static List<DetailLine> Details(InterviewNotification notification, string zone, IReadOnlyList<string>? choiceLinks)
    {
        IEnumerable<DetailLine> Numbered(IReadOnlyList<TimeRange> ranges, IReadOnlyList<string>? links) =>
            ranges.Select((r, i) => new DetailLine(
                string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {LocalTimeFormatter.Range(r.Start, r.End, zone)}"),
                links?.Count == ranges.Count ? links[i] : null));
        var lines = Numbered(notification.Proposals, choiceLinks).Concat(Numbered(notification.PrepBlocks, null)).ToList();

        if (notification.Location is { Length: > 0 } location)
        {
            lines.Add(new("Where: " + location));
        }

        if (notification.Url is { Length: > 0 } url)
        {
            lines.Add(new("Link: " + url));
        }

        lines.Add(new("Times are shown in " + TimeZones.ZoneOrUtc(zone).Id + "."));
        return lines;
    }

    private static string Text(NotificationRecipient recipient, string opening, List<DetailLine> lines)
    {
        var text = new StringBuilder();
        text.Append("Hello ").Append(recipient.DisplayName).Append(",\r\n\r\n").Append(opening).Append("\r\n\r\n");
        foreach (var line in lines)
        {
            text.Append(line.Text).Append("\r\n");
            if (line.Link is not null)
            {
                text.Append("   ").Append(line.LinkLabel).Append(": ").Append(line.Link).Append("\r\n");
            }
        }

        return text.Append("\r\n-- \r\nScheduler\r\n").ToString();
    }

    private static string Html(NotificationRecipient recipient, string subject, string opening, List<DetailLine> lines)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body>");
        html.Append("<p>Hello ").Append(WebUtility.HtmlEncode(recipient.DisplayName)).Append(",</p>");
        html.Append("<p>").Append(WebUtility.HtmlEncode(opening)).Append("</p><ul>");
        foreach (var line in lines)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(line.Text));
            if (line.Link is not null)
            {
                html.Append(" <a href=\"").Append(WebUtility.HtmlEncode(line.Link)).Append("\">").Append(WebUtility.HtmlEncode(line.LinkLabel)).Append("</a>");
            }

            html.Append("</li>");
        }

        return html.Append("</ul><p>Scheduler</p></body></html>").ToString();
    }
}
