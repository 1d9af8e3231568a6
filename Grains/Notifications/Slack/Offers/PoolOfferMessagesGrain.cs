using Scheduler.Grains.Common;
using Microsoft.Extensions.Logging;

namespace Scheduler.Grains.Notifications;

/// <summary>
/// The Slack messages of one first-to-accept pool offer (<see cref="IPoolOfferMessagesGrain"/>). <see cref="Post"/>
/// stores one entry per recipient with a Slack user id; delivery turns post each offer as a DM
/// (<see cref="SlackMessageComposer.PoolOffer"/>) and store the <c>channel</c> and <c>ts</c> Slack reports.
/// <see cref="Refresh"/> reads the decision from the pool and delivery turns replace each posted message with
/// <c>chat.update</c> on that <c>channel</c> and <c>ts</c> (Slack: for a DM the channel must be the <c>D…</c> id, not
/// the user id): "you took it" for the winner, "taken by someone else" for the others, "no longer offered" when the
/// offer was withdrawn; a member not yet posted to when the offer is decided is never posted to. Every step is counted
/// and written before it is made and its outcome after; failures are retried with backoff by the durable reminder
/// <see cref="RetryReminder"/>; Slack errors other than rate limits and server errors end the step as failed. A crash
/// after Slack accepted a post and before its <c>ts</c> was written posts it again (Slack has no idempotency key for
/// <c>chat.postMessage</c>); updates are idempotent.
/// </summary>
[GrainType("pooloffermessages")]
public sealed class PoolOfferMessagesGrain : Grain, IPoolOfferMessagesGrain, IRemindable
{
    /// <summary>The name of the durable reminder that drives retries while steps are pending.</summary>
    public const string RetryReminder = "pool-offer-messages-retry";

    /// <summary>Attempts of one step before it is marked failed.</summary>
    public const int MaxAttempts = 10;

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private const string DecidedFirst = "decided before it was posted";

    private readonly IPersistentState<PoolOfferMessagesState> _state;
    private readonly ISlackClient _slack;
    private readonly TimeProvider _time;
    private readonly ILogger<PoolOfferMessagesGrain> _log;
    private readonly NotificationChannels? _channels;
    private readonly WorkKick _kick;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="slack">The Slack client.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">The logger.</param>
    /// <param name="channels">Which channels are configured; without Slack every message is skipped.</param>
    public PoolOfferMessagesGrain(
        [PersistentState("offermessages")] IPersistentState<PoolOfferMessagesState> state,
        ISlackClient slack,
        TimeProvider time,
        ILogger<PoolOfferMessagesGrain> log,
        NotificationChannels? channels = null)
    {
        _state = state;
        _slack = slack;
        _time = time;
        _log = log;
        _channels = channels;
        _kick = new WorkKick(run => this.RegisterGrainTimer(run, TimeSpan.Zero, Timeout.InfiniteTimeSpan), DeliverAsync);
    }

    private PoolOfferMessagesState S => _state.State;

