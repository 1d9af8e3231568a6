namespace Scheduler.Grains.Settings;

/// <summary>
/// A tenant's scheduling settings (<see cref="ISchedulingSettingsGrain"/>): whether the engine learns time preferences
/// from the tenant's history. A tenant that never stored settings gets the defaults below.
/// </summary>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.SchedulingSettings")]
public sealed record SchedulingSettings
{
    /// <summary>The shortest accepted <see cref="LearningHalfLifeDays"/>.</summary>
    public const int MinHalfLifeDays = 7;

    /// <summary>The longest accepted <see cref="LearningHalfLifeDays"/> (two years).</summary>
    public const int MaxHalfLifeDays = 730;

    /// <summary>The default <see cref="LearningHalfLifeDays"/>.</summary>
    public const int DefaultHalfLifeDays = 90;

    /// <summary>
    /// Whether outcomes (selections, interviews held, reschedules, cancellations) are learned and scored as the
    /// <c>learnedPreference</c> reason of proposals. Off: nothing new is recorded, and scores and reasons are as if no
    /// history existed (what was learned before is kept for when it is turned on again). Default <see langword="true"/>.
    /// </summary>
    [Id(0)]
    public bool PreferenceLearning { get; init; } = true;

    /// <summary>After this many days an observation counts half as much, <see cref="MinHalfLifeDays"/>–<see cref="MaxHalfLifeDays"/>. Default 90.</summary>
    [Id(1)]
    public int LearningHalfLifeDays { get; init; } = DefaultHalfLifeDays;

    /// <summary>When the settings were last stored (UTC); <see langword="null"/> while the defaults apply.</summary>
    [Id(2)]
    public DateTimeOffset? UpdatedAt { get; init; }
}
