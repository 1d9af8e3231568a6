namespace Scheduler.Grains.Notifications.Email;

/// <summary>One composed email, ready for an <see cref="IEmailSender"/>.</summary>
/// <param name="ToAddress">The single recipient's address.</param>
/// <param name="ToName">The recipient's display name.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The <c>text/plain</c> body.</param>
/// <param name="HtmlBody">The <c>text/html</c> body.</param>
/// <param name="MessageId">The <c>Message-ID</c> header including angle brackets (RFC 5322 §3.6.4); stable across retries.</param>
/// <param name="Invite">The iTIP invite to attach, or <see langword="null"/>.</param>
public sealed record EmailMessage(
    string ToAddress,
    string ToName,
    string Subject,
    string TextBody,
    string HtmlBody,
    string MessageId,
    CalendarAttachment? Invite);
