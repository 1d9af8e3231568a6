namespace Scheduler.Grains.Notifications;

/// <summary>Retry settings of the notification outbox, bound to <c>Notifications:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Notifications:Outbox";

    /// <summary>Delivery attempts per message before it is marked failed (1–1000).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>The delay after the first failure, in seconds; doubles per further failure (exponential backoff).</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>The longest delay between attempts, in seconds.</summary>
    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>The period of the durable reminder that drives retries while messages are pending, in seconds (≥ 1).</summary>
    public int ReminderPeriodSeconds { get; set; } = 60;

    /// <summary>Messages sent per grain turn (1–100); more are sent in following turns.</summary>
    public int BatchSize { get; set; } = 10;
}
