using Scheduler.Grains.Common.Retries;
using Scheduler.Grains.Links;
using Scheduler.Grains.Notifications.Email;
using Scheduler.Grains.Notifications.Slack;
using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Notifications.Outbox;

/// <summary>
/// The notification outbox of one request (<see cref="INotificationOutboxGrain"/>). Enqueue persists one entry per
/// recipient and channel before anything is sent; delivery runs in later turns (a grain timer right away, and a
/// durable reminder every <see cref="OutboxOptions.ReminderPeriodSeconds"/> while entries are pending, so a crash
/// or an outage of SMTP or Slack loses nothing). Attempts, backoff with jitter and giving up are the shared
/// <see cref="Retrier"/>'s (<see cref="OutboxOptions"/> set its policy) and <see cref="RetryDriver"/>'s. An entry's key makes enqueue
/// idempotent, and a sent entry is never sent again; a pending one that a newer announcement supersedes is skipped
/// (<see cref="Supersession"/>). The one gap no outbox closes is a crash after the server
/// accepted a message and before the outcome was written: that message is sent again with the same
/// <c>Message-ID</c> (email) so receivers can drop it.
/// </summary>
[GrainType("notificationoutbox")]
public sealed class NotificationOutboxGrain : Grain, INotificationOutboxGrain, IRemindable
{
    /// <summary>The name of the durable retry reminder.</summary>
    public const string RetryReminder = "notify-outbox-retry";

    private readonly IPersistentState<OutboxState> _state;
    private readonly IEmailSender _email;
    private readonly ISlackClient _slack;
    private readonly IOptionsMonitor<SmtpOptions> _smtp;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationOutboxGrain> _log;
    private readonly NotificationChannels? _channels;
    private readonly ActionLinks? _links;
    private readonly Retrier _retrier;
    private readonly RetryDriver _delivery;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="email">The email channel.</param>
    /// <param name="slack">The Slack channel.</param>
    /// <param name="smtp">The SMTP settings (sender, Message-ID domain).</param>
    /// <param name="options">The retry settings.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">The logger.</param>
    /// <param name="channels">Which channels are configured; when absent, all are tried.</param>
    /// <param name="links">Makes the candidate's links that book a proposal; when absent or not enabled, proposals are listed without links.</param>
    public NotificationOutboxGrain(
        [PersistentState("outbox")] IPersistentState<OutboxState> state,
        IEmailSender email,
        ISlackClient slack,
        IOptionsMonitor<SmtpOptions> smtp,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        ILogger<NotificationOutboxGrain> log,
        NotificationChannels? channels = null,
        ActionLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _state = state;
        _email = email;
        _slack = slack;
        _smtp = smtp;
        _options = options.Value;
        _time = time;
        _log = log;
        _channels = channels;
        _links = links;
        _retrier = new Retrier(_options.ToRetryPolicy(), time);
        var period = TimeSpan.FromSeconds(Math.Max(60, _options.ReminderPeriodSeconds));
        _delivery = new RetryDriver(this, RetryReminder, period, time, () => Retrier.NextWakeUp(Entries), DeliverAsync);
    }