    private string PoolKey => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('/')];

    private string OfferId => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..];

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Entries.Exists(e => e.HasWork))
        {
            await this.RegisterOrUpdateReminder(RetryReminder, ReminderPeriod, ReminderPeriod, CancellationToken.None);
            _kick.Request();
        }
    }

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
        var now = _time.GetUtcNow();
        S.Title ??= title;
        foreach (var recipient in offer.Recipients)
        {
            if (S.Entries.Exists(e => e.MemberId == recipient.MemberId))
            {
                continue;
            }

            var profile = await GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, recipient.MemberId)).GetProfile();
            if (string.IsNullOrWhiteSpace(profile?.SlackUserId))
            {
                continue;
            }

            var decision = DecisionOf(offer, recipient);
            var skip = _channels?.SkipReason(NotificationChannel.Slack) ?? (decision == OfferMessageDecision.Open ? null : DecidedFirst);
            S.Entries.Add(new PoolOfferMessageEntry
            {
                MemberId = recipient.MemberId,
                SlackUserId = profile.SlackUserId,
                TimeZone = profile.TimeZone,
                Decision = decision,
                Status = skip is null ? PoolOfferMessageStatus.Pending : PoolOfferMessageStatus.Skipped,
                LastError = skip,
                NextAttemptAt = now,
            });
        }

        await _state.WriteStateAsync();
        await StartDeliveryAsync();
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
        var now = _time.GetUtcNow();
        foreach (var entry in S.Entries)
        {
            var decision = offer.Recipients.FirstOrDefault(r => r.MemberId == entry.MemberId) is { } recipient ? DecisionOf(offer, recipient) : entry.Decision;
            if (decision != entry.Decision)
            {
                entry.Decision = decision;
                entry.Attempts = 0;
                entry.NextAttemptAt = now;
                changed = true;
            }
        }

        if (changed)
        {
            await _state.WriteStateAsync();
            await StartDeliveryAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PoolOfferMessage>> GetMessages() =>
        Task.FromResult<IReadOnlyList<PoolOfferMessage>>([.. S.Entries.Select(e => e.ToMessage())]);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == RetryReminder)
        {
            await _kick.RunAsync(CancellationToken.None);
        }
    }

    private static OfferMessageDecision DecisionOf(OfferView offer, OfferRecipient recipient) => recipient.Status switch
    {
        OfferStatus.Accepted => OfferMessageDecision.Won,
        OfferStatus.Withdrawn when offer.Status == OfferStatus.Accepted => OfferMessageDecision.Lost,
        OfferStatus.Withdrawn => OfferMessageDecision.Withdrawn,
        _ => OfferMessageDecision.Open,
    };

    private async Task StartDeliveryAsync()
    {
        if (S.Entries.Exists(e => e.HasWork))
        {
            await this.RegisterOrUpdateReminder(RetryReminder, ReminderPeriod, ReminderPeriod, CancellationToken.None);
            _kick.Request();
        }
    }

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var due = S.Entries.Where(e => e.HasWork && e.NextAttemptAt <= now).ToList();
        OfferView? offer = null;
        foreach (var entry in due)
        {
            if (entry.Ts is null)
            {
                offer ??= await GrainFactory.GetGrain<IInterviewerPoolGrain>(PoolKey).GetOffer(OfferId);
                if (offer is null)
                {
                    continue;
                }
            }

            await AttemptAsync(entry, offer, cancellationToken);
        }

        foreach (var entry in S.Entries.Where(e => e.Ts is null && e.Decision != OfferMessageDecision.Open && e.Status == PoolOfferMessageStatus.Pending))
        {
            entry.Status = PoolOfferMessageStatus.Skipped;
            entry.LastError = DecidedFirst;
            await _state.WriteStateAsync(CancellationToken.None);
        }

        if (!S.Entries.Exists(e => e.HasWork) && await this.GetReminder(RetryReminder, CancellationToken.None) is { } reminder)
        {
            await this.UnregisterReminder(reminder, CancellationToken.None);
        }
    }

    private async Task AttemptAsync(PoolOfferMessageEntry entry, OfferView? offer, CancellationToken cancellationToken)
    {
        entry.Attempts++;
        entry.NextAttemptAt = _time.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(600, 5 * Math.Pow(2, Math.Min(entry.Attempts - 1, 10))));
        await _state.WriteStateAsync(CancellationToken.None);
        var title = S.Title ?? "Interview";
        try
        {
            if (entry.Ts is null)
            {
                var posted = await _slack.PostMessageAsync(SlackMessageComposer.PoolOffer(PoolKey, offer!, entry.SlackUserId, entry.TimeZone, title), cancellationToken);
                entry.Channel = posted.Channel;
                entry.Ts = posted.Ts;
                entry.Shown = OfferMessageDecision.Open;
                entry.Status = PoolOfferMessageStatus.Posted;
                entry.PostedAt = _time.GetUtcNow();
            }
            else
            {
                var decision = entry.Decision;
                var replacement = decision switch
                {
                    OfferMessageDecision.Won => SlackMessageComposer.OfferDecided(entry.Channel!, title, acceptedByYou: true),
                    OfferMessageDecision.Lost => SlackMessageComposer.OfferDecided(entry.Channel!, title, acceptedByYou: false),
                    _ => SlackMessageComposer.OfferWithdrawn(entry.Channel!, title),
                };
                await _slack.UpdateMessageAsync(entry.Ts, replacement, cancellationToken);
                entry.Shown = decision;
                entry.Status = PoolOfferMessageStatus.Updated;
                entry.UpdatedAt = _time.GetUtcNow();
            }

            entry.Attempts = 0;
            entry.LastError = null;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or TimeoutException or TaskCanceledException)
        {
            entry.LastError = ex.Message;
            if (ex is SlackApiException { IsTransient: false } || entry.Attempts >= MaxAttempts)
            {
                entry.Status = PoolOfferMessageStatus.Failed;
            }

            SlackOfferLog.StepFailed(_log, ex, this.GetPrimaryKeyString(), entry.MemberId, entry.Attempts, entry.Status == PoolOfferMessageStatus.Failed);
        }

        await _state.WriteStateAsync(CancellationToken.None);
    }
}
