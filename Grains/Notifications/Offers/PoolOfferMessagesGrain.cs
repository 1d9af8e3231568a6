using Scheduler.Grains.Common.Retries;
using Scheduler.Grains.Links;
using Scheduler.Grains.Notifications.Email;
using Scheduler.Grains.Notifications.Slack;
using Scheduler.Grains.Pools;

namespace Scheduler.Grains.Notifications.Offers;

/// <summary>
/// The messages of one first-to-accept pool offer (<see cref="IPoolOfferMessagesGrain"/>). <see cref="Post"/>
/// stores one entry per recipient with a Slack user id or, failing that, an email address; delivery turns post each
/// offer as a Slack DM (<see cref="SlackMessageComposer.PoolOffer"/>) and store the <c>channel</c> and <c>ts</c> Slack
/// reports, or email it with an action link that accepts it (<see cref="EmailComposer.PoolOffer"/>; valid until the
/// interview starts) and store its <c>Message-ID</c>. An email is never updated: its link's page tells the outcome.
/// <see cref="Refresh"/> reads the decision from the pool and delivery turns replace each posted message with
/// <c>chat.update</c> on that <c>channel</c> and <c>ts</c> (Slack: for a DM the channel must be the <c>D…</c> id, not
/// the user id): "you took it" for the winner, "taken by someone else" for the others, "no longer offered" when the
/// offer was withdrawn; a member not yet posted to when the offer is decided is never posted to. Every step goes
/// through the shared <see cref="Retrier"/> (<see cref="Policy"/>) and is retried by the durable reminder
/// <see cref="RetryReminder"/>; Slack errors other than rate limits and server errors end the step as failed. A crash
/// after Slack accepted a post and before its <c>ts</c> was written posts it again (Slack has no idempotency key for
/// <c>chat.postMessage</c>); updates are idempotent.
/// </summary>
[GrainType("pooloffermessages")]
public sealed class PoolOfferMessagesGrain : Grain, IPoolOfferMessagesGrain, IRemindable
{
    /// <summary>The name of the durable reminder that drives retries while steps are pending.</summary>
    public const string RetryReminder = "pool-offer-messages-retry";

