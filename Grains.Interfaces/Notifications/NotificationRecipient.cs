namespace Scheduler.Grains.Notifications;

/// <summary>One person (or Slack channel) a notification goes to.</summary>
/// <param name="Id">A stable id within the tenant (participant id, or e.g. <c>recruiters</c>); part of the exactly-once key.</param>
/// <param name="DisplayName">The name used in greetings and as <c>CN</c> in invites.</param>
/// <param name="Role">The recipient's part in the interview.</param>
/// <param name="TimeZone">IANA zone id every time is shown in (e.g. <c>Europe/Berlin</c>); unknown ids fall back to UTC.</param>
/// <param name="Email">The email address, or <see langword="null"/> when the recipient gets no email.</param>
/// <param name="SlackTarget">A Slack user id (DM) or channel id, or <see langword="null"/> when the recipient gets no Slack message.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.NotificationRecipient")]
public sealed record NotificationRecipient(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] RecipientRole Role,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] string? Email = null,
    [property: Id(5)] string? SlackTarget = null);