    private List<OutboxEntry> Entries => _state.State.Entries;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken) => _delivery.WakeAsync();

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationRecord>> Enqueue(InterviewNotification notification)
    {
        var records = await AddAsync(notification, NotificationStatus.Pending, null);
        await _delivery.WakeAsync();
        return records;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NotificationRecord>> RecordSkipped(InterviewNotification notification, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return AddAsync(notification, NotificationStatus.Skipped, reason);
    }

    /// <inheritdoc />
    public async Task<int> DeliverDue()
    {
        await _delivery.RunAsync();
        return Entries.Count(e => e.HasWork);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NotificationRecord>> GetHistory() =>
        Task.FromResult<IReadOnlyList<NotificationRecord>>([.. Entries.Select(e => e.ToRecord())]);

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => _delivery.ReceiveReminderAsync(reminderName);

    private async Task<IReadOnlyList<NotificationRecord>> AddAsync(InterviewNotification notification, NotificationStatus status, string? reason)
    {
        Validate(notification);
        var now = _time.GetUtcNow();
        var domain = _smtp.CurrentValue.MessageIdHost;
        var result = new List<NotificationRecord>();
        var added = false;
        foreach (var recipient in notification.Recipients)
        {
            foreach (var channel in ChannelsOf(recipient))
            {
                var key = OutboxKeys.For(notification, recipient.Id, channel);
                var entry = Entries.Find(e => e.Key == key);
                if (entry is null)
                {
                    var disabled = status == NotificationStatus.Pending ? _channels?.SkipReason(channel) : null;
                    entry = new OutboxEntry
                    {
                        Key = key,
                        Notification = notification,
                        Recipient = recipient,
                        Channel = channel,
                        Status = disabled is null ? status : NotificationStatus.Skipped,
                        EnqueuedAt = now,
                        SkipReason = disabled ?? reason,
                        MessageId = channel == NotificationChannel.Email ? MessageIds.EmailMessageId(this.GetPrimaryKeyString(), key, domain) : null,
                    };
                    if (entry.HasWork)
                    {
                        Supersession.Apply(Entries, entry);
                    }

                    Entries.Add(entry);
                    added = true;
                }

                result.Add(entry.ToRecord());
            }
        }

        if (added)
        {
            await _state.WriteStateAsync(CancellationToken.None);
        }

        return result;
    }

    private static void Validate(InterviewNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentOutOfRangeException.ThrowIfNegative(notification.Sequence);
        if (notification.Recipients is not { Count: > 0 })
        {
            throw new ArgumentException("At least one recipient is required.", nameof(notification));
        }

        if (notification.Recipients.FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Email) && string.IsNullOrWhiteSpace(r.SlackTarget)) is { } unreachable)
        {
            throw new ArgumentException($"Recipient '{unreachable.Id}' has neither an email address nor a Slack target.", nameof(notification));
        }

        var needsSlot = notification.Kind is NotificationKind.Booked or NotificationKind.Rescheduled or NotificationKind.Updated or NotificationKind.Cancelled
            or NotificationKind.Reminder or NotificationKind.ConflictFlagged or NotificationKind.FeedbackReminder or NotificationKind.ThankYou;
        if (needsSlot && (notification.Slot is not { } slot || slot.End <= slot.Start))
        {
            throw new ArgumentException($"A {notification.Kind} notification needs a non-empty slot.", nameof(notification));
        }

        if (notification.Url is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
        {
            throw new ArgumentException("Url must be an absolute http(s) URL.", nameof(notification));
        }

        if (notification.Kind == NotificationKind.Reminder && notification.ReminderMinutes is not > 0)
        {
            throw new ArgumentException("A reminder needs ReminderMinutes of 1 or more.", nameof(notification));
        }

        var prepBlocks = notification.Kind switch
        {
            NotificationKind.PrepPlan => notification.PrepBlocks,
            NotificationKind.PrepWithdrawn => notification.PrepWithdrawnBlocks,
            _ => null,
        };
        if (prepBlocks is { Count: 0 } || notification.PrepBlocks.Concat(notification.PrepWithdrawnBlocks).Any(b => b.End <= b.Start))
        {
            throw new ArgumentException($"A {notification.Kind} notification needs non-empty blocks.", nameof(notification));
        }
    }

    private static IEnumerable<NotificationChannel> ChannelsOf(NotificationRecipient recipient) =>
        new[] { (Channel: NotificationChannel.Email, Address: recipient.Email), (Channel: NotificationChannel.Slack, Address: recipient.SlackTarget) }
            .Where(c => !string.IsNullOrWhiteSpace(c.Address))
            .Select(c => c.Channel);

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        if (Supersession.SkipStartedReminders(Entries, _time.GetUtcNow()) > 0)
        {
            await _state.WriteStateAsync(CancellationToken.None);
        }

        await _retrier.AttemptDueAsync(
            Entries, () => _state.WriteStateAsync(CancellationToken.None), entry => SendAsync(entry, cancellationToken), IsPermanent, Settle, Math.Clamp(_options.BatchSize, 1, 100));
    }

    private void Settle(OutboxEntry entry, Exception? failure)
    {
        if (failure is null)
        {
            entry.Status = NotificationStatus.Sent;
            entry.SentAt = _time.GetUtcNow();
            _log.Sent(this.GetPrimaryKeyString(), entry.Key, entry.Retry.Attempts);
        }
        else if (entry.Retry.GaveUpAt is not null)
        {
            entry.Status = NotificationStatus.Failed;
            _log.GaveUp(failure, this.GetPrimaryKeyString(), entry.Key, entry.Retry.Attempts);
        }
        else
        {
            _log.WillRetry(failure, this.GetPrimaryKeyString(), entry.Key, entry.Retry.Attempts, entry.Retry.NextAttemptAt);
        }
    }

    /// <summary>Sends one entry; the email keeps its Message-ID on every attempt, and a Slack post records its <c>ts</c>.</summary>
    private async Task SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Channel == NotificationChannel.Email)
        {
            var message = EmailComposer.Compose(
                this.GetPrimaryKeyString(), entry.Key, entry.Notification, entry.Recipient, _smtp.CurrentValue, entry.EnqueuedAt, ChoiceLinks(entry), await RescheduleLinkAsync(entry));
            await _email.SendAsync(message, cancellationToken);
            entry.MessageId = message.MessageId;
        }
        else
        {
            var posted = await _slack.PostMessageAsync(SlackMessageComposer.ForNotification(this.GetPrimaryKeyString(), entry.Notification, entry.Recipient), cancellationToken);
            entry.MessageId = posted.Ts;
            entry.SlackChannel = posted.Channel;
        }
    }

    /// <summary>
    /// The candidate's links that book each proposal of a proposals notice, valid <see cref="ActionLinks.ProposalLifetime"/>
    /// from when the notice was stored; <see langword="null"/> for other notices and recipients, or when links are not enabled.
    /// </summary>
    private List<string>? ChoiceLinks(OutboxEntry entry)
    {
        var notification = entry.Notification;
        if (_links is not { Enabled: true } || notification.Kind != NotificationKind.ProposalsReady || entry.Recipient.Role != RecipientRole.Candidate
            || notification.ProposalIds.Count == 0 || notification.ProposalIds.Count != notification.Proposals.Count)
        {
            return null;
        }

        var (tenant, requestId) = GrainKeys.Split(this.GetPrimaryKeyString());
        var expires = entry.EnqueuedAt + _links.ProposalLifetime;
        return [.. notification.ProposalIds.Select(id => _links.Url(new ActionLink(ActionLinkKind.ChooseProposal, tenant, requestId, id, entry.Recipient.Id, expires))!)];
    }

    /// <summary>
    /// The candidate's link that asks for another time, in a booking's email (booked or moved) while the tenant allows it
    /// (<see cref="SchedulingSettings.CandidateRescheduling"/>) and the cut-off is ahead; valid until the interview starts, so
    /// a press after the cut-off is told why by the request rather than shown an expired link.
    /// <see langword="null"/> for other notices and recipients, past the cut-off, or when links are not enabled.
    /// </summary>
    private async Task<string?> RescheduleLinkAsync(OutboxEntry entry)
    {
        var notification = entry.Notification;
        if (_links is not { Enabled: true } || notification.Kind is not (NotificationKind.Booked or NotificationKind.Rescheduled)
            || entry.Recipient.Role != RecipientRole.Candidate || notification.Slot is not { } slot)
        {
            return null;
        }

        var (tenant, requestId) = GrainKeys.Split(this.GetPrimaryKeyString());
        var settings = await GrainFactory.GetGrain<ISchedulingSettingsGrain>(tenant).Get();
        return settings.CandidateRescheduling && slot.Start.AddHours(-settings.CandidateRescheduleCutoffHours) > _time.GetUtcNow()
            ? _links.Url(new ActionLink(ActionLinkKind.RescheduleBooking, tenant, requestId, ActionLink.BookedStartText(slot.Start), entry.Recipient.Id, slot.Start))
            : null;
    }

    /// <summary>SMTP 5xx, Slack errors other than rate limits and server errors, and unusable content never succeed; timeouts and network errors may.</summary>
    private static bool? IsPermanent(Exception exception) => exception switch
    {
        EmailDeliveryException email => email.IsPermanent,
        SlackApiException slack => !slack.IsTransient,
        ArgumentException => true,
        HttpRequestException or TimeoutException or TaskCanceledException => false,
        _ => null,
    };
}
