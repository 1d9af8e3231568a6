namespace Scheduler.Grains.Notifications;

/// <summary>One stored interaction of a <see cref="SlackInboxGrain"/> (JSON state).</summary>
public sealed class SlackInboxEntry
{
    /// <summary>The interaction.</summary>
    public required SlackInteractionRecord Interaction { get; set; }

    /// <summary>Pending, done or failed.</summary>
    public SlackInboxStatus Status { get; set; }

    /// <summary>When it was stored (UTC).</summary>
    public DateTimeOffset AcceptedAt { get; set; }

    /// <summary>Handling attempts so far (counted and written before each attempt).</summary>
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due (UTC).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When it was done or given up (UTC).</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>What handling did, or the last error.</summary>
    public string? Outcome { get; set; }

    /// <summary>The public view.</summary>
    /// <returns>The item.</returns>
    public SlackInboxItem ToItem() => new(Interaction, Status, AcceptedAt, Attempts, ProcessedAt, Outcome);
}
