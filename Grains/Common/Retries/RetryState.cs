namespace Scheduler.Grains.Common.Retries;

/// <summary>
/// The attempt bookkeeping of one durable item (a message, an interaction, a calendar write), stored inside the item.
/// Only <see cref="Retrier"/> and <see cref="RetryPolicy"/> change it; the setters are public for the serializers.
/// A new state is due at once.
/// </summary>
[GenerateSerializer, Alias("Scheduler.Grains.Common.Retries.RetryState")]
public sealed class RetryState
{
    /// <summary>Attempts started so far (0 or more); an attempt is counted and written before it is made.</summary>
    [Id(0)]
    public int Attempts { get; set; }

    /// <summary>The earliest time of the next attempt (UTC); <see cref="DateTimeOffset.MinValue"/> while never tried.</summary>
    [Id(1)]
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The message of the last failure; <see langword="null"/> before any failure and after a success.</summary>
    [Id(2)]
    public string? LastError { get; set; }

    /// <summary>When the item was given up (UTC); <see langword="null"/> while it may still be tried.</summary>
    [Id(3)]
    public DateTimeOffset? GaveUpAt { get; set; }
}
