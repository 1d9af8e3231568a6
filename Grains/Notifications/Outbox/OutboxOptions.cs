using System.ComponentModel.DataAnnotations;
using Scheduler.Grains.Common.Retries;

namespace Scheduler.Grains.Notifications.Outbox;

/// <summary>Retry settings of the notification outbox, bound to <c>Notifications:Outbox</c>.</summary>
public sealed class OutboxOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Notifications:Outbox";

    /// <summary>Delivery attempts per message before it is marked failed (1–1000).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>The delay after the first failure, in seconds (1–86400); doubles per further failure (exponential backoff).</summary>
    [Range(1, 86400)]
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>The longest delay between attempts, in seconds (1–604800), at least <see cref="RetryBaseSeconds"/>.</summary>
    [Range(1, 604800)]
    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>The period of the durable reminder that drives retries while messages are pending, in seconds (60–86400; Orleans reminders tick at most once a minute).</summary>
    [Range(60, 86400)]
    public int ReminderPeriodSeconds { get; set; } = 60;

    /// <summary>Messages sent per grain turn (1–100); more are sent in following turns.</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 10;

    /// <summary>The backoff these settings describe, with ±20 % jitter.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The settings were not validated and are out of range.</exception>
    public RetryPolicy ToRetryPolicy() => new(TimeSpan.FromSeconds(RetryBaseSeconds), TimeSpan.FromSeconds(RetryMaxSeconds), MaxAttempts, jitter: 0.2);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryMaxSeconds < RetryBaseSeconds)
        {
            yield return new ValidationResult($"Must be at least RetryBaseSeconds ({RetryBaseSeconds}).", [nameof(RetryMaxSeconds)]);
        }
    }
}
