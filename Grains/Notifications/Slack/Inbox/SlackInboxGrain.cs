using Scheduler.Grains.Common;
using Microsoft.Extensions.Logging;

namespace Scheduler.Grains.Notifications;

/// <summary>
/// A tenant's durable Slack inbox (<see cref="ISlackInboxGrain"/>). <see cref="Accept"/> writes the interactions to
/// grain state before it returns, so the webhook can answer Slack only once nothing can be lost; handling runs in
/// later turns, in acceptance order, through <see cref="SlackInteractionHandler"/>: a grain timer shortly after the
/// accept, and the durable reminder <see cref="RetryReminder"/> while anything is pending (after a crash, a restart or
/// a failure). Each attempt is counted and written before it is made and the outcome after it. An interaction whose
/// id is already stored is not stored again, so a redelivered payload changes nothing twice. The one window no inbox
/// closes is a crash after the handler's grain call and before the outcome is written; the retry then calls again,
/// which the targets answer idempotently (a second selection finds the request booking; a second accept of a decided
/// offer is refused).
/// </summary>
[GrainType("slackinbox")]
public sealed class SlackInboxGrain : Grain, ISlackInboxGrain, IRemindable
{
    /// <summary>The name of the durable reminder that drives handling while interactions are pending.</summary>
    public const string RetryReminder = "slack-inbox-retry";

    /// <summary>The period of <see cref="RetryReminder"/>.</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How long after an accept the first attempt runs: long enough for a double click to be handled in the same turn, far below Slack's patience.</summary>
    public static readonly TimeSpan FirstAttemptDelay = TimeSpan.FromMilliseconds(10);

    /// <summary>Attempts before an interaction that keeps failing is given up.</summary>
    public const int MaxAttempts = 8;

    /// <summary>How long handled interactions are kept (for redelivery detection and the history).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private const int MaxIdLength = 512;

    private readonly IPersistentState<SlackInboxState> _state;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackInboxGrain> _log;
    private readonly WorkKick _kick;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">The logger.</param>
    public SlackInboxGrain([PersistentState("inbox")] IPersistentState<SlackInboxState> state, TimeProvider time, ILogger<SlackInboxGrain> log)
    {
        _state = state;
        _time = time;
        _log = log;
        _kick = new WorkKick(run => this.RegisterGrainTimer(run, FirstAttemptDelay, Timeout.InfiniteTimeSpan), ProcessAsync);
    }

    private List<SlackInboxEntry> Entries => _state.State.Entries;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Entries.Exists(e => e.Status == SlackInboxStatus.Pending))
        {
            await this.RegisterOrUpdateReminder(RetryReminder, ReminderPeriod, ReminderPeriod, CancellationToken.None);
            _kick.Request();
        }
    }

    /// <inheritdoc />
    public async Task<int> Accept(IReadOnlyList<SlackInteractionRecord> interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var tenant = this.GetPrimaryKeyString();
        foreach (var interaction in interactions)
        {
            Validate(interaction, tenant);
        }

        var now = _time.GetUtcNow();
        var added = 0;
        foreach (var interaction in interactions)
        {
            if (Entries.Exists(e => e.Interaction.Id == interaction.Id))
            {
                continue;
            }

            Entries.Add(new SlackInboxEntry { Interaction = interaction, Status = SlackInboxStatus.Pending, AcceptedAt = now, NextAttemptAt = now });
            added++;
        }

        if (added == 0)
        {
            return 0;
        }

        Entries.RemoveAll(e => e.Status != SlackInboxStatus.Pending && e.ProcessedAt < now - Retention);
        await _state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(RetryReminder, ReminderPeriod, ReminderPeriod, CancellationToken.None);
        _kick.Request();
        return added;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SlackInboxItem>> GetItems() =>
        Task.FromResult<IReadOnlyList<SlackInboxItem>>([.. Entries.Select(e => e.ToItem())]);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == RetryReminder)
        {
            await _kick.RunAsync(CancellationToken.None);
        }
    }

    private static void Validate(SlackInteractionRecord interaction, string tenant)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (string.IsNullOrEmpty(interaction.Id) || interaction.Id.Length > MaxIdLength)
        {
            throw new ArgumentException($"An interaction id of 1–{MaxIdLength} characters is required.", nameof(interaction));
        }

        if (string.IsNullOrEmpty(interaction.ActionId) || string.IsNullOrEmpty(interaction.Value) || string.IsNullOrEmpty(interaction.UserId))
        {
            throw new ArgumentException($"Interaction '{interaction.Id}' lacks its action, value or user.", nameof(interaction));
        }

        if (!interaction.Value.StartsWith(tenant + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Interaction '{interaction.Id}' is not of tenant '{tenant}'.", nameof(interaction));
        }
    }

    private async Task ProcessAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        foreach (var entry in Entries.Where(e => e.Status == SlackInboxStatus.Pending && e.NextAttemptAt <= now).ToList())
        {
            await AttemptAsync(entry);
        }

        if (!Entries.Exists(e => e.Status == SlackInboxStatus.Pending))
        {
            if (await this.GetReminder(RetryReminder, CancellationToken.None) is { } reminder)
            {
                await this.UnregisterReminder(reminder, CancellationToken.None);
            }
        }
    }

    private async Task AttemptAsync(SlackInboxEntry entry)
    {
        var interaction = entry.Interaction;
        entry.Attempts++;
        entry.NextAttemptAt = _time.GetUtcNow() + Backoff(entry.Attempts);
        await _state.WriteStateAsync();
        try
        {
            entry.Outcome = await SlackInteractionHandler.HandleAsync(GrainFactory, interaction);
            entry.Status = SlackInboxStatus.Done;
            entry.ProcessedAt = _time.GetUtcNow();
            _log.InteractionHandled(this.GetPrimaryKeyString(), interaction.Id, interaction.ActionId, interaction.Value, interaction.UserId, entry.Outcome);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            entry.Outcome = ex.Message;
            if (ex is SlackInteractionRejectedException || entry.Attempts >= MaxAttempts)
            {
                entry.Status = SlackInboxStatus.Failed;
                entry.ProcessedAt = _time.GetUtcNow();
                _log.InteractionGaveUp(ex, this.GetPrimaryKeyString(), interaction.Id, interaction.ActionId, interaction.Value, interaction.UserId, entry.Attempts);
            }
            else
            {
                _log.InteractionWillRetry(ex, this.GetPrimaryKeyString(), interaction.Id, entry.Attempts, entry.NextAttemptAt);
            }
        }

        await _state.WriteStateAsync();
    }

    /// <summary>5 s after the first failure, doubling, at most 10 minutes.</summary>
    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(600, 5 * Math.Pow(2, Math.Min(attempts - 1, 10))));
}
