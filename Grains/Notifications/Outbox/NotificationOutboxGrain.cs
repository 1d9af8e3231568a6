using Scheduler.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scheduler.Grains.Notifications;

/// <summary>
/// The notification outbox of one request (<see cref="INotificationOutboxGrain"/>). Enqueue persists one entry per
/// recipient and channel before anything is sent; delivery runs in later turns (a grain timer right away, and a
/// durable reminder every <see cref="OutboxOptions.ReminderPeriodSeconds"/> while entries are pending, so a crash
/// or an outage of SMTP or Slack loses nothing). Each attempt is counted and persisted before it is made and the
/// outcome after it; a failed attempt is retried with exponential backoff and jitter. An entry's key makes enqueue
/// idempotent, and a sent entry is never sent again. The one gap no outbox closes is a crash after the server
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
    private readonly WorkKick _kick;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="email">The email channel.</param>
    /// <param name="slack">The Slack channel.</param>
    /// <param name="smtp">The SMTP settings (sender, Message-ID domain).</param>
    /// <param name="options">The retry settings.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">The logger.</param>
    /// <param name="channels">Which channels are configured; when absent, all are tried.</param>
    public NotificationOutboxGrain(
        [PersistentState("outbox")] IPersistentState<OutboxState> state,
        IEmailSender email,
        ISlackClient slack,
        IOptionsMonitor<SmtpOptions> smtp,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        ILogger<NotificationOutboxGrain> log,
        NotificationChannels? channels = null)
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
        _kick = new WorkKick(run => this.RegisterGrainTimer(run, TimeSpan.Zero, Timeout.InfiniteTimeSpan), DeliverAsync);
    }

    private List<OutboxEntry> Entries => _state.State.Entries;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Entries.Any(e => e.Status == NotificationStatus.Pending))
        {
            await EnsureRetryReminderAsync();
            Kick();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationRecord>> Enqueue(InterviewNotification notification)
    {
        var records = await AddAsync(notification, NotificationStatus.Pending, null);
        if (Entries.Any(e => e.Status == NotificationStatus.Pending))
        {
            await EnsureRetryReminderAsync();
            Kick();
        }

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
        await _kick.RunAsync(CancellationToken.None);
        return Entries.Count(e => e.Status == NotificationStatus.Pending);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NotificationRecord>> GetHistory() =>
        Task.FromResult<IReadOnlyList<NotificationRecord>>([.. Entries.Select(e => e.ToRecord())]);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == RetryReminder)
        {
            await _kick.RunAsync(CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<NotificationRecord>> AddAsync(InterviewNotification notification, NotificationStatus status, string? reason)
    {
        Validate(notification);
        var now = _time.GetUtcNow();
        var smtp = _smtp.CurrentValue;
        var domain = string.IsNullOrWhiteSpace(smtp.MessageIdDomain) ? smtp.FromAddress[(smtp.FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..] : smtp.MessageIdDomain;
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
                        NextAttemptAt = now,
                        LastError = disabled ?? reason,
                        MessageId = channel == NotificationChannel.Email ? MessageIds.EmailMessageId(this.GetPrimaryKeyString(), key, domain) : null,
                    };
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

        var needsSlot = notification.Kind is NotificationKind.Booked or NotificationKind.Rescheduled or NotificationKind.Cancelled
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
    }

    private static IEnumerable<NotificationChannel> ChannelsOf(NotificationRecipient recipient)
    {
        if (!string.IsNullOrWhiteSpace(recipient.Email))
        {
            yield return NotificationChannel.Email;
        }

        if (!string.IsNullOrWhiteSpace(recipient.SlackTarget))
        {
            yield return NotificationChannel.Slack;
        }
    }

    private void Kick() => _kick.Request();

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var due = Entries.Where(e => e.Status == NotificationStatus.Pending && e.NextAttemptAt <= now)
            .Take(Math.Clamp(_options.BatchSize, 1, 100)).ToList();
        foreach (var entry in due)
        {
            await AttemptAsync(entry, cancellationToken);
        }

        var pending = Entries.Where(e => e.Status == NotificationStatus.Pending).ToList();
        if (pending.Count == 0)
        {
            if (await this.GetReminder(RetryReminder, CancellationToken.None) is { } reminder)
            {
                await this.UnregisterReminder(reminder, CancellationToken.None);
            }
        }
        else if (pending.Any(e => e.NextAttemptAt <= _time.GetUtcNow()))
        {
            Kick();
        }
    }

    private async Task AttemptAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        entry.Attempts++;
        entry.NextAttemptAt = _time.GetUtcNow() + Backoff(entry.Attempts);
        await _state.WriteStateAsync(CancellationToken.None);
        try
        {
            if (entry.Channel == NotificationChannel.Email)
            {
                var message = EmailComposer.Compose(this.GetPrimaryKeyString(), entry.Key, entry.Notification, entry.Recipient, _smtp.CurrentValue, entry.EnqueuedAt);
                await _email.SendAsync(message, cancellationToken);
                entry.MessageId = message.MessageId;
            }
            else
            {
                var posted = await _slack.PostMessageAsync(SlackMessageComposer.ForNotification(this.GetPrimaryKeyString(), entry.Notification, entry.Recipient), cancellationToken);
                entry.MessageId = posted.Ts;
                entry.SlackChannel = posted.Channel;
            }

            entry.Status = NotificationStatus.Sent;
            entry.SentAt = _time.GetUtcNow();
            entry.LastError = null;
            _log.Sent(this.GetPrimaryKeyString(), entry.Key, entry.Attempts);
        }
        catch (Exception ex) when (ex is EmailDeliveryException or SlackApiException or HttpRequestException or ArgumentException or TimeoutException or TaskCanceledException)
        {
            entry.LastError = ex.Message;
            var permanent = ex is EmailDeliveryException { IsPermanent: true } or SlackApiException { IsTransient: false } or ArgumentException;
            if (permanent || entry.Attempts >= Math.Clamp(_options.MaxAttempts, 1, 1000))
            {
                entry.Status = NotificationStatus.Failed;
                _log.GaveUp(ex, this.GetPrimaryKeyString(), entry.Key, entry.Attempts);
            }
            else
            {
                _log.WillRetry(ex, this.GetPrimaryKeyString(), entry.Key, entry.Attempts, entry.NextAttemptAt);
            }
        }

        await _state.WriteStateAsync(CancellationToken.None);
    }

    private TimeSpan Backoff(int attempts)
    {
        var baseSeconds = Math.Max(1, _options.RetryBaseSeconds);
        var seconds = Math.Min(Math.Max(baseSeconds, _options.RetryMaxSeconds), baseSeconds * Math.Pow(2, Math.Min(attempts - 1, 20)));
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(seconds * jitter);
    }

    private Task EnsureRetryReminderAsync()
    {
        var period = TimeSpan.FromSeconds(Math.Max(60, _options.ReminderPeriodSeconds));
        return this.RegisterOrUpdateReminder(RetryReminder, period, period);
    }
}