    /// <summary>Retries 5 s after the first failure, doubling up to 10 minutes; 10 attempts of one step before it is marked failed.</summary>
    public static readonly RetryPolicy Policy = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10), maxAttempts: 10);

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private const string DecidedFirst = "decided before it was posted";

    private const string OfferGone = "the offer no longer exists";

    private const string NoLinks = "no accept link can be made: Links:BaseUrl is not configured";

    private readonly IPersistentState<PoolOfferMessagesState> _state;
    private readonly ISlackClient _slack;
    private readonly IEmailSender _email;
    private readonly IOptionsMonitor<SmtpOptions> _smtp;
    private readonly ActionLinks? _links;
    private readonly TimeProvider _time;
    private readonly ILogger<PoolOfferMessagesGrain> _log;
    private readonly NotificationChannels? _channels;
    private readonly Retrier _retrier;
    private readonly RetryDriver _delivery;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="slack">The Slack client.</param>
    /// <param name="email">The email channel.</param>
    /// <param name="smtp">The SMTP settings (the Message-ID domain).</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">The logger.</param>
    /// <param name="channels">Which channels are configured; a message of a channel that is not is skipped.</param>
    /// <param name="links">Makes the emails' accept links; when absent or not enabled, emailed offers are skipped.</param>
    public PoolOfferMessagesGrain(
        [PersistentState("offermessages")] IPersistentState<PoolOfferMessagesState> state,
        ISlackClient slack,
        IEmailSender email,
        IOptionsMonitor<SmtpOptions> smtp,
        TimeProvider time,
        ILogger<PoolOfferMessagesGrain> log,
        NotificationChannels? channels = null,
        ActionLinks? links = null)
    {
        _state = state;
        _slack = slack;
        _email = email;
        _smtp = smtp;
        _links = links;
        _time = time;
        _log = log;
        _channels = channels;
        _retrier = new Retrier(Policy, time);
        _delivery = new RetryDriver(this, RetryReminder, ReminderPeriod, time, () => Retrier.NextWakeUp(S.Entries), DeliverAsync);
    }

    private PoolOfferMessagesState S => _state.State;

    private string PoolKey => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('/')];

    private string OfferId => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..];

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken) => _delivery.WakeAsync();

    /// <inheritdoc />
    public async Task<IReadOnlyList<PoolOfferMessage>> Post(string title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
        {
            throw new ArgumentException("A title of 1–200 characters is required.", nameof(title));
        }

        var offer = await GrainFactory.GetGrain<IInterviewerPoolGrain>(PoolKey).GetOffer(OfferId)
            ?? throw new InvalidOperationException($"Pool '{PoolKey}' has no offer '{OfferId}'.");
        var tenant = GrainKeys.Split(PoolKey).Tenant;
        S.Title ??= title;
        foreach (var recipient in offer.Recipients)
        {
            if (S.Entries.Exists(e => e.MemberId == recipient.MemberId))
            {
                continue;
            }

            var profile = await GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, recipient.MemberId)).GetProfile();
            if (profile is null)
            {
                continue;
            }

            // Slack when the member has an id and Slack is configured; otherwise email, when the member has an address.
            var slackUserId = string.IsNullOrWhiteSpace(profile.SlackUserId) ? null : profile.SlackUserId;
            var slackReady = slackUserId is not null && _channels?.SkipReason(NotificationChannel.Slack) is null;
            var email = !slackReady && !string.IsNullOrWhiteSpace(profile.Email) ? profile.Email : null;
            if (email is not null)
            {
                slackUserId = null;
            }
            else if (slackUserId is null)
            {
                continue;
            }

            var decision = DecisionOf(offer, recipient);
            var skip = _channels?.SkipReason(slackUserId is null ? NotificationChannel.Email : NotificationChannel.Slack)
                ?? (email is not null && _links is not { Enabled: true } ? NoLinks : null)
                ?? (decision == OfferMessageDecision.Open ? null : DecidedFirst);
            S.Entries.Add(new PoolOfferMessageEntry
            {
                MemberId = recipient.MemberId,
                SlackUserId = slackUserId,
                Email = email,
                DisplayName = profile.DisplayName,
                TimeZone = profile.TimeZone,
                Decision = decision,
                Status = skip is null ? PoolOfferMessageStatus.Pending : PoolOfferMessageStatus.Skipped,
                SkipReason = skip,
            });
        }

        await _state.WriteStateAsync();
        await _delivery.WakeAsync();
        return [.. S.Entries.Select(e => e.ToMessage())];
    }

    /// <inheritdoc />
    public async Task Refresh()
    {
        if (S.Entries.Count == 0)
        {
            return;
        }

        var offer = await GrainFactory.GetGrain<IInterviewerPoolGrain>(PoolKey).GetOffer(OfferId);
        if (offer is null)
        {
            return;
        }

        var changed = false;
        foreach (var entry in S.Entries)
        {
            var decision = offer.Recipients.FirstOrDefault(r => r.MemberId == entry.MemberId) is { } recipient ? DecisionOf(offer, recipient) : entry.Decision;
            if (decision != entry.Decision)
            {
                entry.Decision = decision;
                _retrier.Restart(entry.Retry);
                changed = true;
            }
        }

        if (changed)
        {
            await _state.WriteStateAsync();
            await _delivery.WakeAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PoolOfferMessage>> GetMessages() =>
        Task.FromResult<IReadOnlyList<PoolOfferMessage>>([.. S.Entries.Select(e => e.ToMessage())]);

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => _delivery.ReceiveReminderAsync(reminderName);

    private static OfferMessageDecision DecisionOf(OfferView offer, OfferRecipient recipient) => recipient.Status switch
    {
        OfferStatus.Accepted => OfferMessageDecision.Won,
        OfferStatus.Withdrawn when offer.Status == OfferStatus.Accepted => OfferMessageDecision.Lost,
        OfferStatus.Withdrawn => OfferMessageDecision.Withdrawn,
        _ => OfferMessageDecision.Open,
    };

    /// <summary>Posts and updates the due messages; posts need the offer, and when it is gone they are skipped without an attempt.</summary>
    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        var skipped = false;
        var posts = _retrier.Due(S.Entries).Where(e => e.Ts is null).ToList();
        var offer = posts.Count == 0 ? null : await GrainFactory.GetGrain<IInterviewerPoolGrain>(PoolKey).GetOffer(OfferId);
        if (posts.Count > 0 && offer is null)
        {
            posts.ForEach(entry => Skip(entry, OfferGone));
            skipped = true;
        }

        foreach (var entry in posts.Where(e => e.Email is not null && _links is not { Enabled: true } && e.Status == PoolOfferMessageStatus.Pending))
        {
            Skip(entry, NoLinks);
            skipped = true;
        }

        await _retrier.AttemptDueAsync(
            S.Entries,
            () => _state.WriteStateAsync(CancellationToken.None),
            entry => entry.Ts is null ? PostAsync(entry, offer!, cancellationToken) : UpdateAsync(entry, cancellationToken),
            exception => exception switch
            {
                SlackApiException slack => !slack.IsTransient,
                EmailDeliveryException email => email.IsPermanent,
                ArgumentException => true,
                HttpRequestException or TimeoutException or TaskCanceledException => false,
                _ => null,
            },
            Settle);

        foreach (var entry in S.Entries.Where(e => e.Ts is null && e.Decision != OfferMessageDecision.Open && e.Status == PoolOfferMessageStatus.Pending))
        {
            Skip(entry, DecidedFirst);
            skipped = true;
        }

        if (skipped)
        {
            await _state.WriteStateAsync(CancellationToken.None);
        }
    }

    private static void Skip(PoolOfferMessageEntry entry, string reason)
    {
        entry.Status = PoolOfferMessageStatus.Skipped;
        entry.SkipReason = reason;
    }

    /// <summary>A step that succeeded starts the next one afresh; one given up marks the message failed.</summary>
    private void Settle(PoolOfferMessageEntry entry, Exception? failure)
    {
        if (failure is null)
        {
            _retrier.Restart(entry.Retry);
            return;
        }

        if (entry.Retry.GaveUpAt is not null)
        {
            entry.Status = PoolOfferMessageStatus.Failed;
        }

        OfferMessageLog.StepFailed(_log, failure, this.GetPrimaryKeyString(), entry.MemberId, entry.Retry.Attempts, entry.Status == PoolOfferMessageStatus.Failed);
    }

    private async Task PostAsync(PoolOfferMessageEntry entry, OfferView offer, CancellationToken cancellationToken)
    {
        if (entry.SlackUserId is null)
        {
            entry.Ts = await EmailAsync(entry, offer, cancellationToken);
        }
        else
        {
            var posted = await _slack.PostMessageAsync(SlackMessageComposer.PoolOffer(PoolKey, offer, entry.SlackUserId, entry.TimeZone, S.Title ?? "Interview"), cancellationToken);
            entry.Channel = posted.Channel;
            entry.Ts = posted.Ts;
        }

        entry.Shown = OfferMessageDecision.Open;
        entry.Status = PoolOfferMessageStatus.Posted;
        entry.PostedAt = _time.GetUtcNow();
    }

    /// <summary>Emails the offer with the member's accept link, valid until the interview starts; returns the <c>Message-ID</c>.</summary>
    private async Task<string> EmailAsync(PoolOfferMessageEntry entry, OfferView offer, CancellationToken cancellationToken)
    {
        var (tenant, poolId) = GrainKeys.Split(PoolKey);
        var link = _links!.Url(new ActionLink(ActionLinkKind.AcceptPoolOffer, tenant, poolId, OfferId, entry.MemberId, offer.Slot.Start))!;
        var member = new NotificationRecipient(entry.MemberId, entry.DisplayName ?? entry.MemberId, RecipientRole.Interviewer, entry.TimeZone, entry.Email);
        var message = EmailComposer.PoolOffer(this.GetPrimaryKeyString(), member, S.Title ?? "Interview", offer.Slot, link, _smtp.CurrentValue);
        await _email.SendAsync(message, cancellationToken);
        return message.MessageId;
    }

    private async Task UpdateAsync(PoolOfferMessageEntry entry, CancellationToken cancellationToken)
    {
        if (entry.SlackUserId is null)
        {
            // An email is not taken back; the link's page tells the member how the offer was decided.
            entry.Shown = entry.Decision;
            return;
        }

        var title = S.Title ?? "Interview";
        var decision = entry.Decision;
        var replacement = decision switch
        {
            OfferMessageDecision.Won => SlackMessageComposer.OfferDecided(entry.Channel!, title, acceptedByYou: true),
            OfferMessageDecision.Lost => SlackMessageComposer.OfferDecided(entry.Channel!, title, acceptedByYou: false),
            _ => SlackMessageComposer.OfferWithdrawn(entry.Channel!, title),
        };
        await _slack.UpdateMessageAsync(entry.Ts!, replacement, cancellationToken);
        entry.Shown = decision;
        entry.Status = PoolOfferMessageStatus.Updated;
        entry.UpdatedAt = _time.GetUtcNow();
    }
}
