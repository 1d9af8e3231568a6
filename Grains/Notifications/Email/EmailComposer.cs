using System.Globalization;
using System.Net;
using System.Text;

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
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentException">The recipient has no email address, or a slot the kind needs is missing.</exception>
    public static EmailMessage Compose(string requestKey, string outboxKey, InterviewNotification notification, NotificationRecipient recipient, SmtpOptions smtp, DateTimeOffset stamp)
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
        var lines = Details(notification, recipient.TimeZone);
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

    private static List<string> Details(InterviewNotification notification, string zone)
    {
        // The proposals to choose from, or the prep blocks: each list numbered from 1.
        IEnumerable<string> Numbered(IReadOnlyList<TimeRange> ranges) =>
            ranges.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {LocalTimeFormatter.Range(r.Start, r.End, zone)}"));
        var lines = Numbered(notification.Proposals).Concat(Numbered(notification.PrepBlocks)).ToList();

        if (notification.Location is { Length: > 0 } location)
        {
            lines.Add("Where: " + location);
        }

        if (notification.Url is { Length: > 0 } url)
        {
            lines.Add("Link: " + url);
        }

        lines.Add("Times are shown in " + LocalTimeFormatter.Zone(zone).Id + ".");
        return lines;
    }

    private static string Text(NotificationRecipient recipient, string opening, List<string> lines)
    {
        var text = new StringBuilder();
        text.Append("Hello ").Append(recipient.DisplayName).Append(",\r\n\r\n").Append(opening).Append("\r\n\r\n");
        foreach (var line in lines)
        {
            text.Append(line).Append("\r\n");
        }

        return text.Append("\r\n-- \r\nScheduler\r\n").ToString();
    }

    private static string Html(NotificationRecipient recipient, string subject, string opening, List<string> lines)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body>");
        html.Append("<p>Hello ").Append(WebUtility.HtmlEncode(recipient.DisplayName)).Append(",</p>");
        html.Append("<p>").Append(WebUtility.HtmlEncode(opening)).Append("</p><ul>");
        foreach (var line in lines)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>");
        }

        return html.Append("</ul><p>Scheduler</p></body></html>").ToString();
    }
}
