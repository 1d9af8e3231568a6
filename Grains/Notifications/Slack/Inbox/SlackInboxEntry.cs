using Scheduler.Grains.Common.Retries;

namespace Scheduler.Grains.Notifications.Slack.Inbox;

/// <summary>One stored interaction of a <see cref="SlackInboxGrain"/> (JSON state).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Notifications.SlackInboxEntry")]
public sealed class SlackInboxEntry : IRetryItem
{
    /// <summary>The interaction.</summary>
    [Id(0)]
    public required SlackInteractionRecord Interaction { get; set; }

    /// <summary>Pending, done or failed.</summary>
    [Id(1)]
    public SlackInboxStatus Status { get; set; }

    /// <summary>When it was stored (UTC).</summary>
    [Id(2)]
    public DateTimeOffset AcceptedAt { get; set; }

    /// <summary>When it was handled (UTC); <see langword="null"/> until then.</summary>
    [Id(5)]
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>What handling did; <see langword="null"/> until it was handled.</summary>
    [Id(6)]
    public string? Outcome { get; set; }

    /// <inheritdoc />
    [Id(7)]
    public RetryState Retry { get; set; } = new();

    /// <inheritdoc />
    public bool HasWork => Status == SlackInboxStatus.Pending;

    /// <summary>When it was handled or given up (UTC); <see langword="null"/> while pending.</summary>
    public DateTimeOffset? FinishedAt => ProcessedAt ?? Retry.GaveUpAt;

    /// <summary>The public view.</summary>
    /// <returns>The item: its outcome, or else its last error.</returns>
    public SlackInboxItem ToItem() => new(Interaction, Status, AcceptedAt, Retry.Attempts, FinishedAt, Outcome ?? Retry.LastError);
}
