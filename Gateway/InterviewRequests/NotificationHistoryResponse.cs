using Scheduler.Grains.Notifications;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>What a request has notified, and when.</summary>
/// <param name="Id">The request id.</param>
/// <param name="Status">The request's current status.</param>
/// <param name="Items">Every outbox entry, oldest first: kind, recipient, channel, status (<c>pending</c>, <c>sent</c>, <c>failed</c>, <c>skipped</c>), when enqueued and sent, Message-ID or Slack <c>ts</c>, last error or skip reason.</param>
public sealed record NotificationHistoryResponse(string Id, RequestStatus Status, IReadOnlyList<NotificationRecord> Items);
