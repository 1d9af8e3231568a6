namespace Scheduler.Grains.Notifications;

/// <summary>One stored interaction of a <see cref="SlackInboxGrain"/> (JSON state).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Notifications.SlackInboxEntry")]
public sealed class SlackInboxEntry
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

    /// <summary>Handling attempts so far (counted and written before each attempt).</summary>
    [Id(3)]
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due (UTC).</summary>
    [Id(4)]
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When it was done or given up (UTC).</summary>
    [Id(5)]
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>What handling did, or the last error.</summary>
    [Id(6)]
    public string? Outcome { get; set; }

    /// <summary>The public view.</summary>
    /// <returns>The item.</returns>
    public SlackInboxItem ToItem() => new(Interaction, Status, AcceptedAt, Attempts, ProcessedAt, Outcome);
}
